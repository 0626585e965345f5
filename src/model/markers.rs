//! Entity-marker encoding for pair classifiers: a sentence's tokens with a
//! start marker before each entity and an end marker after it, the way
//! `scripts/relations_common.py` (`encode`) builds training inputs.
//!
//! Every entity of the sentence is marked at once, so one model call scores
//! all pairs of the sentence from the states at their start markers. This
//! module only builds ids; it runs no model.
use std::collections::BTreeMap;
use std::ops::Range;

use super::casing::{casing_v1, SPECIAL};
use super::encode::Tokens;

/// Marker ids, special tokens and the length limit.
#[derive(Debug, Clone)]
pub struct MarkerLayout {
    pub cls_id: i64,
    pub sep_id: i64,
    pub start_id: i64,
    /// Start markers naming an entity type; empty for untyped markers.
    pub typed_start_ids: BTreeMap<String, i64>,
    pub end_id: i64,
    pub max_length: usize,
    /// Tokens kept before the first start marker when the sentence is cut.
    pub crop_margin: usize,
}

impl MarkerLayout {
    /// The start marker of an entity of type `label` (None: not known).
    pub fn start_for(&self, label: Option<&str>) -> i64 {
        label
            .and_then(|label| self.typed_start_ids.get(label))
            .copied()
            .unwrap_or(self.start_id)
    }
}

/// A marked sentence, ready for the model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkedInput {
    pub ids: Vec<i64>,
    pub casing: Vec<i64>,
    /// Position of each entity's start marker; None when the entity covers
    /// no token or fell outside the cut.
    pub starts: Vec<Option<usize>>,
}

/// Marks `entities` (byte ranges of `text`) in `tokens` (the tokens of
/// `text`); `types` holds each entity's NER type where the layout has typed
/// markers (an empty slice or a None: the untyped marker). A sentence
/// longer than `max_length` keeps a window of it from `crop_margin` tokens
/// before the first marker; entities outside it get no start.
pub fn mark_entities(
    text: &str,
    tokens: &Tokens,
    entities: &[Range<usize>],
    types: &[Option<&str>],
    layout: &MarkerLayout,
) -> MarkedInput {
    let n = tokens.ids.len();
    let mut opens: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut closes: Vec<usize> = vec![0; n];
    for (entity, range) in entities.iter().enumerate() {
        let first = tokens.offsets.iter().position(|&(_, end)| end > range.start);
        let last = tokens.offsets.iter().rposition(|&(start, _)| start < range.end);
        if let (Some(first), Some(last)) = (first, last) {
            if first <= last {
                opens[first].push(entity);
                closes[last] += 1;
            }
        }
    }
    let mut ids = vec![layout.cls_id];
    let mut casing = vec![SPECIAL];
    let mut starts = vec![None; entities.len()];
    for k in 0..n {
        for &entity in &opens[k] {
            starts[entity] = Some(ids.len());
            ids.push(layout.start_for(types.get(entity).copied().flatten()));
            casing.push(SPECIAL);
        }
        ids.push(tokens.ids[k]);
        let (start, end) = tokens.offsets[k];
        casing.push(text.get(start..end).map_or(SPECIAL, casing_v1));
        for _ in 0..closes[k] {
            ids.push(layout.end_id);
            casing.push(SPECIAL);
        }
    }
    ids.push(layout.sep_id);
    casing.push(SPECIAL);
    if ids.len() > layout.max_length {
        return crop(ids, casing, starts, layout);
    }
    MarkedInput { ids, casing, starts }
}

fn crop(ids: Vec<i64>, casing: Vec<i64>, starts: Vec<Option<usize>>, layout: &MarkerLayout) -> MarkedInput {
    let Some(first) = starts.iter().flatten().min().copied() else {
        return MarkedInput {
            starts: vec![None; starts.len()],
            ..MarkedInput::default()
        };
    };
    let lo = first.saturating_sub(layout.crop_margin).max(1);
    let hi = (lo + layout.max_length - 2).min(ids.len() - 1);
    let mut out_ids = vec![layout.cls_id];
    out_ids.extend_from_slice(&ids[lo..hi]);
    out_ids.push(layout.sep_id);
    let mut out_casing = vec![SPECIAL];
    out_casing.extend_from_slice(&casing[lo..hi]);
    out_casing.push(SPECIAL);
    let starts = starts
        .into_iter()
        .map(|start| {
            start
                .filter(|&position| position >= lo && position < hi)
                .map(|position| position - lo + 1)
        })
        .collect();
    MarkedInput {
        ids: out_ids,
        casing: out_casing,
        starts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> MarkerLayout {
        MarkerLayout {
            cls_id: 101,
            sep_id: 102,
            start_id: 2,
            typed_start_ids: BTreeMap::new(),
            end_id: 3,
            max_length: 192,
            crop_margin: 16,
        }
    }

    /// "Thom Yorke of Radiohead", one token per word but "Radiohead" in two.
    fn tokens() -> Tokens {
        Tokens {
            ids: vec![10, 11, 12, 13, 14],
            type_ids: vec![0; 5],
            offsets: vec![(0, 4), (5, 10), (11, 13), (14, 19), (19, 23)],
        }
    }

    #[test]
    fn wraps_each_entity_in_markers() {
        let text = "Thom Yorke of Radiohead";
        let marked = mark_entities(text, &tokens(), &[0..10, 14..23], &[], &layout());
        assert_eq!(marked.ids, [101, 2, 10, 11, 3, 12, 2, 13, 14, 3, 102]);
        assert_eq!(marked.starts, [Some(1), Some(6)]);
        // casing of the text's own spans; markers are special
        assert_eq!(marked.casing, [0, 0, 2, 2, 0, 1, 0, 2, 1, 0, 0]);
    }

    #[test]
    fn typed_markers_name_the_entity_type() {
        let text = "Thom Yorke of Radiohead";
        let mut layout = layout();
        layout.typed_start_ids = [("PER".to_owned(), 4), ("ORG".to_owned(), 5)].into();
        let marked = mark_entities(
            text,
            &tokens(),
            &[0..10, 14..23],
            &[Some("PER"), Some("ORG")],
            &layout,
        );
        assert_eq!(marked.ids, [101, 4, 10, 11, 3, 12, 5, 13, 14, 3, 102]);
        // a type without a marker of its own, or none, opens with the untyped marker
        let marked = mark_entities(text, &tokens(), &[0..10, 14..23], &[Some("MISC"), None], &layout);
        assert_eq!(marked.ids, [101, 2, 10, 11, 3, 12, 2, 13, 14, 3, 102]);
    }

    #[test]
    fn nested_entities_get_their_own_markers() {
        let text = "Thom Yorke of Radiohead";
        let marked = mark_entities(text, &tokens(), &[0..23, 14..23], &[], &layout());
        assert_eq!(marked.ids, [101, 2, 10, 11, 12, 2, 13, 14, 3, 3, 102]);
        assert_eq!(marked.starts, [Some(1), Some(5)]);
    }

    #[test]
    fn a_long_sentence_keeps_a_window_from_before_the_first_entity() {
        let n = 300;
        let text = "a ".repeat(n);
        let tokens = Tokens {
            ids: vec![7; n],
            type_ids: vec![0; n],
            offsets: (0..n).map(|k| (2 * k, 2 * k + 1)).collect(),
        };
        let entities = [200..201, 220..221, 580..581];
        let marked = mark_entities(&text, &tokens, &entities, &[], &layout());
        assert_eq!(marked.ids.len(), 192);
        assert_eq!((marked.ids[0], marked.ids[191]), (101, 102));
        // entity 0 is token 100, at position 101 before the cut; the window starts 16 earlier
        assert_eq!(marked.starts, [Some(17), Some(29), None]);
        assert_eq!(marked.ids[17], 2);
    }
}
