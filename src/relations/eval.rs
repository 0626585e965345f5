//! Relation classification against gold files in the two formats the
//! model is trained on.
//!
//! - **KBP37** (`train.txt`/`dev.txt`): a numbered sentence with `<e1>`,
//!   `<e2>` marks, then its label (`per:title(e1,e2)`, `no_relation`). The
//!   standard measure: F1 per relation type (no_relation excluded), a
//!   prediction right only with the right argument order, macro-averaged
//!   over the 18 types. Sentences whose entities the model cannot see (10
//!   of dev's 1,724 have an empty mark, `<e1> </e1>`) count as predicted
//!   no_relation: every gold sentence is scored.
//! - **CrossRE** (`*-dev.json`): one sentence per line with words, gold
//!   entities (`ner`) and relations. Every ordered pair of gold entities is
//!   classified; micro precision, recall and F1 over (head, tail, label)
//!   triples, the CrossRE benchmark's measure.
//!
//! Both score the classifier given gold entities: the NER's errors are not
//! part of these numbers.
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use super::candidates::reading_range;
use crate::ner::EntityMention;
pub use crate::scores::Prf;

/// The gold file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldFormat {
    Kbp37,
    CrossRe,
}

/// A gold sentence: text, entity byte ranges, and relations over ordered
/// entity pairs (label as written in the file, without direction marks).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSentence {
    /// 1-based line of the sentence in the file.
    pub line: usize,
    pub text: String,
    pub entities: Vec<Range<usize>>,
    pub relations: BTreeMap<(usize, usize), String>,
    /// KBP37's own label (`per:title(e2,e1)`, `no_relation`).
    pub kbp37_label: Option<String>,
}

impl GoldSentence {
    /// Cuts the sentence to what the pipeline's relation stage reads: its
    /// entities and `context` bytes around them ([`reading_range`]), so a
    /// score can include what the cut costs. Empty entities (unseen by the
    /// model) do not widen the cut.
    pub fn crop(&mut self, context: usize) {
        let seen = self.entities.iter().filter(|entity| !entity.is_empty());
        let (Some(start), Some(end)) = (
            seen.clone().map(|entity| entity.start).min(),
            seen.map(|entity| entity.end).max(),
        ) else {
            return;
        };
        let range = reading_range(&self.text, &(0..self.text.len()), start..end, context);
        let len = range.len();
        let shift = |at: usize| at.saturating_sub(range.start).min(len);
        for entity in &mut self.entities {
            *entity = shift(entity.start)..shift(entity.end);
        }
        self.text = self.text[range].to_owned();
    }
}

/// Why a gold file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} line {line}: {reason}")]
    Line {
        path: String,
        line: usize,
        reason: String,
    },
}

/// Reads a KBP37 (`.txt`) or CrossRE (JSON lines) file, told apart by its
/// first non-empty line.
pub fn read_gold(path: &Path) -> Result<(GoldFormat, Vec<GoldSentence>), GoldError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| GoldError::Read {
        path: shown.clone(),
        source,
    })?;
    let first = text.lines().find(|line| !line.trim().is_empty()).unwrap_or("");
    if first.trim_start().starts_with('{') {
        read_crossre(&text, &shown).map(|sentences| (GoldFormat::CrossRe, sentences))
    } else {
        read_kbp37(&text, &shown).map(|sentences| (GoldFormat::Kbp37, sentences))
    }
}

/// Words joined by single spaces, with each word's byte range.
fn join_words<S: AsRef<str>>(words: &[S]) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(words.len());
    for word in words {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(word.as_ref());
        ranges.push(start..text.len());
    }
    (text, ranges)
}

fn read_kbp37(text: &str, path: &str) -> Result<Vec<GoldSentence>, GoldError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim();
        let number = index + 1;
        index += 1;
        if line.is_empty() {
            continue;
        }
        let bad = |reason: String| {
            GoldError::Line {
            path: path.to_owned(),
            line: number,
            reason: format!("{reason} (expected KBP37: `id<TAB>\" sentence with <e1> </e1> <e2> </e2> \"` then a label line)"),
        }
        };
        let (_, body) = line
            .split_once('\t')
            .ok_or_else(|| bad("no tab after the sentence id".into()))?;
        let label = lines.get(index).map(|label| label.trim()).unwrap_or("");
        if label.is_empty() {
            return Err(bad("no label line after the sentence".into()));
        }
        index += 1;
        let mut words: Vec<&str> = body.split_whitespace().collect();
        if words.first() == Some(&"\"") {
            words.remove(0);
        }
        if words.last() == Some(&"\"") {
            words.pop();
        }
        let mut plain: Vec<&str> = Vec::new();
        let mut marks: [Option<(usize, usize)>; 2] = [None, None];
        for word in words {
            match word {
                "<e1>" => marks[0] = Some((plain.len(), plain.len())),
                "<e2>" => marks[1] = Some((plain.len(), plain.len())),
                "</e1>" => marks[0] = marks[0].map(|(start, _)| (start, plain.len())),
                "</e2>" => marks[1] = marks[1].map(|(start, _)| (start, plain.len())),
                _ => plain.push(word),
            }
        }
        let (text, ranges) = join_words(&plain);
        let mut entities = Vec::new();
        for mark in marks {
            match mark {
                Some((start, end)) if end > start => entities.push(ranges[start].start..ranges[end - 1].end),
                // KBP37 has a few empty marks (`<e1> </e1>`): an empty entity,
                // which the model cannot see, so it counts as missed
                Some((start, _)) => {
                    let at = ranges.get(start).map_or(text.len(), |range| range.start);
                    entities.push(at..at);
                }
                None => return Err(bad("an entity mark is missing".into())),
            }
        }
        let mut relations = BTreeMap::new();
        if label != "no_relation" {
            let (kind, arguments) = label
                .split_once('(')
                .ok_or_else(|| bad(format!("label {label:?} has no (e1,e2) or (e2,e1)")))?;
            let pair = match arguments.trim_end() {
                "e1,e2)" => (0, 1),
                "e2,e1)" => (1, 0),
                other => return Err(bad(format!("label arguments ({other} are not e1,e2) or e2,e1)"))),
            };
            relations.insert(pair, kind.to_owned());
        }
        out.push(GoldSentence {
            line: number,
            text,
            entities,
            relations,
            kbp37_label: Some(label.to_owned()),
        });
    }
    Ok(out)
}

#[derive(Deserialize)]
struct CrossReRow {
    sentence: Vec<String>,
    ner: Vec<(usize, usize, String)>,
    relations: Vec<serde_json::Value>,
}

fn read_crossre(text: &str, path: &str) -> Result<Vec<GoldSentence>, GoldError> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| GoldError::Line {
            path: path.to_owned(),
            line: index + 1,
            reason: format!("{reason} (expected CrossRE JSON: `sentence`, `ner`, `relations`)"),
        };
        let row: CrossReRow = serde_json::from_str(line).map_err(|err| bad(err.to_string()))?;
        let (text, ranges) = join_words(&row.sentence);
        let word = |position: usize| {
            ranges
                .get(position)
                .cloned()
                .ok_or_else(|| bad(format!("word index {position} is past the sentence")))
        };
        let mut entities: Vec<Range<usize>> = Vec::new();
        let mut by_words: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for (start, end, _) in &row.ner {
            if let std::collections::btree_map::Entry::Vacant(slot) = by_words.entry((*start, *end)) {
                slot.insert(entities.len());
                entities.push(word(*start)?.start..word(*end)?.end);
            }
        }
        let mut relations = BTreeMap::new();
        for relation in &row.relations {
            let fields = relation
                .as_array()
                .ok_or_else(|| bad("a relation is not a list".into()))?;
            let number = |k: usize| {
                fields
                    .get(k)
                    .and_then(serde_json::Value::as_u64)
                    .map(|n| n as usize)
            };
            let (Some(hs), Some(he), Some(ts), Some(te)) = (number(0), number(1), number(2), number(3))
            else {
                return Err(bad("a relation does not start with four word indices".into()));
            };
            let label = fields
                .get(4)
                .and_then(serde_json::Value::as_str)
                .ok_or_else(|| bad("a relation has no label".into()))?;
            if let (Some(&head), Some(&tail)) = (by_words.get(&(hs, he)), by_words.get(&(ts, te))) {
                if head != tail {
                    relations.entry((head, tail)).or_insert_with(|| label.to_owned());
                }
            }
        }
        out.push(GoldSentence {
            line: index + 1,
            text,
            entities,
            relations,
            kbp37_label: None,
        });
    }
    Ok(out)
}

/// The NER type of each gold entity (byte ranges): the label of the found
/// entity that covers most of it, when that covers at least half of it;
/// `scripts/relations_common.py` (`entity_type`) types training data the
/// same way.
pub fn entity_types(entities: &[Range<usize>], found: &[EntityMention]) -> Vec<Option<String>> {
    entities
        .iter()
        .map(|gold| {
            let mut best: Option<(usize, &str)> = None;
            for entity in found {
                let overlap = gold
                    .end
                    .min(entity.end)
                    .saturating_sub(gold.start.max(entity.start));
                if overlap > best.map_or(0, |(most, _)| most) {
                    best = Some((overlap, entity.label.as_str()));
                }
            }
            best.filter(|&(overlap, _)| 2 * overlap >= gold.len())
                .map(|(_, label)| label.to_owned())
        })
        .collect()
}

/// Scores of one type (or all) with the counts behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TypeScore {
    pub prf: Prf,
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl TypeScore {
    pub fn new(correct: usize, predicted: usize, gold: usize) -> Self {
        Self {
            prf: Prf::from_counts(correct, predicted, gold),
            correct,
            predicted,
            gold,
        }
    }
}

/// Scores per type and overall.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationScores {
    pub per_type: BTreeMap<String, TypeScore>,
    /// Mean of the per-type F1s (KBP37's official measure).
    pub macro_f1: f64,
    pub micro: TypeScore,
}

fn kbp37_type(label: &str) -> Option<&str> {
    (label != "no_relation").then(|| label.split('(').next().unwrap_or(label))
}

/// KBP37 scores of predicted labels against gold labels (same order), over
/// `types` (every type of the label set, so a type never predicted counts
/// with F1 0).
pub fn kbp37_scores(gold: &[String], predicted: &[String], types: &[String]) -> RelationScores {
    let mut per_type = BTreeMap::new();
    let (mut correct_all, mut predicted_all, mut gold_all) = (0, 0, 0);
    for kind in types {
        let is = |label: &String| kbp37_type(label) == Some(kind.as_str());
        let correct = gold
            .iter()
            .zip(predicted)
            .filter(|(g, p)| g == p && is(g))
            .count();
        let predicted_n = predicted.iter().filter(|p| is(p)).count();
        let gold_n = gold.iter().filter(|g| is(g)).count();
        per_type.insert(kind.clone(), TypeScore::new(correct, predicted_n, gold_n));
        correct_all += correct;
        predicted_all += predicted_n;
        gold_all += gold_n;
    }
    let macro_f1 = per_type.values().map(|score| score.prf.f1).sum::<f64>() / per_type.len().max(1) as f64;
    RelationScores {
        per_type,
        macro_f1,
        micro: TypeScore::new(correct_all, predicted_all, gold_all),
    }
}

/// A relation triple: sentence, head, tail, label.
pub type Triple = (usize, usize, usize, String);

/// Micro scores over triples, and per label.
pub fn triple_scores(gold: &BTreeSet<Triple>, predicted: &BTreeSet<Triple>) -> RelationScores {
    let labels: BTreeSet<&String> = gold.iter().chain(predicted).map(|triple| &triple.3).collect();
    let mut per_type = BTreeMap::new();
    for label in labels {
        let of = |set: &BTreeSet<Triple>| {
            set.iter()
                .filter(|triple| &triple.3 == label)
                .cloned()
                .collect::<BTreeSet<_>>()
        };
        let (g, p) = (of(gold), of(predicted));
        per_type.insert(
            label.clone(),
            TypeScore::new(g.intersection(&p).count(), p.len(), g.len()),
        );
    }
    let macro_f1 = per_type.values().map(|score| score.prf.f1).sum::<f64>() / per_type.len().max(1) as f64;
    RelationScores {
        per_type,
        macro_f1,
        micro: TypeScore::new(gold.intersection(predicted).count(), predicted.len(), gold.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_kbp37_marks_and_direction() {
        let text =
            "7\t\" <e1> Thom Yorke </e1> of <e2> Radiohead </e2> sings . \"\nper:employee_of(e1,e2)\n\n\n\
                    8\t\" <e1> NCAA </e1> has <e2> Ohio University </e2> \"\norg:members(e1,e2)\n";
        let sentences = read_kbp37(text, "kbp.txt").expect("valid");
        assert_eq!(sentences.len(), 2);
        let first = &sentences[0];
        assert_eq!(first.text, "Thom Yorke of Radiohead sings .");
        assert_eq!(&first.text[first.entities[0].clone()], "Thom Yorke");
        assert_eq!(&first.text[first.entities[1].clone()], "Radiohead");
        assert_eq!(
            first.relations.get(&(0, 1)).map(String::as_str),
            Some("per:employee_of")
        );
        assert_eq!(sentences[1].line, 5);
    }

    #[test]
    fn a_cropped_sentence_keeps_its_entities_and_some_words_around_them() {
        let text = "1\t\" In the long preamble , <e1> Thom Yorke </e1> of <e2> Radiohead </e2> sings a song about nothing . \"\nper:employee_of(e1,e2)\n";
        let mut sentence = read_kbp37(text, "kbp.txt").expect("valid").remove(0);
        sentence.crop(10);
        assert_eq!(sentence.text, ", Thom Yorke of Radiohead sings a");
        assert_eq!(&sentence.text[sentence.entities[0].clone()], "Thom Yorke");
        assert_eq!(&sentence.text[sentence.entities[1].clone()], "Radiohead");
        let whole = read_kbp37(text, "kbp.txt").expect("valid").remove(0);
        let mut wide = whole.clone();
        wide.crop(1000);
        assert_eq!(wide, whole);
    }

    #[test]
    fn a_gold_entity_takes_the_type_covering_most_of_it() {
        let text = "Bush said the White House and Texas";
        let found = [
            EntityMention::found_in(text, "Bush", "PER", 0.9),
            EntityMention::found_in(text, "White House", "ORG", 0.9),
        ];
        // "Bush said" (0..9): PER covers 4 of 9 bytes, too little
        // "the White House" (10..25): ORG covers 11 of 15
        // "White" (14..19): inside ORG; "Texas" (30..35): nothing found there
        let types = entity_types(&[0..9, 10..25, 14..19, 30..35], &found);
        assert_eq!(
            types,
            [None, Some("ORG".to_owned()), Some("ORG".to_owned()), None]
        );
    }

    #[test]
    fn a_broken_kbp37_line_names_file_and_line() {
        let err = read_kbp37("1\t\" no marks here \"\nno_relation\n", "dev.txt").expect_err("no marks");
        let message = err.to_string();
        assert!(message.contains("dev.txt line 1"), "{message}");
    }

    #[test]
    fn reads_crossre_entities_and_relations() {
        let line = r#"{"doc_key": "news-train-1", "sentence": ["EU", "rejects", "German", "call"], "ner": [[0, 0, "organisation"], [2, 2, "misc"]], "relations": [[0, 0, 2, 2, "opposite", "rejects", false, false]]}"#;
        let sentences = read_crossre(line, "news-dev.json").expect("valid");
        assert_eq!(sentences[0].entities, [0..2, 11..17]);
        assert_eq!(
            sentences[0].relations.get(&(0, 1)).map(String::as_str),
            Some("opposite")
        );
    }

    #[test]
    fn kbp37_direction_counts_and_macro_averages_types() {
        let types = vec!["per:title".to_owned(), "org:members".to_owned()];
        let gold: Vec<String> = [
            "per:title(e1,e2)",
            "per:title(e1,e2)",
            "org:members(e2,e1)",
            "no_relation",
        ]
        .map(str::to_owned)
        .to_vec();
        let predicted: Vec<String> = [
            "per:title(e1,e2)",
            "per:title(e2,e1)",
            "org:members(e2,e1)",
            "org:members(e1,e2)",
        ]
        .map(str::to_owned)
        .to_vec();
        let scores = kbp37_scores(&gold, &predicted, &types);
        // per:title: 1 right of 2 predicted, 2 gold; org:members: 1 of 2 predicted, 1 gold
        assert!((scores.per_type["per:title"].prf.f1 - 0.5).abs() < 1e-9);
        assert!((scores.per_type["org:members"].prf.f1 - 2.0 / 3.0).abs() < 1e-9);
        assert!((scores.macro_f1 - (0.5 + 2.0 / 3.0) / 2.0).abs() < 1e-9);
        assert_eq!(
            (scores.micro.correct, scores.micro.predicted, scores.micro.gold),
            (2, 4, 3)
        );
    }
}
