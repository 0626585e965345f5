//! The plain data a reader hands to the rest of the pipeline.
use sha2::{Digest, Sha256};

/// Where a document or a reject came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    /// The file as reached from the command-line argument, or `-` for stdin.
    pub path: String,
    /// 1-based line for JSONL inputs.
    pub line: Option<u64>,
    /// 0-based position inside a JSON array file.
    pub item: Option<u64>,
}

impl SourceRef {
    pub fn file(path: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            line: None,
            item: None,
        }
    }

    pub fn line(path: impl Into<String>, line: u64) -> Self {
        Self {
            path: path.into(),
            line: Some(line),
            item: None,
        }
    }

    /// `path`, `path:line` or `path[item]`, for messages.
    pub fn describe(&self) -> String {
        match (self.line, self.item) {
            (Some(line), _) => format!("{}:{line}", self.path),
            (None, Some(item)) => format!("{}[{item}]", self.path),
            (None, None) => self.path.clone(),
        }
    }
}

/// One article as read, before any processing.
#[derive(Debug, Clone)]
pub struct Document {
    /// The id the source gave, or one derived from the text's hash.
    pub id: String,
    pub source: SourceRef,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    /// The article text exactly as extracted; every output span indexes it.
    pub text: String,
    /// Hex SHA-256 of `text`.
    pub sha256: String,
}

impl Document {
    /// Builds a document, deriving the id from the text when none is given.
    pub fn new(given_id: Option<String>, source: SourceRef, meta: Metadata, text: String) -> Self {
        let sha256 = content_hash(&text);
        let id = match given_id {
            Some(id) if !id.trim().is_empty() => id.trim().to_owned(),
            _ => format!("sha256:{}", &sha256[..16]),
        };
        Self {
            id,
            source,
            url: meta.url,
            title: meta.title,
            date: meta.date,
            text,
            sha256,
        }
    }
}

/// Source fields other than the text.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
}

/// Hex SHA-256 of a text, the key for duplicates and incremental runs.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// Why an input produced no document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// The file or directory could not be opened or read.
    Unreadable,
    /// Directory walking failed here (symlink loop, permission denied).
    WalkError,
    /// The bytes are not valid UTF-8 (nor UTF-16 with a byte-order mark).
    InvalidUtf8,
    /// The content holds NUL bytes or other signs of a binary file.
    Binary,
    /// A JSON document or JSONL line that does not parse, or is not an object.
    MalformedJson,
    /// A JSON object without a recognised text field.
    MissingText,
    /// The text is empty or whitespace only.
    EmptyText,
    /// The document or line is larger than `--max-doc-bytes`.
    TooLarge,
    /// A file named on the command line whose extension newsgrist cannot read.
    UnsupportedFormat,
    /// A stage failed on this document (a bug in newsgrist: please report it).
    InternalError,
}

/// An input that produced no document, with the reason and where.
#[derive(Debug, Clone)]
pub struct Reject {
    pub source: SourceRef,
    pub reason: RejectReason,
    pub message: String,
}

impl Reject {
    pub fn new(source: SourceRef, reason: RejectReason, message: impl Into<String>) -> Self {
        Self {
            source,
            reason,
            message: message.into(),
        }
    }
}

/// One element of the corpus stream, in input order.
#[derive(Debug, Clone)]
pub enum Item {
    Document(Document),
    Reject(Reject),
}
