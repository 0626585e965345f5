//! Entity spans repaired where the model breaks a name in ways CoNLL-2003
//! never showed it.
//!
//! Wire copy about armed groups has name shapes that newswire of 1996 has
//! few of, and the model, labelling word by word, sometimes:
//! - starts or ends an entity on a punctuation word ("Gen. Abdel Fattah
//!   al-Burhan" gave "Gen" and ". Abdel Fattah al-Burhan");
//! - tags a lone title abbreviation or function word at a sentence start
//!   ("Gen", "The" of "The Pakistani Taliban");
//! - splits a name after a kunya or particle ("Abu" + "Ubaidah Yusuf
//!   al-Anabi") or into two person entities with only a space between.
//!
//! - types a kunya name as a place ("Abu Mohammed al-Jolani" as LOC).
//!
//! Here those spans are trimmed, dropped or joined. Nothing is tagged that
//! the model did not tag, and labels are kept, except that a joined name
//! and a kunya name with a nisba ("Abu ... al-...") are persons ("Abu
//! Dhabi", "Abu Sayyaf" have none). Types and confidences are otherwise the
//! model's.
use super::EntityMention;

/// Version of these repairs, written after the model id in entity records.
pub const REPAIR_VERSION: &str = "span-repair-2";

/// Titles written before a name; never a name by themselves.
const TITLES: &[&str] = &[
    "Adm", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr", "Gen", "Gov", "Insp", "Lt", "Maj", "Mr", "Mrs",
    "Ms", "Prof", "Pvt", "Rep", "Rev", "Sen", "Sgt", "Supt",
];

/// Words that open a sentence and are never a name by themselves.
const FUNCTION_WORDS: &[&str] = &[
    "A", "An", "And", "But", "He", "Her", "His", "I", "In", "It", "Its", "On", "She", "That", "The", "Their",
    "These", "They", "This", "Those", "We",
];

/// Kunyas and particles that open Arabic, Pashto and Persian names: the
/// model sometimes ends an entity after them.
const NAME_PARTICLES: &[&str] = &[
    "Abd", "Abdul", "Abou", "Abu", "Al", "Ben", "Bin", "El", "Haji", "Hajji", "Ibn", "Maulana", "Mawlawi",
    "Mullah", "Sayed", "Sayyid", "Sheikh", "Umm",
];

/// Characters an entity never starts with.
fn bad_start(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '-' | '–' | '—'
        )
}

/// Characters an entity never ends with ("U.S." and "Corp." keep their
/// full stop).
fn bad_end(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | '[' | '{' | '-' | '–' | '—')
}

/// The entity with punctuation trimmed off both edges; None when nothing
/// is left.
fn trimmed(text: &str, mut entity: EntityMention) -> Option<EntityMention> {
    let surface = text.get(entity.start..entity.end)?;
    let kept = surface.trim_start_matches(bad_start);
    let start = entity.start + (surface.len() - kept.len());
    let kept = kept.trim_end_matches(bad_end);
    if kept.is_empty() {
        return None;
    }
    entity.start = start;
    entity.end = start + kept.len();
    Some(entity)
}

/// Whether the entity is a lone title or function word.
fn never_a_name(surface: &str) -> bool {
    let word = surface.strip_suffix('.').unwrap_or(surface);
    TITLES.contains(&word) || FUNCTION_WORDS.contains(&word) || word == "THE"
}

/// Whether `second` goes on the name `first` began: only a space between,
/// a person after, and a particle or a one-word person before.
fn continues(text: &str, first: &EntityMention, second: &EntityMention) -> bool {
    let (Some(gap), Some(before)) = (
        text.get(first.end..second.start),
        text.get(first.start..first.end),
    ) else {
        return false;
    };
    let one_word = !before.contains(char::is_whitespace);
    gap == " "
        && second.label == "PER"
        && one_word
        && (first.label == "PER" || NAME_PARTICLES.contains(&before))
}

/// Whether `surface` is a kunya name with a nisba: "Abu Bakr al-Baghdadi",
/// "Umm Sayyaf al-Iraqi"; three words or more.
fn kunya_name(surface: &str) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    words.len() >= 3
        && matches!(words[0], "Abu" | "Abou" | "Umm")
        && words[1..]
            .iter()
            .all(|word| word.starts_with(char::is_uppercase) || word.starts_with("al-"))
        && words.last().is_some_and(|last| {
            ["al-", "Al-", "el-", "El-"]
                .iter()
                .any(|nisba| last.starts_with(nisba))
        })
}

/// Repairs the entities of `text` (byte offsets into it, sorted by start,
/// not overlapping); the result is sorted and does not overlap either.
pub fn repair_entities(text: &str, entities: Vec<EntityMention>) -> Vec<EntityMention> {
    let mut repaired: Vec<EntityMention> = Vec::with_capacity(entities.len());
    for entity in entities {
        let Some(mut entity) = trimmed(text, entity) else {
            continue;
        };
        if entity.label != "PER" && text.get(entity.start..entity.end).is_some_and(kunya_name) {
            entity.label = "PER".to_owned();
        }
        if text.get(entity.start..entity.end).is_some_and(never_a_name) {
            continue;
        }
        match repaired.last_mut() {
            Some(previous) if continues(text, previous, &entity) => {
                previous.end = entity.end;
                previous.label = "PER".to_owned();
                previous.confidence = previous.confidence.min(entity.confidence);
            }
            _ => repaired.push(entity),
        }
    }
    repaired
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(text: &str, name: &str, label: &str) -> EntityMention {
        EntityMention::found_in(text, name, label, 0.8)
    }

    fn names(text: &str, entities: Vec<EntityMention>) -> Vec<(String, String)> {
        repair_entities(text, entities)
            .into_iter()
            .map(|e| (text[e.start..e.end].to_owned(), e.label))
            .collect()
    }

    fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn a_kunya_name_with_a_nisba_is_a_person() {
        let text = "Hayat Tahrir al-Sham, led by Abu Mohammed al-Jolani, met in Abu Dhabi with Abu Sayyaf.";
        let got = names(
            text,
            vec![
                entity(text, "Abu Mohammed al-Jolani", "LOC"),
                entity(text, "Abu Dhabi", "LOC"),
                entity(text, "Abu Sayyaf", "ORG"),
            ],
        );
        assert_eq!(
            got,
            owned(&[
                ("Abu Mohammed al-Jolani", "PER"),
                ("Abu Dhabi", "LOC"),
                ("Abu Sayyaf", "ORG")
            ])
        );
    }

    #[test]
    fn a_title_and_its_full_stop_leave_the_name() {
        let text = "Gen. Abdel Fattah al-Burhan, the head of Sudan's army, rejected talks.";
        let got = names(
            text,
            vec![
                entity(text, "Gen", "PER"),
                entity(text, ". Abdel Fattah al-Burhan", "PER"),
                entity(text, "Sudan", "LOC"),
            ],
        );
        assert_eq!(got, owned(&[("Abdel Fattah al-Burhan", "PER"), ("Sudan", "LOC")]));
    }

    #[test]
    fn a_sentence_opening_article_is_no_name() {
        let text = "The Pakistani Taliban, or TTP, is a separate group.";
        let got = names(
            text,
            vec![
                entity(text, "The", "ORG"),
                entity(text, "Pakistani Taliban", "MISC"),
                entity(text, "TTP", "ORG"),
            ],
        );
        assert_eq!(got, owned(&[("Pakistani Taliban", "MISC"), ("TTP", "ORG")]));
    }

    #[test]
    fn a_name_split_after_its_kunya_is_joined() {
        let text = "Abu Ubaidah Yusuf al-Anabi, the leader of AQIM, called for attacks.";
        let got = names(
            text,
            vec![
                entity(text, "Abu", "ORG"),
                entity(text, "Ubaidah Yusuf al-Anabi", "PER"),
                entity(text, "AQIM", "ORG"),
            ],
        );
        assert_eq!(
            got,
            owned(&[("Abu Ubaidah Yusuf al-Anabi", "PER"), ("AQIM", "ORG")])
        );
    }

    #[test]
    fn separate_names_stay_separate() {
        // a comma, an organisation before the person, or a place: no join
        let text = "Kabul, Ahmad Massoud and Reuters Tom Smith met Hamas Yahya Sinwar.";
        let got = names(
            text,
            vec![
                entity(text, "Kabul", "LOC"),
                entity(text, "Ahmad Massoud", "PER"),
                entity(text, "Reuters", "ORG"),
                entity(text, "Tom Smith", "PER"),
                entity(text, "Hamas", "ORG"),
                entity(text, "Yahya Sinwar", "PER"),
            ],
        );
        assert_eq!(got.len(), 6, "{got:?}");
    }

    #[test]
    fn abbreviations_keep_their_full_stop_and_titles_inside_names_stay() {
        let text = "U.S. officials met Dr. Ahmed and Dr Congo's envoy.";
        let got = names(
            text,
            vec![
                entity(text, "U.S.", "LOC"),
                entity(text, "Dr. Ahmed", "PER"),
                entity(text, "Dr", "PER"),
            ],
        );
        assert_eq!(got, owned(&[("U.S.", "LOC"), ("Dr. Ahmed", "PER")]));
    }

    #[test]
    fn an_entity_of_punctuation_only_goes() {
        let text = "He said - and left.";
        assert!(names(text, vec![entity(text, "-", "MISC")]).is_empty());
    }
}
