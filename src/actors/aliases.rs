//! Aliases a text introduces: "Sanaullah Ghafari, also known as Shahab
//! al-Muhajir", "the group, also known as ISIS-K", "Hamza, alias Abu
//! Musab", "(a.k.a. the Butcher)", "which also calls itself the Islamic
//! State Sahel Province", "known as Daesh".
//!
//! [`alias_cues`] finds each cue and what stands on either side of it: the
//! name before it (a mention ending just before the cue, possibly through
//! ", which" or ", who"), or an anaphor such as "the group" that points
//! back to the last organisation named; and the alias after it (a mention,
//! or a capitalised or quoted phrase). It does not decide which mentions
//! are what: [`super::resolve`](mod@super::resolve) reads the cues against the mentions.
use std::ops::Range;

/// Cue phrases, longest first so "also known as" wins over "known as".
const CUES: [&str; 16] = [
    "otherwise known as",
    "formerly known as",
    "formally known as",
    "officially known as",
    "better known as",
    "also known as",
    "calling itself",
    "calls itself",
    "call themselves",
    "also called",
    "known as",
    "a.k.a.",
    "a.k.a",
    "aka",
    "alias",
    "nom de guerre",
];

/// Words standing for an organisation named earlier.
const GROUP_ANAPHORS: [&str; 12] = [
    "the group",
    "the militant group",
    "the jihadist group",
    "the extremist group",
    "the terror group",
    "the organisation",
    "the organization",
    "the movement",
    "the militia",
    "the network",
    "the affiliate",
    "it",
];

/// What stands before an alias cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AliasHead {
    /// Text ending at this byte (the end of the name before the cue).
    EndsAt(usize),
    /// An anaphor ("the group") starting at this byte: the last
    /// organisation named before it.
    Anaphor(usize),
}

/// One alias cue: the name before it and the alias after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasCue {
    pub head: AliasHead,
    /// Byte range of the alias as written (quotes and a leading "the" left out).
    pub alias: Range<usize>,
}

fn is_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Alias cues of a sentence (`range` is its byte range in `text`).
pub fn alias_cues(text: &str, range: Range<usize>) -> Vec<AliasCue> {
    let Some(sentence) = text.get(range.clone()) else {
        return Vec::new();
    };
    let lower = sentence.to_lowercase();
    if lower.len() != sentence.len() {
        // Lowercasing changed byte lengths (rare scripts): offsets would drift.
        return Vec::new();
    }
    let mut cues = Vec::new();
    let mut taken: Vec<Range<usize>> = Vec::new();
    for cue in CUES {
        let mut from = 0;
        while let Some(found) = lower[from..].find(cue) {
            let start = from + found;
            let end = start + cue.len();
            from = end;
            if !is_boundary(&lower, start, end) || taken.iter().any(|t| t.start < end && start < t.end) {
                continue;
            }
            taken.push(start..end);
            let Some(head) = head_before(&lower, start) else {
                continue;
            };
            let Some(alias) = alias_after(sentence, end) else {
                continue;
            };
            let head = match head {
                AliasHead::EndsAt(at) => AliasHead::EndsAt(range.start + at),
                AliasHead::Anaphor(at) => AliasHead::Anaphor(range.start + at),
            };
            cues.push(AliasCue {
                head,
                alias: range.start + alias.start..range.start + alias.end,
            });
        }
    }
    cues.sort_by_key(|cue| cue.alias.start);
    cues
}

/// What precedes a cue: ", also known as", " (a.k.a.", ", which also
/// calls itself", "the group, also known as".
fn head_before(lower: &str, cue_start: usize) -> Option<AliasHead> {
    let mut before = lower[..cue_start].trim_end();
    for filler in [
        "also", "is", "was", "are", "were", "now", "widely", "locally", "commonly",
    ] {
        if let Some(stripped) = before.strip_suffix(filler) {
            if stripped.is_empty() || stripped.ends_with([' ', ',', '(']) {
                before = stripped.trim_end();
            }
        }
    }
    for relative in ["which", "who", "that"] {
        if let Some(stripped) = before.strip_suffix(relative) {
            if stripped.ends_with([' ', ',']) {
                before = stripped.trim_end();
            }
        }
    }
    let before = before
        .trim_end_matches([',', '(', '-', '\u{2014}', ' '])
        .trim_end();
    for anaphor in GROUP_ANAPHORS {
        if let Some(stripped) = before.strip_suffix(anaphor) {
            if stripped.is_empty() || stripped.ends_with([' ', '.', ',', '"']) {
                return Some(AliasHead::Anaphor(stripped.len()));
            }
        }
    }
    if before.is_empty() {
        return None;
    }
    Some(AliasHead::EndsAt(before.len()))
}

/// The alias after a cue: a quoted phrase, or capitalised words (with
/// lowercase particles such as "al-", "bin", "of") up to punctuation.
fn alias_after(sentence: &str, cue_end: usize) -> Option<Range<usize>> {
    let rest = &sentence[cue_end..];
    let mut start = cue_end + (rest.len() - rest.trim_start_matches([' ', ':', ',']).len());
    let mut quoted = false;
    if let Some(after) = sentence[start..].strip_prefix(['"', '\'', '\u{201c}']) {
        quoted = true;
        start = sentence.len() - after.len();
    }
    if sentence[start..].starts_with("the ") {
        start += 4;
    }
    let mut end = start;
    for (words, word) in sentence[start..].split_inclusive(' ').enumerate() {
        let bare = word.trim_end();
        let clean = bare.trim_end_matches([',', '.', ';', ':', ')', '"', '\'', '\u{201d}']);
        let capitalised = clean.chars().next().is_some_and(char::is_uppercase);
        let particle = matches!(
            clean.split('-').next().unwrap_or(""),
            "al" | "el" | "bin" | "ibn" | "abu" | "of" | "the" | "wal" | "ad" | "ash" | "as" | "de" | "la"
        );
        if clean.is_empty() || !(capitalised || particle || quoted) || words >= 8 {
            break;
        }
        end = start + offset_of(sentence, start, word) + clean.len();
        if clean.len() != bare.len() {
            break;
        }
    }
    // A trailing particle is not part of the alias.
    let alias = sentence.get(start..end)?.trim_end();
    let alias = alias
        .rsplit_once(' ')
        .filter(|(_, last)| matches!(*last, "of" | "the" | "al" | "bin" | "and"))
        .map_or(alias, |(head, _)| head);
    (!alias.is_empty() && alias.chars().next().is_some_and(char::is_uppercase))
        .then(|| start..start + alias.len())
}

/// Byte offset of `word` (a slice of `sentence[start..]`) from `start`.
fn offset_of(sentence: &str, start: usize, word: &str) -> usize {
    word.as_ptr() as usize - sentence[start..].as_ptr() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<(String, String)> {
        alias_cues(text, 0..text.len())
            .into_iter()
            .map(|cue| {
                let head = match cue.head {
                    AliasHead::EndsAt(at) => text[..at].to_owned(),
                    AliasHead::Anaphor(at) => format!("<anaphor at {}>", &text[at..]),
                };
                (head, text[cue.alias].to_owned())
            })
            .collect()
    }

    #[test]
    fn also_known_as() {
        let found = cues("Sanaullah Ghafari, also known as Shahab al-Muhajir, leads the group.");
        assert_eq!(
            found,
            [("Sanaullah Ghafari".to_owned(), "Shahab al-Muhajir".to_owned())]
        );
    }

    #[test]
    fn alias_and_aka() {
        let found = cues("Police named Abdul Rahman al-Logari, alias Abu Musab, as the bomber.");
        assert_eq!(found[0].0, "Police named Abdul Rahman al-Logari");
        assert_eq!(found[0].1, "Abu Musab");
        let found = cues("Joaquin Guzman (a.k.a. El Chapo) was extradited.");
        assert_eq!(found[0].0, "Joaquin Guzman");
        assert_eq!(found[0].1, "El Chapo");
    }

    #[test]
    fn known_as_and_calls_itself() {
        let found = cues("The Islamic State, known as Daesh in Arabic, claimed it.");
        assert_eq!(found, [("The Islamic State".to_owned(), "Daesh".to_owned())]);
        let found =
            cues("The Islamic State in the Greater Sahara (ISGS), which also calls itself the Islamic State Sahel Province, is active.");
        assert_eq!(found[0].0, "The Islamic State in the Greater Sahara (ISGS)");
        assert_eq!(found[0].1, "Islamic State Sahel Province");
    }

    #[test]
    fn group_anaphor() {
        let text = "The group, also known as ISIS-K, is the Afghan affiliate.";
        let found = alias_cues(text, 0..text.len());
        assert_eq!(found[0].head, AliasHead::Anaphor(0));
        assert_eq!(&text[found[0].alias.clone()], "ISIS-K");
    }

    #[test]
    fn no_alias_without_a_name() {
        assert!(cues("What is known as of now is little.").is_empty());
        assert!(cues("the so-called alias problem").is_empty());
    }
}
