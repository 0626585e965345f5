//! Hedges: words that weaken what a sentence asserts ("reportedly",
//! "could be", "according to"), shared by the stages that report them.
//!
//! Only the word list and a whole-word search over plain text; each stage
//! decides which part of a sentence a hedge must bear on.

/// Hedging words and phrases, lowercase, single spaces.
pub const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "apparently",
    "possibly",
    "unconfirmed",
    "believed",
    "feared",
    "thought",
    "estimated",
    "could be",
    "could have",
    "may be",
    "may have",
    "might be",
    "might have",
    "is said",
    "are said",
    "were said",
    "according to",
    "claimed",
    "claims",
    "unverified",
];

/// The hedges in `text`, in order of first appearance, each once; whole
/// words, any case, any run of spaces between the words of a phrase.
pub fn hedges_in(text: &str) -> Vec<String> {
    let words: Vec<(usize, String)> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .enumerate()
        .collect();
    let mut found: Vec<(usize, &str)> = Vec::new();
    for hedge in HEDGES {
        let parts: Vec<&str> = hedge.split(' ').collect();
        let first = words.iter().position(|(index, _)| {
            parts
                .iter()
                .enumerate()
                .all(|(k, part)| words.get(index + k).is_some_and(|(_, word)| word == part))
        });
        if let Some(at) = first {
            found.push((at, hedge));
        }
    }
    found.sort();
    found.into_iter().map(|(_, hedge)| hedge.to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hedges_in_order() {
        assert_eq!(
            hedges_in("Nine were reportedly held, according to a source; more could be."),
            ["reportedly", "according to", "could be"]
        );
        assert!(hedges_in("Police said nine were held.").is_empty());
        assert!(hedges_in("The thoughtful reporter").is_empty());
    }
}
