//! Long texts: overlapping windows, each deciding the labels of its middle.
//!
//! A text whose tokens fit in one model call is one window. A longer one is
//! cut into *target* chunks of at most `target_budget` tokens, each run with
//! context on both sides up to the window length, and each token's label is
//! taken from the one window where it is a target: away from the window's
//! edges (at least (window - budget) / 2 tokens of context on each side,
//! except at the ends of the text). Nothing is truncated.
//!
//! When sentence boundaries are known, targets are whole sentences packed
//! greedily (a sentence longer than the budget is cut into budget-sized
//! pieces). This is the scheme the NER model was trained with
//! (`build_windows` in `scripts/ner_common.py`: budget 128 of 254 content
//! tokens), so inference sees windows like the ones in training.
//!
//! `max_context` caps the context on each side. Filling the whole window is
//! not always best: newsgrist's NER model scores higher on CoNLL valid with
//! no context at all around 254-token packs of whole sentences (F1 94.62
//! against 94.36, 21% fewer model tokens; `models/ner/README.md`), while
//! the attribution model loses a little without it.
use std::ops::Range;

/// One model call over tokens `context` of a text; it decides the labels of `targets`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowPlan {
    pub context: Range<usize>,
    pub targets: Range<usize>,
}

/// Plans the windows for `len` tokens.
///
/// `max_content`: tokens per window, special tokens excluded. `budget`: most
/// targets per window (at most `max_content`). `max_context`: most context
/// tokens on each side (`usize::MAX`: as many as fit). `sentences`: token ranges of
/// sentences, in order, not overlapping (tokens between or outside them are
/// grouped with their neighbours); empty for none.
pub fn plan_windows(
    len: usize,
    max_content: usize,
    budget: usize,
    max_context: usize,
    sentences: &[Range<usize>],
) -> Vec<WindowPlan> {
    let max_content = max_content.max(1);
    let budget = budget.clamp(1, max_content);
    if len == 0 {
        return Vec::new();
    }
    if len <= max_content {
        return vec![WindowPlan {
            context: 0..len,
            targets: 0..len,
        }];
    }
    target_chunks(len, budget, sentences)
        .into_iter()
        .map(|targets| {
            let room = max_content - targets.len();
            let mut left = targets.start.min(room / 2);
            let right = (len - targets.end).min(room - left);
            left = targets.start.min(room - right);
            let (left, right) = (left.min(max_context), right.min(max_context));
            WindowPlan {
                context: targets.start - left..targets.end + right,
                targets,
            }
        })
        .collect()
}

/// Consecutive target ranges covering `0..len`, each at most `budget` long,
/// made of whole sentences where they fit.
fn target_chunks(len: usize, budget: usize, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut chunks: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for unit in units(len, sentences) {
        if unit.len() > budget {
            if let Some(open) = current.take() {
                chunks.push(open);
            }
            let mut start = unit.start;
            while start < unit.end {
                let end = (start + budget).min(unit.end);
                chunks.push(start..end);
                start = end;
            }
            continue;
        }
        current = match current.take() {
            None => Some(unit),
            Some(open) if unit.end - open.start <= budget => Some(open.start..unit.end),
            Some(open) => {
                chunks.push(open);
                Some(unit)
            }
        };
    }
    if let Some(open) = current {
        chunks.push(open);
    }
    chunks
}

/// The sentence ranges clipped to `0..len`, extended so they tile it without gaps.
fn units(len: usize, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut cuts: Vec<usize> = sentences
        .iter()
        .map(|sentence| sentence.start)
        .filter(|&start| start > 0 && start < len)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut units = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        units.push(start..cut);
        start = cut;
    }
    units.push(start..len);
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_cover(len: usize, plans: &[WindowPlan], max_content: usize) {
        let mut next = 0;
        for plan in plans {
            assert_eq!(plan.targets.start, next, "{plans:?}");
            assert!(plan.context.start <= plan.targets.start && plan.targets.end <= plan.context.end);
            assert!(plan.context.len() <= max_content, "{plan:?}");
            next = plan.targets.end;
        }
        assert_eq!(next, len);
    }

    #[test]
    fn short_text_is_one_window() {
        assert_eq!(
            plan_windows(10, 254, 128, usize::MAX, &[]),
            [WindowPlan {
                context: 0..10,
                targets: 0..10
            }]
        );
        assert!(plan_windows(0, 254, 128, usize::MAX, &[]).is_empty());
    }

    #[test]
    fn long_text_without_sentences_gets_centred_targets() {
        let plans = plan_windows(1000, 254, 128, usize::MAX, &[]);
        check_cover(1000, &plans, 254);
        assert_eq!(plans.len(), 8);
        // middle windows: 63 tokens of context left, 63 right
        assert_eq!(
            plans[2],
            WindowPlan {
                context: 256 - 63..384 + 63,
                targets: 256..384
            }
        );
        // at the start, the room goes right
        assert_eq!(
            plans[0],
            WindowPlan {
                context: 0..254,
                targets: 0..128
            }
        );
        // at the end, the room goes left
        assert_eq!(
            plans[7],
            WindowPlan {
                context: 1000 - 254..1000,
                targets: 896..1000
            }
        );
    }

    #[test]
    fn context_is_capped_per_side() {
        let plans = plan_windows(1000, 254, 128, 32, &[]);
        check_cover(1000, &plans, 254);
        assert_eq!(plans[0].context, 0..160);
        assert_eq!(plans[2].context, 256 - 32..384 + 32);
        assert_eq!(plans[7].context, 896 - 32..1000);
        let bare = plan_windows(1000, 254, 128, 0, &[]);
        check_cover(1000, &bare, 254);
        assert!(bare.iter().all(|plan| plan.context == plan.targets));
    }

    #[test]
    fn whole_sentences_are_packed_into_targets() {
        let sentences = [0..50, 50..120, 120..150, 150..400, 400..420];
        let plans = plan_windows(420, 254, 128, usize::MAX, &sentences);
        check_cover(420, &plans, 254);
        let targets: Vec<_> = plans.iter().map(|plan| plan.targets.clone()).collect();
        assert_eq!(targets, [0..120, 120..150, 150..278, 278..400, 400..420]);
    }

    #[test]
    fn matches_the_training_scheme() {
        // What build_windows in scripts/ner_common.py makes of sentences of 100, 30, 200
        // and 10 tokens (printed by running it).
        let sentences = [0..100, 100..130, 130..330, 330..340];
        let plans = plan_windows(340, 254, 128, usize::MAX, &sentences);
        assert_eq!(
            plans,
            [
                WindowPlan {
                    context: 0..254,
                    targets: 0..100
                },
                WindowPlan {
                    context: 0..254,
                    targets: 100..130
                },
                WindowPlan {
                    context: 67..321,
                    targets: 130..258
                },
                WindowPlan {
                    context: 86..340,
                    targets: 258..330
                },
                WindowPlan {
                    context: 86..340,
                    targets: 330..340
                },
            ]
        );
    }

    #[test]
    fn tiny_windows_still_cover_everything() {
        for len in [1, 2, 3, 7, 50] {
            let plans = plan_windows(len, 3, 1, usize::MAX, &[0..2, 2..len.max(2)]);
            check_cover(len, &plans, 3);
        }
    }
}
