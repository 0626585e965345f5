//! The output records: one Rust type per JSONL file, the wire format.
//!
//! Every record carries `schema_version` and, where it belongs to a
//! document, `doc_id` and `revision` (a document whose text changed between
//! cron runs is written again with the next revision). Spans count Unicode
//! scalar values into the `text` of the document record, start inclusive,
//! end exclusive: `text[start:end]` in Python. `newsgrist schema` prints the
//! JSON Schema generated from these types.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::corpus::RejectReason;
use crate::text::NormalizedText;

/// Version of the record layout; bumped whenever a field changes meaning or
/// goes away.
pub const SCHEMA_VERSION: &str = "0.2.0";

fn schema_version() -> String {
    SCHEMA_VERSION.to_owned()
}

/// A piece of the document text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// First character, counted in Unicode scalar values from 0.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The characters `start..end` of the document text.
    pub text: String,
    /// Absent for a span of the document `text`. `"title"`: the span counts
    /// characters of the document's `title` instead (casualty records read
    /// from a headline the body does not repeat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<SpanField>,
}

/// The document field a [`Span`] counts into, where it is not `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpanField {
    Title,
}

impl Span {
    /// A span without its text, for tests of code that reads positions only.
    #[cfg(test)]
    pub fn at(start: usize, end: usize) -> Self {
        Self {
            start,
            end,
            text: String::new(),
            field: None,
        }
    }

    /// Whether the span counts into the document `text` (every span but a
    /// headline casualty's, which count into the `title`).
    pub fn in_text(&self) -> bool {
        self.field.is_none()
    }

    /// The span of the original text that byte range `range` of its
    /// normalised form came from.
    pub fn from_normalized(
        normalized: &NormalizedText,
        original: &str,
        range: std::ops::Range<usize>,
    ) -> Self {
        let chars = normalized.to_original(range.start, range.end);
        Self {
            start: chars.start,
            end: chars.end,
            text: normalized.original_slice(original, chars).to_owned(),
            field: None,
        }
    }
}

/// What produced a record: a model (named by its id) or a rule set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Extractor {
    /// The stage, e.g. `ner`, `casualty-rules`.
    pub name: String,
    /// Model id or rule-set version.
    pub version: String,
}

/// Where a document or reject came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SourceRecord {
    /// The file as reached from the command-line argument; `-` for stdin.
    pub path: String,
    /// 1-based line, for JSONL inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 0-based position in a JSON array file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<u64>,
}

/// `documents.jsonl`: one line per input document, duplicates included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentRecord {
    #[serde(default = "schema_version")]
    pub schema_version: String,
    /// The id the source gave, else `sha256:` and 16 hex digits of the text's hash.
    pub doc_id: String,
    /// 1 for the first text seen under this id in the output directory, then 2, 3...
    pub revision: u32,
    /// Hex SHA-256 of `text` (UTF-8).
    pub sha256: String,
    pub source: SourceRecord,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The date as the source wrote it.
    pub date: Option<String>,
    /// The publication day read from `date` (ISO 8601 `YYYY-MM-DD`, the
    /// calendar day as written, in the publisher's time zone); null when
    /// `date` is absent or not a date. Relative dates in casualty records
    /// count from it.
    #[serde(default)]
    pub published: Option<String>,
    /// The text every span of every record indexes into.
    pub text: String,
    /// Length of `text` in Unicode scalar values.
    pub chars: usize,
    /// Sentences as `[start, end)` character offsets into `text`.
    pub sentences: Vec<[usize; 2]>,
    /// Set when the same text was already processed under another document:
    /// the id of that document. Duplicates produce no other records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// `rejects.jsonl`: an input that produced no document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RejectRecord {
    #[serde(default = "schema_version")]
    pub schema_version: String,
    pub source: SourceRecord,
    pub reason: RejectReason,
    /// What went wrong and what to do about it.
    pub message: String,
}

/// Rounds confidences so that output does not depend on float noise from
/// batch composition.
pub fn round_confidence(value: f32) -> f32 {
    (value * 10_000.0).round() / 10_000.0
}
