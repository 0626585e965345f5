//! Cue words: the verbs and phrases that introduce a claim, their base
//! form, and where they occur in a text.
//!
//! The lexicon maps inflected forms to a lemma ("told" → `tell`, "denies"
//! → `deny`, "according to" → `according to`) and gives each lemma the
//! claim type it implies by itself ([`lemma_type`]). The attribution model
//! finds cue spans; this module names them. Without a model,
//! [`find_cues`] finds the lexicon's cues as rules.
//!
//! It does not decide whether a claim is a responsibility claim (that needs
//! the content: [`super::typing`]).
use std::ops::Range;

use crate::output::extractions::ClaimType;

/// Inflected cue forms and their lemma. Multi-word forms come first so the
/// longest match wins.
const FORMS: &[(&str, &str)] = &[
    ("according to", "according to"),
    ("took credit", "take credit"),
    ("take credit", "take credit"),
    ("takes credit", "take credit"),
    ("taking credit", "take credit"),
    // "took responsibility for the seizure of the vessel"; a minister who
    // takes responsibility for failures claims no act (typing reads the object)
    ("took responsibility", "take responsibility"),
    ("take responsibility", "take responsibility"),
    ("takes responsibility", "take responsibility"),
    ("taking responsibility", "take responsibility"),
    ("say", "say"),
    ("says", "say"),
    ("said", "say"),
    ("saying", "say"),
    ("tell", "tell"),
    ("tells", "tell"),
    ("told", "tell"),
    ("telling", "tell"),
    ("claim", "claim"),
    ("claims", "claim"),
    ("claimed", "claim"),
    ("claiming", "claim"),
    ("deny", "deny"),
    ("denies", "deny"),
    ("denied", "deny"),
    ("denying", "deny"),
    ("confirm", "confirm"),
    ("confirms", "confirm"),
    ("confirmed", "confirm"),
    ("confirming", "confirm"),
    ("warn", "warn"),
    ("warns", "warn"),
    ("warned", "warn"),
    ("warning", "warn"),
    ("accuse", "accuse"),
    ("accuses", "accuse"),
    ("accused", "accuse"),
    ("accusing", "accuse"),
    ("report", "report"),
    ("reports", "report"),
    ("reported", "report"),
    ("reporting", "report"),
    ("write", "write"),
    ("writes", "write"),
    ("wrote", "write"),
    ("written", "write"),
    ("writing", "write"),
    ("add", "add"),
    ("adds", "add"),
    ("added", "add"),
    ("adding", "add"),
    ("state", "state"),
    ("states", "state"),
    ("stated", "state"),
    ("stating", "state"),
    ("announce", "announce"),
    ("announces", "announce"),
    ("announced", "announce"),
    ("announcing", "announce"),
    ("insist", "insist"),
    ("insists", "insist"),
    ("insisted", "insist"),
    ("insisting", "insist"),
    ("allege", "allege"),
    ("alleges", "allege"),
    ("alleged", "allege"),
    ("alleging", "allege"),
    ("blame", "blame"),
    ("blames", "blame"),
    ("blamed", "blame"),
    ("blaming", "blame"),
    ("reject", "reject"),
    ("rejects", "reject"),
    ("rejected", "reject"),
    ("rejecting", "reject"),
    ("dismiss", "dismiss"),
    ("dismissed", "dismiss"),
    ("dismissing", "dismiss"),
    ("dismisses", "dismiss"),
    // "disputed that figure"; as rules' cues too often the adjective
    // ("the disputed region"), so named only where the tagger finds them;
    // not the noun ("got in some sort of dispute with")
    ("disputes", "dispute"),
    ("disputed", "dispute"),
    ("disputing", "dispute"),
    ("admit", "admit"),
    ("admits", "admit"),
    ("admitted", "admit"),
    ("admitting", "admit"),
    ("acknowledge", "acknowledge"),
    ("acknowledged", "acknowledge"),
    ("acknowledging", "acknowledge"),
    ("acknowledges", "acknowledge"),
    ("threaten", "threaten"),
    ("threatened", "threaten"),
    ("threatening", "threaten"),
    ("threatens", "threaten"),
    ("vow", "vow"),
    ("vowed", "vow"),
    ("vowing", "vow"),
    ("vows", "vow"),
    ("condemn", "condemn"),
    ("condemned", "condemn"),
    ("condemning", "condemn"),
    ("condemns", "condemn"),
    ("tweet", "tweet"),
    ("tweeted", "tweet"),
    ("post", "post"),
    ("posted", "post"),
    ("explain", "explain"),
    ("explained", "explain"),
    ("explaining", "explain"),
    ("note", "note"),
    ("noted", "note"),
    ("noting", "note"),
    ("argue", "argue"),
    ("argued", "argue"),
    ("arguing", "argue"),
    ("argues", "argue"),
    ("believe", "believe"),
    ("believes", "believe"),
    ("quoted", "quote"),
    ("quotes", "quote"),
    ("cited", "cite"),
    ("citing", "cite"),
];

/// The lemma of one cue form, lowercase in, if it is a known cue.
pub fn lemma_of_form(form: &str) -> Option<&'static str> {
    FORMS
        .iter()
        .find(|(written, _)| *written == form)
        .map(|(_, lemma)| *lemma)
}

/// The lemma of a cue span as written ("has denied" → `deny`, "told
/// reporters" → `tell`): the first known form in it, else its last word
/// lowercased with a regular inflection taken off.
pub fn lemma_of_span(span: &str) -> String {
    let lower = span.to_lowercase();
    // "was quoted as saying": the passive of "said"
    if lower.ends_with("quoted as saying") {
        return "say".to_owned();
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|word| !word.is_empty())
        .collect();
    for pair in words.windows(2) {
        if let Some(lemma) = lemma_of_form(&format!("{} {}", pair[0], pair[1])) {
            return lemma.to_owned();
        }
    }
    if let Some(lemma) = words.iter().find_map(|word| lemma_of_form(word)) {
        return lemma.to_owned();
    }
    words
        .last()
        .map_or_else(String::new, |word| strip_inflection(word))
}

fn strip_inflection(word: &str) -> String {
    for suffix in ["ied", "ies"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return format!("{stem}y");
        }
    }
    for suffix in ["ing", "ed", "s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 3 {
                return stem.to_owned();
            }
        }
    }
    word.to_owned()
}

/// The claim type a lemma implies on its own.
pub fn lemma_type(lemma: &str) -> ClaimType {
    match lemma {
        "deny" | "reject" | "dismiss" | "refute" | "dispute" => ClaimType::Denial,
        "confirm" | "acknowledge" | "admit" => ClaimType::Confirmation,
        "accuse" | "blame" | "allege" => ClaimType::Accusation,
        "warn" | "threaten" | "vow" => ClaimType::Warning,
        "report" | "write" | "according to" | "quote" | "cite" => ClaimType::Report,
        "take credit" => ClaimType::Responsibility,
        _ => ClaimType::Statement,
    }
}

/// Cue forms of the lexicon in `text`, as byte ranges, whole words only.
/// Verbs that are also nouns or adjectives ("report", "state", "post",
/// "warning", "note") are left to the model: as rules they are too often
/// not cues.
pub fn find_cues(text: &str) -> Vec<Range<usize>> {
    const AMBIGUOUS: &[&str] = &[
        "dispute",
        "disputes",
        "disputed",
        "disputing",
        "report",
        "reports",
        "state",
        "states",
        "post",
        "warning",
        "note",
        "claims",
        "claim",
        "add",
        "adds",
        "believe",
        "believes",
        "quotes",
        "written",
        "writing",
        "reporting",
        "threatening",
        "noting",
        "adding",
    ];
    let forms: Vec<&str> = FORMS
        .iter()
        .map(|(form, _)| *form)
        .filter(|form| !AMBIGUOUS.contains(form))
        .collect();
    whole_word_matches(text, &forms)
}

/// Where `forms` (lowercase, the longer first) occur in `text` as whole
/// words, case-insensitively, without overlaps, in text order.
pub(super) fn whole_word_matches(text: &str, forms: &[&str]) -> Vec<Range<usize>> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // lowercasing changed byte lengths (rare scripts): offsets would not line up
        return Vec::new();
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    for form in forms {
        let mut from = 0;
        while let Some(offset) = lower[from..].find(form) {
            let start = from + offset;
            let end = start + form.len();
            from = end;
            let bounded = !lower[..start].ends_with(char::is_alphanumeric)
                && !lower[end..].starts_with(char::is_alphanumeric);
            if bounded && !found.iter().any(|seen| seen.start < end && start < seen.end) {
                found.push(start..end);
            }
        }
    }
    found.sort_by_key(|range| range.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_of_spans() {
        assert_eq!(lemma_of_span("said"), "say");
        assert_eq!(lemma_of_span("has denied"), "deny");
        assert_eq!(lemma_of_span("told reporters"), "tell");
        assert_eq!(lemma_of_span("According to"), "according to");
        assert_eq!(lemma_of_span("took credit"), "take credit");
        assert_eq!(lemma_of_span("predicted"), "predict");
        assert_eq!(lemma_of_span("testified"), "testify");
        assert_eq!(lemma_of_span("alleging"), "allege");
        assert_eq!(lemma_of_span("admitting"), "admit");
    }

    #[test]
    fn types_of_lemmas() {
        assert_eq!(lemma_type("deny"), ClaimType::Denial);
        assert_eq!(lemma_type(&lemma_of_span("disputed")), ClaimType::Denial);
        assert!(find_cues("the disputed region").is_empty());
        assert_ne!(lemma_of_span("got in a dispute with"), "dispute");
        assert_eq!(lemma_type("confirm"), ClaimType::Confirmation);
        assert_eq!(lemma_type("accuse"), ClaimType::Accusation);
        assert_eq!(lemma_type("warn"), ClaimType::Warning);
        assert_eq!(lemma_type("according to"), ClaimType::Report);
        assert_eq!(lemma_type("say"), ClaimType::Statement);
    }

    #[test]
    fn finds_whole_word_cues() {
        let text = "Police said two men were held, according to AFP, saying more would follow.";
        let cues: Vec<&str> = find_cues(text).into_iter().map(|range| &text[range]).collect();
        assert_eq!(cues, ["said", "according to", "saying"]);
    }
}
