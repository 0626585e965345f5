//! From word labels to entity mentions.
//!
//! Each word takes its most probable label. Labels follow IOB2 (`B-PER`,
//! `I-PER`, `O`); a model may break the scheme, so it is repaired the way
//! conlleval reads it: an `I-X` that does not continue an entity of type X
//! starts a new one. `S-`/`E-` (BIOES) and bare labels (`PER`, IO scheme)
//! are read as `B-` and `I-`. Entity types are mapped to PER, ORG, LOC and
//! MISC where the name is a known spelling of one (`PERSON`, `LOCATION`,
//! ...); other types pass through, without their prefix.
//!
//! An entity spans whole words (byte offsets of its first word's start and
//! last word's end), and its confidence is the mean of its words' label
//! probabilities, rounded to 4 decimals.
//!
//! Words are labelled one by one ([`Decoding::Greedy`]: each word's most
//! probable label), or jointly ([`Decoding::Constrained`]: the most probable
//! label sequence that is valid IOB2, by Viterbi over the word
//! log-probabilities, as `viterbi_iob2` in `scripts/ner_common.py`; an
//! entity's confidence is then the mean probability of the labels chosen,
//! which is the maximum for almost every word). [`super::NerStage`] uses
//! what the model's `config.json` recommends: constrained for our model,
//! +0.7 F1 on CoNLL valid (94.57 against 93.84 for greedy).
use serde::Serialize;

use crate::model::WordPrediction;

/// A named-entity mention in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityMention {
    /// Byte offsets into the text given.
    pub start: usize,
    pub end: usize,
    /// PER, ORG, LOC, MISC, or the model's own type name.
    pub label: String,
    /// Mean word-label probability, 0 to 1, 4 decimals.
    pub confidence: f32,
}

#[cfg(test)]
impl EntityMention {
    /// Test data: the first occurrence of `name` in `text`, tagged `label`.
    pub(crate) fn found_in(text: &str, name: &str, label: &str, confidence: f32) -> Self {
        let start = text.find(name).expect("name in text");
        Self {
            start,
            end: start + name.len(),
            label: label.to_owned(),
            confidence,
        }
    }
}

/// One word's best label and its probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordLabel<'a> {
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
    pub probability: f32,
}

/// How a label reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag<'a> {
    Outside,
    Begin(&'a str),
    Inside(&'a str),
}

fn parse_tag(label: &str) -> Tag<'_> {
    if label == "O" || label.is_empty() {
        return Tag::Outside;
    }
    match label.split_once(['-', '_']) {
        Some(("B" | "S" | "U", kind)) if !kind.is_empty() => Tag::Begin(kind),
        Some(("I" | "E" | "L", kind)) if !kind.is_empty() => Tag::Inside(kind),
        _ => Tag::Inside(label),
    }
}

/// How word labels are chosen from the model's distributions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Decoding {
    /// Each word's most probable label, then IOB2 repair.
    #[default]
    Greedy,
    /// The most probable valid IOB2 sequence (Viterbi).
    Constrained,
}

impl Decoding {
    /// The decoding a model's `config.json` recommends (`newsgrist.decoding`
    /// starting with `iob2_viterbi`: constrained, as for our models, which
    /// reach their scores only so), else greedy.
    pub fn recommended(hint: Option<&str>) -> Self {
        match hint {
            Some(hint) if hint.starts_with("iob2_viterbi") => Self::Constrained,
            _ => Self::Greedy,
        }
    }
}

/// Whether a label may only follow a label of its own type (`I-X`, `E-X`, `L-X`).
fn needs_predecessor(label: &str) -> Option<&str> {
    match label.split_once(['-', '_']) {
        Some(("I" | "E" | "L", kind)) if !kind.is_empty() => Some(kind),
        _ => None,
    }
}

fn may_follow(previous: &str, label: &str) -> bool {
    match needs_predecessor(label) {
        None => true,
        Some(kind) => match parse_tag(previous) {
            Tag::Begin(previous_kind) | Tag::Inside(previous_kind) => previous_kind == kind,
            Tag::Outside => false,
        },
    }
}

/// Chooses the label of each of `words` (consecutive words of one sentence
/// or text; `labels` by class index) by `decoding`.
pub fn label_words<'a>(
    labels: &'a [String],
    decoding: Decoding,
    words: &[WordPrediction],
) -> Vec<WordLabel<'a>> {
    let chosen: Vec<usize> = match decoding {
        Decoding::Greedy => words.iter().map(|word| word.best().0).collect(),
        Decoding::Constrained => {
            let rows: Vec<&[f32]> = words.iter().map(|word| word.probabilities.as_slice()).collect();
            viterbi(labels, &rows)
        }
    };
    words
        .iter()
        .zip(chosen)
        .map(|(word, label)| WordLabel {
            start: word.start,
            end: word.end,
            label: labels.get(label).map_or("O", String::as_str),
            probability: word.probabilities.get(label).copied().unwrap_or(0.0),
        })
        .collect()
}

/// The most probable label sequence under IOB2 constraints: `rows[i]` is
/// word i's distribution over `labels`. Ties go to the lower label index.
pub fn viterbi(labels: &[String], rows: &[&[f32]]) -> Vec<usize> {
    const FORBIDDEN: f64 = -1e9;
    let count = labels.len();
    if rows.is_empty() || count == 0 {
        return Vec::new();
    }
    let log = |probability: f32| f64::from(probability.max(f32::MIN_POSITIVE)).ln();
    let allowed: Vec<Vec<bool>> = labels
        .iter()
        .map(|previous| labels.iter().map(|label| may_follow(previous, label)).collect())
        .collect();
    let mut score: Vec<f64> = (0..count)
        .map(|label| {
            let start = if needs_predecessor(&labels[label]).is_some() {
                FORBIDDEN
            } else {
                0.0
            };
            start + rows[0].get(label).copied().map_or(FORBIDDEN, log)
        })
        .collect();
    let mut back: Vec<Vec<usize>> = Vec::with_capacity(rows.len());
    for row in &rows[1..] {
        let mut next = vec![0.0; count];
        let mut pointers = vec![0; count];
        for label in 0..count {
            let mut best = (0, f64::NEG_INFINITY);
            for (previous, &previous_score) in score.iter().enumerate() {
                let candidate = previous_score + if allowed[previous][label] { 0.0 } else { FORBIDDEN };
                if candidate > best.1 {
                    best = (previous, candidate);
                }
            }
            pointers[label] = best.0;
            next[label] = best.1 + row.get(label).copied().map_or(FORBIDDEN, log);
        }
        score = next;
        back.push(pointers);
    }
    let mut last = 0;
    for (label, &value) in score.iter().enumerate() {
        if value > score[last] {
            last = label;
        }
    }
    let mut path = vec![last];
    for pointers in back.iter().rev() {
        last = pointers[last];
        path.push(last);
    }
    path.reverse();
    path
}

/// The entity type of a label's type part.
pub fn entity_type(kind: &str) -> String {
    match kind {
        "PER" | "PERSON" | "person" | "per" => "PER",
        "ORG" | "ORGANIZATION" | "ORGANISATION" | "organization" | "org" => "ORG",
        "LOC" | "LOCATION" | "location" | "loc" => "LOC",
        "MISC" | "misc" => "MISC",
        other => other,
    }
    .to_owned()
}

/// Entities in words labelled in order.
pub fn decode_entities(words: &[WordLabel<'_>]) -> Vec<EntityMention> {
    let mut entities = Vec::new();
    let mut open: Option<Open<'_>> = None;
    for word in words {
        match parse_tag(word.label) {
            Tag::Outside => {
                if let Some(entity) = open.take() {
                    entities.push(entity.close());
                }
            }
            Tag::Inside(kind) if open.as_ref().is_some_and(|entity| entity.kind == kind) => {
                if let Some(entity) = open.as_mut() {
                    entity.end = word.end;
                    entity.probability_sum += f64::from(word.probability);
                    entity.words += 1;
                }
            }
            Tag::Begin(kind) | Tag::Inside(kind) => {
                if let Some(entity) = open.take() {
                    entities.push(entity.close());
                }
                open = Some(Open {
                    kind,
                    start: word.start,
                    end: word.end,
                    probability_sum: f64::from(word.probability),
                    words: 1,
                });
            }
        }
    }
    if let Some(entity) = open {
        entities.push(entity.close());
    }
    entities
}

struct Open<'a> {
    kind: &'a str,
    start: usize,
    end: usize,
    probability_sum: f64,
    words: usize,
}

impl Open<'_> {
    fn close(self) -> EntityMention {
        let mean = self.probability_sum / self.words as f64;
        EntityMention {
            start: self.start,
            end: self.end,
            label: entity_type(self.kind),
            confidence: ((mean * 10_000.0).round() / 10_000.0) as f32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of `text` split at spaces, labelled in order.
    fn decode(text: &str, labels: &[(&str, f32)]) -> Vec<(String, String, f32)> {
        let mut words = Vec::new();
        let mut position = 0;
        for (word, &(label, probability)) in text.split(' ').zip(labels) {
            words.push(WordLabel {
                start: position,
                end: position + word.len(),
                label,
                probability,
            });
            position += word.len() + 1;
        }
        decode_entities(&words)
            .into_iter()
            .map(|entity| {
                (
                    text[entity.start..entity.end].to_owned(),
                    entity.label,
                    entity.confidence,
                )
            })
            .collect()
    }

    #[test]
    fn reads_iob2() {
        let got = decode(
            "Barack Obama visited New York City .",
            &[
                ("B-PER", 0.9),
                ("I-PER", 0.8),
                ("O", 1.0),
                ("B-LOC", 0.7),
                ("I-LOC", 0.6),
                ("I-LOC", 0.5),
                ("O", 1.0),
            ],
        );
        assert_eq!(
            got,
            [
                ("Barack Obama".into(), "PER".into(), 0.85),
                ("New York City".into(), "LOC".into(), 0.6)
            ]
        );
    }

    #[test]
    fn repairs_stray_inside_labels() {
        // I- after O starts an entity; I- of another type starts a new one; B- splits.
        let got = decode(
            "a Paris France Berlin Bonn",
            &[
                ("O", 1.0),
                ("I-LOC", 0.5),
                ("I-ORG", 0.5),
                ("B-LOC", 0.5),
                ("B-LOC", 0.5),
            ],
        );
        let spans: Vec<(&str, &str)> = got
            .iter()
            .map(|(text, label, _)| (text.as_str(), label.as_str()))
            .collect();
        assert_eq!(
            spans,
            [
                ("Paris", "LOC"),
                ("France", "ORG"),
                ("Berlin", "LOC"),
                ("Bonn", "LOC")
            ]
        );
        // an entity at the very start with I-
        let got = decode("Acme Corp", &[("I-ORG", 0.5), ("I-ORG", 0.5)]);
        assert_eq!(got, [("Acme Corp".into(), "ORG".into(), 0.5)]);
    }

    #[test]
    fn confidence_is_the_rounded_mean() {
        let got = decode(
            "A B C",
            &[("B-MISC", 0.99999), ("I-MISC", 0.12345), ("I-MISC", 0.5)],
        );
        assert_eq!(got[0].2, 0.5411);
    }

    #[test]
    fn maps_and_passes_through_types() {
        let got = decode(
            "x y z w",
            &[
                ("B-PERSON", 0.5),
                ("B-GPE", 0.5),
                ("S-LOCATION", 0.5),
                ("ORG", 0.5),
            ],
        );
        let labels: Vec<&str> = got.iter().map(|(_, label, _)| label.as_str()).collect();
        assert_eq!(labels, ["PER", "GPE", "LOC", "ORG"]);
    }

    #[test]
    fn bare_labels_continue_like_inside() {
        let got = decode("New York Times", &[("ORG", 0.5), ("ORG", 0.5), ("ORG", 0.5)]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "New York Times");
    }

    fn labels() -> Vec<String> {
        ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
            .iter()
            .map(|label| (*label).to_owned())
            .collect()
    }

    #[test]
    fn viterbi_never_starts_with_inside() {
        // greedy would say I-PER, I-PER; the best valid sequence is B-PER, I-PER
        let rows: [&[f32]; 2] = [&[0.1, 0.3, 0.6, 0.0, 0.0], &[0.1, 0.1, 0.8, 0.0, 0.0]];
        assert_eq!(viterbi(&labels(), &rows), [1, 2]);
    }

    #[test]
    fn viterbi_does_not_continue_another_type() {
        // B-LOC then I-PER is invalid: B-LOC I-LOC (0.5 x 0.35) beats B-PER I-PER (0.4 x 0.45)?
        // 0.175 < 0.18: B-PER I-PER wins; O O (0.1 x 0.1) and B-LOC O (0.5 x 0.1) lose.
        let rows: [&[f32]; 2] = [&[0.1, 0.4, 0.0, 0.5, 0.0], &[0.1, 0.1, 0.45, 0.0, 0.35]];
        assert_eq!(viterbi(&labels(), &rows), [1, 2]);
        // with greedy-valid input it agrees with greedy
        let rows: [&[f32]; 3] = [
            &[0.9, 0.1, 0.0, 0.0, 0.0],
            &[0.1, 0.8, 0.1, 0.0, 0.0],
            &[0.2, 0.1, 0.7, 0.0, 0.0],
        ];
        assert_eq!(viterbi(&labels(), &rows), [0, 1, 2]);
        assert!(viterbi(&labels(), &[]).is_empty());
    }

    #[test]
    fn bare_labels_have_no_constraints() {
        let labels: Vec<String> = ["O", "PER"].iter().map(|label| (*label).to_owned()).collect();
        let rows: [&[f32]; 2] = [&[0.4, 0.6], &[0.3, 0.7]];
        assert_eq!(viterbi(&labels, &rows), [1, 1]);
    }

    #[test]
    fn no_words_no_entities() {
        assert!(decode_entities(&[]).is_empty());
    }
}
