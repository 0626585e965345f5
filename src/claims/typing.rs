//! Claim types, and the event a responsibility claim is about.
//!
//! The cue's lemma gives the type ([`super::cues::lemma_type`]) except for
//! responsibility claims, which the words around the cue decide: "claimed
//! responsibility for the attack", "claimed the bombing", "took credit for
//! the assault", "claimed the attack in a statement on Telegram". A report
//! is also any claim whose claimant is a news outlet ("Le Figaro writes").
//!
//! Rules, not a model: PolNeAR, the attribution data, has no claim types.
use std::ops::Range;

use crate::output::extractions::ClaimType;

use super::cues::lemma_type;

/// Nouns of attacks that can be claimed.
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "blast",
    "blasts",
    "explosion",
    "assault",
    "ambush",
    "raid",
    "killing",
    "killings",
    "murder",
    "assassination",
    "shooting",
    "massacre",
    "kidnapping",
    "abduction",
    "hijacking",
    "siege",
    "strike",
    "strikes",
    "operation",
    "suicide",
    "rocket",
    "rockets",
];

/// Words that end the event phrase after "responsibility for".
const PHRASE_ENDS: &[&str] = &[
    "through",
    "via",
    "in a",
    "in an",
    "on its",
    "on their",
    "on telegram",
    "saying",
    "and",
    "but",
    "which",
    "that",
    "as",
    "after",
    "citing",
];

/// The type of a claim from its cue lemma and the words of and around it.
/// `after_cue` is the text that follows the cue in its sentence.
pub fn claim_type(lemma: &str, after_cue: &str, claimant_is_media: bool) -> ClaimType {
    if is_responsibility(lemma, after_cue) {
        return ClaimType::Responsibility;
    }
    match lemma_type(lemma) {
        ClaimType::Statement if claimant_is_media => ClaimType::Report,
        other => other,
    }
}

fn is_responsibility(lemma: &str, after_cue: &str) -> bool {
    let after = after_cue.trim_start().to_lowercase();
    match lemma {
        "take credit" => true,
        "claim" => {
            after.starts_with("responsibility")
                || after.starts_with("credit")
                || first_words(&after, 4)
                    .iter()
                    .any(|word| EVENT_NOUNS.contains(word))
        }
        _ => false,
    }
}

fn first_words(text: &str, count: usize) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .take(count)
        .collect()
}

/// The event phrase a responsibility claim names, as a range of
/// `after_cue` ("responsibility for the attack through its Amaq news
/// agency" → "the attack"; "the bombing in Kabul" → "the bombing in
/// Kabul"). None when no attack noun is near.
pub fn claimed_event(after_cue: &str) -> Option<Range<usize>> {
    let lower = after_cue.to_lowercase();
    if lower.len() != after_cue.len() {
        return None;
    }
    let mut start = lower.len() - lower.trim_start().len();
    for lead in ["responsibility for", "credit for", "responsibility", "credit"] {
        if lower[start..].starts_with(lead) {
            start += lead.len();
            start += lower[start..].len() - lower[start..].trim_start().len();
            break;
        }
    }
    let rest = &lower[start..];
    let mut end = rest.len();
    for stop in [",", ";", ".", ":", "\"", "\n"] {
        if let Some(at) = rest.find(stop) {
            end = end.min(at);
        }
    }
    for word in PHRASE_ENDS {
        let mut from = 0;
        while let Some(at) = rest[from..end].find(word) {
            let at = from + at;
            let bounded = at > 0
                && rest[..at].ends_with(' ')
                && !rest[at + word.len()..].starts_with(char::is_alphanumeric);
            if bounded {
                end = at;
                break;
            }
            from = at + word.len();
        }
    }
    let phrase = rest[..end].trim_end();
    let has_event = first_words(phrase, 8)
        .iter()
        .any(|word| EVENT_NOUNS.contains(word));
    (has_event && !phrase.is_empty()).then(|| start..start + phrase.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responsibility_claims() {
        assert_eq!(
            claim_type("claim", " responsibility for the attack", false),
            ClaimType::Responsibility
        );
        assert_eq!(
            claim_type("claim", " the bombing in a statement", false),
            ClaimType::Responsibility
        );
        assert_eq!(
            claim_type("take credit", " for the raid", false),
            ClaimType::Responsibility
        );
        assert_eq!(
            claim_type("claim", " that the vote was rigged", false),
            ClaimType::Statement
        );
        assert_eq!(
            claim_type("deny", " responsibility for the blast", false),
            ClaimType::Denial
        );
    }

    #[test]
    fn media_statements_are_reports() {
        assert_eq!(claim_type("say", " that nine were held", true), ClaimType::Report);
        assert_eq!(claim_type("deny", " it", true), ClaimType::Denial);
    }

    #[test]
    fn event_phrases() {
        let after = " responsibility for the attack through its Amaq news agency, naming";
        assert_eq!(&after[claimed_event(after).unwrap()], "the attack");
        let after = " the bombing in Kabul in a statement on Telegram.";
        assert_eq!(&after[claimed_event(after).unwrap()], "the bombing in Kabul");
        assert_eq!(claimed_event(" that the vote was rigged"), None);
    }
}
