//! Roles and titles written next to a person's name, for the actor's
//! `description`: appositions after the name ("Ömer Çelik, spokesperson for
//! the AKP,"), before it ("A Taliban spokesman, Zabihullah Mujahid,") and
//! titles in front of it ("Interior Minister Süleyman Soylu", "U.S.
//! President Joe Biden").
//!
//! A phrase counts only when it holds a role word (spokesperson, minister,
//! commander, leader, ...): "Jeffery Webb, 47," and "Biden, who spoke
//! later," give nothing. This file returns phrases; it does not decide whose
//! they are beyond the mention it is given.
use std::ops::Range;

/// Role words, folded to lowercase.
const ROLE_WORDS: [&str; 74] = [
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister",
    "president",
    "vice",
    "leader",
    "head",
    "chief",
    "commander",
    "director",
    "governor",
    "mayor",
    "general",
    "colonel",
    "official",
    "founder",
    "secretary",
    "ambassador",
    "envoy",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "analyst",
    "expert",
    "professor",
    "researcher",
    "correspondent",
    "reporter",
    "editor",
    "journalist",
    "lawyer",
    "attorney",
    "judge",
    "prosecutor",
    "officer",
    "deputy",
    "senator",
    "lawmaker",
    "legislator",
    "representative",
    "mp",
    "emir",
    "imam",
    "cleric",
    "militant",
    "fighter",
    "commandant",
    "member",
    "activist",
    "negotiator",
    "adviser",
    "advisor",
    "coordinator",
    "superintendent",
    "sheriff",
    "inspector",
    "detective",
    "agent",
    "sergeant",
    "captain",
    "lieutenant",
    "major",
    "admiral",
    "marshal",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "governor-general",
    "speaker",
    "mufti",
];

/// Words that start a clause, not an apposition.
const CLAUSE_STARTS: [&str; 16] = [
    "who", "which", "whose", "where", "when", "said", "says", "told", "added", "and", "but", "or", "while",
    "as", "after", "before",
];

fn words_lower(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '-')
                .to_lowercase()
        })
        .collect()
}

fn has_role_word(words: &[String], within: usize) -> bool {
    words.iter().take(within).any(|word| {
        ROLE_WORDS.contains(&word.as_str())
            || word
                .strip_suffix('s')
                .is_some_and(|singular| ROLE_WORDS.contains(&singular))
    })
}

fn strip_article(phrase: &str) -> &str {
    for article in ["a ", "an ", "A ", "An "] {
        if let Some(rest) = phrase.strip_prefix(article) {
            return rest;
        }
    }
    phrase
}

/// The apposition after a mention ending at byte `end` of `sentence`
/// (a byte range of `text`): ", spokesperson for the AKP," gives
/// "spokesperson for the AKP".
pub fn after(text: &str, sentence: &Range<usize>, end: usize) -> Option<String> {
    let rest = text.get(end..sentence.end)?;
    let phrase = rest.strip_prefix(", ")?;
    let stop = phrase
        .find([',', ';', ':', '(', ')', '"', '\u{2014}'])
        .unwrap_or(phrase.len());
    let phrase = phrase[..stop].trim().trim_end_matches('.');
    let words = words_lower(phrase);
    let first = words.first()?;
    if words.len() > 14
        || CLAUSE_STARTS.contains(&first.as_str())
        || first.chars().next().is_some_and(|ch| ch.is_ascii_digit())
        || !has_role_word(&words, 6)
    {
        return None;
    }
    Some(strip_article(phrase).to_owned())
}

/// The apposition before a mention starting at byte `start`: "A Taliban
/// spokesman, Zabihullah Mujahid," gives "Taliban spokesman". Needs the
/// comma after the name too (`end` is the mention's end).
pub fn before(text: &str, sentence: &Range<usize>, start: usize, end: usize) -> Option<String> {
    let head = text.get(sentence.start..start)?.strip_suffix(", ")?;
    if !text.get(end..sentence.end)?.starts_with(',') {
        return None;
    }
    let from = head.rfind([',', ';', ':', '(', '"']).map_or(0, |at| at + 1);
    let phrase = head[from..].trim();
    let words = words_lower(phrase);
    let last = words.last()?;
    if words.len() > 8 || !has_role_word(std::slice::from_ref(last), 1) {
        return None;
    }
    let phrase = strip_article(phrase);
    Some(phrase.strip_prefix("The ").unwrap_or(phrase).to_owned())
}

/// A title in front of a mention starting at byte `start`: capitalised
/// words (or an organisation's name and a role word) holding a role word,
/// right before the name: "Interior Minister", "U.S. President", "AKP
/// spokesperson", "Gen.".
pub fn title(text: &str, sentence: &Range<usize>, start: usize) -> Option<String> {
    let head = text.get(sentence.start..start)?;
    if !head.ends_with(' ') {
        return None;
    }
    let mut taken: Vec<&str> = Vec::new();
    for word in head.trim_end().rsplit(' ') {
        let bare = word.trim_end_matches('.');
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        let role = has_role_word(&words_lower(bare), 1);
        if bare.is_empty() || word.ends_with([',', ';', ':']) || !(capitalised || role) || taken.len() >= 5 {
            break;
        }
        taken.push(word);
    }
    taken.reverse();
    // Sentence-initial articles are not part of the title.
    while taken
        .first()
        .is_some_and(|word| matches!(*word, "The" | "A" | "An"))
    {
        taken.remove(0);
    }
    let words = words_lower(&taken.join(" "));
    let is_abbreviated_title = taken.len() == 1
        && matches!(
            words.first().map(String::as_str),
            Some("gen" | "col" | "lt" | "sgt" | "capt" | "maj" | "adm" | "gov" | "sen" | "rep")
        );
    if taken.is_empty() || !(has_role_word(&words, words.len()) || is_abbreviated_title) {
        return None;
    }
    Some(taken.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> Range<usize> {
        0..text.len()
    }

    #[test]
    fn apposition_after_the_name() {
        let text = "Omer Celik, spokesperson for the AKP, wrote on Twitter.";
        let end = "Omer Celik".len();
        assert_eq!(
            after(text, &whole(text), end).as_deref(),
            Some("spokesperson for the AKP")
        );
        let text = "Gen. Kenneth McKenzie, head of U.S. Central Command, told reporters.";
        let end = text.find(',').expect("comma");
        assert_eq!(
            after(text, &whole(text), end).as_deref(),
            Some("head of U.S. Central Command")
        );
    }

    #[test]
    fn no_role_no_description() {
        let text = "Jeffery Webb, 47, was arrested.";
        assert_eq!(after(text, &whole(text), "Jeffery Webb".len()), None);
        let text = "Biden, who spoke later, said little.";
        assert_eq!(after(text, &whole(text), "Biden".len()), None);
        let text = "Kabul, Kandahar and Herat were hit.";
        assert_eq!(after(text, &whole(text), "Kabul".len()), None);
    }

    #[test]
    fn apposition_before_the_name() {
        let text = "A Taliban spokesman, Zabihullah Mujahid, condemned the bombing.";
        let start = text.find("Zabihullah").expect("name");
        let end = start + "Zabihullah Mujahid".len();
        assert_eq!(
            before(text, &whole(text), start, end).as_deref(),
            Some("Taliban spokesman")
        );
    }

    #[test]
    fn titles_in_front() {
        let text = "Interior Minister Süleyman Soylu told TRT.";
        let start = text.find("Süleyman").expect("name");
        assert_eq!(
            title(text, &whole(text), start).as_deref(),
            Some("Interior Minister")
        );
        let text = "he said. U.S. President Joe Biden said";
        let sentence = 9..text.len();
        let start = text.find("Joe").expect("name");
        assert_eq!(title(text, &sentence, start).as_deref(), Some("U.S. President"));
        let text = "Gen. Kenneth McKenzie spoke.";
        assert_eq!(title(text, &whole(text), 5).as_deref(), Some("Gen."));
        let text = "Residents told Reuters that Ali Haji Adam died.";
        let start = text.find("Ali").expect("name");
        assert_eq!(title(text, &whole(text), start), None);
    }
}
