//! The corpus reader: inputs in, a lazy stream of [`Item`]s out.
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use flate2::read::MultiGzDecoder;

use super::decode::decode_text;
use super::document::{Document, Item, Reject, RejectReason, SourceRef};
use super::fields::FieldNames;
use super::format::{FileKind, Format};
use super::lines::{BoundedLines, Line};
use super::walk::{display, walk, Found};
use super::{html, json, txt};

/// A command-line input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    /// JSONL on standard input (`-`).
    Stdin,
}

/// How to read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    pub fields: FieldNames,
    /// The most bytes read for one document: a file, a JSON file or a JSONL
    /// line, after decompression. Larger inputs are rejected, never truncated.
    pub max_doc_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            fields: FieldNames::default(),
            max_doc_bytes: 10 * 1024 * 1024,
        }
    }
}

/// Counters the reader updates as it goes, shared with progress display.
#[derive(Debug, Default)]
pub struct ReaderStats {
    /// Bytes read from input files (compressed size for `.gz`).
    pub bytes_read: AtomicU64,
    /// Files skipped during directory walks for their extension.
    pub ignored_files: AtomicU64,
    /// Input files opened.
    pub files: AtomicU64,
}

type Items = Box<dyn Iterator<Item = Item> + Send>;

/// Reads the inputs in order, one item at a time.
pub struct CorpusReader {
    inputs: std::vec::IntoIter<Input>,
    files: Option<Box<dyn Iterator<Item = Found> + Send>>,
    current: Option<Items>,
    options: Arc<ReadOptions>,
    stats: Arc<ReaderStats>,
}

impl CorpusReader {
    pub fn new(inputs: Vec<Input>, options: ReadOptions, stats: Arc<ReaderStats>) -> Self {
        Self {
            inputs: inputs.into_iter(),
            files: None,
            current: None,
            options: Arc::new(options),
            stats,
        }
    }

    fn next_source(&mut self) -> Option<Items> {
        loop {
            if let Some(files) = &mut self.files {
                match files.next() {
                    Some(Found::File { path, kind }) => return Some(self.open(&path, kind)),
                    Some(Found::Ignored) => {
                        self.stats.ignored_files.fetch_add(1, Ordering::Relaxed);
                        continue;
                    }
                    Some(Found::Reject(reject)) => {
                        return Some(Box::new(std::iter::once(Item::Reject(reject))))
                    }
                    None => self.files = None,
                }
            }
            match self.inputs.next()? {
                Input::Stdin => {
                    let stdin = BufReader::with_capacity(1 << 16, io::stdin());
                    return Some(jsonl_items(stdin, "-".to_owned(), self.options.clone()));
                }
                Input::Path(path) => self.files = Some(walk(&path)),
            }
        }
    }

    fn open(&self, path: &Path, kind: FileKind) -> Items {
        self.stats.files.fetch_add(1, Ordering::Relaxed);
        let name = display(path);
        let file = match File::open(path) {
            Ok(file) => file,
            Err(err) => {
                return single(Reject::new(
                    SourceRef::file(&name),
                    RejectReason::Unreadable,
                    format!("cannot open {name}: {err}"),
                ))
            }
        };
        let counted = CountingReader {
            inner: file,
            stats: self.stats.clone(),
        };
        let reader: Box<dyn Read + Send> = if kind.gzip {
            Box::new(MultiGzDecoder::new(BufReader::new(counted)))
        } else {
            Box::new(counted)
        };
        if kind.format == Format::Jsonl {
            return jsonl_items(BufReader::new(reader), name, self.options.clone());
        }
        Box::new(whole_file_items(reader, &name, kind.format, &self.options).into_iter())
    }
}

impl Iterator for CorpusReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            self.current = Some(self.next_source()?);
        }
    }
}

fn single(reject: Reject) -> Items {
    Box::new(std::iter::once(Item::Reject(reject)))
}

/// Reads a whole-file format (text, HTML, JSON) under the size cap.
fn whole_file_items(reader: impl Read, name: &str, format: Format, options: &ReadOptions) -> Vec<Item> {
    let source = SourceRef::file(name);
    let mut bytes = Vec::new();
    let cap = options.max_doc_bytes as u64;
    if let Err(err) = reader.take(cap + 1).read_to_end(&mut bytes) {
        let reason = format!("read error in {name}: {err}");
        return vec![Item::Reject(Reject::new(
            source,
            RejectReason::Unreadable,
            reason,
        ))];
    }
    if bytes.len() as u64 > cap {
        let reason =
            format!("{name} is larger than --max-doc-bytes ({cap} bytes); raise the limit to read it");
        return vec![Item::Reject(Reject::new(source, RejectReason::TooLarge, reason))];
    }
    let content = match decode_text(bytes) {
        Ok(content) => content,
        Err((reason, message)) => return vec![Item::Reject(Reject::new(source, reason, message))],
    };
    let parsed = catch_unwind(AssertUnwindSafe(|| match format {
        Format::Json => json::file_to_items(&content, name, &options.fields),
        Format::Html => vec![text_item(html::parse_html(&content), source.clone())],
        Format::Text | Format::Jsonl => vec![text_item(txt::parse_text(&content), source.clone())],
    }));
    parsed.unwrap_or_else(|_| {
        vec![Item::Reject(Reject::new(
            source.clone(),
            RejectReason::InternalError,
            format!("the {format:?} parser panicked on {name}; please report this file"),
        ))]
    })
}

fn text_item((meta, text): (super::document::Metadata, String), source: SourceRef) -> Item {
    if text.trim().is_empty() {
        return Item::Reject(Reject::new(
            source,
            RejectReason::EmptyText,
            "no article text found",
        ));
    }
    Item::Document(Document::new(None, source, meta, text))
}

/// Streams a JSONL source line by line.
fn jsonl_items(reader: impl BufRead + Send + 'static, name: String, options: Arc<ReadOptions>) -> Items {
    let lines = BoundedLines::new(reader, options.max_doc_bytes);
    let mut line_no = 0u64;
    let mut failed = false;
    Box::new(lines.filter_map(move |line| {
        if failed {
            return None;
        }
        line_no += 1;
        let source = SourceRef::line(&name, line_no);
        let bytes = match line {
            Ok(Line::Bytes(bytes)) => bytes,
            Ok(Line::TooLong { bytes }) => {
                let message = format!(
                    "line of {bytes} bytes is larger than --max-doc-bytes ({}); raise the limit to read it",
                    options.max_doc_bytes
                );
                return Some(Item::Reject(Reject::new(source, RejectReason::TooLarge, message)));
            }
            Err(err) => {
                failed = true;
                let message =
                    format!("read error in {name} at line {line_no}: {err}; the rest of the file is skipped");
                return Some(Item::Reject(Reject::new(
                    source,
                    RejectReason::Unreadable,
                    message,
                )));
            }
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        let text = match decode_text(bytes) {
            Ok(text) => text,
            Err((reason, message)) => return Some(Item::Reject(Reject::new(source, reason, message))),
        };
        Some(match json::parse(&text, &source) {
            Ok(value) => json::object_to_item(value, source, &options.fields),
            Err(reject) => Item::Reject(reject),
        })
    }))
}

/// Counts the bytes read from an input file, for progress and run reports.
struct CountingReader<R> {
    inner: R,
    stats: Arc<ReaderStats>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.stats.bytes_read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
