//! Unicode normalisation that remembers where every character came from.
//!
//! Models and rules see one spelling of each character (NFKC-style
//! compatibility folding, typographic quotes as ASCII quotes, dashes as `-`,
//! exotic spaces as a space, CRLF as LF, zero-width characters and soft
//! hyphens removed, combining accents composed). Guillemets stay: they mark
//! quotes. Each normalised character keeps the range of original characters
//! it came from, so spans map back exactly, as in the `tokenizers` crate's
//! `NormalizedString`.
use unicode_normalization::char::{canonical_combining_class, compose};
use unicode_normalization::UnicodeNormalization;

use super::char_index::CharIndex;
use super::CharSpan;

/// A document's text as the stages see it, with the way back.
#[derive(Debug, Clone)]
pub struct NormalizedText {
    text: String,
    index: CharIndex,
    /// Original char range per normalised char; empty when the text needed no change.
    origin: Vec<(u32, u32)>,
    original: CharIndex,
}

enum Fold {
    Drop,
    Char(char),
    Compat(char),
}

fn fold(c: char, next: Option<char>) -> Fold {
    match c {
        '\r' if next == Some('\n') => Fold::Drop,
        '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => Fold::Char('\n'),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => Fold::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => Fold::Char('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Fold::Char('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => {
            Fold::Char('-')
        }
        '\n' | ' ' => Fold::Char(c),
        c if c.is_whitespace() || c.is_control() => Fold::Char(' '),
        c if c.is_ascii() => Fold::Char(c),
        c => Fold::Compat(c),
    }
}

fn needs_no_change(text: &str) -> bool {
    text.bytes().all(|b| b == b'\n' || (b' '..=b'~').contains(&b))
}

impl NormalizedText {
    pub fn new(original: &str) -> Self {
        let original_index = CharIndex::new(original);
        if needs_no_change(original) {
            return Self {
                text: original.to_owned(),
                index: CharIndex::new(original),
                origin: Vec::new(),
                original: original_index,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut origin: Vec<(u32, u32)> = Vec::with_capacity(original.len());
        let mut last: Option<char> = None;
        let mut chars = original.chars().enumerate().peekable();
        while let Some((position, c)) = chars.next() {
            let next = chars.peek().map(|&(_, next)| next);
            let range = (position as u32, position as u32 + 1);
            let mut push = |out: char, text: &mut String, origin: &mut Vec<(u32, u32)>| {
                if canonical_combining_class(out) != 0 {
                    if let Some(composed) = last.and_then(|prev| compose(prev, out)) {
                        text.pop();
                        text.push(composed);
                        if let Some(previous) = origin.last_mut() {
                            previous.1 = range.1;
                        }
                        last = Some(composed);
                        return;
                    }
                }
                text.push(out);
                origin.push(range);
                last = Some(out);
            };
            match fold(c, next) {
                Fold::Drop => {}
                Fold::Char(out) => push(out, &mut text, &mut origin),
                Fold::Compat(c) => {
                    for out in std::iter::once(c).nfkc() {
                        push(out, &mut text, &mut origin);
                    }
                }
            }
        }
        Self {
            index: CharIndex::new(&text),
            text,
            origin,
            original: original_index,
        }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a byte range of the normalised text to a char span of the original.
    pub fn to_original(&self, start_byte: usize, end_byte: usize) -> CharSpan {
        let start = self.index.char_at_byte(start_byte);
        let end = self.index.char_at_byte(end_byte).max(start);
        if self.origin.is_empty() {
            return CharSpan { start, end };
        }
        let original_len = self.original.len_chars();
        let start_char = self
            .origin
            .get(start)
            .map_or(original_len, |range| range.0 as usize);
        let end_char = if end > start {
            self.origin[end - 1].1 as usize
        } else {
            start_char
        };
        CharSpan {
            start: start_char,
            end: end_char,
        }
    }

    /// The original text of a span.
    pub fn original_slice<'a>(&self, original: &'a str, span: CharSpan) -> &'a str {
        let start = self.original.byte_at_char(span.start);
        let end = self.original.byte_at_char(span.end);
        original.get(start..end).unwrap_or_default()
    }

    /// Char offset into the normalised text for a byte offset.
    pub fn char_at_byte(&self, byte: usize) -> usize {
        self.index.char_at_byte(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(original: &str, needle: &str) -> String {
        let normalized = NormalizedText::new(original);
        let start = normalized
            .as_str()
            .find(needle)
            .expect("needle in normalised text");
        let span = normalized.to_original(start, start + needle.len());
        normalized.original_slice(original, span).to_owned()
    }

    #[test]
    fn plain_ascii_is_unchanged() {
        let normalized = NormalizedText::new("He said \"no\".\nThen left.");
        assert_eq!(normalized.as_str(), "He said \"no\".\nThen left.");
        assert_eq!(normalized.to_original(3, 7), CharSpan { start: 3, end: 7 });
    }

    #[test]
    fn folds_quotes_dashes_spaces_and_crlf() {
        let normalized = NormalizedText::new("“Ten–15 people”\u{a0}died\r\nhere\u{200b}.");
        assert_eq!(normalized.as_str(), "\"Ten-15 people\" died\nhere.");
    }

    #[test]
    fn spans_map_back_to_original_characters() {
        assert_eq!(round_trip("The “ﬁrst” attack", "first"), "ﬁrst");
        assert_eq!(round_trip("Ömer Çelik, spokesman", "Çelik"), "Çelik");
        assert_eq!(round_trip("a\u{200b}b c", "ab"), "a\u{200b}b");
        assert_eq!(round_trip("«Nous» 😀 — dit", "dit"), "dit");
    }

    #[test]
    fn composes_combining_accents() {
        let original = "Ome\u{301}r said";
        let normalized = NormalizedText::new(original);
        assert_eq!(normalized.as_str(), "Omér said");
        assert_eq!(round_trip(original, "Omér"), "Ome\u{301}r");
    }

    #[test]
    fn keeps_guillemets() {
        assert_eq!(NormalizedText::new("«Non»").as_str(), "«Non»");
    }
}
