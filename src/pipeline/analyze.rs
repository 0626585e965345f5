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

use crate::actors::{ActorInput, ActorStage, CompletedEntities};
use crate::claims::{self, AttributionModel, AttributionSpan, ClaimDocument};
use crate::corpus::Document;
use crate::model::{OutputHead, TextInput, TokenCounts};
use crate::ner::{EntityMention, NerStage};
use crate::output::extractions::EntityRecord;
use crate::output::records::{
    round_confidence, DocumentRecord, Extractor, SourceRecord, Span, SCHEMA_VERSION,
};
use crate::output::RecordBundle;
use crate::relations::{self, RelationDocument, RelationInput, RelationMention, RelationModel};
use crate::text::dates::publication_date;
use crate::text::{split_sentences, CharIndex, NormalizedText};

use super::timings::StageTimings;

/// The configured stages.
#[derive(Debug, Default)]
pub struct Analyzer {
    ner: Option<NerStage>,
    attribution: Option<AttributionModel>,
    /// The attribution model is a head on the NER model's encoder: the NER
    /// stage's model calls give its labels too.
    attribution_on_ner: bool,
    relations: Option<RelationModel>,
    actors: ActorStage,
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
        Span::from_normalized(&self.normalized, &self.doc.text, range)
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
    pub fn with_ner(mut self, ner: NerStage) -> Self {
        self.ner = Some(ner);
        self.link_heads()
    }

    /// With the attribution model for claims (without it, claims come
    /// from quotations and cue words alone).
    pub fn with_attribution(mut self, model: AttributionModel) -> Self {
        self.attribution = Some(model);
        self.link_heads()
    }

    fn link_heads(mut self) -> Self {
        self.attribution_on_ner = false;
        if let (Some(ner), Some(head)) = (
            &self.ner,
            self.attribution.as_ref().and_then(AttributionModel::head),
        ) {
            match ner.classifier().check_head(head) {
                Ok(()) => self.attribution_on_ner = true,
                // a NER model other than the one the head was trained on
                Err(err) => tracing::warn!(
                    "the attribution model runs its own model calls, not the NER stage's: {err}"
                ),
            }
        }
        self
    }

    /// With the relation model (it reads pairs of named entities, so it
    /// runs only together with the named-entity stage).
    pub fn with_relations(mut self, model: RelationModel) -> Self {
        self.relations = Some(model);
        self
    }

    /// With an actor stage (the gazetteer extended by `--aliases` files).
    pub fn with_actors(mut self, actors: ActorStage) -> Self {
        self.actors = actors;
        self
    }

    /// Model id per stage, for `run.json`.
    pub fn model_ids(&self) -> BTreeMap<String, String> {
        let extractors = self.extractors();
        let mut ids = BTreeMap::new();
        if let Some(ner) = extractors.ner {
            ids.insert("ner".to_owned(), ner.version);
        }
        if self.attribution.is_some() {
            ids.insert("attribution".to_owned(), extractors.claims.version);
        }
        if let Some(relations) = extractors.relations {
            ids.insert("relations".to_owned(), relations.version);
        }
        ids.insert("actors".to_owned(), self.actors.version());
        ids
    }

    /// Who makes each kind of record: the models by their ids, else the
    /// rules. What runs after a model and changes its output as new weights
    /// would is part of the version: the NER span repairs, the claim
    /// assembly rules, how much of a sentence the relation model reads.
    fn extractors(&self) -> Extractors {
        let by_model = |name: &str, id: Option<&str>, after: &str| Extractor {
            name: name.to_owned(),
            version: format!("{}+{after}", id.unwrap_or("unnamed")),
        };
        Extractors {
            ner: self
                .ner
                .as_ref()
                .map(|ner| by_model("ner", ner.model_id(), crate::ner::repair::REPAIR_VERSION)),
            claims: match &self.attribution {
                Some(model) => by_model("attribution", model.model_id(), claims::RULES_VERSION),
                None => Extractor {
                    name: claims::RULES_EXTRACTOR.to_owned(),
                    version: claims::RULES_VERSION.to_owned(),
                },
            },
            relations: self
                .relations
                .as_ref()
                .filter(|_| self.ner.is_some())
                .map(|model| {
                    // the pair selection and evidence gates are the rules'
                    let read = format!(
                        "read{}+{}",
                        model.limits().context_bytes,
                        relations::RULES_VERSION
                    );
                    by_model(relations::EXTRACTOR, model.model_id(), &read)
                }),
        }
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
        let inputs: Vec<TextInput<'_>> = prepared
            .iter()
            .map(|doc| TextInput {
                text: doc.normalized.as_str(),
                sentences: &doc.sentences,
            })
            .collect();
        let heads: Vec<&OutputHead> = match &self.attribution {
            Some(model) if self.attribution_on_ner => model.head().into_iter().collect(),
            _ => Vec::new(),
        };
        let mut attribution_words = None;
        let entities = match &self.ner {
            Some(ner) => {
                let extraction = timings.time("ner", || {
                    ner.extract_with_heads(&inputs, &heads)
                        .map_err(|err| format!("named-entity stage: {err}"))
                })?;
                count_tokens(
                    timings,
                    ["ner.tokens", "ner.model_tokens", "ner.windows"],
                    extraction.counts,
                );
                attribution_words = extraction.heads.into_iter().next();
                extraction.entities
            }
            None => vec![Vec::new(); prepared.len()],
        };
        // Parts of known names widened to the whole name before any stage
        // reads the entities (src/actors/span_completion.rs).
        let entities: Vec<CompletedEntities> = prepared
            .par_iter()
            .zip(entities.into_par_iter())
            .map(|(doc, found)| {
                timings.time("spans", || {
                    self.actors
                        .complete_spans(doc.normalized.as_str(), &doc.sentences, found)
                })
            })
            .collect();
        let attributions = match &self.attribution {
            Some(model) => {
                let (spans, counts) = timings.time("attribution", || match attribution_words.take() {
                    // the model ran in the NER stage's calls (counted there); this stage only decodes
                    Some(classified) => Ok((
                        model.decode(&classified),
                        TokenCounts {
                            model_tokens: 0,
                            windows: 0,
                            ..TokenCounts::of(&classified)
                        },
                    )),
                    None => model
                        .tag_counted(&inputs)
                        .map_err(|err| format!("attribution stage: {err}")),
                })?;
                let names = [
                    "attribution.tokens",
                    "attribution.model_tokens",
                    "attribution.windows",
                ];
                count_tokens(timings, names, counts);
                spans
            }
            None => vec![Vec::new(); prepared.len()],
        };
        let relations = match (&self.relations, &self.ner) {
            (Some(model), Some(_)) => {
                // the pairs' types are checked with what the gazetteer knows
                // of a name ("Islamic State" tagged a place is a group)
                let labelled: Vec<Vec<EntityMention>> = prepared
                    .iter()
                    .zip(&entities)
                    .map(|(doc, completed)| {
                        self.actors
                            .with_known_organisations(doc.normalized.as_str(), &completed.entities)
                    })
                    .collect();
                let inputs: Vec<RelationInput<'_>> = prepared
                    .iter()
                    .zip(&labelled)
                    .map(|(doc, entities)| RelationInput {
                        text: doc.normalized.as_str(),
                        sentences: &doc.sentences,
                        entities,
                    })
                    .collect();
                let (relations, counts) = timings.time("relations", || {
                    model
                        .relate_counted(&inputs)
                        .map_err(|err| format!("relation stage: {err}"))
                })?;
                let names = ["relations.tokens", "relations.model_tokens", "relations.windows"];
                count_tokens(timings, names, counts);
                relations
            }
            _ => vec![Vec::new(); prepared.len()],
        };
        let extractors = self.extractors();
        Ok(prepared
            .par_iter()
            .zip(entities.par_iter())
            .zip(attributions.par_iter())
            .zip(relations.par_iter())
            .map(|(((doc, entities), attributions), relations)| {
                timings.time("records", || {
                    let models = ModelOutputs {
                        entities: &entities.entities,
                        model_spans: &entities.model_spans,
                        attributions,
                        relations,
                    };
                    build_bundle(doc, &models, &extractors, &self.actors)
                })
            })
            .collect())
    }
}

fn count_tokens(timings: &StageTimings, names: [&'static str; 3], counts: TokenCounts) {
    timings.count(names[0], counts.tokens);
    timings.count(names[1], counts.model_tokens);
    timings.count(names[2], counts.windows);
}

/// Who made each kind of record.
struct Extractors {
    ner: Option<Extractor>,
    claims: Extractor,
    relations: Option<Extractor>,
}

/// What the model stages found in one document.
struct ModelOutputs<'a> {
    entities: &'a [EntityMention],
    /// Per entity: the model's own span, where the gazetteer widened it.
    model_spans: &'a [Option<Range<usize>>],
    attributions: &'a [AttributionSpan],
    relations: &'a [RelationMention],
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
    models: &ModelOutputs<'_>,
    extractors: &Extractors,
    actors: &ActorStage,
) -> RecordBundle {
    let ModelOutputs {
        entities,
        model_spans,
        attributions,
        relations,
    } = *models;
    let sentences = doc
        .sentences
        .iter()
        .map(|range| {
            let span = doc.normalized.to_original(range.start, range.end);
            [span.start, span.end]
        })
        .collect();
    let mut bundle = RecordBundle::document_only(document_record(doc.doc, doc.revision, sentences, None));
    if let Some(extractor) = &extractors.ner {
        bundle.entities = entity_records(doc, entities, model_spans, extractor);
    }
    (bundle.casualties, bundle.tolls) =
        crate::casualties::casualty_records(doc.doc, doc.revision, &doc.normalized, &doc.sentences, entities);
    let claims = claims::extract(doc.normalized.as_str(), &doc.sentences, entities, attributions);
    let claim_doc = ClaimDocument {
        doc_id: &doc.doc.id,
        revision: doc.revision,
        original: &doc.doc.text,
        normalized: &doc.normalized,
    };
    bundle.claims = claims::claim_records(
        &claim_doc,
        &claims,
        &bundle.entities,
        &bundle.casualties,
        &extractors.claims,
    );
    // Actors (src/actors): entities resolved into actors; entity, casualty
    // and claim mentions linked to them; roles from casualties and claims.
    let input = ActorInput {
        text: doc.normalized.as_str(),
        sentences: &doc.sentences,
        entities,
    };
    crate::actors::records::attach_actors(actors, &input, &mut bundle, |range| doc.span(range));
    // Relations last: their heads and tails carry the entities' actor ids.
    let sentence_span = |index: usize| doc.sentences.get(index).map(|range| doc.span(range.clone()));
    let relation_doc = RelationDocument {
        doc_id: &doc.doc.id,
        revision: doc.revision,
        entities: &bundle.entities,
        sentences: &bundle.document.sentences,
        sentence_span: &sentence_span,
        actors: &bundle.actors,
        claims: &bundle.claims,
        casualties: &bundle.casualties,
    };
    let model = extractors.relations.clone().unwrap_or_else(|| Extractor {
        name: relations::EXTRACTOR.to_owned(),
        version: "none".to_owned(),
    });
    let known = relations::with_known_groups(entities, &bundle.entities, &bundle.actors);
    let mut roles = relations::role_relations(doc.normalized.as_str(), &doc.sentences, &known);
    roles.extend(relations::alias_relations(
        doc.normalized.as_str(),
        &doc.sentences,
        &known,
    ));
    bundle.relations = relations::relation_records(&relation_doc, relations, &model, &roles);
    bundle
}

fn entity_records(
    doc: &Prepared<'_>,
    entities: &[EntityMention],
    model_spans: &[Option<Range<usize>>],
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
            model_span: model_spans
                .get(index)
                .cloned()
                .flatten()
                .map(|range| doc.span(range)),
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
        published: doc
            .date
            .as_deref()
            .and_then(publication_date)
            .map(|day| day.format("%Y-%m-%d").to_string()),
        text: doc.text.clone(),
        chars: CharIndex::new(&doc.text).len_chars(),
        sentences,
        duplicate_of,
    }
}
