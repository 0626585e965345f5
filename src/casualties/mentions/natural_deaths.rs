//! Deaths that are no casualty: a single death from illness or old age with
//! no violence in the sentence.
use super::*;

/// Whether a death is told as a natural one: "died at the age of 93",
/// "died of cancer", "who died Sunday at age 94".
pub(super) fn natural_death(s: &Sentence<'_, '_>, mention: &Found) -> bool {
    let cue = s.word(mention.cue.start);
    if mention.kind != CasualtyKind::Killed || !(cue.starts_with("die") || cue == "passed") {
        return false;
    }
    let window = mention.cue.end..(mention.cue.end + 8).min(s.tokens.len());
    let causes = [
        "cancer",
        "illness",
        "natural",
        "heart",
        "complications",
        "pneumonia",
        "stroke",
        "disease",
        "alzheimer's",
        "covid-19",
        "aids",
        "old",
        "sleep",
    ];
    window.clone().any(|i| {
        let word = s.word(i);
        (word == "age" && matches!(s.word(i.wrapping_sub(1)), "at" | "the"))
            || word == "aged"
            || (matches!(word, "of" | "from" | "in") && causes.contains(&s.word(i + 1)))
            || (word == "after" && matches!(s.word(i + 1), "a" | "long") && causes.contains(&s.word(i + 2)))
    })
}

/// Words that say a text is about violence (or a disaster): any of them
/// anywhere in the document.
pub(super) const VIOLENCE: &[&str] = &[
    "shot",
    "shooting",
    "shootings",
    "gunfire",
    "gunman",
    "gunmen",
    "gunshot",
    "killed",
    "killing",
    "murder",
    "murdered",
    "homicide",
    "stabbed",
    "stabbing",
    "attack",
    "attacked",
    "bomb",
    "bombing",
    "blast",
    "explosion",
    "wounded",
    "injured",
    "slain",
    "massacre",
    "violence",
    "clashes",
    "riots",
    "militants",
    "crash",
    "fire",
    "earthquake",
    "disaster",
    "accident",
    "victim",
    "victims",
    "strike",
    "airstrike",
    "fighting",
    "war",
];

pub(super) fn is_violent(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| word.len() >= 3 && VIOLENCE.iter().any(|violent| word.eq_ignore_ascii_case(violent)))
}

/// One person's death told by "died", "passed away", "dead" or "death" alone, without a
/// word of violence in the cue: "his mother died", "the death of their father".
pub(super) fn single_death(s: &Sentence<'_, '_>, mention: &Found) -> bool {
    mention.kind == CasualtyKind::Killed
        && mention.np.count.value == 1
        && mention.np.basis != Basis::Number
        && matches!(
            s.word(mention.cue.start),
            "died" | "dies" | "dead" | "death" | "deaths" | "deceased" | "perished" | "passed"
        )
}
