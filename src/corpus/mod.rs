//! Reading a corpus: files and directories, or JSONL on stdin, into a stream
//! of [`Item`]s in a deterministic order.
//!
//! This module knows file formats (plain text, HTML, JSON, JSONL, each
//! optionally gzip-compressed) and how scrapers name their fields. It does not
//! normalise text or find sentences (see [`crate::text`]), and it never stops
//! on a bad file: every problem becomes a [`Reject`] in the stream, in the
//! place where the document would have been.
mod decode;
mod document;
mod fields;
mod format;
mod html;
mod json;
mod lines;
mod reader;
mod txt;
mod walk;

pub use document::{content_hash, Document, Item, Metadata, Reject, RejectReason, SourceRef};
pub use fields::FieldNames;
pub use format::{FileKind, Format};
pub use reader::{CorpusReader, Input, ReadOptions, ReaderStats};

/// The raw readers, without the reader's `catch_unwind`, for the fuzz
/// targets in `fuzz/`. Not a stable API.
#[doc(hidden)]
pub mod fuzzing {
    pub use super::decode::decode_text;
    pub use super::html::parse_html;
    pub use super::json::{file_to_items as json_file_items, object_to_item, parse as parse_json};
}
