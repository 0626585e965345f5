//! The speaker that opens a clause: the noun phrase right before a cue
//! ("Pakistan's military accused", "The Taliban on Friday denied", "Boko
//! Haram has claimed", "quoted the minister as saying").
//!
//! Used where no source span names the speaker: for claims read inside a
//! report's content ([`super::nested`]) and for model claims without a
//! source ([`super::assemble`]). A plain noun phrase only: it ends in a name
//! or a speaker noun, holds no clause word, no verb-like "-ed" word, no
//! quotation and no missed sentence boundary; passives, negations and
//! hypotheticals before the cue ("was", "did not", "would") mean no claim.
//!
//! Not here: pronouns' referents ([`super::speakers`]).
use std::ops::Range;

use super::assemble::{trim_source, Document};
use super::cues::find_cues;
use crate::text::dates::is_weekday_name;

/// Words that may stand between a speaker and its cue and are not part of
/// the speaker: "Boko Haram has claimed", "The Taliban also denied".
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "earlier",
    "late",
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "again",
    "already",
    "quickly",
    "swiftly",
    "promptly",
    "publicly",
    "officially",
    "immediately",
    "previously",
    "separately",
    "subsequently",
    "initially",
    "first",
    "then",
    "now",
    "on",
    "yesterday",
    "today",
];

/// Words that make the cue no claim when they stand right before it:
/// passives, negations and hypotheticals.
const NOT_A_CLAIM: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "not", "never", "n't", "will", "would", "could",
    "may", "might", "should", "can", "must", "to", "did", "does", "do",
];

/// Words that show the text before a cue is a clause, not a speaker.
const CLAUSE_WORDS: &[&str] = &[
    "when", "after", "as", "while", "that", "which", "who", "whom", "because", "before", "if", "since",
    "where", "until", "although", "though", "but", "and", "so", "was", "were", "is", "are", "what", "how",
    "why", "whether",
];

/// Words that open a phrase that is no speaker: "including more firms
/// admitted to ...", "for the group said".
const NOT_SPEAKER_OPENERS: &[&str] = &[
    "to",
    "including",
    "for",
    "with",
    "without",
    "during",
    "following",
    "despite",
    "like",
    "unlike",
    "by",
    "from",
    "about",
    "regarding",
    "concerning",
    "amid",
    "among",
    "against",
    "of",
    "in",
    "on",
    "at",
];

/// Lowercase words ending in "-ed" that are adjectives of speakers, not
/// verbs: "the armed group", "an unnamed official".
const SPEAKER_ADJECTIVES: &[&str] = &[
    "armed",
    "united",
    "banned",
    "outlawed",
    "proscribed",
    "alleged",
    "unnamed",
    "unidentified",
    "named",
    "self-styled",
    "self-proclaimed",
    "so-called",
    "interconnected",
];

/// Head nouns of speakers that the NER model does not tag: "the army",
/// "officials", "a security source".
const SPEAKER_NOUNS: &[&str] = &[
    "police",
    "army",
    "military",
    "government",
    "ministry",
    "officials",
    "official",
    "authorities",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "sources",
    "witnesses",
    "residents",
    "group",
    "militants",
    "rebels",
    "insurgents",
    "jihadists",
    "movement",
    "organisation",
    "organization",
    "agency",
    "observatory",
    "commander",
    "commanders",
    "governor",
    "president",
    "minister",
    "prosecutor",
    "prosecutors",
    "investigators",
    "officers",
    "officer",
    "doctors",
    "medics",
    "hospital",
    "statement",
    "branch",
    "wing",
    "affiliate",
    "arm",
    "faction",
    "command",
    "forces",
    "troops",
    "navy",
    "regime",
    "administration",
    "office",
    "embassy",
    "council",
    "committee",
    "party",
    "front",
    "brigade",
    "brigades",
    "militia",
    "coalition",
    "alliance",
    "media",
    "television",
    "radio",
    "newspaper",
    "he",
    "she",
    "it",
    "they",
];

/// Whether a piece of text holds the end of a sentence: a full stop after
/// a lowercase word ("in ayodhya. He said", not "U.S. officials"), one
/// before a lowercase word where the text has no capitals ("solution".
/// however"), one glued to the next sentence ("risen to 34.The office",
/// "the regime.A US official"), a question or exclamation mark, or a
/// paragraph break.
pub(super) fn ends_a_sentence(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let stop = chars.windows(3).any(|three| {
        let [before, dot, after] = [three[0], three[1], three[2]];
        dot == '.'
            && ((after.is_uppercase() && (before.is_lowercase() || before.is_ascii_digit()))
                || (after.is_lowercase() && !before.is_uppercase() && !before.is_whitespace()))
    });
    let after_word = text.match_indices(". ").any(|(at, _)| {
        let word = text[..at]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        let next = text[at + 2..].chars().next().unwrap_or(' ');
        (word.len() >= 3 && word.chars().all(|c| c.is_lowercase() || c.is_ascii_digit()))
            || (next.is_lowercase() && !word.chars().last().is_some_and(char::is_uppercase))
    });
    stop || after_word
        || ["? ", "! ", "\n\n", ".\"", ".'"]
            .iter()
            .any(|end| text.contains(end))
}

/// The speaker that opens `clause` (a noun phrase right before a cue:
/// "Pakistan's military", "The Taliban on Friday"), if any.
pub fn opening_speaker(doc: &Document<'_>, clause: Range<usize>) -> Option<Range<usize>> {
    speaker(doc, clause, false)
}

/// The speaker that opens `clause` (the text from the clause's start to the
/// cue), if it is a plain noun phrase.
pub(super) fn speaker(doc: &Document<'_>, clause: Range<usize>, cue_is_saying: bool) -> Option<Range<usize>> {
    let mut range = trim_source(doc.text, clause);
    let lower = doc.text[range.clone()].to_lowercase();
    let skip_that = ["that "]
        .iter()
        .find_map(|lead| lower.strip_prefix(lead))
        .map(|rest| lower.len() - rest.len());
    if let Some(skip) = skip_that {
        range.start += skip;
    }
    // "In Kabul, police said": the speaker is after the last comma, unless
    // the commas close an apposition ("The Pakistani Taliban, or TTP, took credit")
    let written = &doc.text[range.clone()];
    if let Some(comma) = written.rfind(',') {
        let raw_end = doc.text[range.end..].trim_start();
        let apposition = raw_end.starts_with(',');
        if !apposition {
            range.start += comma + 1;
        }
    }
    let mut range = trim_source(doc.text, range);
    let words = |range: &Range<usize>| -> Vec<(usize, String)> {
        let slice = &doc.text[range.clone()];
        slice
            .split_whitespace()
            .map(|word| {
                (
                    range.start + (word.as_ptr() as usize - slice.as_ptr() as usize),
                    word.to_owned(),
                )
            })
            .collect()
    };
    // "quoted the minister as saying": the speaker is the object of "quoted"
    if cue_is_saying {
        if let Some((at, last)) = words(&range).last() {
            if last.eq_ignore_ascii_case("as") {
                range = trim_source(doc.text, range.start..*at);
            }
        }
    }
    // trailing auxiliaries, adverbs and weekdays belong to the cue
    loop {
        let list = words(&range);
        let (at, last) = list.last()?;
        let bare = last
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_lowercase();
        if NOT_A_CLAIM.contains(&bare.as_str()) || bare.ends_with("n't") {
            return None;
        }
        if !BETWEEN.contains(&bare.as_str()) && !is_weekday_name(&bare) {
            break;
        }
        range = trim_source(doc.text, range.start..*at);
        if range.is_empty() {
            return None;
        }
    }
    let list = words(&range);
    let written = &doc.text[range.clone()];
    if ends_a_sentence(written) {
        return None;
    }
    // a bracket may hold an acronym ("The Kurdistan Workers' Party (PKK)"), nothing longer
    let bracketed_words = written.split('(').skip(1).map(|inside| {
        inside
            .split(')')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .count()
    });
    let long_bracket = bracketed_words.into_iter().any(|words| words != 1)
        || written.matches('(').count() != written.matches(')').count();
    // an apposition may be long: "The Group to Support Islam and Muslims (JNIM), al-Qaeda's branch in the Sahel,"
    let most_words = if written.contains(',') { 14 } else { 8 };
    if list.is_empty()
        || list.len() > most_words
        || written.contains(['"', '«', '»', ';', ':'])
        || long_bracket
    {
        return None;
    }
    let lowered: Vec<String> = list
        .iter()
        .map(|(_, word)| {
            word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
                .to_lowercase()
        })
        .collect();
    // words of a name are no clause words ("Islam and Muslims")
    let in_name = |at: usize| {
        doc.entities_overlapping(at..at + 1)
            .iter()
            .any(|entity| entity.range.contains(&at))
    };
    let verb_like = list.iter().zip(&lowered).any(|((at, written), word)| {
        (CLAUSE_WORDS.contains(&word.as_str()) && !in_name(*at))
            || (written.starts_with(char::is_lowercase)
                && word.ends_with("ed")
                && !SPEAKER_ADJECTIVES.contains(&word.as_str()))
    });
    let opener = lowered
        .first()
        .is_some_and(|word| NOT_SPEAKER_OPENERS.contains(&word.as_str()));
    if verb_like || opener || !find_cues(&doc.text[range.clone()]).is_empty() {
        return None;
    }
    // the head of the phrase names someone: it ends with a name or a
    // speaker noun ("Canada's finding announced" is no speaker); in an
    // apposition, the part before the first comma does
    let head_end = |end: usize| {
        // "The Kurdistan Workers' Party (PKK)": the name ends inside the bracket
        let bare_end = range.start + doc.text[range.start..end].trim_end_matches(')').len();
        doc.entities_starting_in(range.start..end)
            .iter()
            .any(|entity| (bare_end..=end).contains(&entity.range.end) && entity.range.start >= range.start)
            || {
                let head = doc.text[range.start..end]
                    .split_whitespace()
                    .last()
                    .unwrap_or_default()
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                SPEAKER_NOUNS.contains(&head.trim_end_matches("'s"))
            }
    };
    let first_part_end = doc.text[range.clone()].find(',').map(|comma| range.start + comma);
    (head_end(range.end) || first_part_end.is_some_and(head_end)).then_some(range)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_the_splitter_missed() {
        assert!(ends_a_sentence("000 rambhakts in ayodhya. he"));
        assert!(ends_a_sentence("has risen to 34.The Public Prosecutor's office"));
        assert!(ends_a_sentence("he said.speaking about the incident"));
        assert!(ends_a_sentence("locals blamed the regime.A US official told"));
        assert!(ends_a_sentence("an amicable solution\". however, the issue"));
        assert!(!ends_a_sentence("U.S. officials"));
        assert!(!ends_a_sentence("the U.S.-based group"));
        assert!(!ends_a_sentence("a 3.5 magnitude quake"));
        assert!(!ends_a_sentence("Gen. Kenneth McKenzie"));
    }
}
