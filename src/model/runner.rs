//! [`TokenClassifier`]: texts in, one label distribution per word out.
//!
//! The steps, for a slice of texts: tokenize each (byte offsets), plan its
//! windows ([`super::windows`]), run all windows of all texts in parallel
//! (longest first, so no worker is left with a long tail), put each
//! window's target logits back in place, group tokens into words
//! ([`super::words`]) and take each word's label distribution from its
//! first token (as the model was trained). Heads on the same graph
//! ([`super::head`]) are read from the same calls and grouped the same way.
//!
//! Each window runs as its own model call by default (`batch_size` 1).
//! Batching windows changes results: our model is int8 with dynamic
//! quantisation, whose activation scales are computed over the whole input
//! tensor, so a window's padded neighbours change its logits. Measured on
//! CoNLL valid (568 windows): batches of 8 or 32 changed 91 and 81 of 51,362
//! word labels (F1 93.81 / 93.82 against 93.89 alone; with the epoch-1 model
//! logits moved by up to 2.4), and they were slower (padding: 9.9 s and
//! 11.4 s against 8.9 s on 2 threads). Results would then depend on which
//! documents share a chunk. One window per call makes every output
//! independent of batch size,
//! chunking and thread count (tested), costs no padding, and a 256-token
//! window is still a good matrix product. `batch_size` > 1 is there for
//! measurements and for fp32 models.
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::casing::{casing_v1, SPECIAL};
use super::config::ModelConfig;
use super::encode::{TextTokenizer, Tokens};
use super::error::ModelError;
use super::head::OutputHead;
use super::runtime;
use super::session::{OutputRead, SessionPool, WindowInput};
use super::windows::{plan_windows, WindowPlan};
use super::words::{group_words, WordRule};

/// Options of a [`TokenClassifier`]; the defaults suit our NER model.
#[derive(Debug, Clone)]
pub struct RunnerOptions {
    /// The `.onnx` file in the model directory (default `model.onnx`).
    pub model_file: Option<PathBuf>,
    /// How tokens group into words.
    pub word_rule: WordRule,
    /// Windows per model call; 1 keeps results independent of batching.
    pub batch_size: usize,
    /// Window length override (tokens, special tokens included).
    pub max_length: Option<usize>,
    /// Targets per window override (see [`super::windows`]).
    pub target_budget: Option<usize>,
    /// Context per side override (see [`super::windows`]).
    pub max_context: Option<usize>,
}

impl Default for RunnerOptions {
    fn default() -> Self {
        Self {
            model_file: None,
            word_rule: WordRule::Conll,
            batch_size: 1,
            max_length: None,
            target_budget: None,
            max_context: None,
        }
    }
}

/// A text to classify, with optional sentence byte ranges (windows then
/// prefer to cut between sentences).
#[derive(Debug, Clone, Copy)]
pub struct TextInput<'a> {
    pub text: &'a str,
    pub sentences: &'a [Range<usize>],
}

impl<'a> From<&'a str> for TextInput<'a> {
    fn from(text: &'a str) -> Self {
        Self { text, sentences: &[] }
    }
}

/// A word and its label distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct WordPrediction {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Softmax over the model's labels, from the word's first token.
    pub probabilities: Vec<f32>,
}

impl WordPrediction {
    /// The most probable label index (the first one on ties) and its probability.
    pub fn best(&self) -> (usize, f32) {
        let mut best = (0, f32::NEG_INFINITY);
        for (index, &probability) in self.probabilities.iter().enumerate() {
            if probability > best.1 {
                best = (index, probability);
            }
        }
        best
    }
}

/// A classified text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClassifiedText {
    pub words: Vec<WordPrediction>,
    /// Subword tokens of the text.
    pub tokens: usize,
    /// Model windows it took.
    pub windows: usize,
    /// Tokens fed to the model for it, context and special tokens included.
    pub tokens_run: usize,
}

/// How much text a call classified and how much the model ran over.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenCounts {
    /// Subword tokens of the texts.
    pub tokens: u64,
    /// Tokens fed to the model: context and special tokens included.
    pub model_tokens: u64,
    pub windows: u64,
}

impl TokenCounts {
    /// The sums over classified texts.
    pub fn of(texts: &[ClassifiedText]) -> Self {
        texts.iter().fold(Self::default(), |sum, text| Self {
            tokens: sum.tokens + text.tokens as u64,
            model_tokens: sum.model_tokens + text.tokens_run as u64,
            windows: sum.windows + text.windows as u64,
        })
    }
}

/// A token-classification model: ONNX graph, tokenizer and labels.
#[derive(Debug)]
pub struct TokenClassifier {
    dir: PathBuf,
    /// The directory of the graph (the encoder's, for a head), canonical
    /// where it can be, to tell whether a head is on this graph.
    graph_dir: PathBuf,
    /// The id of the graph's own model (differs from `config`'s for a head).
    graph_id: Option<String>,
    config: ModelConfig,
    tokenizer: TextTokenizer,
    pool: SessionPool,
    options: RunnerOptions,
    max_content: usize,
    budget: usize,
    /// Context tokens per side of a long text's window (`usize::MAX`: fill it).
    max_context: usize,
}

impl TokenClassifier {
    /// Loads a model directory: `model.onnx` (or `options.model_file`),
    /// `tokenizer.json` and `config.json` with `id2label`. Local files only.
    /// A head's directory ([`OutputHead`]) holds only `config.json`; the
    /// graph and tokenizer are then its encoder's, and the logits its output.
    pub fn load(dir: &Path, options: RunnerOptions) -> Result<Self, ModelError> {
        if options.batch_size == 0 {
            return Err(ModelError::InvalidOption("batch size must be at least 1".into()));
        }
        let head = if OutputHead::is_head(dir) {
            Some(OutputHead::load(dir)?)
        } else {
            None
        };
        let graph_dir = head
            .as_ref()
            .map_or_else(|| dir.to_path_buf(), OutputHead::encoder_dir);
        let model_path = graph_dir.join(options.model_file.as_deref().unwrap_or(Path::new("model.onnx")));
        let config_path = dir.join("config.json");
        let graph_config_path = graph_dir.join("config.json");
        let tokenizer_path = graph_dir.join("tokenizer.json");
        let files = [
            ("ONNX model", model_path.as_path()),
            ("model configuration", &config_path),
            ("model configuration", &graph_config_path),
            ("tokenizer", &tokenizer_path),
        ];
        super::model_dir::require_files(&files, MISSING_HINT)?;
        let (mut config, graph_id) = match &head {
            Some(head) => (head.config().clone(), head.encoder_config()?.model_id),
            None => {
                let config = ModelConfig::load(&config_path)?;
                let id = config.model_id.clone();
                (config, id)
            }
        };
        if let Some(max_length) = options.max_length {
            config.max_length = max_length;
        }
        let tokenizer = TextTokenizer::load(&tokenizer_path)?;
        let max_content = config
            .max_length
            .checked_sub(tokenizer.specials())
            .filter(|&content| content > 0)
            .ok_or_else(|| {
                ModelError::InvalidOption(format!(
                    "max length {} leaves no room for text",
                    config.max_length
                ))
            })?;
        let (budget, max_context) = window_settings(
            options.target_budget.or(config.target_budget),
            options.max_context.or(config.max_context),
            max_content,
        );
        let environment = runtime::environment()?;
        let pool = SessionPool::open(&model_path, &config, environment, tokenizer.pad_id)?;
        Ok(Self {
            dir: dir.to_path_buf(),
            graph_dir: graph_dir.canonicalize().unwrap_or(graph_dir),
            graph_id,
            config,
            tokenizer,
            pool,
            options,
            max_content,
            budget,
            max_context,
        })
    }

    /// The model directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Labels by class index.
    pub fn labels(&self) -> &[String] {
        &self.config.labels
    }

    /// The model's id from `config.json`, if it has one.
    pub fn model_id(&self) -> Option<&str> {
        self.config.model_id.as_deref()
    }

    /// The decoding `config.json` recommends, if any (`newsgrist.decoding`).
    pub fn recommended_decoding(&self) -> Option<&str> {
        self.config.decoding.as_deref()
    }

    /// Names of the graph inputs the runner feeds.
    pub fn input_names(&self) -> Vec<&str> {
        self.pool.inputs.iter().map(|input| input.name.as_str()).collect()
    }

    /// Classifies every word of every text; results in input order. Runs
    /// in parallel on the current rayon pool.
    pub fn classify(&self, texts: &[TextInput<'_>]) -> Result<Vec<ClassifiedText>, ModelError> {
        let mut outputs = self.classify_with_heads(texts, &[])?;
        Ok(outputs.swap_remove(0))
    }

    /// Fails unless `head` is an output of this classifier's graph, read
    /// over the same windows, so that [`Self::classify_with_heads`] gives
    /// it what it would get alone.
    pub fn check_head(&self, head: &OutputHead) -> Result<(), ModelError> {
        let unfit = |reason: String| ModelError::UnsupportedModel {
            path: head.dir().to_path_buf(),
            reason,
        };
        let encoder = head.encoder_dir();
        if encoder.canonicalize().unwrap_or(encoder.clone()) != self.graph_dir {
            return Err(unfit(format!(
                "it is a head on the encoder in {}, not on the model in {}",
                encoder.display(),
                self.dir.display()
            )));
        }
        head.check_encoder_id(self.graph_id.as_deref())?;
        let config = head.config();
        let (budget, context) = window_settings(config.target_budget, config.max_context, self.max_content);
        if (config.max_length, budget, context) != (self.config.max_length, self.budget, self.max_context) {
            let sides = |context: usize| match context {
                usize::MAX => "as much context as fits".to_owned(),
                tokens => format!("{tokens} context tokens a side"),
            };
            return Err(unfit(format!(
                "it reads windows of {} tokens with {budget} targets and {}; this run's have {} \
                 tokens with {} targets and {}",
                config.max_length,
                sides(context),
                self.config.max_length,
                self.budget,
                sides(self.max_context)
            )));
        }
        self.pool
            .check_output(head.output(), config.labels.len())
            .map_err(unfit)
    }

    /// [`Self::classify`], and the same words classified by each of `heads`
    /// (each checked with [`Self::check_head`]) from the same model calls:
    /// element 0 is this classifier's, element `1 + i` is `heads[i]`'s.
    pub fn classify_with_heads(
        &self,
        texts: &[TextInput<'_>],
        heads: &[&OutputHead],
    ) -> Result<Vec<Vec<ClassifiedText>>, ModelError> {
        let prepared: Vec<Prepared> = texts
            .par_iter()
            .enumerate()
            .map(|(document, input)| {
                self.prepare(input)
                    .map_err(|reason| ModelError::Tokenize { document, reason })
            })
            .collect::<Result<_, _>>()?;
        let reads: Vec<OutputRead<'_>> = std::iter::once(self.pool.output())
            .chain(heads.iter().map(|head| OutputRead {
                name: head.output(),
                labels: head.config().labels.len(),
            }))
            .collect();

        // Every window of every text, longest first (stable: ties keep input order).
        let mut jobs: Vec<(usize, usize)> = prepared
            .iter()
            .enumerate()
            .flat_map(|(text, prepared)| (0..prepared.plans.len()).map(move |window| (text, window)))
            .collect();
        jobs.sort_by_key(|&(text, window)| std::cmp::Reverse(prepared[text].plans[window].context.len()));
        let batches: Vec<&[(usize, usize)]> = jobs.chunks(self.options.batch_size).collect();
        // Window inputs are built, and logits cut to the targets, inside each job:
        // a long text never holds all its windows in memory at once.
        // Per batch, per output, per window of the batch.
        let logits: Vec<Vec<Vec<Vec<f32>>>> = batches
            .par_iter()
            .map(|batch| {
                let inputs: Vec<WindowInput> = batch
                    .iter()
                    .map(|&(text, window)| self.window_input(&prepared[text], window))
                    .collect();
                let outputs = self
                    .pool
                    .run_outputs(&inputs.iter().collect::<Vec<_>>(), &reads)?;
                Ok(outputs
                    .into_iter()
                    .zip(&reads)
                    .map(|(windows, read)| {
                        batch
                            .iter()
                            .zip(windows)
                            .map(|(&(text, window), logits)| {
                                self.target_rows(&prepared[text].plans[window], logits, read.labels)
                            })
                            .collect()
                    })
                    .collect())
            })
            .collect::<Result<_, ModelError>>()?;

        // per output, per text, per window
        let mut placed: Vec<Vec<Vec<Vec<f32>>>> = reads
            .iter()
            .map(|_| {
                prepared
                    .iter()
                    .map(|prepared| vec![Vec::new(); prepared.plans.len()])
                    .collect()
            })
            .collect();
        for (batch, batch_logits) in batches.iter().zip(logits) {
            for (output, window_logits) in batch_logits.into_iter().enumerate() {
                for (&(text, window), rows) in batch.iter().zip(window_logits) {
                    placed[output][text][window] = rows;
                }
            }
        }
        Ok(placed
            .into_iter()
            .zip(&reads)
            .map(|(per_text, read)| {
                prepared
                    .iter()
                    .zip(per_text)
                    .zip(texts)
                    .map(|((prepared, window_logits), input)| {
                        self.finish(input.text, prepared, window_logits, read.labels)
                    })
                    .collect()
            })
            .collect())
    }

    fn prepare(&self, input: &TextInput<'_>) -> Result<Prepared, String> {
        let tokens = self.tokenizer.encode(input.text)?;
        let casing: Vec<i64> = if self.pool.wants_casing() {
            tokens
                .offsets
                .iter()
                .map(|&(start, end)| input.text.get(start..end).map_or(SPECIAL, casing_v1))
                .collect()
        } else {
            Vec::new()
        };
        let sentences = sentence_tokens(&tokens, input.sentences);
        let plans = plan_windows(
            tokens.ids.len(),
            self.max_content,
            self.budget,
            self.max_context,
            &sentences,
        );
        Ok(Prepared {
            tokens,
            casing,
            plans,
        })
    }

    /// The model input of window `window` of a text: special tokens around its context.
    fn window_input(&self, prepared: &Prepared, window: usize) -> WindowInput {
        let context = prepared.plans[window].context.clone();
        let tokens = &prepared.tokens;
        let prefix = &self.tokenizer.prefix;
        let suffix = &self.tokenizer.suffix;
        let mut input = WindowInput::default();
        input.ids.extend(prefix.iter().map(|special| special.id));
        input.ids.extend_from_slice(&tokens.ids[context.clone()]);
        input.ids.extend(suffix.iter().map(|special| special.id));
        input
            .type_ids
            .extend(prefix.iter().map(|special| special.type_id));
        input
            .type_ids
            .extend_from_slice(&tokens.type_ids[context.clone()]);
        input
            .type_ids
            .extend(suffix.iter().map(|special| special.type_id));
        if !prepared.casing.is_empty() {
            input.casing.extend(prefix.iter().map(|_| SPECIAL));
            input.casing.extend_from_slice(&prepared.casing[context]);
            input.casing.extend(suffix.iter().map(|_| SPECIAL));
        }
        input
    }

    /// The logits rows of a window's targets (`labels` per row).
    fn target_rows(&self, plan: &WindowPlan, logits: Vec<f32>, labels: usize) -> Vec<f32> {
        let first = plan.targets.start - plan.context.start + self.tokenizer.prefix.len();
        let rows = first * labels..(first + plan.targets.len()) * labels;
        logits.get(rows).map(<[f32]>::to_vec).unwrap_or_default()
    }

    fn finish(
        &self,
        text: &str,
        prepared: &Prepared,
        window_logits: Vec<Vec<f32>>,
        labels: usize,
    ) -> ClassifiedText {
        let count = prepared.tokens.ids.len();
        let mut token_logits = vec![0.0f32; count * labels];
        for (plan, logits) in prepared.plans.iter().zip(&window_logits) {
            if let Some(rows) = token_logits.get_mut(plan.targets.start * labels..plan.targets.end * labels) {
                if rows.len() == logits.len() {
                    rows.copy_from_slice(logits);
                }
            }
        }
        let words = group_words(text, &prepared.tokens.offsets, self.options.word_rule)
            .into_iter()
            .map(|word| {
                let first = word.tokens.start;
                WordPrediction {
                    start: word.start,
                    end: word.end,
                    probabilities: softmax(&token_logits[first * labels..(first + 1) * labels]),
                }
            })
            .collect();
        let specials = self.tokenizer.specials();
        ClassifiedText {
            words,
            tokens: count,
            windows: prepared.plans.len(),
            tokens_run: prepared
                .plans
                .iter()
                .map(|plan| plan.context.len() + specials)
                .sum(),
        }
    }
}

/// Targets per window and context tokens per side (`usize::MAX`: fill the
/// window) from the configured values, within `max_content` tokens.
fn window_settings(
    target_budget: Option<usize>,
    max_context: Option<usize>,
    max_content: usize,
) -> (usize, usize) {
    (
        target_budget.unwrap_or(max_content / 2).clamp(1, max_content),
        max_context.unwrap_or(usize::MAX),
    )
}

/// A tokenized text, its casing classes (when the model takes them) and its windows.
struct Prepared {
    tokens: Tokens,
    casing: Vec<i64>,
    plans: Vec<WindowPlan>,
}

/// Sentence byte ranges to token ranges (a sentence starts at its first token).
fn sentence_tokens(tokens: &Tokens, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let first_token = |byte: usize| tokens.offsets.partition_point(|&(start, _)| start < byte);
    sentences
        .iter()
        .map(|sentence| first_token(sentence.start)..first_token(sentence.end))
        .collect()
}

fn softmax(logits: &[f32]) -> Vec<f32> {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f64> = logits.iter().map(|&logit| f64::from(logit - max).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.into_iter().map(|exp| (exp / sum) as f32).collect()
}

const MISSING_HINT: &str =
    "a model directory holds model.onnx, tokenizer.json and config.json (a head's only config.json, \
     naming its encoder's directory); newsgrist's NER and attribution models are exported into \
     models/ner and models/attribution by scripts/export_shared_onnx.py";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_is_a_distribution() {
        let probabilities = softmax(&[1.0, 2.0, 3.0]);
        let sum: f32 = probabilities.iter().sum();
        assert!((sum - 1.0).abs() < 1e-6);
        assert!(probabilities[2] > probabilities[1] && probabilities[1] > probabilities[0]);
        assert_eq!(softmax(&[1000.0, 1000.0]), [0.5, 0.5]);
    }

    #[test]
    fn best_takes_the_first_maximum() {
        let word = WordPrediction {
            start: 0,
            end: 1,
            probabilities: vec![0.25, 0.5, 0.25, 0.5],
        };
        assert_eq!(word.best(), (1, 0.5));
    }

    #[test]
    fn sentences_map_to_token_ranges() {
        let tokens = Tokens {
            ids: vec![1; 5],
            type_ids: vec![0; 5],
            offsets: vec![(0, 3), (4, 8), (8, 9), (10, 12), (13, 14)],
        };
        assert_eq!(sentence_tokens(&tokens, &[0..9, 10..14]), [0..3, 3..5]);
    }

    #[test]
    fn reproduces_the_python_reference_vectors_of_ner() {
        check_golden("ner");
    }

    #[test]
    fn reproduces_the_python_reference_vectors_of_attribution() {
        check_golden("attribution");
    }

    /// `models/NAME/golden.json` (written by `scripts/export_shared_onnx.py`):
    /// tokens, byte offsets, `input_ids`, `shape_ids` and logits of the
    /// shipped model on three raw texts, computed in Python (for the
    /// attribution head, its output of the NER model's graph). Skips
    /// without the ONNX Runtime library.
    fn check_golden(name: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(name);
        let golden_path = dir.join("golden.json");
        assert!(golden_path.is_file(), "{} is committed", golden_path.display());
        if let Err(err) = runtime::library_path() {
            eprintln!("skipping: {err}");
            return;
        }
        let text = std::fs::read_to_string(&golden_path).expect("golden.json is readable");
        let golden: serde_json::Value = serde_json::from_str(&text).expect("golden.json is JSON");
        let classifier = TokenClassifier::load(&dir, RunnerOptions::default()).expect("the model loads");
        let cases = golden["cases"].as_array().expect("cases");
        assert!(!cases.is_empty());
        let mut worst = 0.0f32;
        for case in cases {
            let text = case["text"].as_str().expect("text");
            let integers = |key: &str| -> Vec<i64> {
                case[key]
                    .as_array()
                    .expect(key)
                    .iter()
                    .filter_map(serde_json::Value::as_i64)
                    .collect()
            };
            let prepared = classifier.prepare(&TextInput::from(text)).expect("prepares");
            assert_eq!(prepared.plans.len(), 1, "{text}");
            let input = classifier.window_input(&prepared, 0);
            assert_eq!(input.ids, integers("input_ids"), "{text}");
            assert_eq!(input.casing, integers("shape_ids"), "{text}");
            let offsets: Vec<(usize, usize)> = case["byte_offsets"]
                .as_array()
                .expect("byte_offsets")
                .iter()
                .filter_map(|pair| Some((pair[0].as_u64()? as usize, pair[1].as_u64()? as usize)))
                .collect();
            assert_eq!(prepared.tokens.offsets, offsets[1..offsets.len() - 1], "{text}");
            let logits = classifier
                .pool
                .run_outputs(&[&input], &[classifier.pool.output()])
                .expect("runs")
                .remove(0)
                .remove(0);
            let expected: Vec<f32> = case["logits"]
                .as_array()
                .expect("logits")
                .iter()
                .flat_map(|row| row.as_array().expect("row").iter().filter_map(|x| x.as_f64()))
                .map(|x| x as f32)
                .collect();
            assert_eq!(logits.len(), expected.len(), "{text}");
            for (got, want) in logits.iter().zip(&expected) {
                worst = worst.max((got - want).abs());
            }
        }
        eprintln!("largest logit difference to Python: {worst}");
        // golden logits are rounded to 4 decimals; int8 kernels may differ slightly across CPUs
        assert!(worst < 0.05, "largest logit difference {worst}");
    }
}
