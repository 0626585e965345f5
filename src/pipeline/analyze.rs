//! The per-document stages: from a [`Document`] to its [`RecordBundle`].
//!
//! Today: text normalisation and sentences. Model and rule stages (entities,
//! casualties, claims, actors, relations) plug in here as they land; until
//! then their record lists stay empty.
use std::collections::BTreeMap;

use crate::corpus::Document;
use crate::output::records::{DocumentRecord, SourceRecord, SCHEMA_VERSION};
use crate::output::RecordBundle;
use crate::text::{split_sentences, CharIndex, NormalizedText};

use super::timings::StageTimings;

/// The configured stages.
#[derive(Debug, Default)]
pub struct Analyzer {}

impl Analyzer {
    pub fn new() -> Self {
        Self {}
    }

    /// Model id per stage, for `run.json`.
    pub fn model_ids(&self) -> BTreeMap<String, String> {
        BTreeMap::new()
    }

    /// Runs every stage on one document.
    pub fn analyze(&self, doc: &Document, revision: u32, timings: &StageTimings) -> RecordBundle {
        let normalized = timings.time("normalize", || NormalizedText::new(&doc.text));
        let sentences = timings.time("sentences", || {
            split_sentences(normalized.as_str())
                .into_iter()
                .map(|range| {
                    let span = normalized.to_original(range.start, range.end);
                    [span.start, span.end]
                })
                .collect()
        });
        RecordBundle::document_only(document_record(doc, revision, sentences, None))
    }
}

/// The `documents.jsonl` record of a document.
pub fn document_record(
    doc: &Document,
    revision: u32,
    sentences: Vec<[usize; 2]>,
    duplicate_of: Option<String>,
) -> DocumentRecord {
    DocumentRecord {
        schema_version: SCHEMA_VERSION.to_owned(),
        doc_id: doc.id.clone(),
        revision,
        sha256: doc.sha256.clone(),
        source: SourceRecord {
            path: doc.source.path.clone(),
            line: doc.source.line,
            item: doc.source.item,
        },
        url: doc.url.clone(),
        title: doc.title.clone(),
        date: doc.date.clone(),
        text: doc.text.clone(),
        chars: CharIndex::new(&doc.text).len_chars(),
        sentences,
        duplicate_of,
    }
}
