//! Tokenization with the `tokenizers` crate: ids and byte offsets of a text,
//! and the special tokens the model expects around each window.
//!
//! The tokenizer is used without its truncation and padding (the files of
//! many models ship both switched on): windows and padding are the runner's
//! job. The special tokens are taken from the tokenizer's own post-processor
//! (`[CLS] … [SEP]` for BERT, `<s> … </s>` for RoBERTa), so any Hugging Face
//! `tokenizer.json` works.
use std::path::Path;

use tokenizers::Tokenizer;

use super::error::ModelError;

/// A special token: id and token type id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecialToken {
    pub id: i64,
    pub type_id: i64,
}

/// A text's tokens, without special tokens.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    pub ids: Vec<i64>,
    pub type_ids: Vec<i64>,
    /// Byte range of each token in the text.
    pub offsets: Vec<(usize, usize)>,
}

/// A loaded `tokenizer.json` and its special-token layout.
#[derive(Debug)]
pub struct TextTokenizer {
    tokenizer: Tokenizer,
    /// Special tokens before the content of every window.
    pub prefix: Vec<SpecialToken>,
    /// Special tokens after it.
    pub suffix: Vec<SpecialToken>,
    /// Id used to pad a batch.
    pub pad_id: i64,
    /// Special token ids ([CLS], [SEP], ...) and the unknown-token id that
    /// replaces them when the text itself spells one ("[SEP]" in an article).
    special_ids: Vec<u32>,
    unknown_id: Option<u32>,
}

impl TextTokenizer {
    /// Loads `path` (a Hugging Face `tokenizer.json`).
    pub fn load(path: &Path) -> Result<Self, ModelError> {
        let failed = |reason: String| ModelError::Tokenizer {
            path: path.to_path_buf(),
            reason,
        };
        let mut tokenizer = Tokenizer::from_file(path).map_err(|err| failed(err.to_string()))?;
        tokenizer
            .with_truncation(None)
            .map_err(|err| failed(err.to_string()))?;
        tokenizer.with_padding(None);
        let pad_id = ["[PAD]", "<pad>", "<PAD>"]
            .iter()
            .find_map(|token| tokenizer.token_to_id(token))
            .map_or(0, i64::from);
        let probe = tokenizer
            .encode("a", true)
            .map_err(|err| failed(err.to_string()))?;
        let special: Vec<bool> = probe
            .get_special_tokens_mask()
            .iter()
            .map(|&flag| flag != 0)
            .collect();
        let first = special.iter().position(|&flag| !flag);
        let last = special.iter().rposition(|&flag| !flag);
        let (Some(first), Some(last)) = (first, last) else {
            return Err(failed(
                "the tokenizer turns the text \"a\" into special tokens only".into(),
            ));
        };
        let token = |index: usize| SpecialToken {
            id: i64::from(probe.get_ids()[index]),
            type_id: i64::from(probe.get_type_ids()[index]),
        };
        let mut special_ids: Vec<u32> = tokenizer
            .get_added_tokens_decoder()
            .into_iter()
            .filter(|(_, token)| token.special)
            .map(|(id, _)| id)
            .collect();
        special_ids.sort_unstable();
        let unknown_id = ["[UNK]", "<unk>", "<UNK>"]
            .iter()
            .find_map(|token| tokenizer.token_to_id(token));
        Ok(Self {
            prefix: (0..first).map(token).collect(),
            suffix: (last + 1..probe.len()).map(token).collect(),
            tokenizer,
            pad_id,
            special_ids,
            unknown_id,
        })
    }

    /// Number of special tokens around each window.
    pub fn specials(&self) -> usize {
        self.prefix.len() + self.suffix.len()
    }

    /// Tokenizes `text` (byte offsets into it).
    pub fn encode(&self, text: &str) -> Result<Tokens, String> {
        let encoding = self
            .tokenizer
            .encode(text, false)
            .map_err(|err| err.to_string())?;
        let id = |id: u32| match self.unknown_id {
            Some(unknown) if self.special_ids.binary_search(&id).is_ok() => i64::from(unknown),
            _ => i64::from(id),
        };
        Ok(Tokens {
            ids: encoding.get_ids().iter().map(|&token| id(token)).collect(),
            type_ids: encoding.get_type_ids().iter().map(|&id| i64::from(id)).collect(),
            offsets: encoding.get_offsets().to_vec(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> TextTokenizer {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/tiny-token-classifier/tokenizer.json");
        TextTokenizer::load(&path).expect("the fixture tokenizer loads")
    }

    #[test]
    fn reads_the_special_token_layout() {
        let tokenizer = tiny();
        assert_eq!(tokenizer.prefix, [SpecialToken { id: 2, type_id: 0 }]);
        assert_eq!(tokenizer.suffix, [SpecialToken { id: 3, type_id: 0 }]);
        assert_eq!((tokenizer.specials(), tokenizer.pad_id), (2, 0));
    }

    #[test]
    fn byte_offsets_and_no_specials_from_the_text() {
        let tokenizer = tiny();
        let text = "Ça [SEP] Obama";
        let tokens = tokenizer.encode(text).expect("encodes");
        let pieces: Vec<&str> = tokens
            .offsets
            .iter()
            .map(|&(start, end)| &text[start..end])
            .collect();
        assert_eq!(pieces, ["Ça", "[SEP]", "Ob", "ama"]);
        // "[SEP]" typed in the text is an unknown word, not a separator
        assert_eq!(tokens.ids, [1, 1, 11, 12]);
    }
}
