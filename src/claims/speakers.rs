//! Who a source is: the name inside a source span, or the name a pronoun
//! or a role noun refers back to.
//!
//! "U.S. President Joe Biden" holds the name "Joe Biden"; "he" and "she"
//! point to the last person named before them, "it", "the group" and "the
//! ministry" to the last organisation. Deliberately simple recency rules:
//! the actors stage does the real identity work across the document. "The
//! government" is not among them: the last organisation named before it is
//! as often an armed group or a party as a government, so it stays the
//! claimant as written.
use std::ops::Range;

use crate::actors::gazetteer::is_builtin_outlet;

use super::medium::is_media_phrase;
use super::spans::{first_starting_from, NamedSpan};

const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "i", "the spokesman", "the spokeswoman"];
const GROUP_PRONOUNS: &[&str] = &[
    "it",
    "they",
    "we",
    "the group",
    "the militants",
    "the organisation",
    "the organization",
    "the ministry",
    "the agency",
    "the movement",
];

/// The role nouns of [`GROUP_PRONOUNS`] that mean a group acting for
/// itself, not an institution or a bare pronoun.
const GROUP_NOUNS: &[&str] = &[
    "the group",
    "the militants",
    "the movement",
    "the organisation",
    "the organization",
];

/// Whether a source is a role noun for a group ("the group said"), which
/// a report about the group does not speak for.
pub fn names_a_group(source: &str) -> bool {
    GROUP_NOUNS.contains(&source.trim().to_lowercase().as_str())
}

/// The named speaker of `source` (a byte range of `text`): the longest
/// person or organisation entity inside it, else, for a pronoun or role
/// noun, the last matching entity that ends before it. `entities` are
/// sorted by start and do not overlap.
pub fn claimant(text: &str, source: &Range<usize>, entities: &[NamedSpan]) -> Option<Range<usize>> {
    // "JNIM, al-Qaeda's branch in the Sahel": the apposition describes the
    // speaker, it does not name it; a person's name wins wherever it stands
    if is_private_person(&text[source.clone()]) {
        return None;
    }
    let head_end = text[source.clone()]
        .find(',')
        .map_or(source.end, |comma| source.start + comma);
    let (before, from_source) = entities.split_at(first_starting_from(entities, source.start));
    let inside = from_source
        .iter()
        .take_while(|entity| entity.range.start < source.end)
        .filter(|entity| {
            is_actor(entity) && entity.range.start >= source.start && entity.range.end <= source.end
        })
        .max_by_key(|entity| {
            (
                entity.label == "PER",
                entity.range.end <= head_end,
                entity.range.len(),
            )
        });
    if let Some(entity) = inside {
        return Some(entity.range.clone());
    }
    let wanted = referent_label(&text[source.clone()])?;
    // "the group said" after "in a statement on its Radio Andalus station":
    // outlets do not speak for groups; nor is "he" the paper Dawn, which a
    // model may take for a woman's name ("the SSP told Dawn. He said ...")
    before
        .iter()
        .rev()
        .filter(|entity| entity.range.end <= source.start && entity.label == wanted)
        .find(|entity| {
            let name = &text[entity.range.clone()];
            if wanted == "PER" {
                !is_builtin_outlet(name)
            } else {
                !is_media_phrase(name)
            }
        })
        .map(|entity| entity.range.clone())
}

/// For a pronoun or role noun ("he", "the group"), the entity label of what
/// it refers to: `PER` or `ORG`. None for anything else.
pub fn referent_label(source: &str) -> Option<&'static str> {
    let written = source.trim().to_lowercase();
    if PERSON_PRONOUNS.contains(&written.as_str()) {
        Some("PER")
    } else if GROUP_PRONOUNS.contains(&written.as_str()) {
        Some("ORG")
    } else {
        None
    }
}

/// An unnamed person as a speaker: "A resident of Bandiagara", "a witness",
/// "a senior police official".
pub fn is_person_phrase(text: &str) -> bool {
    const PERSON_NOUNS: &[&str] = &[
        "resident",
        "witness",
        "survivor",
        "official",
        "officer",
        "spokesman",
        "spokeswoman",
        "doctor",
        "nurse",
        "source",
        "relative",
        "villager",
        "journalist",
        "commander",
        "soldier",
        "teacher",
        "student",
        "member",
        "farmer",
        "passenger",
        "activist",
        "elder",
        "worker",
    ];
    person_head(text).is_some_and(|head| PERSON_NOUNS.contains(&head.as_str()))
}

/// People who speak only for themselves: "a resident of Bandiagara" names
/// a place, not the group the speaker speaks for.
fn is_private_person(text: &str) -> bool {
    const PRIVATE: &[&str] = &[
        "resident",
        "witness",
        "survivor",
        "relative",
        "villager",
        "student",
        "teacher",
        "farmer",
        "passenger",
    ];
    person_head(text).is_some_and(|head| PRIVATE.contains(&head.as_str()))
}

/// The head noun of "a/an/one ... [of ...]", lowercase.
fn person_head(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    let singular = lower.starts_with("a ") || lower.starts_with("an ") || lower.starts_with("one ");
    let head = lower.split(" of ").next().unwrap_or_default();
    singular
        .then(|| head.split_whitespace().last().map(str::to_owned))
        .flatten()
}

fn is_actor(entity: &NamedSpan) -> bool {
    matches!(entity.label.as_str(), "PER" | "ORG")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(text: &str, name: &str, label: &str) -> NamedSpan {
        let start = text.find(name).unwrap();
        NamedSpan {
            range: start..start + name.len(),
            label: label.to_owned(),
        }
    }

    #[test]
    fn name_inside_source() {
        let text = "U.S. President Joe Biden said so.";
        let entities = [entity(text, "U.S.", "LOC"), entity(text, "Joe Biden", "PER")];
        let got = claimant(text, &(0..24), &entities).map(|range| &text[range]);
        assert_eq!(got, Some("Joe Biden"));
    }

    #[test]
    fn unnamed_people() {
        assert!(is_person_phrase("A resident of Bandiagara"));
        assert!(is_person_phrase("a senior police official"));
        assert!(!is_person_phrase("the police"));
        let text = "A resident of Bandiagara told AFP.";
        let entities = [entity(text, "Bandiagara", "ORG")];
        assert_eq!(claimant(text, &(0..24), &entities), None);
    }

    #[test]
    fn the_name_before_an_apposition() {
        let text = "JNIM, al-Qaeda's branch in the Sahel, claimed it.";
        let entities = [entity(text, "JNIM", "ORG"), entity(text, "al-Qaeda", "ORG")];
        let got = claimant(text, &(0..36), &entities).map(|range| &text[range]);
        assert_eq!(got, Some("JNIM"));
        let text = "A Taliban spokesman, Zabihullah Mujahid, said so.";
        let entities = [
            entity(text, "Taliban", "ORG"),
            entity(text, "Zabihullah Mujahid", "PER"),
        ];
        let got = claimant(text, &(0..39), &entities).map(|range| &text[range]);
        assert_eq!(got, Some("Zabihullah Mujahid"));
    }

    #[test]
    fn pronouns_refer_back() {
        let text = "Mujahid spoke. The Taliban met. He said no. It denied it.";
        let entities = [entity(text, "Mujahid", "PER"), entity(text, "Taliban", "ORG")];
        let he = text.find("He").unwrap();
        let it = text.find("It").unwrap();
        assert_eq!(
            claimant(text, &(he..he + 2), &entities).map(|r| &text[r]),
            Some("Mujahid")
        );
        assert_eq!(
            claimant(text, &(it..it + 2), &entities).map(|r| &text[r]),
            Some("Taliban")
        );
        let officials = "officials";
        assert_eq!(claimant(officials, &(0..9), &[]), None);
    }

    #[test]
    fn he_is_no_outlet_the_model_took_for_a_name() {
        let text = "Raza spoke, the SSP told Dawn. He said both died.";
        let entities = [entity(text, "Raza", "PER"), entity(text, "Dawn", "PER")];
        let he = text.find("He").unwrap();
        assert_eq!(
            claimant(text, &(he..he + 2), &entities).map(|r| &text[r]),
            Some("Raza")
        );
    }
}
