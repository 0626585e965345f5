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
