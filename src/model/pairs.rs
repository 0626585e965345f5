//! [`PairClassifier`]: sentences with entities in, label distributions per
//! ordered pair of entities out (our relation model).
//!
//! A model directory holds `model.onnx`, `tokenizer.json` and a
//! `config.json` read by [`super::pair_config`]. Each sentence is one model
//! call with all its entities marked ([`super::markers`]); the graph takes
//! `pair_index` rows `(0, head start, tail start)` and returns logits per
//! pair for each head. One sentence per call keeps every result independent
//! of batching and thread count (the reason is in [`super::runner`]: the
//! int8 model's activation scales are computed per input tensor).
//!
//! The classifier knows nothing of relation types: the relation stage reads
//! the labels.
use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ort::environment::Environment;
use ort::session::{Session, SessionInputValue};
use ort::value::{DynValue, Tensor};
use rayon::prelude::*;

use super::encode::TextTokenizer;
use super::error::ModelError;
use super::markers::{mark_entities, MarkedInput, MarkerLayout};
use super::pair_config::{PairConfig, PairHead};
use super::runner::TokenCounts;
use super::{runtime, session};

/// A sentence, its entities (byte ranges of `text`), their NER types
/// (one per entity, or empty when not known) and the ordered pairs
/// (indices into `entities`) to score.
#[derive(Debug, Clone, Copy)]
pub struct PairInput<'a> {
    pub text: &'a str,
    pub entities: &'a [Range<usize>],
    pub types: &'a [Option<&'a str>],
    pub pairs: &'a [(usize, usize)],
}

/// One scored pair: log-probabilities per head, in the config's head order.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredPair {
    pub head: usize,
    pub tail: usize,
    pub log_probs: Vec<Vec<f32>>,
}

/// An entity-pair classification model.
pub struct PairClassifier {
    dir: PathBuf,
    model_path: PathBuf,
    config: PairConfig,
    tokenizer: TextTokenizer,
    layout: MarkerLayout,
    environment: Environment,
    free: Mutex<Vec<Session>>,
    inputs: Vec<String>,
}

impl std::fmt::Debug for PairClassifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PairClassifier")
            .field("dir", &self.dir)
            .field("heads", &self.config.heads)
            .finish_non_exhaustive()
    }
}

const KNOWN_INPUTS: [&str; 5] = [
    "input_ids",
    "attention_mask",
    "token_type_ids",
    "shape_ids",
    "pair_index",
];

impl PairClassifier {
    /// Loads a model directory (usually `models/relations`). Local files only.
    pub fn load(dir: &Path) -> Result<Self, ModelError> {
        let model_path = dir.join("model.onnx");
        let config_path = dir.join("config.json");
        let tokenizer_path = dir.join("tokenizer.json");
        let files = [
            ("ONNX model", model_path.as_path()),
            ("model configuration", &config_path),
            ("tokenizer", &tokenizer_path),
        ];
        let hint = "a relation model directory holds model.onnx, tokenizer.json and config.json; \
                    newsgrist's is exported into models/relations by scripts/export_relations_onnx.py";
        super::model_dir::require_files(&files, hint)?;
        let config = PairConfig::load(&config_path)?;
        let tokenizer = TextTokenizer::load(&tokenizer_path)?;
        let (Some(cls), Some(sep)) = (tokenizer.prefix.first(), tokenizer.suffix.first()) else {
            return Err(ModelError::UnsupportedModel {
                path: tokenizer_path,
                reason: "the tokenizer adds no [CLS]/[SEP] tokens around a text".into(),
            });
        };
        let layout = MarkerLayout {
            cls_id: cls.id,
            sep_id: sep.id,
            start_id: config.entity_start_id,
            typed_start_ids: config.typed_start_ids.clone(),
            end_id: config.entity_end_id,
            max_length: config.max_length,
            crop_margin: config.crop_margin,
        };
        let environment = runtime::environment()?;
        let first = session::create(&model_path, &environment)?;
        let unsupported = |reason: String| ModelError::UnsupportedModel {
            path: model_path.clone(),
            reason,
        };
        let inputs: Vec<String> = first
            .inputs()
            .iter()
            .map(|input| input.name().to_owned())
            .collect();
        if let Some(unknown) = inputs.iter().find(|name| !KNOWN_INPUTS.contains(&name.as_str())) {
            return Err(unsupported(format!(
                "the graph takes an input {unknown:?} this runner cannot fill"
            )));
        }
        for needed in ["input_ids", "pair_index"] {
            if !inputs.iter().any(|name| name == needed) {
                return Err(unsupported(format!("the graph has no `{needed}` input")));
            }
        }
        if inputs.iter().any(|name| name == "shape_ids") != config.casing {
            return Err(unsupported(
                "config.json and the graph disagree on `shape_ids`".into(),
            ));
        }
        let outputs: Vec<&str> = first.outputs().iter().map(|output| output.name()).collect();
        if let Some(head) = config
            .heads
            .iter()
            .find(|head| !outputs.contains(&head.output.as_str()))
        {
            return Err(unsupported(format!(
                "config.json names output {:?} for head {:?}, but the graph has {outputs:?}",
                head.output, head.name
            )));
        }
        Ok(Self {
            dir: dir.to_path_buf(),
            model_path,
            config,
            tokenizer,
            layout,
            environment,
            free: Mutex::new(vec![first]),
            inputs,
        })
    }

    /// The model directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The heads, in the order of [`ScoredPair::log_probs`].
    pub fn heads(&self) -> &[PairHead] {
        &self.config.heads
    }

    /// Index of the head called `name`.
    pub fn head(&self, name: &str) -> Option<usize> {
        self.config.head(name)
    }

    /// Whether the model's start markers name entity types, so inputs need
    /// [`PairInput::types`].
    pub fn typed_markers(&self) -> bool {
        !self.layout.typed_start_ids.is_empty()
    }

    /// The bias against "no relation" the config asks for.
    pub fn no_relation_bias(&self) -> f32 {
        self.config.no_relation_bias
    }

    /// Bytes around a pair's entities the model was trained to read, when
    /// its config names them.
    pub fn reading_context_bytes(&self) -> Option<usize> {
        self.config.reading_context_bytes
    }

    /// The model's id from `config.json`.
    pub fn model_id(&self) -> Option<&str> {
        self.config.model_id.as_deref()
    }

    /// Scores the pairs of every input, in input order, in parallel on the
    /// current rayon pool. A pair whose entity covers no token, or lies
    /// outside the part of a very long sentence the model sees, is left out.
    pub fn classify(
        &self,
        inputs: &[PairInput<'_>],
    ) -> Result<(Vec<Vec<ScoredPair>>, TokenCounts), ModelError> {
        let results: Vec<(Vec<ScoredPair>, TokenCounts)> = inputs
            .par_iter()
            .enumerate()
            .map(|(index, input)| self.classify_one(index, input))
            .collect::<Result<_, _>>()?;
        let mut counts = TokenCounts::default();
        let mut scored = Vec::with_capacity(results.len());
        for (pairs, count) in results {
            counts.tokens += count.tokens;
            counts.model_tokens += count.model_tokens;
            counts.windows += count.windows;
            scored.push(pairs);
        }
        Ok((scored, counts))
    }

    fn classify_one(
        &self,
        index: usize,
        input: &PairInput<'_>,
    ) -> Result<(Vec<ScoredPair>, TokenCounts), ModelError> {
        if input.pairs.is_empty() {
            return Ok((Vec::new(), TokenCounts::default()));
        }
        let tokens = self
            .tokenizer
            .encode(input.text)
            .map_err(|reason| ModelError::Tokenize {
                document: index,
                reason,
            })?;
        let marked = mark_entities(input.text, &tokens, input.entities, input.types, &self.layout);
        let rows: Vec<(usize, usize, usize, usize)> = input
            .pairs
            .iter()
            .filter_map(|&(head, tail)| {
                let head_at = (*marked.starts.get(head)?)?;
                let tail_at = (*marked.starts.get(tail)?)?;
                Some((head, tail, head_at, tail_at))
            })
            .collect();
        let counts = TokenCounts {
            tokens: tokens.ids.len() as u64,
            model_tokens: if rows.is_empty() {
                0
            } else {
                marked.ids.len() as u64
            },
            windows: u64::from(!rows.is_empty()),
        };
        if rows.is_empty() {
            return Ok((Vec::new(), counts));
        }
        let logits = self.run(&marked, &rows)?;
        let scored = rows
            .iter()
            .enumerate()
            .map(|(row, &(head, tail, _, _))| ScoredPair {
                head,
                tail,
                log_probs: logits
                    .iter()
                    .map(|per_head| log_softmax(&per_head[row]))
                    .collect(),
            })
            .collect();
        Ok((scored, counts))
    }

    /// Logits per head, per row.
    fn run(
        &self,
        marked: &MarkedInput,
        rows: &[(usize, usize, usize, usize)],
    ) -> Result<Vec<Vec<Vec<f32>>>, ModelError> {
        let mut session = match self.free.lock().ok().and_then(|mut free| free.pop()) {
            Some(session) => session,
            None => session::create(&self.model_path, &self.environment)?,
        };
        let result = self.run_on(&mut session, marked, rows);
        if let Ok(mut free) = self.free.lock() {
            free.push(session);
        }
        result
    }

    fn run_on(
        &self,
        session: &mut Session,
        marked: &MarkedInput,
        rows: &[(usize, usize, usize, usize)],
    ) -> Result<Vec<Vec<Vec<f32>>>, ModelError> {
        let inference = |reason: String| ModelError::Inference { reason };
        let width = marked.ids.len();
        let mut feeds: Vec<(Cow<'static, str>, SessionInputValue<'static>)> = Vec::new();
        for name in &self.inputs {
            let (shape, data): ([usize; 2], Vec<i64>) = match name.as_str() {
                "input_ids" => ([1, width], marked.ids.clone()),
                "attention_mask" => ([1, width], vec![1; width]),
                "token_type_ids" => ([1, width], vec![0; width]),
                "shape_ids" => ([1, width], marked.casing.clone()),
                _ => (
                    [rows.len(), 3],
                    rows.iter()
                        .flat_map(|&(_, _, head_at, tail_at)| [0, head_at as i64, tail_at as i64])
                        .collect(),
                ),
            };
            let value: DynValue = Tensor::from_array((shape, data))
                .map(Tensor::into_dyn)
                .map_err(|err| inference(err.to_string()))?;
            feeds.push((Cow::Owned(name.clone()), SessionInputValue::from(value)));
        }
        let outputs = session.run(feeds).map_err(|err| inference(err.to_string()))?;
        let mut per_head = Vec::with_capacity(self.config.heads.len());
        for head in &self.config.heads {
            let value = outputs
                .get(&head.output)
                .ok_or_else(|| inference(format!("the model returned no output {:?}", head.output)))?;
            let (shape, logits) = value
                .try_extract_tensor::<f32>()
                .map_err(|err| inference(format!("output {:?}: {err}", head.output)))?;
            let classes = head.labels.len();
            if shape[..] != [rows.len() as i64, classes as i64] {
                return Err(inference(format!(
                    "output {:?} has shape {:?}, expected [{}, {classes}] (pairs, labels in config.json)",
                    head.output,
                    &shape[..],
                    rows.len()
                )));
            }
            per_head.push(logits.chunks(classes).map(<[f32]>::to_vec).collect());
        }
        Ok(per_head)
    }
}

fn log_softmax(logits: &[f32]) -> Vec<f32> {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = logits.iter().map(|&value| (value - max).exp()).sum();
    let log_sum = max + sum.ln();
    logits.iter().map(|&value| value - log_sum).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_softmax_is_normalised() {
        let out = log_softmax(&[1.0, 2.0, 3.0]);
        let total: f32 = out.iter().map(|value| value.exp()).sum();
        assert!((total - 1.0).abs() < 1e-6);
        assert!(out[2] > out[1] && out[1] > out[0]);
    }

    /// `models/relations/golden.json` (written by
    /// `scripts/export_relations_onnx.py`): marked input ids, casing and
    /// log-probabilities of every ordered pair, computed in Python. Skips
    /// without the model or the ONNX Runtime library.
    #[test]
    fn reproduces_the_python_reference_vectors_of_relations() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/relations");
        let golden_path = dir.join("golden.json");
        if !golden_path.is_file() || !dir.join("model.onnx").is_file() {
            eprintln!("skipping: no {}", golden_path.display());
            return;
        }
        if let Err(err) = runtime::library_path() {
            eprintln!("skipping: {err}");
            return;
        }
        let golden: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&golden_path).expect("readable")).expect("JSON");
        let classifier = PairClassifier::load(&dir).expect("the model loads");
        let numbers = |value: &serde_json::Value| -> Vec<i64> {
            value
                .as_array()
                .expect("list")
                .iter()
                .filter_map(serde_json::Value::as_i64)
                .collect()
        };
        let mut worst = 0.0f32;
        for case in golden["cases"].as_array().expect("cases") {
            let text = case["text"].as_str().expect("text");
            let entities: Vec<Range<usize>> = case["entities_bytes"]
                .as_array()
                .expect("entities")
                .iter()
                .map(|pair| {
                    let pair = numbers(pair);
                    pair[0] as usize..pair[1] as usize
                })
                .collect();
            let pairs: Vec<(usize, usize)> = case["pairs"]
                .as_array()
                .expect("pairs")
                .iter()
                .map(|pair| {
                    let pair = numbers(pair);
                    (pair[0] as usize, pair[1] as usize)
                })
                .collect();
            // typed models' golden cases carry each entity's NER type
            let types: Vec<Option<&str>> = case["types"]
                .as_array()
                .map(|types| types.iter().map(serde_json::Value::as_str).collect())
                .unwrap_or_default();
            let tokens = classifier.tokenizer.encode(text).expect("encodes");
            let marked = mark_entities(text, &tokens, &entities, &types, &classifier.layout);
            assert_eq!(marked.ids, numbers(&case["input_ids"]), "{text}");
            assert_eq!(marked.casing, numbers(&case["shape_ids"]), "{text}");
            let input = PairInput {
                text,
                entities: &entities,
                types: &types,
                pairs: &pairs,
            };
            let (scored, _) = classifier.classify(&[input]).expect("runs");
            assert_eq!(scored[0].len(), pairs.len(), "{text}");
            for (head_index, head) in classifier.heads().iter().enumerate() {
                let rows = case["log_probs"][head.name.as_str()]
                    .as_array()
                    .expect("head rows");
                for (pair, row) in scored[0].iter().zip(rows) {
                    let want: Vec<f64> = row
                        .as_array()
                        .expect("row")
                        .iter()
                        .filter_map(serde_json::Value::as_f64)
                        .collect();
                    assert_eq!(pair.log_probs[head_index].len(), want.len());
                    for (got, want) in pair.log_probs[head_index].iter().zip(&want) {
                        worst = worst.max((got - *want as f32).abs());
                    }
                }
            }
        }
        eprintln!("largest log-probability difference to Python: {worst}");
        assert!(worst < 0.05, "largest log-probability difference {worst}");
    }

    #[test]
    fn a_missing_model_names_the_file_and_the_script() {
        let dir = std::env::temp_dir().join("newsgrist-no-relation-model");
        let err = PairClassifier::load(&dir).expect_err("no files");
        let message = err.to_string();
        assert!(message.contains("model.onnx"), "{message}");
        assert!(message.contains("export_relations_onnx.py"), "{message}");
    }
}
