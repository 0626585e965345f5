//! Acronyms: telling one from a name, matching it to an expansion
//! ("CTD" and "Counter Terrorism Department", "JNIM" and "Jama'at Nusrat
//! al-Islam wal-Muslimin"), and finding the ones a text defines
//! ("Voice of America (VOA)", "the Kurdistan Workers' Party (PKK)").
//!
//! This file works on strings and byte ranges; which mentions end up
//! together is decided in [`super::resolve`](mod@super::resolve).
use std::ops::Range;

use super::fold;

/// Words left out of an acronym: "Islamic State in the Greater Sahara" is ISGS.
const FUNCTION_WORDS: [&str; 24] = [
    "of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "del", "la", "le", "al", "el",
    "wal", "fi", "li", "y", "e", "da", "di", "an",
];

/// Whether a surface form is written as an acronym: one word of 2 to 10
/// letters and digits (periods, hyphens and slashes aside), at least two
/// capitals and no more lowercase letters than capitals ("VOA", "U.S.",
/// "ISIS-K", "JeM", "AfD").
pub fn is_acronym(surface: &str) -> bool {
    let surface = fold::strip_possessive(surface.trim());
    if surface.chars().any(char::is_whitespace) {
        return false;
    }
    let letters: Vec<char> = surface.chars().filter(|ch| ch.is_alphanumeric()).collect();
    let upper = letters.iter().filter(|ch| ch.is_uppercase()).count();
    let lower = letters.iter().filter(|ch| ch.is_lowercase()).count();
    (2..=10).contains(&letters.len()) && upper >= 2 && lower <= upper
}

/// The initials of a name, in two readings: every word, and every word but
/// function words; hyphenated parts count as words ("al-Islam" is "al",
/// "islam"), and both readings are also given with hyphenated words as one.
/// A fifth reading keeps the parts of hyphenated words but drops
/// free-standing function words ("al-Qaeda in the Islamic Maghreb": AQIM).
pub fn initials(name: &str) -> Vec<String> {
    let mut readings = Vec::new();
    for split_hyphens in [true, false] {
        let words: Vec<String> = if split_hyphens {
            fold::words(name)
        } else {
            name.split_whitespace()
                .map(fold::key)
                .filter(|word| !word.is_empty())
                .collect()
        };
        let all: String = words.iter().filter_map(|word| word.chars().next()).collect();
        let content: String = words
            .iter()
            .filter(|word| !FUNCTION_WORDS.contains(&word.as_str()))
            .filter_map(|word| word.chars().next())
            .collect();
        for reading in [all, content] {
            if reading.chars().count() >= 2 && !readings.contains(&reading) {
                readings.push(reading);
            }
        }
    }
    // the article of a hyphenated word counts, free-standing function words
    // do not: "al-Qaeda in the Islamic Maghreb" is AQIM
    let joined: String = name
        .split_whitespace()
        .filter(|word| !FUNCTION_WORDS.contains(&fold::key(word).as_str()))
        .flat_map(fold::words)
        .filter_map(|word| word.chars().next())
        .collect();
    if joined.chars().count() >= 2 && !readings.contains(&joined) {
        readings.push(joined);
    }
    readings
}

/// Whether `acronym` abbreviates `name` (a name of at least two words).
pub fn abbreviates(acronym: &str, name: &str) -> bool {
    acronym_key(acronym).is_some_and(|key| readings(name).contains(&key))
}

/// The key under which an acronym meets the [`readings`] of names, if it is
/// long enough to abbreviate anything.
pub fn acronym_key(acronym: &str) -> Option<String> {
    let key = fold::key(acronym);
    (key.chars().count() >= 2).then_some(key)
}

/// The acronyms `name` can be abbreviated to: its [`initials`], none for a
/// single word without a hyphen.
pub fn readings(name: &str) -> Vec<String> {
    if name.split_whitespace().count() < 2 && !name.contains('-') {
        return Vec::new();
    }
    initials(name)
}

/// The acronym in parentheses that follows byte offset `end` of `text`
/// ("... Voice of America (VOA)": the range of "VOA"), if the parentheses
/// hold one acronym and nothing else.
pub fn parenthesised_after(text: &str, end: usize) -> Option<Range<usize>> {
    let rest = text.get(end..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let open = end + (rest.len() - trimmed.len());
    let inner = trimmed.strip_prefix('(')?;
    let close = inner.find(')')?;
    let content = &inner[..close];
    let start = open + 1 + (content.len() - content.trim_start().len());
    let content = content.trim();
    if !is_acronym(content) {
        return None;
    }
    Some(start..start + content.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_and_names() {
        for acronym in ["VOA", "U.S.", "ISIS-K", "JeM", "AfD", "ISKP", "PKK", "RFE/RL"] {
            assert!(is_acronym(acronym), "{acronym}");
        }
        for name in [
            "Taliban",
            "Voice of America",
            "A",
            "Reuters",
            "IS-Khorasan Province",
        ] {
            assert!(!is_acronym(name), "{name}");
        }
    }

    #[test]
    fn expansions() {
        assert!(abbreviates("VOA", "Voice of America"));
        assert!(abbreviates("CTD", "Counter Terrorism Department"));
        assert!(abbreviates("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"));
        assert!(abbreviates("ISGS", "Islamic State in the Greater Sahara"));
        assert!(abbreviates("UDA", "Ulster Defence Association"));
        assert!(abbreviates("ISKP", "Islamic State Khorasan Province"));
        assert!(abbreviates("NDS", "National Directorate of Security"));
        assert!(abbreviates("AQIM", "al-Qaeda in the Islamic Maghreb"));
        assert!(abbreviates("TTP", "Tehreek-e-Taliban Pakistan"));
        assert!(
            !abbreviates("PKK", "Kurdistan Workers' Party"),
            "initials of another language"
        );
        assert!(!abbreviates("AP", "Afghanistan"), "one word is no expansion");
    }

    #[test]
    fn definitions_in_parentheses() {
        let text = "The Kurdistan Workers' Party (PKK) denied it. Voice of America ( VOA ) said.";
        let pkk = parenthesised_after(text, text.find(" (PKK)").expect("pkk")).expect("defined");
        assert_eq!(&text[pkk], "PKK");
        let voa_end = text.find(" ( VOA").expect("voa");
        let voa = parenthesised_after(text, voa_end).expect("defined");
        assert_eq!(&text[voa], "VOA");
        assert!(parenthesised_after("Kabul (Newsgrist sample)", 5).is_none());
    }
}
