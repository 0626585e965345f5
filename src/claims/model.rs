//! The attribution model: a token tagger for source, cue and content spans
//! (PolNeAR's roles), served by the same runner as the NER model.
//!
//! Labels are IOB2 over `SOURCE`, `CUE` and `CONTENT`. Unlike entities,
//! contents run across sentences (a quotation of several sentences), so the
//! labels of a whole text are decoded as one sequence; sentences still guide
//! where long texts are cut into windows.
use std::path::Path;

use crate::model::{ModelError, RunnerOptions, TextInput, TokenClassifier, TokenCounts};
use crate::ner::{decode_entities, NerStage};

use super::spans::{AttributionSpan, Role};

/// The attribution model and its decoding.
#[derive(Debug)]
pub struct AttributionModel {
    tagger: NerStage,
}

impl AttributionModel {
    /// Loads the model directory (usually `models/attribution`).
    pub fn load(dir: &Path) -> Result<Self, ModelError> {
        let classifier = TokenClassifier::load(dir, RunnerOptions::default())?;
        let roles: Vec<&str> = classifier
            .labels()
            .iter()
            .filter_map(|label| label.split_once('-').map(|(_, kind)| kind))
            .collect();
        if roles.iter().any(|role| Role::from_label(role).is_none()) || roles.is_empty() {
            return Err(ModelError::UnsupportedModel {
                path: dir.to_path_buf(),
                reason: format!(
                    "an attribution model labels SOURCE, CUE and CONTENT spans (IOB2); this one has {:?}",
                    classifier.labels()
                ),
            });
        }
        Ok(Self {
            tagger: NerStage::new(classifier),
        })
    }

    /// The model's id, for provenance.
    pub fn model_id(&self) -> Option<&str> {
        self.tagger.model_id()
    }

    /// Source, cue and content spans of each text, byte ranges, in input order.
    pub fn tag(&self, texts: &[TextInput<'_>]) -> Result<Vec<Vec<AttributionSpan>>, ModelError> {
        self.tag_counted(texts).map(|(spans, _)| spans)
    }

    /// [`Self::tag`], with the tokens it took.
    pub fn tag_counted(
        &self,
        texts: &[TextInput<'_>],
    ) -> Result<(Vec<Vec<AttributionSpan>>, TokenCounts), ModelError> {
        let classified = self.tagger.classifier().classify(texts)?;
        let spans = classified
            .iter()
            .map(|text| {
                decode_entities(&self.tagger.label_words(&text.words))
                    .into_iter()
                    .filter_map(|span| {
                        Some(AttributionSpan {
                            role: Role::from_label(&span.label)?,
                            range: span.start..span.end,
                            confidence: span.confidence,
                        })
                    })
                    .collect()
            })
            .collect();
        Ok((spans, TokenCounts::of(&classified)))
    }
}
