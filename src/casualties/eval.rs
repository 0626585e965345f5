//! Document-level scores of the casualty stage on labelled articles: files
//! shaped like the Gun Violence Archive news set (`gva_news/dev.jsonl`), one
//! JSON object per line with `text` and `gold.num_killed`,
//! `gold.num_injured`, `gold.participants_arrested`.
//!
//! The prediction for a document is the toll of its own event
//! ([`EventKey::Main`]): killed, injured (with the shot-minus-killed rule) and
//! arrested, 0 where nothing was stated. A document scores when the
//! prediction equals the gold count exactly. Scores are given over all
//! documents, over those whose gold count is at least 1, and over those
//! whose gold count is at least 1 and written in the text as a cardinal
//! (digits or words: "2", "two", "twenty-one"; an article "a man" does not
//! count), with a confusion summary: `over` (predicted more than gold),
//! `under` (fewer, but some), `missed` (none where gold has some).
//!
//! The event date is scored too, where the file gives one (`gold.date`, e.g.
//! "January 29, 2014"): the date of the main event's toll (see
//! `event_date.rs`), resolved against the document's publication date
//! (`dct`), against the gold date. A day-precision prediction is right when
//! it is the gold day; a week, month or year is counted apart, as
//! consistent when it contains the gold day.
//!
//! Because the set has only a dev split, scores are also reported per half,
//! split by incident: `even` (the first byte of SHA-256 of `incident_id` is
//! even: the half the rules were developed on) and `odd` (held back).
//!
//! The rules read the named entities the caller gives (the CLI runs the
//! NER model on [`document_text`], as `newsgrist run` does), or none.
//!
//! This file reads no files and prints nothing; `newsgrist eval casualties`
//! does (`src/cli/eval_casualties.rs`).
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ner::EntityMention;
use crate::output::extractions::CasualtyKind;
use crate::output::extractions::DatePrecision;
use crate::text::dates::{publication_date, CalendarDate};
use crate::text::{split_sentences, NormalizedText};

use super::event_date::{dated_mentions, toll_date};
use super::headline::TitledText;
use super::mentions::CasualtyMention;
use super::numbers::{find_numbers, Form};
use super::records::RULES_VERSION;
use super::summary::{summarize, EventKey};
use super::tokens::tokenize;

/// The kinds scored, with their gold field.
pub const SCORED: [(CasualtyKind, &str); 3] = [
    (CasualtyKind::Killed, "killed"),
    (CasualtyKind::Injured, "injured"),
    (CasualtyKind::Arrested, "arrested"),
];

/// One labelled article.
#[derive(Debug, Clone, Deserialize)]
pub struct LabelledDoc {
    #[serde(default)]
    pub doc_id: Option<String>,
    /// The incident; documents of one incident fall in the same half.
    #[serde(default)]
    pub incident_id: Option<serde_json::Value>,
    /// The publication date ("document creation time"), which relative
    /// dates count from.
    #[serde(default)]
    pub dct: Option<String>,
    pub text: String,
    /// The headline, read before the text as `newsgrist run` reads a
    /// document's title.
    #[serde(default)]
    pub title: Option<String>,
    pub gold: Gold,
}

/// Gold counts of a document's incident.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    #[serde(default)]
    pub num_killed: u64,
    #[serde(default)]
    pub num_injured: u64,
    #[serde(default)]
    pub participants_arrested: u64,
    /// The incident's date as the file writes it ("January 29, 2014").
    #[serde(default)]
    pub date: Option<String>,
}

impl Gold {
    pub fn get(&self, kind: CasualtyKind) -> u64 {
        match kind {
            CasualtyKind::Killed => self.num_killed,
            CasualtyKind::Injured => self.num_injured,
            CasualtyKind::Arrested => self.participants_arrested,
            _ => 0,
        }
    }
}

/// Exact matches and errors over a set of documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    pub documents: usize,
    pub exact: usize,
    /// `exact / documents`, 0 when there are no documents.
    pub accuracy: f64,
    /// Predicted more than gold.
    pub over: usize,
    /// Predicted fewer than gold, but not none.
    pub under: usize,
    /// Predicted none where gold has some.
    pub missed: usize,
}

impl Score {
    fn add(&mut self, predicted: u64, gold: u64) {
        self.documents += 1;
        match predicted.cmp(&gold) {
            std::cmp::Ordering::Equal => self.exact += 1,
            std::cmp::Ordering::Greater => self.over += 1,
            std::cmp::Ordering::Less if predicted == 0 => self.missed += 1,
            std::cmp::Ordering::Less => self.under += 1,
        }
        self.accuracy = self.exact as f64 / self.documents as f64;
    }
}

/// Scores of one kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct KindScores {
    /// Every document.
    pub all: Score,
    /// Documents whose gold count is at least 1.
    pub gold_positive: Score,
    /// Documents whose gold count is at least 1 and written in the text.
    pub written: Score,
}

/// Scores per kind.
pub type Scores = BTreeMap<String, KindScores>;

/// Event dates against gold dates.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DateScore {
    /// Documents with a gold date.
    pub documents: usize,
    /// Of those, documents given an event date to the day.
    pub predicted_day: usize,
    /// Day predictions equal to the gold date.
    pub exact: usize,
    /// Day predictions within a day of it (time zones, "last night").
    pub within_one_day: usize,
    /// Documents given only a week, month or year.
    pub predicted_coarser: usize,
    /// Of those, the ones whose week, month or year contains the gold date.
    pub coarser_consistent: usize,
    /// `exact / predicted_day`.
    pub precision: f64,
    /// `exact / documents`.
    pub recall: f64,
}

impl DateScore {
    fn add(&mut self, predicted: Option<&CalendarDate>, gold: NaiveDate) {
        self.documents += 1;
        match predicted {
            Some(date) if date.precision == DatePrecision::Day => {
                self.predicted_day += 1;
                let off = (date.first_day - gold).num_days().abs();
                self.exact += usize::from(off == 0);
                self.within_one_day += usize::from(off <= 1);
            }
            Some(date) => {
                self.predicted_coarser += 1;
                let contains = match date.precision {
                    DatePrecision::Week => date.first_day.iso_week() == gold.iso_week(),
                    DatePrecision::Month => {
                        (date.first_day.year(), date.first_day.month()) == (gold.year(), gold.month())
                    }
                    _ => date.first_day.year() == gold.year(),
                };
                self.coarser_consistent += usize::from(contains);
            }
            None => {}
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.exact, self.predicted_day);
        self.recall = ratio(self.exact, self.documents);
    }
}

/// What `newsgrist eval casualties --json` prints.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    pub rules: String,
    pub documents: usize,
    pub kinds: Scores,
    /// The same scores per half of the incidents: `even` (developed on), `odd` (held back).
    pub halves: BTreeMap<String, Scores>,
    /// The main event's date, on documents with a gold date.
    pub event_date: DateScore,
    /// The named-entity model whose entities the rules read, as `newsgrist
    /// run` gives them; `None` when the rules ran on the text alone
    /// (capitalised words stand in for names).
    pub ner_model: Option<String>,
    /// Documents whose title was read before their text (a title the text
    /// does not open with), as `newsgrist run` reads them.
    pub titles_read: usize,
    pub seconds: f64,
}

/// What the stage predicts for one document, and why.
#[derive(Debug, Clone)]
pub struct DocResult {
    pub predicted: BTreeMap<String, u64>,
    pub gold: BTreeMap<String, u64>,
    pub written: BTreeMap<String, bool>,
    pub half: &'static str,
    /// The main event's date, and the gold date.
    pub event_date: Option<CalendarDate>,
    pub gold_date: Option<NaiveDate>,
    pub mentions: Vec<CasualtyMention>,
    /// The text the rules read (the title, where there is one the body
    /// lacks, then the normalised body): the mentions' ranges index it.
    pub text: String,
    /// Whether the title was read before the body.
    pub title_read: bool,
}

/// The half of an incident: the parity of the first byte of SHA-256 of its id.
pub fn half_of(incident: Option<&serde_json::Value>) -> &'static str {
    let id = match incident {
        Some(serde_json::Value::String(id)) => id.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let digest = Sha256::digest(id.as_bytes());
    if digest[0] % 2 == 0 {
        "even"
    } else {
        "odd"
    }
}

/// Cardinal values written in a text, in digits or words.
fn written_values(text: &str, sentences: &[std::ops::Range<usize>]) -> Vec<u64> {
    let mut values = Vec::new();
    for sentence in sentences {
        let tokens = tokenize(text, sentence.clone());
        for phrase in find_numbers(&tokens) {
            if matches!(phrase.form, Form::Digits | Form::Words) {
                values.push(phrase.count.value);
                if let Some(max) = phrase.count.max {
                    values.push(max);
                }
            }
        }
    }
    values
}

/// A document's text as the pipeline reads it (normalised, with its
/// sentences): what the named-entity model must be run on for `predict`.
pub fn document_text(doc: &LabelledDoc) -> (NormalizedText, Vec<std::ops::Range<usize>>) {
    let normalized = NormalizedText::new(&doc.text);
    let sentences = split_sentences(normalized.as_str());
    (normalized, sentences)
}

/// Runs the stage on one document, with the named entities of its
/// [`document_text`] (empty: none), its title read first as `newsgrist run`
/// reads it.
pub fn predict(doc: &LabelledDoc, entities: &[EntityMention]) -> DocResult {
    let (normalized, body_sentences) = document_text(doc);
    let read = TitledText::new(doc.title.as_deref(), &normalized, &body_sentences, entities);
    let (text, sentences) = (read.text(), read.sentences());
    let published = doc.dct.as_deref().and_then(publication_date);
    let (mentions, dates) = dated_mentions(text, sentences, read.entities(), published);
    let tolls = summarize(&mentions);
    let main = tolls.iter().find(|toll| toll.event == EventKey::Main);
    // "written in the text": the body's numbers, as before titles were read,
    // so that the subset stays the same documents
    let values = written_values(normalized.as_str(), &body_sentences);
    let mut result = DocResult {
        predicted: BTreeMap::new(),
        gold: BTreeMap::new(),
        written: BTreeMap::new(),
        half: half_of(doc.incident_id.as_ref()),
        event_date: main
            .and_then(|toll| toll_date(toll, &dates, text, sentences, published, true))
            .map(|(_, date)| date),
        gold_date: doc.gold.date.as_deref().and_then(publication_date),
        text: text.to_owned(),
        title_read: read.has_title(),
        mentions,
    };
    for (kind, name) in SCORED {
        let gold = doc.gold.get(kind);
        result
            .predicted
            .insert(name.to_owned(), main.map_or(0, |toll| toll.value(kind)));
        result.gold.insert(name.to_owned(), gold);
        result
            .written
            .insert(name.to_owned(), gold >= 1 && values.contains(&gold));
    }
    result
}

fn score(results: &[&DocResult]) -> Scores {
    let mut scores = Scores::new();
    for (_, name) in SCORED {
        let kind = scores.entry(name.to_owned()).or_default();
        for result in results {
            let predicted = result.predicted.get(name).copied().unwrap_or(0);
            let gold = result.gold.get(name).copied().unwrap_or(0);
            kind.all.add(predicted, gold);
            if gold >= 1 {
                kind.gold_positive.add(predicted, gold);
            }
            if result.written.get(name).copied().unwrap_or(false) {
                kind.written.add(predicted, gold);
            }
        }
    }
    scores
}

fn date_score(results: &[&DocResult]) -> DateScore {
    let mut score = DateScore::default();
    for result in results {
        if let Some(gold) = result.gold_date {
            score.add(result.event_date.as_ref(), gold);
        }
    }
    score
}

/// Scores already computed results; `ner_model` names the entities'
/// model, if any.
pub fn report(results: &[DocResult], seconds: f64, ner_model: Option<String>) -> EvalReport {
    let all: Vec<&DocResult> = results.iter().collect();
    let mut halves = BTreeMap::new();
    for half in ["even", "odd"] {
        let part: Vec<&DocResult> = results.iter().filter(|result| result.half == half).collect();
        halves.insert(half.to_owned(), score(&part));
    }
    EvalReport {
        rules: RULES_VERSION.to_owned(),
        documents: results.len(),
        kinds: score(&all),
        halves,
        event_date: date_score(&all),
        ner_model,
        titles_read: results.iter().filter(|result| result.title_read).count(),
        seconds,
    }
}

/// Runs the stage on every document (in parallel, results in input order).
/// `entities[i]` are document `i`'s named entities; documents past the end
/// of `entities` (all of them, when it is empty) have none.
pub fn evaluate(docs: &[LabelledDoc], entities: &[Vec<EntityMention>]) -> Vec<DocResult> {
    docs.par_iter()
        .enumerate()
        .map(|(index, doc)| predict(doc, entities.get(index).map_or(&[], Vec::as_slice)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, killed: u64, injured: u64, arrested: u64) -> LabelledDoc {
        LabelledDoc {
            doc_id: None,
            incident_id: Some(serde_json::json!("1")),
            dct: Some("2014-02-04".to_owned()),
            text: text.to_owned(),
            title: None,
            gold: Gold {
                num_killed: killed,
                num_injured: injured,
                participants_arrested: arrested,
                date: Some("February 2, 2014".to_owned()),
            },
        }
    }

    #[test]
    fn scores_exact_matches_and_errors() {
        let docs = [
            doc(
                "Two people were shot, one fatally. Police arrested a man.",
                1,
                1,
                1,
            ),
            doc("Three men were killed on Sunday.", 4, 0, 0),
            doc("A man was hurt.", 0, 2, 0),
        ];
        let results = evaluate(&docs, &[]);
        let report = report(&results, 0.0, None);
        let killed = &report.kinds["killed"];
        assert_eq!(
            (killed.all.documents, killed.all.exact, killed.all.under),
            (3, 2, 1)
        );
        assert_eq!(killed.gold_positive.documents, 2);
        // "four" is not written in the second text; "one" is in the first.
        assert_eq!(killed.written.documents, 1);
        let injured = &report.kinds["injured"];
        assert_eq!(
            (injured.all.exact, injured.all.under, injured.written.documents),
            (2, 1, 1)
        );
        assert_eq!(report.kinds["arrested"].all.exact, 3);
        // 2014-02-04 is a Tuesday: "on Sunday" is 2 February, the gold date
        let dates = &report.event_date;
        assert_eq!((dates.documents, dates.predicted_day, dates.exact), (3, 1, 1));
        assert_eq!(report.halves["even"].len() + report.halves["odd"].len(), 6);
    }

    #[test]
    fn the_title_is_read_before_the_text_but_written_means_the_text() {
        let mut labelled = doc(
            "A 37-year-old woman was shot in the torso; a 22-year-old man was shot in the leg. \
             On Friday police said a fifth victim was found.",
            0,
            5,
            0,
        );
        assert_eq!(predict(&labelled, &[]).predicted["injured"], 1);
        labelled.title = Some("Five shot in West Baltimore".to_owned());
        let result = predict(&labelled, &[]);
        assert_eq!(result.predicted["injured"], 5);
        assert!(result.text.starts_with("Five shot in West Baltimore\n\n"));
        assert!(result.title_read);
        assert_eq!(report(std::slice::from_ref(&result), 0.0, None).titles_read, 1);
        // "five" is in the title only: not written in the text
        assert!(!result.written["injured"]);
    }

    #[test]
    fn halves_split_by_incident() {
        assert_eq!(
            half_of(Some(&serde_json::json!("102443"))),
            half_of(Some(&serde_json::json!("102443")))
        );
        let halves: Vec<&str> = (0..20)
            .map(|n| half_of(Some(&serde_json::json!(n.to_string()))))
            .collect();
        assert!(halves.contains(&"even") && halves.contains(&"odd"));
    }
}
