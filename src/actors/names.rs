//! Person names: titles, suffixes and particles, and when a short name
//! ("Ghafari", "Luz Fernandez", "el Aissami") is part of a full one
//! ("Sanaullah Ghafari", "Mari Luz Fernandez", "Tarek el Aissami").
//!
//! Also the generic words that end place and facility names ("Euphrates
//! River", "Bagram Airfield"), so "Euphrates" can meet "Euphrates River".
//! This file compares folded words; it does not pick among candidates (see
//! [`super::resolve`](mod@super::resolve)).
use super::fold;

/// Titles and honorifics written before a name, folded.
pub const TITLES: [&str; 52] = [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "lieutenant",
    "capt",
    "captain",
    "maj",
    "major",
    "sgt",
    "sergeant",
    "cpl",
    "pvt",
    "adm",
    "admiral",
    "president",
    "minister",
    "prime",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "sheikh",
    "shaikh",
    "imam",
    "ayatollah",
    "agent",
    "officer",
    "detective",
    "inspector",
    "sir",
    "dame",
    "lord",
    "king",
    "queen",
    "prince",
    "pope",
    "rev",
    "father",
    "chancellor",
];

/// Name suffixes: "Jr.", "III".
const SUFFIXES: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "esq"];

/// Particles that never stand for a name alone.
const PARTICLES: [&str; 16] = [
    "al", "el", "bin", "ibn", "abu", "abd", "abdul", "de", "da", "di", "van", "von", "der", "la", "le", "mc",
];

/// Words that end a place or facility name without changing what it names
/// ("Euphrates River" is the Euphrates). Streets, squares, bridges, gates,
/// airports and markets are left out: "London Bridge" is not London.
pub const PLACE_HEADS: [&str; 22] = [
    "river",
    "province",
    "district",
    "region",
    "county",
    "governorate",
    "castle",
    "motel",
    "hotel",
    "cafe",
    "restaurant",
    "airfield",
    "air",
    "base",
    "camp",
    "prison",
    "mosque",
    "church",
    "sea",
    "mountains",
    "lake",
    "valley",
];

/// The folded words of a person's name without titles and suffixes:
/// "Gen. Kenneth McKenzie Jr." is `["kenneth", "mckenzie"]`.
pub fn person_words(name: &str) -> Vec<String> {
    let mut words = fold::words(name);
    while words.len() > 1 && TITLES.contains(&words[0].as_str()) {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|word| SUFFIXES.contains(&word.as_str())) {
        words.pop();
    }
    words
}

/// Whether the short name's words appear, in order, among the full name's
/// words, and the short name is more than particles ("Ghafari" in
/// "Sanaullah Ghafari", "el Aissami" in "Tarek el Aissami", "Michael Cinco"
/// in "Michael A. Cinco"; never "al" in "Abdul Rahman al-Logari").
pub fn is_part_of(short: &[String], full: &[String]) -> bool {
    if short.is_empty() || short.len() >= full.len() {
        return false;
    }
    if short
        .iter()
        .all(|word| PARTICLES.contains(&word.as_str()) || word.len() < 2)
    {
        return false;
    }
    let mut rest = full.iter();
    short.iter().all(|word| rest.any(|other| other == word))
}

/// Whether `full` is `short` followed only by generic place words
/// ("Euphrates" and "Euphrates River", "Bagram" and "Bagram Air Base").
pub fn is_place_head_variant(short: &[String], full: &[String]) -> bool {
    !short.is_empty()
        && full.len() > short.len()
        && full.starts_with(short)
        && full[short.len()..]
            .iter()
            .all(|word| PLACE_HEADS.contains(&word.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(name: &str) -> Vec<String> {
        person_words(name)
    }

    #[test]
    fn titles_and_suffixes() {
        assert_eq!(words("Gen. Kenneth McKenzie"), ["kenneth", "mckenzie"]);
        assert_eq!(
            words("Interior Minister Süleyman Soylu"),
            ["interior", "minister", "suleyman", "soylu"]
        );
        assert_eq!(words("President Joe Biden"), ["joe", "biden"]);
        assert_eq!(words("Myles Caggins III"), ["myles", "caggins"]);
        assert_eq!(words("Mr."), ["mr"], "a lone title stays");
    }

    #[test]
    fn partial_person_names() {
        assert!(is_part_of(&words("Ghafari"), &words("Sanaullah Ghafari")));
        assert!(is_part_of(&words("Celik"), &words("Ömer Çelik")));
        assert!(is_part_of(&words("Mujahid"), &words("Zabihullah Mujahid")));
        assert!(is_part_of(&words("Luz Fernandez"), &words("Mari Luz Fernandez")));
        assert!(is_part_of(&words("el Aissami"), &words("Tarek el Aissami")));
        assert!(is_part_of(&words("Michael Cinco"), &words("Michael A. Cinco")));
        assert!(is_part_of(&words("Tamerlan"), &words("Tamerlan Tsarnaev")));
        assert!(!is_part_of(&words("al"), &words("Abdul Rahman al-Logari")));
        assert!(!is_part_of(
            &words("Dzhokhar Tsarnaev"),
            &words("Tamerlan Tsarnaev")
        ));
        assert!(
            !is_part_of(&words("Tsarnaev Tamerlan"), &words("Tamerlan Tsarnaev")),
            "order matters"
        );
    }

    #[test]
    fn place_heads() {
        let w = |name: &str| fold::words(name);
        assert!(is_place_head_variant(&w("Euphrates"), &w("Euphrates River")));
        assert!(is_place_head_variant(&w("Bagram"), &w("Bagram Air Base")));
        assert!(is_place_head_variant(&w("Stormont"), &w("Stormont Castle")));
        assert!(!is_place_head_variant(&w("Oklahoma"), &w("Oklahoma City")));
        assert!(!is_place_head_variant(&w("Kabul"), &w("Kabul University")));
        assert!(!is_place_head_variant(&w("London"), &w("London Bridge")));
    }
}
