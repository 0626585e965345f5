//! Incidents told as one of a series: "The shooting was the third in
//! Calder City in five days. On Monday, a 41-year-old man was shot and
//! killed ..." After such a sentence, a sentence that opens with another
//! day than the article's own recalls one of the others, and its figures
//! are another incident's.
//!
//! Only the two sentence tests live here; `extract_with` keeps the state
//! (whether a series was told, which days the article's own toll named).
use super::*;
use crate::casualties::context::{INCIDENT_WORDS, WEEKDAYS};
use crate::casualties::exclusions::is_month;

/// Whether a sentence says the article's incident is one of several: "The
/// shooting was the third in Calder City in five days", "It was the second
/// shooting on Marlowe Avenue this month", "This is the latest in a string
/// of attacks", "Wednesday's attack was the third roadside bombing".
pub(super) fn tells_a_series(tokens: &[Token<'_>]) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |token| token.lower.as_str());
    let verb = match (word(0), word(1)) {
        ("it" | "this" | "that", _) => 1,
        ("the", noun)
            if INCIDENT_WORDS.contains(&noun)
                || matches!(noun, "killing" | "stabbing" | "homicide" | "slaying") =>
        {
            2
        }
        // "Wednesday's attack was the third roadside bombing ..."
        (day, noun)
            if INCIDENT_WORDS.contains(&noun)
                && day
                    .strip_suffix("'s")
                    .or_else(|| day.strip_suffix("\u{2019}s"))
                    .is_some_and(|day| WEEKDAYS.contains(&day)) =>
        {
            2
        }
        _ => return false,
    };
    matches!(word(verb), "was" | "is" | "marks" | "marked")
        && word(verb + 1) == "the"
        && (ordinal_word(word(verb + 2)).is_some() || word(verb + 2) == "latest")
}

/// The day a sentence opens with: "On Monday, ...", "On Oct. 3, ...", "On
/// Tuesday night, ..." (the weekday or the month, lowercase).
pub(super) fn opening_day<'t>(tokens: &'t [Token<'_>]) -> Option<&'t str> {
    let (on, day) = (tokens.first()?, tokens.get(1)?);
    (on.is("on") && (WEEKDAYS.contains(&day.lower.as_str()) || (is_month(day) && day.is_capitalized())))
        .then_some(day.lower.as_str())
}

/// The weekdays a sentence names: what the article's own incident is dated by.
pub(super) fn weekdays_in(tokens: &[Token<'_>]) -> Vec<String> {
    tokens
        .iter()
        .filter(|token| WEEKDAYS.contains(&token.lower.as_str()))
        .map(|token| token.lower.clone())
        .collect()
}
