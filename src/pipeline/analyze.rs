//! The per-document stages: from [`Document`]s to [`RecordBundle`]s.
//!
//! A chunk of documents goes through three steps: text preparation
//! (normalisation, sentences) in parallel per document; the model stages
//! over the whole chunk at once, so the runner can batch windows across
//! documents; then the rule stages and record building in parallel per
//! document. Stages see the normalised text and byte offsets into it; only
//! record building maps spans back to the original text's characters.
use std::collections::BTreeMap;
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};

use rayon::prelude::*;

use crate::corpus::Document;
use crate::model::TextInput;
use crate::ner::{EntityMention, NerStage};
use crate::output::extractions::EntityRecord;
use crate::output::records::{
    round_confidence, DocumentRecord, Extractor, SourceRecord, Span, SCHEMA_VERSION,
};
use crate::output::RecordBundle;
use crate::text::{split_sentences, CharIndex, NormalizedText};

use super::timings::StageTimings;

/// The configured stages.
#[derive(Debug, Default)]
pub struct Analyzer {
    ner: Option<NerStage>,
}

/// A document after text preparation.
pub struct Prepared<'a> {
    pub doc: &'a Document,
    pub revision: u32,
    pub normalized: NormalizedText,
    /// Sentences as byte ranges of the normalised text.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Prepared<'a> {
    /// A span of the normalised text as an output span of the original text.
    pub fn span(&self, range: Range<usize>) -> Span {
        let chars = self.normalized.to_original(range.start, range.end);
        Span {
            start: chars.start,
            end: chars.end,
            text: self.normalized.original_slice(&self.doc.text, chars).to_owned(),
        }
    }

    /// Index of the sentence holding a byte offset of the normalised text.
    pub fn sentence_of(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|sentence| sentence.end <= byte)
            .min(self.sentences.len().saturating_sub(1))
    }
}

/// Why a document could not be analysed.
pub type AnalysisError = String;

impl Analyzer {
    /// Only text preparation: documents and sentences, no extraction.
    pub fn new() -> Self {
        Self::default()
    }

    /// With the named-entity stage.
    pub fn with_ner(ner: NerStage) -> Self {
        Self { ner: Some(ner) }
    }

    /// Model id per stage, for `run.json`.
    pub fn model_ids(&self) -> BTreeMap<String, String> {
        let mut ids = BTreeMap::new();
        if let Some(ner) = &self.ner {
            ids.insert("ner".to_owned(), ner.model_id().unwrap_or("unnamed").to_owned());
        }
        ids
    }

    /// Analyses a chunk of documents, in order. Must run inside the run's
    /// rayon pool. A document that makes a stage fail is retried alone, so
    /// one bad document costs only itself.
    pub fn analyze_chunk(
        &self,
        docs: &[(&Document, u32)],
        timings: &StageTimings,
    ) -> Vec<Result<RecordBundle, AnalysisError>> {
        let attempt = catch_unwind(AssertUnwindSafe(|| self.try_chunk(docs, timings)));
        match attempt {
            Ok(Ok(bundles)) => bundles.into_iter().map(Ok).collect(),
            _ if docs.len() > 1 => docs
                .par_iter()
                .map(|doc| {
                    let single = catch_unwind(AssertUnwindSafe(|| {
                        self.try_chunk(std::slice::from_ref(doc), timings)
                    }));
                    match single {
                        Ok(Ok(mut bundles)) => bundles.pop().ok_or_else(|| "no output".to_owned()),
                        Ok(Err(err)) => Err(err),
                        Err(_) => Err("a stage panicked on this document; please report it".to_owned()),
                    }
                })
                .collect(),
            Ok(Err(err)) => vec![Err(err)],
            Err(_) => vec![Err(
                "a stage panicked on this document; please report it".to_owned()
            )],
        }
    }

    fn try_chunk(
        &self,
        docs: &[(&Document, u32)],
        timings: &StageTimings,
    ) -> Result<Vec<RecordBundle>, AnalysisError> {
        let prepared: Vec<Prepared<'_>> = docs
            .par_iter()
            .map(|&(doc, revision)| prepare(doc, revision, timings))
            .collect();
        let entities = match &self.ner {
            Some(ner) => timings.time("ner", || {
                let inputs: Vec<TextInput<'_>> = prepared
                    .iter()
                    .map(|doc| TextInput {
                        text: doc.normalized.as_str(),
                        sentences: &doc.sentences,
                    })
                    .collect();
                ner.extract_documents(&inputs)
                    .map_err(|err| format!("named-entity stage: {err}"))
            })?,
            None => vec![Vec::new(); prepared.len()],
        };
        let extractor = self.ner.as_ref().map(|ner| Extractor {
            name: "ner".to_owned(),
            version: ner.model_id().unwrap_or("unnamed").to_owned(),
        });
        Ok(prepared
            .par_iter()
            .zip(entities.par_iter())
            .map(|(doc, entities)| {
                timings.time("records", || build_bundle(doc, entities, extractor.as_ref()))
            })
            .collect())
    }
}

fn prepare<'a>(doc: &'a Document, revision: u32, timings: &StageTimings) -> Prepared<'a> {
    let normalized = timings.time("normalize", || NormalizedText::new(&doc.text));
    let sentences = timings.time("sentences", || split_sentences(normalized.as_str()));
    Prepared {
        doc,
        revision,
        normalized,
        sentences,
    }
}

fn build_bundle(
    doc: &Prepared<'_>,
    entities: &[EntityMention],
    extractor: Option<&Extractor>,
) -> RecordBundle {
    let sentences = doc
        .sentences
        .iter()
        .map(|range| {
            let span = doc.normalized.to_original(range.start, range.end);
            [span.start, span.end]
        })
        .collect();
    let mut bundle = RecordBundle::document_only(document_record(doc.doc, doc.revision, sentences, None));
    if let Some(extractor) = extractor {
        bundle.entities = entity_records(doc, entities, extractor);
    }
    (bundle.casualties, bundle.tolls) =
        crate::casualties::casualty_records(doc.doc, doc.revision, &doc.normalized, &doc.sentences, entities);
    bundle
}

fn entity_records(
    doc: &Prepared<'_>,
    entities: &[EntityMention],
    extractor: &Extractor,
) -> Vec<EntityRecord> {
    entities
        .iter()
        .enumerate()
        .map(|(index, entity)| EntityRecord {
            schema_version: SCHEMA_VERSION.to_owned(),
            doc_id: doc.doc.id.clone(),
            revision: doc.revision,
            entity_id: format!("e{}", index + 1),
            label: entity.label.clone(),
            span: doc.span(entity.start..entity.end),
            sentence: doc.sentence_of(entity.start),
            confidence: round_confidence(entity.confidence),
            actor_id: None,
            extractor: extractor.clone(),
        })
        .collect()
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
