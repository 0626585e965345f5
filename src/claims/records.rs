//! Claims as the records of `claims.jsonl`: byte ranges of the normalised
//! text become character spans of the document text as read, and each
//! claim is linked to the entities and casualty figures inside its content.
use std::ops::Range;

use crate::output::extractions::{CasualtyRecord, ClaimRecord, EntityRecord, Mention};
use crate::output::records::{round_confidence, Extractor, Span, SCHEMA_VERSION};
use crate::text::NormalizedText;

use super::spans::Claim;

/// What records need of a document.
pub struct ClaimDocument<'a> {
    pub doc_id: &'a str,
    pub revision: u32,
    /// The document text as read.
    pub original: &'a str,
    pub normalized: &'a NormalizedText,
}

impl ClaimDocument<'_> {
    fn span(&self, range: &Range<usize>) -> Span {
        Span::from_normalized(self.normalized, self.original, range.clone())
    }

    fn mention(&self, range: &Option<Range<usize>>) -> Option<Mention> {
        range.as_ref().map(|range| Mention {
            span: self.span(range),
            actor_id: None,
        })
    }
}

/// The records of a document's claims, `cl1`, `cl2`, ... in text order.
pub fn claim_records(
    doc: &ClaimDocument<'_>,
    claims: &[Claim],
    entities: &[EntityRecord],
    casualties: &[CasualtyRecord],
    extractor: &Extractor,
) -> Vec<ClaimRecord> {
    let claim_id = |index: usize| format!("cl{}", index + 1);
    claims
        .iter()
        .enumerate()
        .map(|(index, claim)| {
            let content = doc.span(&claim.content);
            let inside = |span: &Span| content.start <= span.start && span.end <= content.end;
            ClaimRecord {
                schema_version: SCHEMA_VERSION.to_owned(),
                doc_id: doc.doc_id.to_owned(),
                revision: doc.revision,
                claim_id: claim_id(index),
                claim_type: claim.claim_type,
                source: claim.source.as_ref().map(|range| doc.span(range)),
                claimant: doc.mention(&claim.claimant),
                cue: claim.cue.as_ref().map(|range| doc.span(range)),
                cue_lemma: claim.cue_lemma.clone(),
                direct_quote: claim.direct_quote,
                medium: doc.mention(&claim.medium),
                event: claim.event.as_ref().map(|range| doc.span(range)),
                hedges: claim.hedges.clone(),
                entity_ids: entities
                    .iter()
                    .filter(|entity| inside(&entity.span))
                    .map(|entity| entity.entity_id.clone())
                    .collect(),
                casualty_ids: casualties
                    .iter()
                    .filter(|casualty| inside(&casualty.count_span))
                    .map(|casualty| casualty.casualty_id.clone())
                    .collect(),
                reported_in: claim.reported_in.as_ref().and_then(|cue| {
                    claims
                        .iter()
                        .position(|other| other.cue.as_ref() == Some(cue))
                        .map(claim_id)
                }),
                confidence: round_confidence(claim.confidence),
                extractor: extractor.clone(),
                content,
            }
        })
        .collect()
}
