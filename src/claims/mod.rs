//! Claims: who claimed, said, reported, denied or took credit for what,
//! through which medium.
//!
//! The attribution model ([`model`]) tags source, cue and content spans;
//! rules do what PolNeAR cannot teach it: quotation boundaries
//! ([`quotes`]) and quotations signed with a dash ([`signed_quotes`]), cue lemmas and claim types ([`cues`], [`typing`]), the
//! medium ([`medium`]), who a pronoun is ([`speakers`]), what kind of
//! speaker a claimant names ([`claimant_kinds`]), how the spans
//! group into claims ([`assemble`]), the speaker opening a clause where no
//! source span names one ([`opening_speaker`]) and the claims carried inside
//! a report's content, which one layer of tags cannot hold ([`nested`]).
//! Without the model, quotations with a
//! cue word in their sentence still become claims ([`extract`] with no
//! spans). Every range here is a byte range of the normalised text;
//! [`records`] turns claims into output records with character spans.
//!
//! Not here: resolving claimants to actor ids (the actors stage does that)
//! and the relations between claimants and events (the relations stage).
pub mod assemble;
mod by_sentence;
pub mod claimant_kinds;
pub mod cues;
pub mod eval;
pub mod medium;
pub mod model;
pub mod nested;
pub mod opening_speaker;
pub mod quotes;
pub mod records;
pub mod signed_quotes;
pub mod spans;
pub mod speakers;
pub mod typing;

use std::ops::Range;

pub use model::AttributionModel;
pub use records::{claim_records, ClaimDocument};
pub use spans::{AttributionSpan, Claim, NamedSpan, Role};

use crate::ner::EntityMention;

/// The extractor name of claims made with rules only.
pub const RULES_EXTRACTOR: &str = "claim-rules";

/// The version of the claim rules, bumped whenever a rule changes output.
pub const RULES_VERSION: &str = "claim-rules-0.3.36";

/// The claims of one document: `spans` from the attribution model (empty
/// without it), `entities` from the NER stage.
pub fn extract(
    text: &str,
    sentences: &[Range<usize>],
    entities: &[EntityMention],
    spans: &[AttributionSpan],
) -> Vec<Claim> {
    let named: Vec<NamedSpan> = entities
        .iter()
        .map(|entity| NamedSpan {
            range: entity.start..entity.end,
            label: entity.label.clone(),
        })
        .collect();
    debug_assert!(
        named
            .windows(2)
            .all(|pair| pair[0].range.end <= pair[1].range.start),
        "the NER stage gives entities sorted and without overlaps"
    );
    let quotes = quotes::find_quotes(text);
    let doc = assemble::Document {
        text,
        sentences,
        entities: &named,
        quotes: &quotes,
    };
    assemble::assemble(&doc, spans)
}
