//! When an event happened: the casualty mentions' date expressions resolved
//! against the publication date, the one date chosen for each event's
//! toll, and harms dated days before the article's own, which are set
//! apart as earlier incidents ([`dated_mentions`]).
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
use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::output::extractions::DatePrecision;
use crate::text::dates::{resolve, CalendarDate};

use super::context::Scope;
use super::mentions::{extract, CasualtyMention};
use super::sentence_dates::{dates, nearest_date};
use super::summary::{BestFigure, TollSummary};
use super::tokens::tokenize;
use crate::ner::EntityMention;
use crate::output::extractions::CasualtyKind;

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

/// The casualty mentions of a text (as [`extract`] finds them), each with its
/// resolved date, earlier incidents set apart
/// (`set_apart_earlier_incidents`, below): what `newsgrist run` and `newsgrist
/// eval casualties` both summarise.
pub fn dated_mentions(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    entities: &[EntityMention],
    published: Option<NaiveDate>,
) -> (Vec<CasualtyMention>, Vec<Option<CalendarDate>>) {
    let mut mentions = extract(text, sentences, entities);
    let dates = mention_dates(text, &mentions, published);
    set_apart_earlier_incidents(text, &mut mentions, &dates);
    (mentions, dates)
}

/// "A 10-year-old girl was shot Monday night ... On Aug. 9, a 10-year-old
/// girl and two teenage boys were injured by gunfire about a mile west": a
/// harm dated to a calendar day ("Aug. 9", "March 23": a weekday may be
/// counted from the wrong date) more than three days before the day of
/// the article's first dated harm is an earlier incident, which the
/// article's toll leaves out (its scope becomes [`Scope::Other`]). Not
/// where a figure of its sentence restates one of the article's own
/// ("killed three officers ... on July 17" under "three police officers
/// who were killed ... on Sunday": the same attack, one of the dates
/// wrong). Later days stay (the wounded die days after the shooting), and
/// so do arrests, which date nothing here, and figures with a year of
/// their own, which [`summarize`](super::summarize) already tells apart.
fn set_apart_earlier_incidents(text: &str, mentions: &mut [CasualtyMention], dates: &[Option<CalendarDate>]) {
    let day_of = |index: usize, mention: &CasualtyMention| {
        (mention.kind != CasualtyKind::Arrested && mention.scope == Scope::Event && mention.year.is_none())
            .then(|| dates.get(index).copied().flatten())
            .flatten()
            .filter(|date| date.precision == DatePrecision::Day)
            .map(|date| date.first_day)
    };
    let Some(main_day) = mentions
        .iter()
        .enumerate()
        .find_map(|(index, mention)| day_of(index, mention))
    else {
        return;
    };
    let calendar_day = |mention: &CasualtyMention| {
        mention
            .date
            .clone()
            .and_then(|range| text.get(range))
            .is_some_and(|written| written.bytes().any(|byte| byte.is_ascii_digit()))
    };
    let earlier: BTreeSet<usize> = mentions
        .iter()
        .enumerate()
        .filter(|&(index, mention)| {
            calendar_day(mention) && day_of(index, mention).is_some_and(|day| (main_day - day).num_days() > 3)
        })
        .map(|(_, mention)| mention.sentence)
        .collect();
    if earlier.is_empty() {
        return;
    }
    let own: BTreeSet<(u8, u64)> = mentions
        .iter()
        .filter(|mention| mention.scope == Scope::Event && !earlier.contains(&mention.sentence))
        .map(|mention| (mention.kind.order(), mention.count.value))
        .collect();
    // (one victim on each side restates nothing: single victims are too
    // common to tell one incident)
    let restating: BTreeSet<usize> = mentions
        .iter()
        .filter(|mention| {
            earlier.contains(&mention.sentence)
                && mention.count.value >= 2
                && own.contains(&(mention.kind.order(), mention.count.value))
        })
        .map(|mention| mention.sentence)
        .collect();
    for mention in mentions.iter_mut() {
        let apart = earlier.contains(&mention.sentence) && !restating.contains(&mention.sentence);
        if apart && mention.kind != CasualtyKind::Arrested && mention.scope == Scope::Event {
            mention.scope = Scope::Other;
        }
    }
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

    fn mentions_of(text: &str, published: &str) -> Vec<CasualtyMention> {
        let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        dated_mentions(text, &split_sentences(text), &[], published).0
    }

    fn main_toll(text: &str, published: &str, kind: CasualtyKind) -> u64 {
        let tolls = summarize(&mentions_of(text, published));
        tolls.first().map_or(0, |toll| toll.value(kind))
    }

    #[test]
    fn an_earlier_incident_on_a_calendar_day_is_set_apart() {
        // 2016-08-24 is a Wednesday: Monday is Aug. 22
        let text =
            "Two boys were wounded on Monday night. On Aug. 9, three teenagers were wounded by gunfire \
                    a mile west.";
        assert_eq!(main_toll(text, "2016-08-24", CasualtyKind::Injured), 2);
        // the same figures again are the same attack, whichever date is wrong
        let text = "Three officers were killed in an attack on Sunday morning. Long killed three officers \
                    on July 17 outside a store.";
        assert_eq!(main_toll(text, "2016-08-30", CasualtyKind::Killed), 3);
        // one victim on each side is no restatement
        let text = "A girl was wounded on Monday night. On Aug. 9, a boy was wounded a mile west.";
        let scopes: Vec<Scope> = mentions_of(text, "2016-08-24")
            .iter()
            .map(|mention| mention.scope)
            .collect();
        assert_eq!(scopes, [Scope::Event, Scope::Other]);
        // a later day stays: the wounded die days after
        let text = "A man was wounded in a shooting on Aug. 1. Two more victims were wounded on Aug. 9.";
        assert_eq!(main_toll(text, "2016-08-10", CasualtyKind::Injured), 2);
    }

    #[test]
    fn no_date_without_a_dated_sentence() {
        let text = "Five people were injured in a shooting. The suspect was arrested.";
        assert_eq!(dated(text, "2014-02-01"), None);
    }
}
