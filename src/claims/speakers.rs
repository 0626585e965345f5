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

use super::medium::is_media_phrase;
use super::spans::NamedSpan;

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

/// The named speaker of `source` (a byte range of `text`): the longest
/// person or organisation entity inside it, else, for a pronoun or role
/// noun, the last matching entity that ends before it.
pub fn claimant(text: &str, source: &Range<usize>, entities: &[NamedSpan]) -> Option<Range<usize>> {
    let inside = entities
        .iter()
        .filter(|entity| {
            is_actor(entity) && entity.range.start >= source.start && entity.range.end <= source.end
        })
        .max_by_key(|entity| (entity.label == "PER", entity.range.len()));
    if let Some(entity) = inside {
        return Some(entity.range.clone());
    }
    let wanted = referent_label(&text[source.clone()])?;
    // "the group said" after "in a statement on its Radio Andalus station": outlets do not speak for groups
    entities
        .iter()
        .rev()
        .filter(|entity| entity.range.end <= source.start && entity.label == wanted)
        .find(|entity| wanted == "PER" || !is_media_phrase(&text[entity.range.clone()]))
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
}
