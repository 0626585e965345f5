//! From subword tokens to words: which tokens form a word, and which token's
//! prediction labels it.
//!
//! The model was trained CoNLL-style: words are given, joined with single
//! spaces, and only the first subword of each word carries a label (the
//! others are ignored by the loss). So a word here is a run of tokens whose
//! offsets touch (no whitespace between them), labelled by its first token
//! ([`WordRule::Whitespace`]); this reproduces training exactly on
//! pre-tokenized text such as the CoNLL files `newsgrist eval ner` reads.
//!
//! Raw news text is not CoNLL-tokenized: "Washington," or "(Reuters)" or
//! "Obama's" are one whitespace word, but several CoNLL tokens. BERT-style
//! tokenizers split punctuation anyway, so the model sees the same subwords
//! as for "Washington ,"; only the word grouping must follow.
//! [`WordRule::Conll`] therefore also splits off leading and trailing
//! punctuation tokens and a possessive "'s", as CoNLL's tokenization does,
//! keeping a final "." in abbreviations that hold another "." ("U.S.") and in
//! initials ("W."). Empty-span tokens never start a word.
use std::ops::Range;

/// How tokens are grouped into words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum WordRule {
    /// Whitespace-separated words: for pre-tokenized input.
    Whitespace,
    /// Whitespace words with punctuation split off as CoNLL-2003 does: for raw text.
    #[default]
    Conll,
}

/// A word: its byte range in the text and its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    /// Token indices; the first one labels the word.
    pub tokens: Range<usize>,
}

/// Groups tokens (byte offsets into `text`) into words under `rule`.
pub fn group_words(text: &str, offsets: &[(usize, usize)], rule: WordRule) -> Vec<Word> {
    let mut words = Vec::new();
    for run in whitespace_runs(offsets) {
        match rule {
            WordRule::Whitespace => words.push(word(offsets, run)),
            WordRule::Conll => split_conll(text, offsets, run, &mut words),
        }
    }
    words
}

/// Maximal runs of touching, non-empty tokens; empty-span tokens join the run before them.
fn whitespace_runs(offsets: &[(usize, usize)]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut previous_end: Option<usize> = None;
    for (index, &(start, end)) in offsets.iter().enumerate() {
        if end <= start {
            if let Some(run) = runs.last_mut() {
                if run.end == index {
                    run.end = index + 1;
                }
            }
            continue;
        }
        match (runs.last_mut(), previous_end) {
            (Some(run), Some(previous)) if run.end == index && start <= previous => run.end = index + 1,
            _ => runs.push(index..index + 1),
        }
        previous_end = Some(end);
    }
    runs
}

fn word(offsets: &[(usize, usize)], tokens: Range<usize>) -> Word {
    let start = offsets[tokens.start].0;
    let end = offsets[tokens.start..tokens.end]
        .iter()
        .map(|&(_, end)| end)
        .max()
        .unwrap_or(start);
    Word { start, end, tokens }
}

fn token_text<'a>(text: &'a str, offsets: &[(usize, usize)], index: usize) -> &'a str {
    let (start, end) = offsets[index];
    text.get(start..end).unwrap_or_default()
}

fn is_punctuation(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| !c.is_alphanumeric() && !c.is_whitespace())
}

fn split_conll(text: &str, offsets: &[(usize, usize)], run: Range<usize>, words: &mut Vec<Word>) {
    // Units: tokens, with empty-span tokens folded into the token before them.
    let mut units: Vec<Range<usize>> = Vec::new();
    for index in run {
        let (start, end) = offsets[index];
        match units.last_mut() {
            Some(unit) if end <= start => unit.end = index + 1,
            _ => units.push(index..index + 1),
        }
    }
    let texts: Vec<&str> = units
        .iter()
        .map(|unit| token_text(text, offsets, unit.start))
        .collect();
    let has_word = |range: Range<usize>| texts[range].iter().any(|piece| !is_punctuation(piece));
    let mut head = 0;
    let mut tail = units.len();
    while tail - head > 1 && is_punctuation(texts[head]) && has_word(head + 1..tail) {
        head += 1;
    }
    let mut trailing = Vec::new();
    while tail - head >= 2 {
        let last = texts[tail - 1];
        if tail - head > 2 && is_possessive(texts[tail - 2], last) {
            trailing.push(units[tail - 2].start..units[tail - 1].end);
            tail -= 2;
            continue;
        }
        if !is_punctuation(last) || !has_word(head..tail - 1) {
            break;
        }
        if last == "." && keeps_final_dot(&texts[head..tail - 1]) {
            break;
        }
        trailing.push(units[tail - 1].clone());
        tail -= 1;
    }
    for unit in &units[..head] {
        words.push(word(offsets, unit.clone()));
    }
    if head < tail {
        words.push(word(offsets, units[head].start..units[tail - 1].end));
    }
    for unit in trailing.into_iter().rev() {
        words.push(word(offsets, unit));
    }
}

fn is_possessive(apostrophe: &str, s: &str) -> bool {
    apostrophe == "'" && (s == "s" || s == "S")
}

/// "U.S." and "W." keep their final dot; "Obama." does not.
fn keeps_final_dot(before: &[&str]) -> bool {
    let inner_dot = before.contains(&".");
    let initial = before.len() == 1 && before[0].chars().count() == 1;
    inner_dot || initial
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Offsets of a BERT-like tokenization: words split at whitespace and
    /// around every punctuation char; "##"-style pieces are not needed here.
    fn offsets(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (index, c) in text.char_indices() {
            let punct = !c.is_alphanumeric() && !c.is_whitespace();
            if c.is_whitespace() || punct {
                if let Some(begin) = start.take() {
                    out.push((begin, index));
                }
                if punct {
                    out.push((index, index + c.len_utf8()));
                }
            } else if start.is_none() {
                start = Some(index);
            }
        }
        if let Some(begin) = start {
            out.push((begin, text.len()));
        }
        out
    }

    fn words(text: &str, rule: WordRule) -> Vec<&str> {
        group_words(text, &offsets(text), rule)
            .into_iter()
            .map(|word| &text[word.start..word.end])
            .collect()
    }

    #[test]
    fn whitespace_words_keep_punctuation() {
        assert_eq!(
            words(
                "Obama's visit to Washington, (Reuters) U.S.",
                WordRule::Whitespace
            ),
            ["Obama's", "visit", "to", "Washington,", "(Reuters)", "U.S."]
        );
    }

    #[test]
    fn conll_words_split_punctuation_like_conll() {
        assert_eq!(
            words(
                "Obama's visit to Washington, (Reuters) \"Hamas\" said.",
                WordRule::Conll
            ),
            [
                "Obama",
                "'s",
                "visit",
                "to",
                "Washington",
                ",",
                "(",
                "Reuters",
                ")",
                "\"",
                "Hamas",
                "\"",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn conll_words_keep_abbreviations_initials_and_inner_punctuation() {
        assert_eq!(
            words(
                "the U.S. and George W. Bush met Anglo-Dutch al-Qaeda's 3,000 men ...",
                WordRule::Conll
            ),
            [
                "the",
                "U.S.",
                "and",
                "George",
                "W.",
                "Bush",
                "met",
                "Anglo-Dutch",
                "al-Qaeda",
                "'s",
                "3,000",
                "men",
                "..."
            ]
        );
        assert_eq!(words("(U.S.)", WordRule::Conll), ["(", "U.S.", ")"]);
        assert_eq!(words("Corp.,", WordRule::Conll), ["Corp", ".", ","]);
    }

    #[test]
    fn subword_pieces_stay_in_their_word() {
        // "Obama" as two subwords: ob + ##ama.
        let text = "Barack Obama.";
        let offsets = [(0, 6), (7, 9), (9, 12), (12, 13)];
        let grouped = group_words(text, &offsets, WordRule::Conll);
        assert_eq!(
            grouped,
            [
                Word {
                    start: 0,
                    end: 6,
                    tokens: 0..1
                },
                Word {
                    start: 7,
                    end: 12,
                    tokens: 1..3
                },
                Word {
                    start: 12,
                    end: 13,
                    tokens: 3..4
                },
            ]
        );
        let grouped = group_words(text, &offsets, WordRule::Whitespace);
        assert_eq!(
            grouped[1],
            Word {
                start: 7,
                end: 13,
                tokens: 1..4
            }
        );
    }

    #[test]
    fn empty_span_tokens_never_start_a_word() {
        let text = "ab cd";
        let offsets = [(0, 0), (0, 2), (2, 2), (3, 5)];
        let grouped = group_words(text, &offsets, WordRule::Whitespace);
        assert_eq!(
            grouped,
            [
                Word {
                    start: 0,
                    end: 2,
                    tokens: 1..3
                },
                Word {
                    start: 3,
                    end: 5,
                    tokens: 3..4
                }
            ]
        );
    }
}
