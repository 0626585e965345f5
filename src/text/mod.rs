//! Text preparation: normalisation with an offset map, and sentences.
//!
//! Stages downstream work on [`NormalizedText`] (NFC, typographic quotes and
//! dashes folded, invisible characters removed, CRLF as LF) and report spans
//! in its byte offsets; [`NormalizedText::to_original`] turns those into
//! character offsets into the document text as read, which is what every
//! output record carries. Offsets in output count Unicode scalar values
//! (Rust `char`s, Python `str` indices), start inclusive, end exclusive.
//!
//! [`dates`] resolves date expressions against a document's publication
//! date; [`holidays`] names the holidays it knows; [`dateline`] finds a wire
//! story's dateline ("BAMAKO (AFP) -").
//!
//! This module does not tokenize for models (see the model runner) and knows
//! nothing of entities or numbers.
mod char_index;
pub mod dateline;
pub mod dates;
pub mod hedges;
pub mod holidays;
mod normalize;
mod sentences;

pub use char_index::CharIndex;
pub use normalize::NormalizedText;
pub use sentences::split_sentences;

/// A character range in a document's original text: `start..end`, counted in
/// Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}
