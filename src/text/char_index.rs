//! Conversions between byte offsets and character offsets in one string.

/// Maps byte offsets to character offsets and back in O(log n), and in O(1)
/// for ASCII text, which is most news text.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char; empty when the text is ASCII.
    starts: Vec<usize>,
    len_bytes: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(byte, _)| byte).collect()
        };
        Self {
            starts,
            len_bytes: text.len(),
        }
    }

    fn is_ascii(&self) -> bool {
        self.starts.is_empty()
    }

    /// Number of chars.
    pub fn len_chars(&self) -> usize {
        if self.is_ascii() {
            self.len_bytes
        } else {
            self.starts.len()
        }
    }

    /// The char index of the char starting at or containing `byte`;
    /// `len_chars()` at or past the end.
    pub fn char_at_byte(&self, byte: usize) -> usize {
        if self.is_ascii() {
            return byte.min(self.len_bytes);
        }
        if byte >= self.len_bytes {
            return self.starts.len();
        }
        // starts[0] == 0 <= byte, so an insertion point is never 0.
        match self.starts.binary_search(&byte) {
            Ok(index) => index,
            Err(index) => index - 1,
        }
    }

    /// The byte offset where char `index` starts; the byte length at or past the end.
    pub fn byte_at_char(&self, index: usize) -> usize {
        if self.is_ascii() {
            return index.min(self.len_bytes);
        }
        self.starts.get(index).copied().unwrap_or(self.len_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let index = CharIndex::new("abc");
        assert_eq!(index.char_at_byte(2), 2);
        assert_eq!(index.byte_at_char(3), 3);
        assert_eq!(index.len_chars(), 3);
    }

    #[test]
    fn multibyte_round_trip() {
        let text = "Ömer «x» 😀!";
        let index = CharIndex::new(text);
        for (char_pos, (byte_pos, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_at_byte(byte_pos), char_pos);
            assert_eq!(index.byte_at_char(char_pos), byte_pos);
        }
        assert_eq!(index.char_at_byte(text.len()), text.chars().count());
        assert_eq!(index.byte_at_char(100), text.len());
    }
}
