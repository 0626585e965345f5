//! The relation stage's model: candidate pairs of each document's
//! sentences scored by the pair classifier, then decided.
//!
//! Every sentence with a candidate pair one of whose relations the text
//! could state ([`evidence::may_be_stated`]) is one model call, all its
//! pairs at once; the others are not scored, since [`evidence::judged`]
//! would drop whatever the model found in them (on news, seven sentences
//! in ten). Calls run in parallel across the documents of a chunk. Results
//! depend only on each sentence, never on grouping or thread count.
use std::ops::Range;
use std::path::Path;

use crate::model::{ModelError, PairClassifier, PairInput, ScoredPair, TokenCounts};
use crate::ner::EntityMention;

use super::candidates::{candidate_pairs, PairLimits, SentencePairs};
use super::decide::{decide_pair, Thresholds, NONE};
use super::evidence;
use super::schema::RelationType;

/// Least confidence of a model relation written out.
pub const MIN_CONFIDENCE: f32 = 0.5;

/// Least CrossRE "some relation" probability for a KBP37 relation (see
/// [`super::decide`]).
pub const MIN_RELATEDNESS: f32 = 0.15;

/// One document's text, sentences and entities (sorted by start), all in
/// byte offsets of the same text.
#[derive(Debug, Clone, Copy)]
pub struct RelationInput<'a> {
    pub text: &'a str,
    pub sentences: &'a [Range<usize>],
    pub entities: &'a [EntityMention],
}

/// A relation between two entities of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationMention {
    pub kind: RelationType,
    /// Indices into the document's entities.
    pub head: usize,
    pub tail: usize,
    pub sentence: usize,
    pub confidence: f32,
    pub model_label: String,
}

/// The relation model and its pair selection.
#[derive(Debug)]
pub struct RelationModel {
    classifier: PairClassifier,
    heads: Vec<(String, Vec<String>)>,
    limits: PairLimits,
    thresholds: Thresholds,
}

impl RelationModel {
    /// Loads the model directory (usually `models/relations`).
    pub fn load(dir: &Path) -> Result<Self, ModelError> {
        let classifier = PairClassifier::load(dir)?;
        let heads: Vec<(String, Vec<String>)> = classifier
            .heads()
            .iter()
            .map(|head| (head.name.clone(), head.labels.clone()))
            .collect();
        let usable = heads.iter().any(|(name, labels)| {
            matches!(name.as_str(), "kbp37" | "crossre") && labels.iter().any(|l| l == NONE)
        });
        if !usable {
            return Err(ModelError::UnsupportedModel {
                path: dir.to_path_buf(),
                reason: "a relation model has a `kbp37` or `crossre` head whose labels include NONE".into(),
            });
        }
        let thresholds = Thresholds {
            min_confidence: MIN_CONFIDENCE,
            no_relation_bias: classifier.no_relation_bias(),
            min_relatedness: MIN_RELATEDNESS,
        };
        let mut limits = PairLimits::default();
        if let Some(context) = classifier.reading_context_bytes() {
            limits.context_bytes = context;
        }
        Ok(Self {
            classifier,
            heads,
            limits,
            thresholds,
        })
    }

    /// The pair limits in use (the model's `reading_context_bytes` included).
    pub fn limits(&self) -> &PairLimits {
        &self.limits
    }

    /// With other pair limits.
    pub fn with_limits(mut self, limits: PairLimits) -> Self {
        self.limits = limits;
        self
    }

    /// The model's id, for provenance.
    pub fn model_id(&self) -> Option<&str> {
        self.classifier.model_id()
    }

    /// The pair classifier underneath (for evaluation).
    pub fn classifier(&self) -> &PairClassifier {
        &self.classifier
    }

    /// Relations of each document, in input order, with the tokens the
    /// model ran over. Runs on the current rayon pool.
    pub fn relate_counted(
        &self,
        docs: &[RelationInput<'_>],
    ) -> Result<(Vec<Vec<RelationMention>>, TokenCounts), ModelError> {
        let candidates: Vec<Vec<SentencePairs>> = docs
            .iter()
            .map(|doc| {
                let mut sentences = candidate_pairs(doc.text, doc.sentences, doc.entities, &self.limits);
                // the whole sentence is scored when any of its pairs may
                // hold a relation, so the model reads the same input as
                // without this filter
                sentences.retain(|sentence| {
                    sentence.pairs.iter().any(|&(a, b)| {
                        let entity = |index: usize| &doc.entities[sentence.entity_ids[index]];
                        evidence::may_be_stated(doc.text, entity(a), entity(b))
                    })
                });
                sentences
            })
            .collect();
        let ordered: Vec<Vec<Vec<(usize, usize)>>> = candidates
            .iter()
            .map(|sentences| sentences.iter().map(SentencePairs::ordered_pairs).collect())
            .collect();
        // entity types only for a model whose markers name them
        let typed = self.classifier.typed_markers();
        let types: Vec<Vec<Vec<Option<&str>>>> = docs
            .iter()
            .zip(&candidates)
            .map(|(doc, sentences)| {
                sentences
                    .iter()
                    .map(|sentence| {
                        if typed {
                            sentence
                                .entity_ids
                                .iter()
                                .map(|&id| Some(doc.entities[id].label.as_str()))
                                .collect()
                        } else {
                            Vec::new()
                        }
                    })
                    .collect()
            })
            .collect();
        let mut inputs = Vec::new();
        for (((doc, sentences), pairs), types) in docs.iter().zip(&candidates).zip(&ordered).zip(&types) {
            for ((sentence, pairs), types) in sentences.iter().zip(pairs).zip(types) {
                inputs.push(PairInput {
                    text: &doc.text[sentence.range.clone()],
                    entities: &sentence.entities,
                    types,
                    pairs,
                });
            }
        }
        let (scored, counts) = self.classifier.classify(&inputs)?;
        let mut scored = scored.into_iter();
        let relations = docs
            .iter()
            .zip(&candidates)
            .map(|(doc, sentences)| {
                let mut found = Vec::new();
                for sentence in sentences {
                    let pairs = scored.next().unwrap_or_default();
                    found.extend(self.decide_sentence(doc, sentence, &pairs));
                }
                found
            })
            .collect();
        Ok((relations, counts))
    }

    fn decide_sentence(
        &self,
        doc: &RelationInput<'_>,
        sentence: &SentencePairs,
        scored: &[ScoredPair],
    ) -> Vec<RelationMention> {
        let types: Vec<&str> = sentence
            .entity_ids
            .iter()
            .map(|&id| doc.entities[id].label.as_str())
            .collect();
        let find =
            |head: usize, tail: usize| scored.iter().find(|pair| pair.head == head && pair.tail == tail);
        let mut out = Vec::new();
        for &(a, b) in &sentence.pairs {
            let (Some(ab), Some(ba)) = (find(a, b), find(b, a)) else {
                continue;
            };
            for decision in decide_pair(
                &self.heads,
                a,
                b,
                &ab.log_probs,
                &ba.log_probs,
                &types,
                self.thresholds,
            ) {
                let head = &doc.entities[sentence.entity_ids[decision.head]];
                let tail = &doc.entities[sentence.entity_ids[decision.tail]];
                let Some(kind) = evidence::judged(decision.kind, doc.text, head, tail) else {
                    continue;
                };
                out.push(RelationMention {
                    kind,
                    head: sentence.entity_ids[decision.head],
                    tail: sentence.entity_ids[decision.tail],
                    sentence: sentence.sentence,
                    confidence: decision.confidence,
                    model_label: decision.model_label,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// `models/relations`, or None (with a message) without ONNX Runtime.
    fn shipped_model() -> Option<RelationModel> {
        if let Err(err) = crate::model::runtime::library_path() {
            eprintln!("skipping: {err}");
            return None;
        }
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("models")
            .join("relations");
        Some(RelationModel::load(&dir).expect("models/relations loads"))
    }

    #[test]
    fn the_shipped_model_reads_as_much_context_as_it_was_trained_on() {
        let Some(model) = shipped_model() else {
            return;
        };
        let trained = model.classifier().reading_context_bytes();
        assert_eq!(
            trained,
            Some(32),
            "models/relations/config.json names its reading context"
        );
        assert_eq!(model.limits().context_bytes, 32);
        assert_ne!(
            PairLimits::default().context_bytes,
            32,
            "the default must not hide the config"
        );
    }

    #[test]
    fn sentences_whose_relations_could_not_be_written_are_not_scored() {
        let Some(model) = shipped_model() else {
            return;
        };
        let silent = "Reuters reported that Hamas fired rockets at Ashkelon.";
        let stated = "Hamas spokesman Abu Obeida said the group fought on.";
        let entities = |text: &str, names: &[(&str, &str)]| -> Vec<EntityMention> {
            names
                .iter()
                .map(|&(name, label)| EntityMention::found_in(text, name, label, 0.9))
                .collect()
        };
        let silent_entities = entities(silent, &[("Reuters", "ORG"), ("Hamas", "ORG")]);
        let stated_entities = entities(stated, &[("Hamas", "ORG"), ("Abu Obeida", "PER")]);
        let silent_sentence = 0..silent.len();
        let stated_sentence = 0..stated.len();
        let docs = [
            RelationInput {
                text: silent,
                sentences: std::slice::from_ref(&silent_sentence),
                entities: &silent_entities,
            },
            RelationInput {
                text: stated,
                sentences: std::slice::from_ref(&stated_sentence),
                entities: &stated_entities,
            },
        ];
        let (relations, counts) = model.relate_counted(&docs).expect("runs");
        assert_eq!(counts.windows, 1, "only the sentence with a title is scored");
        assert!(relations[0].is_empty());
        assert!(relations[1]
            .iter()
            .any(|relation| relation.kind == RelationType::SpokespersonOf
                || relation.kind == RelationType::EmployeeOf
                || relation.kind == RelationType::LeaderOf));
    }
}
