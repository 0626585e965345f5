//! What kind of speaker a claimant's words name: a person by an office
//! ("the prime minister"), people ("two security sources"), a document or
//! a count ("figures from the ministry"), an armed group ("al-Shabaab
//! militants") or a state's forces ("the army"). Claim typing asks these
//! questions of the claimant's text.
//!
//! Not here: who the claimant is ([`super::speakers`]), whether it is a
//! news outlet ([`super::medium`]).

/// Whether any word of a claimant (lowercased, split at what is not a
/// letter or digit) is one of `words`.
pub(super) fn has_word(source: &str, words: &[&str]) -> bool {
    source
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| words.contains(&word))
}

/// Whether a claimant is a person by its words: a personal pronoun ("he
/// wrote") or an office ("Cambodia's prime minister wrote on Facebook").
pub(super) fn names_a_person(source: &str) -> bool {
    matches!(source.to_lowercase().trim(), "he" | "she") || has_word(source, OFFICES)
}

const OFFICES: &[&str] = &[
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "governor",
    "senator",
    "mayor",
    "ambassador",
];

/// People who speak, as the source of "according to": what they say is a
/// statement, where a document's or an organisation's words are a report.
const PEOPLE_AS_SOURCES: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "relative",
    "relatives",
    "colleague",
    "colleagues",
    "worker",
    "workers",
    "officer",
    "officers",
    "diplomat",
    "diplomats",
    "survivor",
    "survivors",
    "doctor",
    "doctors",
    "medic",
    "medics",
    "prosecutor",
    "prosecutors",
    "lawyer",
    "lawyers",
    "villagers",
    "neighbours",
    "neighbors",
];

/// Documents and counts, which "according to" reports even when people
/// made them.
const WRITTEN_SOURCES: &[&str] = &[
    "figures",
    "tally",
    "count",
    "data",
    "statistics",
    "information",
    "records",
    "documents",
    "book",
    "report",
    "reports",
    "survey",
    "poll",
    "estimates",
    "letter",
    "statement",
];

/// Whether a claimant is named as insurgents ("Somalia's al-Shabaab
/// militants"), whose "they had shot down a helicopter" owns the act, or
/// as one of their leaders ("gang leader Jean-Robert Ménard", whose "his
/// fighters" are the group's).
pub(super) fn is_militant(source: &str) -> bool {
    has_word(
        source,
        &[
            "militants",
            "insurgents",
            "rebels",
            "jihadists",
            "guerrillas",
            "fighters",
            // a leader of one: "gang leader Jean-Robert Ménard", "rebel commander"
            "gang",
            "militia",
            "warlord",
            "rebel",
            "insurgent",
            "jihadist",
        ],
    )
}

/// Whether a claimant is a state's army, police or government, whose
/// account of its own operations is no responsibility claim.
pub(super) fn is_state_force(source: &str) -> bool {
    has_word(source, STATE_FORCES)
}

const STATE_FORCES: &[&str] = &[
    "army",
    "military",
    "police",
    "ministry",
    "government",
    "troops",
    "navy",
    "junta",
    "defence",
    "defense",
    "idf",
    "pentagon",
    "gendarmerie",
    "coalition",
    "command",
    "authorities",
    "officials",
    "official",
    "president",
    "minister",
    "governor",
    "general",
    "colonel",
    "major",
    "captain",
    "commander",
    "lieutenant",
];

/// Whether the source of "according to" is people speaking ("two security
/// sources", "a police source", "residents", "a government spokesman"),
/// whose words are a statement, rather than a document or a count
/// ("figures from the Office of the Deputy Prime Minister", "an AFP tally
/// based on figures supplied by officials"), which is a report.
pub(super) fn names_people(source: &str) -> bool {
    !has_word(source, WRITTEN_SOURCES) && (names_a_person(source) || has_word(source, PEOPLE_AS_SOURCES))
}

/// Documents whose findings a claim can open with ("A study published
/// this month by ... found", "Satellite images analysed by ... show").
const DOCUMENT_HEADS: &[&str] = &[
    "report",
    "study",
    "survey",
    "analysis",
    "investigation",
    "audit",
    "review",
    "assessment",
    "index",
    "tally",
    "census",
    "images",
    "imagery",
];

/// Whether a claimant opens with a document rather than its author: an
/// article or a few modifiers, then a document noun ("A 2023 report by
/// the Inter-American Commission", "A report released in March by rights
/// group Amani Watch", "Satellite images analysed by ..."). "The report's
/// author" and "a reporter" are people.
pub(super) fn is_document_phrase(source: &str) -> bool {
    let lower = source.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().take(4).collect();
    let start = usize::from(
        words
            .first()
            .is_some_and(|first| matches!(*first, "a" | "an" | "the" | "its" | "their" | "new")),
    );
    words
        .iter()
        .enumerate()
        .skip(start)
        .take(3)
        .find(|(_, word)| DOCUMENT_HEADS.contains(word))
        // only modifiers before it: a year, "new", "recent", "satellite", "annual"
        .is_some_and(|(at, _)| {
            words[start..at].iter().all(|word| {
                word.chars().all(|c| c.is_ascii_digit())
                    || matches!(
                        *word,
                        "new"
                            | "recent"
                            | "latest"
                            | "satellite"
                            | "annual"
                            | "joint"
                            | "confidential"
                            | "leaked"
                            | "internal"
                            | "separate"
                    )
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_documents_and_forces() {
        assert!(names_people("two security sources and a local official"));
        assert!(names_people("a government spokesman"));
        assert!(!names_people(
            "figures from the Office of the Deputy Prime Minister"
        ));
        assert!(!names_people("the United Nations"));
        assert!(is_state_force("the Malian army"));
        assert!(!is_state_force("Jama'at Ansar al-Sahel"));
        assert!(is_militant("Somalia's al-Shabaab militants"));
        assert!(is_militant("Gang leader Jean-Robert Ménard"));
        assert!(!is_militant("police chief Hamid Nasser"));
    }

    #[test]
    fn documents_that_find() {
        assert!(is_document_phrase(
            "A 2023 report by the Inter-American Commission on Human Rights"
        ));
        assert!(is_document_phrase("A study published this month by the group"));
        assert!(is_document_phrase("Satellite images analysed by the centre"));
        assert!(is_document_phrase("The annual report of the ministry"));
        assert!(!is_document_phrase("The report's author, Jane Doe"));
        assert!(!is_document_phrase("A reporter for the paper"));
        assert!(!is_document_phrase("Human Rights Watch"));
        assert!(!is_document_phrase("The group behind the report"));
    }
}
