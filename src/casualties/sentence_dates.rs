//! The date expressions of a sentence, and which of them dates a casualty
//! figure.
//!
//! A sentence may carry several dates: "Bond was set Thursday for a man
//! accused of wounding a toddler Wednesday". Each figure takes the date
//! nearest its cue; dates of sayings, postings, vigils and hospital reports
//! ("police said Friday", "Posted: Monday, March 2") are no event's and are
//! dropped; dates of the legal process ("arrested Friday", "in court on
//! Monday") date arrests only.
//!
//! This file finds and picks date expressions; putting them on the calendar
//! is `text/dates.rs`'s work.
use std::ops::Range;

use super::context::{bytes, DAY_PARTS, WEEKDAYS};
use super::exclusions::{is_month, year_of};
use super::tokens::{Token, TokenKind};
use crate::text::dates::small_count;
use crate::text::holidays::{fold, holiday_at};

/// Verbs and nouns whose date is not the event's: "police said Friday",
/// "a vigil was held Saturday", "Posted: Monday, March 2". Dates after them
/// are dropped.
const NOT_EVENT_DATES: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "confirmed",
    "reported",
    "added",
    "stated",
    "identified",
    "released",
    "posted",
    "updated",
    "published",
    "held",
    "vigil",
    "funeral",
    "investigating",
    "investigated",
    "underway",
    "interviewed",
    "continued",
    "searching",
    "asked",
    "declined",
    "gathered",
    "rallied",
    "mourned",
    "remembered",
    "planned",
    "scheduled",
    "expected",
    "next",
    "condition",
    "remained",
    "remains",
];

/// Verbs of the legal process: their date is the arrest's or the
/// hearing's, which dates an arrest but not a shooting.
const PROCEDURE_VERBS: &[&str] = &[
    "arrested",
    "charged",
    "arraigned",
    "booked",
    "indicted",
    "sentenced",
    "convicted",
    "court",
    "appeared",
    "detained",
    "apprehended",
    "custody",
    "bond",
    "bail",
    "hearing",
    "jailed",
    "plea",
    "pleaded",
    "trial",
    "arrest",
];

/// Verbs after a date that make it the date of a saying: "police on Sunday
/// identified the victims".
const SAYING_AFTER_DATE: &[&str] = &[
    "said",
    "announced",
    "confirmed",
    "told",
    "identified",
    "released",
    "reported",
];

/// Words between a verb and its date: "said on Friday", "arrested early
/// Thursday", "shot about 11:40 p.m. Wednesday".
const BEFORE_DATE: &[&str] = &[
    "on", "early", "late", "about", "around", "at", "shortly", "just", "before", "after", "a.m.", "p.m.",
    "am", "pm", "a", "m", "p", ".", ":", "noon", "midnight",
];

/// Words before "in" and a year that date a thing, not an incident: "a
/// state law that took effect in 2023", "the group, founded in 2004".
const DATED_THINGS: &[&str] = &[
    "effect",
    "enacted",
    "passed",
    "signed",
    "adopted",
    "introduced",
    "founded",
    "established",
    "formed",
    "built",
    "opened",
    "born",
    "elected",
    "created",
];

/// A date expression of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateCandidate {
    /// Byte range of the normalised text.
    pub range: Range<usize>,
    /// Whose date it is: `true` after a verb of the legal process ("was
    /// arrested Friday"), which dates an arrest but not the event.
    pub of_procedure: bool,
    /// A dateline's date ("KABUL, Aug. 27 -"): the day of filing, which
    /// dates a figure only when the sentence gives no other date.
    pub dateline: bool,
}

/// Whether a date starting at token `first` follows only a capitalised
/// place and commas from the sentence start: "KABUL, Aug. 27".
fn in_dateline(tokens: &[Token<'_>], first: usize) -> bool {
    first > 0
        && first <= 6
        && tokens[first - 1].text == ","
        && tokens[..first]
            .iter()
            .all(|token| token.text == "," || token.is_all_caps() || token.is_capitalized())
        && tokens[0].is_all_caps()
}

/// The word that governs a date starting at token `first`: the nearest
/// word before it that is not a preposition, time or number.
fn governor<'t>(tokens: &'t [Token<'_>], first: usize) -> Option<&'t Token<'t>> {
    tokens[..first].iter().rev().take(6).find(|token| {
        token.kind != TokenKind::Number
            && !token.is_any(BEFORE_DATE)
            && token.text != ","
            && !WEEKDAYS.contains(&token.lower.as_str())
    })
}

/// "residents told AFP on Sunday": a saying verb and its addressee's name
/// before the date starting at token `first`.
fn told_someone(tokens: &[Token<'_>], first: usize) -> bool {
    let Some(back) = tokens[..first]
        .iter()
        .rev()
        .take(6)
        .position(|token| token.kind != TokenKind::Number && !token.is_any(BEFORE_DATE))
    else {
        return false;
    };
    let at = first - 1 - back;
    tokens[at].is_capitalized()
        && at > 0
        && tokens[at - 1].is_any(&["told", "tells", "telling", "informed", "briefed"])
}

/// A holiday's name starting at token `i` ("Christmas Eve", "the Fourth of
/// July"); a name that is also a plain word ("Christmas") only after "on",
/// "over" or "during" or before a part of the day or "weekend".
fn holiday_span(tokens: &[Token<'_>], i: usize) -> Option<Range<usize>> {
    if !tokens[i].is_capitalized() {
        return None;
    }
    let words: Vec<String> = tokens[i..tokens.len().min(i + 4)]
        .iter()
        .map(|token| fold(&token.lower))
        .collect();
    let (holiday, taken) = holiday_at(&words)?;
    let end = i + taken;
    let dated = !holiday.needs_context
        || (i > 0 && tokens[i - 1].is_any(&["on", "over", "during"]))
        || tokens
            .get(end)
            .is_some_and(|next| DAY_PARTS.contains(&next.lower.as_str()) || next.is("weekend"));
    dated.then_some(i..end)
}

/// "three days ago", "a week ago", "2 weeks ago" starting at token `i`.
fn days_ago_span(tokens: &[Token<'_>], i: usize) -> Option<Range<usize>> {
    let count = &tokens[i];
    let is_count = count.kind == TokenKind::Number || small_count(&count.lower).is_some();
    let unit = tokens.get(i + 1)?;
    (is_count && unit.is_any(&["day", "days", "week", "weeks"]) && tokens.get(i + 2)?.is("ago"))
        .then_some(i..i + 3)
}

/// Nouns of an incident that a year before them names ("the 2017 truck
/// bombing" reads "truck" first, so vehicles and weapons are here too).
const PAST_EVENT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "abduction",
    "abductions",
    "kidnapping",
    "kidnappings",
    "massacre",
    "shooting",
    "shootings",
    "raid",
    "raids",
    "siege",
    "blast",
    "explosion",
    "ambush",
    "assault",
    "offensive",
    "uprising",
    "coup",
    "riots",
    "war",
    "truck",
    "car",
    "suicide",
    "earthquake",
    "floods",
    "fire",
    "crash",
    "hijacking",
    "killings",
    "violence",
    "clashes",
    "protests",
    "crackdown",
    // "after a 2008 stampede at the same shrine killed 147 people"
    "stampede",
    "stampedes",
    "crush",
    "stabbing",
    "stabbings",
    "rampage",
    "blaze",
];

/// When: every date expression of a sentence ("on Sunday", "Sunday night",
/// "last Friday", "Aug. 27", "27 August", "January 29, 2014", "yesterday",
/// "last night", "this week", "Christmas Eve", "three days ago"), in order, without those of sayings and
/// other non-events ("police said Friday"); a written year ("in 2004") when
/// there is no other. Also the year of the sentence, when one is written.
pub fn dates(tokens: &[Token<'_>]) -> (Vec<DateCandidate>, Option<u16>) {
    let year = tokens.iter().enumerate().find_map(|(i, token)| {
        let year = year_of(token)?;
        let before = i.checked_sub(1).and_then(|k| tokens.get(k));
        if i >= 2 && tokens[i - 1].is("in") && tokens[i - 2].is_any(DATED_THINGS) {
            return None;
        }
        let dated = before.is_some_and(|token| {
            token.is_any(&["in", "of", "since", "(", ",", "year"])
                || token.kind == TokenKind::Number
                || (is_month(token) && token.is_capitalized())
                // "Around Christmas 2023", "in summer 2021"
                || (token.is_any(&["christmas", "easter", "ramadan", "eid", "thanksgiving", "diwali", "hanukkah", "passover", "nowruz"])
                    && token.is_capitalized())
                || token.is_any(&["spring", "summer", "autumn", "winter"])
        }) || tokens.get(i + 1).is_some_and(|token| token.is_any(&[")", "'s"]))
            // "the 2021 abduction of 17 missionaries", "a 2019 attack"
            || (before.is_some_and(|token| token.is_any(&["the", "a"]))
                && tokens
                    .get(i + 1)
                    .is_some_and(|token| PAST_EVENT_NOUNS.contains(&token.lower.as_str())));
        dated.then_some((i, year))
    });
    let is_number = |i: usize| tokens.get(i).is_some_and(|token| token.kind == TokenKind::Number);
    // token ranges of the dates kept
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut dropped: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let mut span: Option<Range<usize>> = None;
        if let Some(holiday_or_ago) = holiday_span(tokens, i).or_else(|| days_ago_span(tokens, i)) {
            span = Some(holiday_or_ago);
        } else if WEEKDAYS.contains(&token.lower.as_str()) {
            let mut end = i + 1;
            if tokens
                .get(end)
                .is_some_and(|next| DAY_PARTS.contains(&next.lower.as_str()))
            {
                end += 1;
            }
            // "Friday, Jan. 31, 2014": the written date says it all (and
            // its governor is found across the weekday)
            if tokens.get(end).is_some_and(|next| next.text == ",")
                && tokens
                    .get(end + 1)
                    .is_some_and(|next| is_month(next) && next.is_capitalized())
            {
                i = end + 1;
                continue;
            }
            let start = if i > 0 && tokens[i - 1].is("last") {
                i - 1
            } else {
                i
            };
            span = Some(start..end);
        } else if is_month(token) && token.is_capitalized() {
            let mut end = i + 1;
            if tokens.get(end).is_some_and(|next| next.text == ".") {
                end += 1;
            }
            let is_year = |k: usize| tokens.get(k).and_then(year_of).is_some();
            if is_number(end) && !is_year(end) {
                end += 1;
                if tokens.get(end).is_some_and(|next| next.text == ",")
                    && tokens.get(end + 1).and_then(year_of).is_some()
                {
                    end += 2;
                }
                span = Some(i..end);
            } else if i > 0 && is_number(i - 1) && year_of(&tokens[i - 1]).is_none() {
                // "27 August", "27 August 2014"
                if tokens.get(i + 1).and_then(year_of).is_some() {
                    end = i + 2;
                }
                span = Some(i - 1..end);
            } else if is_year(i + 1) {
                // "January 2014"
                span = Some(i..i + 2);
            }
        } else if token.is_any(&["yesterday", "today", "tonight"]) {
            span = Some(i..i + 1);
        } else if token.is_any(&["last", "this"])
            && tokens.get(i + 1).is_some_and(|next| {
                next.is_any(&["night", "morning", "evening", "afternoon", "week", "month"])
            })
        {
            span = Some(i..i + 2);
        }
        let Some(range) = span else {
            i += 1;
            continue;
        };
        i = range.end.max(i + 1);
        let ruled_out = |token: &Token<'_>| token.is_any(NOT_EVENT_DATES);
        if governor(tokens, range.start).is_some_and(ruled_out)
            || told_someone(tokens, range.start)
            || tokens
                .get(range.end)
                .is_some_and(|next| next.is_any(SAYING_AFTER_DATE))
        {
            dropped.push(range);
            continue;
        }
        found.push(range);
    }
    let mut candidates: Vec<DateCandidate> = found
        .into_iter()
        .filter_map(|range| {
            let first = range.start;
            Some(DateCandidate {
                of_procedure: governor(tokens, first).is_some_and(|token| token.is_any(PROCEDURE_VERBS)),
                dateline: in_dateline(tokens, first),
                range: bytes(tokens, range)?,
            })
        })
        .collect();
    // the year alone, unless it is part of a dropped date ("Posted: March 2, 2015")
    let year_alone = year.filter(|(i, _)| !dropped.iter().any(|range| range.contains(i)));
    if candidates.is_empty() {
        if let Some(range) = year_alone.and_then(|(i, _)| bytes(tokens, i..i + 1)) {
            candidates.push(DateCandidate {
                range,
                of_procedure: false,
                dateline: false,
            });
        }
    }
    (candidates, year.map(|(_, year)| year))
}

/// How many dates on each side of a cue are looked at: a date further
/// away than that is no figure's, and a sentence of thousands of dates
/// (hostile input) stays linear.
const DATES_AROUND_CUE: usize = 8;

/// The date of a figure whose cue is at `cue`: the nearest of the
/// sentence's dates (`dates` in text order), one after the cue on a tie
/// ("were killed on Sunday"); a date of the legal process only for arrests;
/// the dateline's only when there is no other.
pub fn nearest_date(dates: &[DateCandidate], cue: &Range<usize>, arrest: bool) -> Option<Range<usize>> {
    let distance = |range: &Range<usize>| {
        if range.start >= cue.end {
            (range.start - cue.end, 0)
        } else {
            (cue.start.saturating_sub(range.end), 1)
        }
    };
    let after = dates.partition_point(|date| date.range.start < cue.end);
    let before = dates[..after].iter().rev().take(DATES_AROUND_CUE);
    let near = dates[after..].iter().take(DATES_AROUND_CUE).chain(before);
    // a dateline opens the sentence: the first dates are the only ones to check
    let datelines = dates.iter().take(2).filter(|date| date.dateline);
    near.chain(datelines)
        .filter(|date| arrest || !date.of_procedure)
        .min_by_key(|date| (date.dateline, distance(&date.range)))
        .map(|date| date.range.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casualties::tokens::tokenize;

    fn date_texts(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, 0..text.len());
        dates(&tokens)
            .0
            .iter()
            .filter_map(|date| text.get(date.range.clone()))
            .collect()
    }

    #[test]
    fn holidays_and_days_ago_are_dates() {
        assert_eq!(
            date_texts("Two men were shot on Christmas Eve outside a bar."),
            ["Christmas Eve"]
        );
        assert_eq!(
            date_texts("Five people were wounded over the Fourth of July weekend."),
            ["Fourth of July"]
        );
        assert_eq!(
            date_texts("A man was killed on Thanksgiving night."),
            ["Thanksgiving"]
        );
        assert_eq!(date_texts("A woman was shot three days ago."), ["three days ago"]);
        // a holiday's name as a plain word, and a saying's date, are no event dates
        assert_eq!(
            date_texts("A man was shot at a Christmas party, police said two days ago."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn dates_of_sayings_and_vigils_are_not_event_dates() {
        assert_eq!(
            date_texts("Police said Friday that three men were shot and killed Wednesday."),
            ["Wednesday"]
        );
        assert_eq!(
            date_texts("Neighbors held a vigil Saturday evening for three victims who were killed Friday."),
            ["Friday"]
        );
        assert_eq!(
            date_texts("Four people shot Posted: Monday, March 2, 2015 12:06 AM"),
            Vec::<&str>::new()
        );
        assert_eq!(
            date_texts("The sheriff on Sunday identified the four people killed Friday."),
            ["Friday"]
        );
        assert_eq!(
            date_texts("A boy was shot last Friday in the groin."),
            ["last Friday"]
        );
        assert_eq!(
            date_texts("He was killed on 27 August 2014 in Kabul."),
            ["27 August 2014"]
        );
        assert_eq!(
            date_texts("He was killed in January 2014 in Kabul."),
            ["January 2014"]
        );
    }

    #[test]
    fn each_figure_takes_the_nearest_date_and_arrest_dates_only_date_arrests() {
        let text = "Bond was set Thursday for a man accused of wounding a toddler Wednesday.";
        let tokens = tokenize(text, 0..text.len());
        let (found, _) = dates(&tokens);
        let cue = text.find("wounding").map(|at| at..at + 8).expect("cue");
        let date = nearest_date(&found, &cue, false);
        assert_eq!(date.and_then(|range| text.get(range)), Some("Wednesday"));
        let text = "Two teens were arrested Wednesday over a shooting that killed a boy.";
        let tokens = tokenize(text, 0..text.len());
        let (found, _) = dates(&tokens);
        let killed = text.find("killed").map(|at| at..at + 6).expect("cue");
        assert_eq!(nearest_date(&found, &killed, false), None);
        let arrested = text.find("arrested").map(|at| at..at + 8).expect("cue");
        let date = nearest_date(&found, &arrested, true);
        assert_eq!(date.and_then(|range| text.get(range)), Some("Wednesday"));
    }

    #[test]
    fn a_dateline_dates_a_figure_only_when_nothing_else_does() {
        let pick = |text: &str, cue: &str| {
            let tokens = tokenize(text, 0..text.len());
            let (found, _) = dates(&tokens);
            let at = text.find(cue).expect("cue");
            nearest_date(&found, &(at..at + cue.len()), true)
                .and_then(|range| text.get(range).map(str::to_owned))
        };
        let text = "KARACHI, March 2 (Reuters) - Police arrested nine suspects in raids across Karachi on Wednesday.";
        assert_eq!(pick(text, "arrested").as_deref(), Some("Wednesday"));
        let text = "KARACHI, March 2 (Reuters) - Police arrested nine suspects in raids across Karachi.";
        assert_eq!(pick(text, "arrested").as_deref(), Some("March 2"));
    }
}
