//! The attribution model: a token tagger for source, cue and content spans
//! (PolNeAR's roles), served by the same runner as the NER model.
//!
//! Labels are IOB2 over `SOURCE`, `CUE` and `CONTENT`. Unlike entities,
//! contents run across sentences (a quotation of several sentences), so the
//! labels of a whole text are decoded as one sequence; sentences still guide
//! where long texts are cut into windows.
//!
//! newsgrist's model is a second head on the NER model's encoder (an
//! [`OutputHead`]): where the pipeline runs the NER model anyway, the same
//! model calls give both label sets ([`AttributionModel::head`], then
//! [`AttributionModel::decode`]); alone (`newsgrist eval attribution`, runs
//! without NER) it opens the encoder itself, on first use. A whole
//! token-classification model (the layout of earlier releases) still loads
//! and runs on its own.
use std::path::Path;
use std::sync::OnceLock;

use crate::model::{
    ClassifiedText, ModelError, OutputHead, RunnerOptions, TextInput, TokenClassifier, TokenCounts,
};
use crate::ner::{decode_entities, label_words, Decoding};

use super::spans::{AttributionSpan, Role};

/// The attribution model and its decoding.
#[derive(Debug)]
pub struct AttributionModel {
    tagger: Tagger,
}

#[derive(Debug)]
enum Tagger {
    /// A model with an encoder of its own.
    Whole(Box<TokenClassifier>),
    /// An output of another model's graph; that graph opens on first use alone.
    Head {
        head: Box<OutputHead>,
        alone: OnceLock<Box<TokenClassifier>>,
    },
}

impl AttributionModel {
    /// Loads the model directory (usually `models/attribution`): a head
    /// (its `config.json` names the encoder's directory; that model's id is
    /// checked now, its sessions open when first needed) or a whole model.
    pub fn load(dir: &Path) -> Result<Self, ModelError> {
        let tagger = if OutputHead::is_head(dir) {
            let head = OutputHead::load(dir)?;
            check_labels(dir, &head.config().labels)?;
            head.encoder_config()?;
            Tagger::Head {
                head: Box::new(head),
                alone: OnceLock::new(),
            }
        } else {
            let classifier = TokenClassifier::load(dir, RunnerOptions::default())?;
            check_labels(dir, classifier.labels())?;
            Tagger::Whole(Box::new(classifier))
        };
        Ok(Self { tagger })
    }

    /// The model's id, for provenance.
    pub fn model_id(&self) -> Option<&str> {
        match &self.tagger {
            Tagger::Whole(classifier) => classifier.model_id(),
            Tagger::Head { head, .. } => head.config().model_id.as_deref(),
        }
    }

    /// The head, when the model is one: the NER stage can read it in its
    /// own model calls ([`crate::ner::NerStage::extract_with_heads`]), then
    /// [`Self::decode`] reads what it gives.
    pub fn head(&self) -> Option<&OutputHead> {
        match &self.tagger {
            Tagger::Whole(_) => None,
            Tagger::Head { head, .. } => Some(head),
        }
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
        let classified = match &self.tagger {
            Tagger::Whole(classifier) => classifier.classify(texts)?,
            Tagger::Head { head, alone } => {
                let classifier = match alone.get() {
                    Some(loaded) => loaded,
                    None => {
                        let loaded = TokenClassifier::load(head.dir(), RunnerOptions::default())?;
                        alone.get_or_init(|| Box::new(loaded))
                    }
                };
                classifier.classify(texts)?
            }
        };
        Ok((self.decode(&classified), TokenCounts::of(&classified)))
    }

    /// Spans of texts classified with this model's labels (its head's
    /// output from [`crate::ner::NerStage::extract_with_heads`], or its own).
    pub fn decode(&self, classified: &[ClassifiedText]) -> Vec<Vec<AttributionSpan>> {
        let (labels, hint) = match &self.tagger {
            Tagger::Whole(classifier) => (classifier.labels(), classifier.recommended_decoding()),
            Tagger::Head { head, .. } => (&head.config().labels[..], head.config().decoding.as_deref()),
        };
        let decoding = Decoding::recommended(hint);
        // one sequence per text: contents run across sentences
        classified
            .iter()
            .map(|text| {
                decode_entities(&label_words(labels, decoding, &text.words))
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
            .collect()
    }
}

fn check_labels(dir: &Path, labels: &[String]) -> Result<(), ModelError> {
    let roles: Vec<&str> = labels
        .iter()
        .filter_map(|label| label.split_once('-').map(|(_, kind)| kind))
        .collect();
    if roles.iter().any(|role| Role::from_label(role).is_none()) || roles.is_empty() {
        return Err(ModelError::UnsupportedModel {
            path: dir.to_path_buf(),
            reason: format!(
                "an attribution model labels SOURCE, CUE and CONTENT spans (IOB2); this one has {labels:?}"
            ),
        });
    }
    Ok(())
}
