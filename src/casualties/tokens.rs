//! Words, numbers and punctuation of one sentence, with byte offsets.
//!
//! The casualty rules match sequences of tokens rather than characters, so
//! that "1,200", "p.m.", "12-year-old", "10-15" and "twenty-one" each arrive
//! as one unit the number grammar and the exclusions can judge whole. Offsets
//! are byte offsets into the normalised text the sentence came from, so every
//! span a rule builds from tokens is a span of that text.
//!
//! This file does not decide what a token means (see `numbers.rs` and
//! `lexicon.rs`); it only cuts.
use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters only, possibly joined by `-`, `'` or `.` ("IS-K", "U.S", "police's").
    Word,
    /// Digits, possibly with thousands separators or a decimal point ("1,200", "3.5").
    Number,
    /// Letters and digits together ("12-year-old", "10-15", "9mm", "10:30").
    Mixed,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// Byte offsets into the normalised text.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// `text` in lower case, which every lexicon lookup uses.
    pub lower: String,
    pub kind: TokenKind,
}

impl Token<'_> {
    /// Whether the token is `word` (lower case).
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    /// Whether the token is one of `words` (lower case).
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.lower.as_str())
    }

    /// Whether the token starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the token is a word written in capitals only ("KABUL").
    pub fn is_all_caps(&self) -> bool {
        self.kind == TokenKind::Word
            && self.text.chars().any(char::is_alphabetic)
            && !self.text.chars().any(char::is_lowercase)
    }

    pub fn is_punct(&self) -> bool {
        self.kind == TokenKind::Punct
    }

    /// The byte range of the token.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Characters that may join two runs of letters or digits into one token.
fn joins(chars: &[(usize, char)], segment_start: usize, at: usize) -> bool {
    let (Some(&(_, before)), Some(&(_, connector)), Some(&(_, after))) =
        (chars.get(at.wrapping_sub(1)), chars.get(at), chars.get(at + 1))
    else {
        return false;
    };
    if !before.is_alphanumeric() || !after.is_alphanumeric() {
        return false;
    }
    let digits_around = before.is_ascii_digit() && after.is_ascii_digit();
    match connector {
        '-' => true,
        '\'' => before.is_alphabetic() && after.is_alphabetic(),
        // "U.S", "p.m": a single letter before the dot; "3.5": digits around it.
        '.' => digits_around || (at - segment_start == 1 && before.is_alphabetic() && after.is_alphabetic()),
        // "1,200" but not "2,3" or "1,2345": exactly three digits follow.
        ',' => {
            let group = (1..=3).all(|k| chars.get(at + k).is_some_and(|&(_, c)| c.is_ascii_digit()));
            let after_group = chars.get(at + 4).is_some_and(|&(_, c)| c.is_ascii_digit());
            digits_around && group && !after_group
        }
        ':' | '/' => digits_around,
        _ => false,
    }
}

fn kind_of(text: &str) -> TokenKind {
    let has_digit = text.chars().any(|c| c.is_ascii_digit());
    let has_other = text
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == ',' || c == '.'));
    match (has_digit, has_other) {
        (true, false) => TokenKind::Number,
        (true, true) => TokenKind::Mixed,
        _ => TokenKind::Word,
    }
}

/// The tokens of `text[range]`, with offsets into `text`. A range that does
/// not fall on character boundaries gives no tokens.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let base = range.start;
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let byte_at = |index: usize| chars.get(index).map_or(slice.len(), |&(byte, _)| byte);
    let mut tokens = Vec::new();
    let mut push = |start: usize, end: usize, kind: Option<TokenKind>| {
        let token_text = &slice[start..end];
        tokens.push(Token {
            start: base + start,
            end: base + end,
            text: token_text,
            lower: token_text.to_lowercase(),
            kind: kind.unwrap_or_else(|| kind_of(token_text)),
        });
    };
    let mut i = 0;
    while let Some(&(byte, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() {
            let mut j = i + 1;
            let mut segment_start = i;
            loop {
                while chars.get(j).is_some_and(|&(_, c)| c.is_alphanumeric()) {
                    j += 1;
                }
                if joins(&chars, segment_start, j) {
                    j += 1;
                    segment_start = j;
                    continue;
                }
                break;
            }
            push(byte, byte_at(j), None);
            i = j;
        } else {
            push(byte, byte_at(i + 1), Some(TokenKind::Punct));
            i += 1;
        }
    }
    join_spaced_ages(&mut tokens, text);
    tokens
}

/// "a 17 year-old girl" is written as often as "a 17-year-old girl": the
/// number and "year-old" become one token, read as the hyphenated age it
/// stands for (its `lower` is "17-year-old"), so that the number is never a
/// count.
fn join_spaced_ages<'a>(tokens: &mut Vec<Token<'a>>, text: &'a str) {
    let mut i = 1;
    while i < tokens.len() {
        if tokens[i - 1].kind == TokenKind::Number && is_age_unit(&tokens[i].lower) {
            let (start, end) = (tokens[i - 1].start, tokens[i].end);
            let lower = format!("{}-{}", tokens[i - 1].lower, tokens[i].lower);
            tokens[i - 1] = Token {
                start,
                end,
                text: &text[start..end],
                lower,
                kind: TokenKind::Mixed,
            };
            tokens.remove(i);
        }
        i += 1;
    }
}

/// "year-old", "months-old", "year-olds": what follows the number of a
/// spaced age.
fn is_age_unit(word: &str) -> bool {
    const UNITS: [&str; 8] = [
        "year-old",
        "years-old",
        "month-old",
        "months-old",
        "week-old",
        "weeks-old",
        "day-old",
        "days-old",
    ];
    UNITS.iter().any(|unit| {
        word.strip_prefix(unit)
            .is_some_and(|rest| rest.is_empty() || rest == "s")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
            .into_iter()
            .map(|token| token.text)
            .collect()
    }

    #[test]
    fn keeps_numbers_with_separators_whole() {
        assert_eq!(
            texts("1,200 people, 3.5 km"),
            ["1,200", "people", ",", "3.5", "km"]
        );
        assert_eq!(texts("2,3 and 1,2345"), ["2", ",", "3", "and", "1", ",", "2345"]);
    }

    #[test]
    fn keeps_hyphenated_and_abbreviated_words_whole() {
        assert_eq!(
            texts("a 12-year-old IS-K man"),
            ["a", "12-year-old", "IS-K", "man"]
        );
        // a spaced age is one token too, read as the hyphenated one
        let spaced = tokenize("a 17 year-old girl, two 9 year-olds", 0..35);
        assert_eq!(
            spaced.iter().map(|token| token.text).collect::<Vec<_>>(),
            ["a", "17 year-old", "girl", ",", "two", "9 year-olds"]
        );
        assert_eq!(spaced[1].lower, "17-year-old");
        assert_eq!(spaced[1].kind, TokenKind::Mixed);
        assert_eq!(
            texts("at 6 p.m. in the U.S."),
            ["at", "6", "p.m", ".", "in", "the", "U.S", "."]
        );
        assert_eq!(texts("police's 10:30 9/11"), ["police's", "10:30", "9/11"]);
    }

    #[test]
    fn offsets_are_bytes_of_the_whole_text() {
        let text = "Çelik: 10-15 tués";
        let tokens = tokenize(text, 8..text.len());
        assert_eq!(tokens[0].text, "10-15");
        assert_eq!(&text[tokens[0].range()], "10-15");
        assert_eq!(tokens[0].kind, TokenKind::Mixed);
        assert_eq!(tokens[1].text, "tués");
    }

    #[test]
    fn a_range_off_char_boundaries_gives_nothing() {
        assert!(tokenize("Çelik", 1..3).is_empty());
    }
}
