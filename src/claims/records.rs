//! Claims as the records of `claims.jsonl`: byte ranges of the normalised
//! text become character spans of the document text as read, and each
//! claim is linked to the entities and casualty figures inside its content.
use std::collections::BTreeMap;
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
    let entities_by_start = SpansByStart::new(entities.iter().map(|entity| &entity.span));
    let casualties_by_start = SpansByStart::new(casualties.iter().map(|casualty| &casualty.count_span));
    let mut claim_with_cue: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut claim_with_content: BTreeMap<usize, usize> = BTreeMap::new();
    for (index, claim) in claims.iter().enumerate() {
        if let Some(cue) = &claim.cue {
            claim_with_cue.entry((cue.start, cue.end)).or_insert(index);
        }
        claim_with_content.entry(claim.content.start).or_insert(index);
    }
    claims
        .iter()
        .enumerate()
        .map(|(index, claim)| {
            let content = doc.span(&claim.content);
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
                entity_ids: entities_by_start
                    .inside(&content)
                    .into_iter()
                    .map(|index| entities[index].entity_id.clone())
                    .collect(),
                casualty_ids: casualties_by_start
                    .inside(&content)
                    .into_iter()
                    // a headline's figure counts into the title, not this content
                    .filter(|&index| casualties[index].count_span.in_text())
                    .map(|index| casualties[index].casualty_id.clone())
                    .collect(),
                reported_in: claim
                    .reported_in
                    .as_ref()
                    .and_then(|cue| claim_with_cue.get(&(cue.start, cue.end)))
                    .map(|&index| claim_id(index)),
                continues: claim
                    .continues
                    .and_then(|start| claim_with_content.get(&start))
                    .filter(|&&continued| continued != index)
                    .map(|&continued| claim_id(continued)),
                confidence: round_confidence(claim.confidence),
                extractor: extractor.clone(),
                content,
            }
        })
        .collect()
}

/// Spans sorted by start, to find those inside a claim's content without
/// reading every span of the document for every claim.
struct SpansByStart<'s> {
    sorted: Vec<(usize, &'s Span)>,
}

impl<'s> SpansByStart<'s> {
    fn new(spans: impl Iterator<Item = &'s Span>) -> Self {
        let mut sorted: Vec<(usize, &Span)> = spans.enumerate().collect();
        sorted.sort_by_key(|(_, span)| span.start);
        Self { sorted }
    }

    /// The indices of the spans inside `content`, in the order given.
    fn inside(&self, content: &Span) -> Vec<usize> {
        let first = self
            .sorted
            .partition_point(|(_, span)| span.start < content.start);
        let mut found: Vec<usize> = self.sorted[first..]
            .iter()
            .take_while(|(_, span)| span.start <= content.end)
            .filter(|(_, span)| span.end <= content.end)
            .map(|&(index, _)| index)
            .collect();
        found.sort_unstable();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span::at(start, end)
    }

    #[test]
    fn spans_inside_a_content_keep_their_order() {
        // given out of order, as casualty records can be
        let spans = [span(40, 45), span(10, 12), span(11, 30), span(0, 5), span(20, 25)];
        let index = SpansByStart::new(spans.iter());
        assert_eq!(index.inside(&span(10, 30)), vec![1, 2, 4]);
        assert_eq!(index.inside(&span(0, 100)), vec![0, 1, 2, 3, 4]);
        assert_eq!(index.inside(&span(12, 24)), Vec::<usize>::new());
        assert_eq!(index.inside(&span(40, 45)), vec![0]);
    }
}
