//! When an event happened: the casualty mentions' date expressions resolved
//! against the publication date, and the one date chosen for each event's
//! toll.
//!
//! The rule: among the mentions of an event (its best figures and the other
//! figures of the same event), the most precise resolved date (a day before
//! a week, a month, a year), the first in the text on a tie. Arrests and
//! detentions date the event only when no other figure does: they are
//! often made days later. When no figure's sentence gives a date, the
//! article's own event takes the first day-precise date of a sentence that
//! names the incident ("The shooting happened about 10 p.m. Saturday"), as
//! [`incident_date`] finds it. Sentences that
//! give a toll are the ones that date the event ("were killed on Sunday");
//! a date elsewhere in the article may be of the arrest, the funeral or the
//! publication, so this file looks nowhere else.
use chrono::NaiveDate;

use crate::output::extractions::DatePrecision;
use crate::text::dates::{resolve, CalendarDate};

use super::mentions::CasualtyMention;
use super::sentence_dates::{dates, nearest_date};
use super::summary::{BestFigure, TollSummary};
use super::tokens::tokenize;

/// The resolved date of each mention (`None` where it gives none or it
/// cannot be resolved). `text` is the normalised text the mentions' ranges
/// point into.
pub fn mention_dates(
    text: &str,
    mentions: &[CasualtyMention],
    published: Option<NaiveDate>,
) -> Vec<Option<CalendarDate>> {
    mentions
        .iter()
        .map(|mention| {
            let expression = text.get(mention.date.clone()?)?;
            resolve(expression, published)
        })
        .collect()
}

fn rank(precision: DatePrecision) -> u8 {
    match precision {
        DatePrecision::Day => 3,
        DatePrecision::Week => 2,
        DatePrecision::Month => 1,
        DatePrecision::Year => 0,
    }
}

/// Words that name an incident.
const INCIDENT_WORDS: &[&str] = &[
    "shooting",
    "shootings",
    "attack",
    "attacks",
    "explosion",
    "blast",
    "bombing",
    "ambush",
    "raid",
    "gunfire",
    "stabbing",
    "crash",
    "incident",
    "firefight",
    "clashes",
    "massacre",
];

/// The first day-precise date of a sentence that names an incident, the
/// date nearest the incident word: `(byte range of the date expression,
/// date)`. `sentences` are byte ranges of `text`.
pub fn incident_date(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    published: Option<NaiveDate>,
) -> Option<(std::ops::Range<usize>, CalendarDate)> {
    sentences.iter().find_map(|sentence| {
        let tokens = tokenize(text, sentence.clone());
        let word = tokens.iter().find(|token| token.is_any(INCIDENT_WORDS))?;
        let (found, _) = dates(&tokens);
        let range = nearest_date(&found, &(word.start..word.end), false)?;
        let date = resolve(text.get(range.clone())?, published)?;
        (date.precision == DatePrecision::Day).then_some((range, date))
    })
}

/// Where a toll's date was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateSource {
    /// The sentence of this mention (an index into the mentions).
    Figure(usize),
    /// A sentence naming the incident; the byte range of the date
    /// expression.
    Incident(std::ops::Range<usize>),
}

/// The date of a toll's event: from its figures' sentences when one gives
/// a day, else (for the article's own event) from a sentence naming the
/// incident, else the coarser date of a figure's sentence, if any. `main`:
/// the toll is of the article's own event.
pub fn toll_date(
    toll: &TollSummary,
    dates: &[Option<CalendarDate>],
    text: &str,
    sentences: &[std::ops::Range<usize>],
    published: Option<NaiveDate>,
    main: bool,
) -> Option<(DateSource, CalendarDate)> {
    let from_figures = event_date(toll, dates).map(|(index, date)| (DateSource::Figure(index), date));
    // An arrest's day is often not the incident's: where the event has dead
    // or wounded, a sentence naming the incident comes first ("The shooting
    // happened Saturday. ... A man was arrested Monday"); an article of
    // arrests alone is dated by them.
    let harmed = harm_figures(toll).iter().any(|figure| figure.is_some());
    let by_harm = !harmed || harm_date(toll, dates).is_some();
    if from_figures
        .as_ref()
        .is_some_and(|(_, date)| date.precision == DatePrecision::Day && by_harm)
        || !main
    {
        return from_figures;
    }
    incident_date(text, sentences, published)
        .map(|(range, date)| (DateSource::Incident(range), date))
        .or(from_figures)
}

/// The mention whose date dates the toll's event, with that date.
pub fn event_date(toll: &TollSummary, dates: &[Option<CalendarDate>]) -> Option<(usize, CalendarDate)> {
    harm_date(toll, dates).or_else(|| most_precise(&[&toll.arrested], dates))
}

/// The date of the event's dead, wounded, missing or kidnapped, not its arrests.
fn harm_date(toll: &TollSummary, dates: &[Option<CalendarDate>]) -> Option<(usize, CalendarDate)> {
    most_precise(&harm_figures(toll), dates)
}

/// The toll's figures of people harmed: all but its arrests.
fn harm_figures(toll: &TollSummary) -> [&Option<BestFigure>; 5] {
    [
        &toll.killed,
        &toll.injured,
        &toll.killed_or_injured,
        &toll.missing,
        &toll.kidnapped,
    ]
}

fn most_precise(
    figures: &[&Option<BestFigure>],
    dates: &[Option<CalendarDate>],
) -> Option<(usize, CalendarDate)> {
    let mut indices: Vec<usize> = figures
        .iter()
        .copied()
        .flatten()
        .flat_map(|figure| figure.mentions.iter().chain(&figure.others).copied())
        .collect();
    indices.sort_unstable();
    indices.dedup();
    let mut best: Option<(usize, CalendarDate)> = None;
    for index in indices {
        let Some(date) = dates.get(index).copied().flatten() else {
            continue;
        };
        if best.is_none_or(|(_, kept)| rank(date.precision) > rank(kept.precision)) {
            best = Some((index, date));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casualties::{extract, summarize};
    use crate::text::split_sentences;

    fn dated(text: &str, published: &str) -> Option<String> {
        let sentences = split_sentences(text);
        let mentions = extract(text, &sentences, &[]);
        let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let dates = mention_dates(text, &mentions, published);
        let tolls = summarize(&mentions);
        let toll = tolls.first()?;
        toll_date(toll, &dates, text, &sentences, published, true).map(|(_, date)| date.iso())
    }

    #[test]
    fn a_sentence_naming_the_incident_dates_it_when_no_figure_does() {
        // 2014-02-01 is a Saturday
        let text =
            "Two people were injured in a shooting. Police said the shooting happened about 10 p.m. Friday.";
        assert_eq!(dated(text, "2014-02-01").as_deref(), Some("2014-01-31"));
    }

    #[test]
    fn the_toll_sentence_dates_the_event() {
        // 2014-01-31 is a Friday
        let text = "Two men were charged on Thursday. A 1-year-old girl was shot and killed on Wednesday night in Snow Hill.";
        assert_eq!(dated(text, "2014-01-31").as_deref(), Some("2014-01-29"));
    }

    #[test]
    fn a_day_beats_a_year_and_the_first_day_wins() {
        let text = "Three people were killed in 2014. Police said two of them were killed on Jan. 5 and one was injured on Jan. 7.";
        assert_eq!(dated(text, "2014-02-01").as_deref(), Some("2014-01-05"));
    }

    #[test]
    fn arrests_date_the_event_only_when_nothing_else_does() {
        // 2014-10-24 is a Friday
        let text = "A boy was shot Wednesday evening at a home. A man was arrested Friday.";
        assert_eq!(dated(text, "2014-10-24").as_deref(), Some("2014-10-22"));
        let text = "A boy was shot at a home. A man was arrested Friday.";
        assert_eq!(dated(text, "2014-10-24").as_deref(), Some("2014-10-24"));
        // a sentence naming the incident dates it before an arrest does
        let text =
            "The shooting happened Wednesday evening. A boy was shot at a home. A man was arrested Friday.";
        assert_eq!(dated(text, "2014-10-24").as_deref(), Some("2014-10-22"));
    }

    #[test]
    fn no_date_without_a_dated_sentence() {
        let text = "Five people were injured in a shooting. The suspect was arrested.";
        assert_eq!(dated(text, "2014-02-01"), None);
    }
}
