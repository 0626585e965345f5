//! Spans grouped by the sentences they touch, so that a rule looking near
//! one sentence reads a handful of spans instead of every span of a long
//! document (a 400-article transcript has tens of thousands).
//!
//! It only narrows the search: callers still apply their own tests to what
//! [`BySentence::near`] returns, so results do not change.
use std::ops::Range;

use super::assemble::Document;

/// The indices of a list of byte ranges, per sentence they touch, ascending.
pub(super) struct BySentence {
    lists: Vec<Vec<usize>>,
}

impl BySentence {
    /// From ranges and the index each stands for (several ranges may share
    /// one, such as a claim's cue and source).
    pub(super) fn new<'r>(
        doc: &Document<'_>,
        ranges: impl IntoIterator<Item = (usize, &'r Range<usize>)>,
    ) -> Self {
        let mut lists: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len().max(1)];
        for (index, range) in ranges {
            let (first, last) = touched(doc, range);
            for list in &mut lists[first..=last] {
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        }
        Self { lists }
    }

    /// The ranges touching sentences `first..=last`, in list order, once each.
    pub(super) fn near(&self, first: usize, last: usize) -> Vec<usize> {
        let last = last.min(self.lists.len() - 1);
        let mut found: Vec<usize> = self.lists[first.min(last)..=last].concat();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The ranges that could overlap `range`: those touching its sentences.
    pub(super) fn around(&self, doc: &Document<'_>, range: &Range<usize>) -> Vec<usize> {
        let (first, last) = touched(doc, range);
        self.near(first, last)
    }
}

/// The first and last sentence a range touches (sentence indices grow with
/// the byte offset, so every byte of the range lies in one of these).
fn touched(doc: &Document<'_>, range: &Range<usize>) -> (usize, usize) {
    let first = doc.sentence_of(range.start);
    let last = doc.sentence_of(range.end.saturating_sub(1).max(range.start));
    (first, last.max(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_touches_the_sentences_around() {
        let text = "One. Two two. Three. Four.";
        let sentences = [0..4, 5..13, 14..20, 21..26];
        let doc = Document {
            text,
            sentences: &sentences,
            entities: &[],
            quotes: &[],
        };
        // the second range spans sentences 1 and 2
        let ranges = [0..3, 9..19, 21..25];
        let index = BySentence::new(&doc, ranges.iter().enumerate());
        assert_eq!(index.near(0, 0), vec![0]);
        assert_eq!(index.near(2, 2), vec![1]);
        assert_eq!(index.near(1, 3), vec![1, 2]);
        assert_eq!(index.near(3, 9), vec![2]);
        assert_eq!(index.around(&doc, &(15..22)), vec![1, 2]);
    }

    #[test]
    fn a_document_without_sentences_has_one_list() {
        let doc = Document {
            text: "",
            sentences: &[],
            entities: &[],
            quotes: &[],
        };
        let empty = 0..0;
        let index = BySentence::new(&doc, [(0, &empty)]);
        assert_eq!(index.near(0, 5), vec![0]);
    }
}
