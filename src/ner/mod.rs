//! Named-entity recognition: the NER stage on top of the token-classification
//! runner, and its evaluation on CoNLL files.
//!
//! [`NerStage::extract`] takes many texts at once and returns, per text, the
//! entity mentions (PER, ORG, LOC, MISC) as byte ranges of that text with a
//! confidence. Its output does not depend on how texts are grouped into
//! calls or on thread count, and long texts are windowed, never truncated
//! (see [`crate::model::runner`]).
//! - [`decode`]: word labels to entities (greedy with IOB2 repair, or
//!   constrained Viterbi; confidence);
//! - [`conll`]: reads CoNLL-2003 files into documents;
//! - [`repair`]: spans the model breaks (punctuation at an edge, a lone
//!   title, a name split after its kunya) trimmed, dropped or joined;
//! - [`eval`]: entity-level precision, recall and F1 with conlleval semantics.
pub mod conll;
pub mod decode;
pub mod eval;
pub mod repair;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::path::Path;

pub use decode::{decode_entities, label_words, Decoding, EntityMention, WordLabel};
pub use repair::repair_entities;

use crate::model::{
    ClassifiedText, ModelError, OutputHead, RunnerOptions, TextInput, TokenClassifier, TokenCounts,
    WordPrediction,
};

/// What [`NerStage::extract_with_heads`] gives: per text, the entities,
/// and per head the classification of the same words.
#[derive(Debug)]
pub struct SharedExtraction {
    pub entities: Vec<Vec<EntityMention>>,
    pub counts: TokenCounts,
    pub heads: Vec<Vec<ClassifiedText>>,
}

/// The NER stage: a token classifier and the decoding of its labels.
#[derive(Debug)]
pub struct NerStage {
    classifier: TokenClassifier,
    decoding: Decoding,
}

impl NerStage {
    /// Loads the model in `dir` (usually `models/ner`) with default options:
    /// words split CoNLL-style, one window per model call.
    pub fn load(dir: &Path) -> Result<Self, ModelError> {
        Self::load_with(dir, RunnerOptions::default())
    }

    /// Loads the model in `dir` with `options`.
    pub fn load_with(dir: &Path, options: RunnerOptions) -> Result<Self, ModelError> {
        TokenClassifier::load(dir, options).map(Self::new)
    }

    /// Wraps a loaded classifier; decodes as its `config.json` recommends
    /// (`newsgrist.decoding` starting with `iob2_viterbi`: constrained,
    /// as for our model, which reaches its target F1 only so), else greedy.
    pub fn new(classifier: TokenClassifier) -> Self {
        let decoding = Decoding::recommended(classifier.recommended_decoding());
        Self { classifier, decoding }
    }

    /// How word labels are chosen.
    pub fn decoding(&self) -> Decoding {
        self.decoding
    }

    /// Uses `decoding` to choose word labels.
    pub fn with_decoding(mut self, decoding: Decoding) -> Self {
        self.decoding = decoding;
        self
    }

    /// The classifier underneath.
    pub fn classifier(&self) -> &TokenClassifier {
        &self.classifier
    }

    /// The model's id, for run reports.
    pub fn model_id(&self) -> Option<&str> {
        self.classifier.model_id()
    }

    /// Entities of each text, in input order; byte offsets into each text.
    pub fn extract(&self, texts: &[&str]) -> Result<Vec<Vec<EntityMention>>, ModelError> {
        let inputs: Vec<TextInput<'_>> = texts.iter().map(|&text| TextInput::from(text)).collect();
        self.extract_documents(&inputs)
    }

    /// Entities of each text, given with its sentences (byte ranges, as
    /// [`crate::text::split_sentences`] returns them): windows prefer to cut
    /// between sentences, and no entity crosses a sentence boundary.
    pub fn extract_documents(
        &self,
        documents: &[TextInput<'_>],
    ) -> Result<Vec<Vec<EntityMention>>, ModelError> {
        self.extract_counted(documents).map(|(entities, _)| entities)
    }

    /// [`Self::extract_documents`], with the tokens it took.
    pub fn extract_counted(
        &self,
        documents: &[TextInput<'_>],
    ) -> Result<(Vec<Vec<EntityMention>>, TokenCounts), ModelError> {
        let extraction = self.extract_with_heads(documents, &[])?;
        Ok((extraction.entities, extraction.counts))
    }

    /// [`Self::extract_counted`], and the classification of the same words
    /// by each of `heads` (outputs of this model's graph, checked with
    /// [`TokenClassifier::check_head`]) from the same model calls.
    pub fn extract_with_heads(
        &self,
        documents: &[TextInput<'_>],
        heads: &[&OutputHead],
    ) -> Result<SharedExtraction, ModelError> {
        let mut outputs = self.classifier.classify_with_heads(documents, heads)?;
        let classified = outputs.remove(0);
        let entities = classified
            .iter()
            .zip(documents)
            .map(|(text, input)| repair_entities(input.text, self.entities(text, input.sentences)))
            .collect();
        Ok(SharedExtraction {
            entities,
            counts: TokenCounts::of(&classified),
            heads: outputs,
        })
    }

    /// Decodes one classified text: entities never cross the given
    /// sentence boundaries (byte ranges).
    pub fn entities(&self, text: &ClassifiedText, sentences: &[Range<usize>]) -> Vec<EntityMention> {
        let mut entities = Vec::new();
        let mut rest = &text.words[..];
        for sentence in sentences {
            // words before this sentence (between sentences) stand alone
            let before = rest.partition_point(|word| word.start < sentence.start);
            entities.extend(decode_entities(&self.label_words(&rest[..before])));
            rest = &rest[before..];
            let inside = rest.partition_point(|word| word.start < sentence.end);
            entities.extend(decode_entities(&self.label_words(&rest[..inside])));
            rest = &rest[inside..];
        }
        entities.extend(decode_entities(&self.label_words(rest)));
        entities
    }

    /// Chooses the label of each of `words` (consecutive words of one
    /// sentence or text) by the stage's [`Decoding`].
    pub fn label_words<'a>(&'a self, words: &[WordPrediction]) -> Vec<WordLabel<'a>> {
        decode::label_words(self.classifier.labels(), self.decoding, words)
    }
}
