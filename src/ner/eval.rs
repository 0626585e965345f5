//! Entity-level scoring with conlleval's semantics.
//!
//! An entity (chunk) is a maximal run of words of one type: `B-X` starts
//! one; `I-X` continues an open X entity and otherwise starts one (so
//! `O I-X` and `B-Y I-X` both start an X entity); `O` closes it. A
//! predicted entity counts as correct only with the gold entity's exact
//! boundaries and type. Precision, recall and F1 are micro-averaged over
//! all entities ("overall") and computed per type, in percent, as
//! conlleval prints them (and `score` in `scripts/ner_common.py` computes them).
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;

use serde::Serialize;

use super::conll::{Document, DocumentText};
use super::{decode_entities, repair_entities, Decoding, NerStage};
use crate::model::{ModelError, TextInput, WordPrediction};

/// An entity as a word range and type: `(start word, end word (exclusive), type)`.
pub type Chunk = (usize, usize, String);

/// Entities in a sentence's tags (conlleval semantics).
pub fn chunks(tags: &[&str]) -> BTreeSet<Chunk> {
    let mut out = BTreeSet::new();
    let mut open: Option<(usize, &str)> = None;
    for (index, tag) in tags.iter().copied().chain(std::iter::once("O")).enumerate() {
        let (prefix, kind) = match tag.split_once('-') {
            Some((prefix, kind)) => (prefix, kind),
            None => ("O", ""),
        };
        let continues = prefix == "I" && open.is_some_and(|(_, open_kind)| open_kind == kind);
        if continues {
            continue;
        }
        if let Some((start, open_kind)) = open.take() {
            out.insert((start, index, open_kind.to_owned()));
        }
        if prefix != "O" && tag != "O" {
            open = Some((index, kind));
        }
    }
    out
}

/// Counts of one entity type (or all).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

/// Precision, recall and F1 in percent (2 decimals), and the gold count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn prf(&self) -> Prf {
        let ratio = |part: usize, whole: usize| {
            if whole == 0 {
                0.0
            } else {
                part as f64 / whole as f64
            }
        };
        let precision = ratio(self.correct, self.predicted);
        let recall = ratio(self.correct, self.gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let percent = |value: f64| (value * 10_000.0).round() / 100.0;
        Prf {
            precision: percent(precision),
            recall: percent(recall),
            f1: percent(f1),
            support: self.gold,
            predicted: self.predicted,
            correct: self.correct,
        }
    }
}

/// Accumulates entity counts sentence by sentence.
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    per_type: BTreeMap<String, Counts>,
}

impl Scorer {
    /// Adds one sentence's gold and predicted entities.
    pub fn add(&mut self, gold: &BTreeSet<Chunk>, predicted: &BTreeSet<Chunk>) {
        for chunk in gold {
            self.per_type.entry(chunk.2.clone()).or_default().gold += 1;
        }
        for chunk in predicted {
            let counts = self.per_type.entry(chunk.2.clone()).or_default();
            counts.predicted += 1;
            if gold.contains(chunk) {
                counts.correct += 1;
            }
        }
    }

    /// Adds one sentence given as gold and predicted tags.
    pub fn add_tags(&mut self, gold: &[&str], predicted: &[&str]) {
        self.add(&chunks(gold), &chunks(predicted));
    }

    /// Scores over all types.
    pub fn overall(&self) -> Prf {
        let mut total = Counts::default();
        for counts in self.per_type.values() {
            total.correct += counts.correct;
            total.predicted += counts.predicted;
            total.gold += counts.gold;
        }
        total.prf()
    }

    /// Scores per entity type, by type name.
    pub fn per_type(&self) -> BTreeMap<String, Prf> {
        self.per_type
            .iter()
            .map(|(kind, counts)| (kind.clone(), counts.prf()))
            .collect()
    }
}

/// What `newsgrist eval ner` reports.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub per_type: BTreeMap<String, Prf>,
    pub overall: Prf,
    pub model: Option<String>,
    /// `greedy` or `viterbi`.
    pub decoding: String,
    pub documents: usize,
    pub sentences: usize,
    /// CoNLL tokens (words).
    pub tokens: usize,
    /// Subword tokens of the texts.
    pub subword_tokens: usize,
    /// Tokens fed to the model, context and special tokens included.
    pub model_tokens: usize,
    pub windows: usize,
    /// Time in the model stage (tokenize, infer, merge), not loading.
    pub seconds: f64,
    pub tokens_per_second: f64,
    pub sentences_per_second: f64,
    pub subword_tokens_per_second: f64,
}

/// A scored run: the report, and the predicted IOB2 tags of every sentence
/// in file order (written out by `--predictions`, conlleval's input format).
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub report: EvalReport,
    pub predicted_tags: Vec<Vec<String>>,
}

/// Certainly "O": for a word the tokenizer dropped entirely.
fn outside_distribution(labels: &[String]) -> Vec<f32> {
    labels
        .iter()
        .map(|label| if label == "O" { 1.0 } else { 0.0 })
        .collect()
}

/// Runs `stage` on every sentence of `documents`, each document as one
/// text so that sentences get their neighbours as context, and scores the
/// entities against the gold tags.
pub fn evaluate(stage: &NerStage, documents: &[Document]) -> Result<Evaluation, ModelError> {
    let texts: Vec<DocumentText> = documents.iter().map(Document::to_text).collect();
    let inputs: Vec<TextInput<'_>> = texts
        .iter()
        .map(|text| TextInput {
            text: &text.text,
            sentences: &text.sentences,
        })
        .collect();
    let started = Instant::now();
    let classified = stage.classifier().classify(&inputs)?;
    let seconds = started.elapsed().as_secs_f64();

    let outside = outside_distribution(stage.classifier().labels());
    let mut scorer = Scorer::default();
    let mut sentences = 0;
    let mut predicted_tags = Vec::new();
    for ((document, text), result) in documents.iter().zip(&texts).zip(&classified) {
        // a CoNLL word takes the prediction of the model word starting where it starts
        let by_start: HashMap<usize, &WordPrediction> =
            result.words.iter().map(|word| (word.start, word)).collect();
        for (sentence, ranges) in document.sentences.iter().zip(&text.words) {
            sentences += 1;
            let words: Vec<WordPrediction> = ranges
                .iter()
                .map(|range| WordPrediction {
                    start: range.start,
                    end: range.end,
                    probabilities: by_start
                        .get(&range.start)
                        .map_or_else(|| outside.clone(), |word| word.probabilities.clone()),
                })
                .collect();
            let mut predicted_chunks = BTreeSet::new();
            let mut tags = vec!["O".to_owned(); ranges.len()];
            for entity in repair_entities(&text.text, decode_entities(&stage.label_words(&words))) {
                let first = ranges.partition_point(|range| range.start < entity.start);
                let last = ranges.partition_point(|range| range.end <= entity.end);
                for (position, tag) in tags.iter_mut().enumerate().take(last).skip(first) {
                    let prefix = if position == first { "B" } else { "I" };
                    *tag = format!("{prefix}-{}", entity.label);
                }
                predicted_chunks.insert((first, last, entity.label));
            }
            predicted_tags.push(tags);
            let gold: Vec<&str> = sentence.tags.iter().map(String::as_str).collect();
            scorer.add(&chunks(&gold), &predicted_chunks);
        }
    }
    let tokens: usize = documents.iter().map(Document::word_count).sum();
    let subword_tokens: usize = classified.iter().map(|text| text.tokens).sum();
    let rate = |count: usize| {
        if seconds > 0.0 {
            count as f64 / seconds
        } else {
            0.0
        }
    };
    let overall = scorer.overall();
    let report = EvalReport {
        precision: overall.precision,
        recall: overall.recall,
        f1: overall.f1,
        per_type: scorer.per_type(),
        overall,
        model: stage.model_id().map(str::to_owned),
        decoding: match stage.decoding() {
            Decoding::Greedy => "greedy",
            Decoding::Constrained => "viterbi",
        }
        .to_owned(),
        documents: documents.len(),
        sentences,
        tokens,
        subword_tokens,
        model_tokens: classified.iter().map(|text| text.tokens_run).sum(),
        windows: classified.iter().map(|text| text.windows).sum(),
        seconds,
        tokens_per_second: rate(tokens),
        sentences_per_second: rate(sentences),
        subword_tokens_per_second: rate(subword_tokens),
    };
    Ok(Evaluation {
        report,
        predicted_tags,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(start: usize, end: usize, kind: &str) -> Chunk {
        (start, end, kind.to_owned())
    }

    #[test]
    fn chunks_follow_conlleval() {
        let tags = [
            "B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-MISC", "I-MISC",
        ];
        let expected: BTreeSet<Chunk> = [
            chunk(0, 2, "PER"),
            chunk(3, 5, "LOC"),
            chunk(5, 6, "LOC"),
            chunk(6, 7, "ORG"),
            chunk(7, 9, "MISC"),
        ]
        .into_iter()
        .collect();
        assert_eq!(chunks(&tags), expected);
        assert!(chunks(&["O", "O"]).is_empty());
        assert!(chunks(&[]).is_empty());
    }

    #[test]
    fn scores_exact_matches_only() {
        let mut scorer = Scorer::default();
        // gold: PER(0,2) LOC(3,4); predicted: PER(0,1) wrong boundary, LOC(3,4) right, ORG(5,6) spurious
        scorer.add_tags(
            &["B-PER", "I-PER", "O", "B-LOC", "O", "O"],
            &["B-PER", "B-PER", "O", "B-LOC", "O", "B-ORG"],
        );
        let overall = scorer.overall();
        // correct 1, predicted 4 (PER, PER, LOC, ORG), gold 2
        assert_eq!((overall.correct, overall.predicted, overall.support), (1, 4, 2));
        assert_eq!(overall.precision, 25.0);
        assert_eq!(overall.recall, 50.0);
        assert_eq!(overall.f1, 33.33);
        let per_type = scorer.per_type();
        assert_eq!(per_type["LOC"].f1, 100.0);
        assert_eq!(per_type["PER"].f1, 0.0);
        assert_eq!(per_type["ORG"].support, 0);
    }

    #[test]
    fn empty_scores_are_zero() {
        let scorer = Scorer::default();
        assert_eq!(scorer.overall().f1, 0.0);
    }

    /// The same numbers `score()` in scripts/ner_common.py gives for this input.
    #[test]
    fn agrees_with_the_python_scorer() {
        let gold: [&[&str]; 3] = [
            &["B-ORG", "O", "B-MISC", "O"],
            &["B-PER", "I-PER"],
            &["B-LOC", "O", "B-LOC"],
        ];
        let predicted: [&[&str]; 3] = [
            &["B-ORG", "O", "B-MISC", "I-MISC"],
            &["B-PER", "I-PER"],
            &["I-LOC", "O", "O"],
        ];
        let mut scorer = Scorer::default();
        for (gold, predicted) in gold.iter().zip(predicted) {
            scorer.add_tags(gold, predicted);
        }
        let overall = scorer.overall();
        assert_eq!(
            (overall.precision, overall.recall, overall.f1),
            (75.0, 60.0, 66.67)
        );
    }
}
