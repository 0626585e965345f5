//! Quotations: where direct speech starts and ends.
//!
//! Works on the normalised text, where curly and low double quotes are
//! already folded to `"` and curly single quotes to `'`
//! ([`crate::text::NormalizedText`]); guillemets `«»` and `‹›` stay as
//! written. Found here:
//! - double quotes, paired in order within a paragraph;
//! - guillemets, French and German order (`«…»`, `»…«`);
//! - single quotes, where the opening one starts a word and the closing one
//!   ends one, so apostrophes ("don't", "the Taliban's", "'90s") are not
//!   taken for quotes; only outside double quotes (a quote within a quote
//!   belongs to the outer one);
//! - quotes over several paragraphs, by the typographic rule: a paragraph
//!   whose quote is left open continues when the next paragraph opens with
//!   a quote mark.
//!
//! It does not decide who speaks; see [`super::assemble`].
use std::ops::Range;

/// A quotation: byte ranges of the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included.
    pub outer: Range<usize>,
    /// The quoted words, marks excluded.
    pub inner: Range<usize>,
}

/// Quotations of `text`, in order, not overlapping.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    let mut continuing = false;
    let mut paragraphs = paragraphs(text).peekable();
    while let Some(paragraph) = paragraphs.next() {
        let marks = double_marks(text, paragraph.clone());
        // a continued quote's re-opening mark is not a closing one
        let skip = usize::from(std::mem::take(&mut continuing));
        for &(at, mark) in marks.iter().skip(skip) {
            match (open, mark) {
                (None, Mark::Open | Mark::Either) => open = Some(at),
                (Some(start), Mark::Close | Mark::Either) => {
                    quotes.push(quote(text, start, at));
                    open = None;
                }
                // a stray opening mark: the earlier one was not a quote after all
                (Some(_), Mark::Open) => open = Some(at),
                (None, Mark::Close) => {}
            }
        }
        if let Some(start) = open {
            if paragraphs
                .peek()
                .is_some_and(|next| opens_with_quote(&text[next.clone()]))
            {
                continuing = true;
            } else {
                // an unclosed quote runs to the end of its paragraph
                let end = trim_end(text, paragraph.end);
                quotes.push(Quote {
                    outer: start..end,
                    inner: start + mark_len(text, start)..end,
                });
                open = None;
            }
        }
    }
    let singles = single_quotes(text, &quotes);
    quotes.extend(singles);
    quotes.sort_by_key(|quote| quote.outer.start);
    quotes
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight `"`: which one it is depends on what is open.
    Either,
}

/// Double quote marks and guillemets of a paragraph, in order.
fn double_marks(text: &str, paragraph: Range<usize>) -> Vec<(usize, Mark)> {
    let slice = &text[paragraph.clone()];
    let french = slice
        .find('«')
        .zip(slice.find('»'))
        .is_none_or(|(open, close)| open < close);
    slice
        .char_indices()
        .filter_map(|(offset, c)| {
            let at = paragraph.start + offset;
            match c {
                '"' => Some((at, Mark::Either)),
                '«' | '‹' => Some((at, if french { Mark::Open } else { Mark::Close })),
                '»' | '›' => Some((at, if french { Mark::Close } else { Mark::Open })),
                _ => None,
            }
        })
        .collect()
}

fn quote(text: &str, open: usize, close: usize) -> Quote {
    Quote {
        outer: open..close + mark_len(text, close),
        inner: open + mark_len(text, open)..close,
    }
}

fn mark_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(0, char::len_utf8)
}

fn opens_with_quote(paragraph: &str) -> bool {
    matches!(paragraph.trim_start().chars().next(), Some('"' | '«' | '»' | '‹'))
}

/// Paragraphs: runs of text between blank lines (or single newlines, which
/// news dumps often use between paragraphs).
fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let range = start..start + line.len();
        start = range.end;
        let trimmed = line.trim();
        (!trimmed.is_empty()).then_some(range)
    })
}

fn trim_end(text: &str, end: usize) -> usize {
    text[..end].trim_end().len()
}

/// Single-quoted quotations outside `doubles`.
fn single_quotes(text: &str, doubles: &[Quote]) -> Vec<Quote> {
    let mut found = Vec::new();
    let all: Vec<Range<usize>> = paragraphs(text).collect();
    // a quote left open whose next paragraph opens with a single mark
    // continues there (the British typographic rule, as for double quotes)
    let mut carried: Option<usize> = None;
    for (index, paragraph) in all.iter().enumerate() {
        let paragraph = paragraph.clone();
        let mut open: Option<usize> = carried.take();
        // the continued quote's re-opening mark opens nothing new
        let reopening = open.map(|_| {
            paragraph.start + (text[paragraph.clone()].len() - text[paragraph.clone()].trim_start().len())
        });
        // a close that may be a plural possessive, used if no better one follows
        let mut possessive: Option<usize> = None;
        for (offset, c) in text[paragraph.clone()].char_indices() {
            let at = paragraph.start + offset;
            if c != '\'' || doubles.iter().any(|quote| quote.outer.contains(&at)) || Some(at) == reopening {
                continue;
            }
            let before = text[..at].chars().next_back();
            let after = text[at + 1..].chars().next();
            let opens = before.is_none_or(|b| b.is_whitespace() || "([{—-:".contains(b))
                && after.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(|a| a.is_ascii_digit());
            let closes =
                before.is_some_and(|b| !b.is_whitespace()) && after.is_none_or(|a| !a.is_alphanumeric());
            match open {
                None if opens => open = Some(at),
                Some(_) if closes && is_plural_possessive(text, at) => {
                    possessive.get_or_insert(at);
                }
                Some(start) if closes => {
                    found.push(quote(text, start, at));
                    open = None;
                    possessive = None;
                }
                _ => {}
            }
        }
        if let (Some(start), Some(close)) = (open, possessive) {
            found.push(quote(text, start, close));
        } else if let Some(start) = open {
            let next_reopens = all
                .get(index + 1)
                .is_some_and(|next| opens_with_single_quote(&text[next.clone()]));
            if next_reopens {
                carried = Some(start);
            }
        }
    }
    found
}

/// A paragraph that opens with a single quote mark before a word.
fn opens_with_single_quote(paragraph: &str) -> bool {
    let mut chars = paragraph.trim_start().chars();
    chars.next() == Some('\'') && chars.next().is_some_and(char::is_alphanumeric)
}

/// "the rebels' positions": a closing mark after a plural -s followed by a
/// lowercase word is a possessive, unless a quote plainly ends there.
fn is_plural_possessive(text: &str, at: usize) -> bool {
    let before_s = text[..at].ends_with('s');
    let rest = text[at + 1..].trim_start_matches(' ');
    before_s
        && text[at + 1..].starts_with(' ')
        && rest.chars().next().is_some_and(char::is_lowercase)
        && !rest.starts_with("he ")
        && !rest.starts_with("she ")
        && !rest.starts_with("said")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find_quotes(text)
            .into_iter()
            .map(|quote| &text[quote.inner])
            .collect()
    }

    #[test]
    fn straight_double_quotes_pair_in_order() {
        let text = r#""We will hunt you down," Biden said. He called it "extremely real.""#;
        assert_eq!(inner(text), ["We will hunt you down,", "extremely real."]);
    }

    #[test]
    fn guillemets_both_orders() {
        assert_eq!(
            inner("Il a dit «Nous ne céderons pas» hier."),
            ["Nous ne céderons pas"]
        );
        assert_eq!(inner("Er sagte »Wir bleiben« gestern."), ["Wir bleiben"]);
        assert_eq!(
            inner("« Nous avons agi », a déclaré le porte-parole."),
            [" Nous avons agi "]
        );
    }

    #[test]
    fn single_quotes_are_not_apostrophes() {
        let text = "He said 'the attack was ours' but the Taliban's spokesman didn't agree.";
        assert_eq!(inner(text), ["the attack was ours"]);
        assert!(inner("In the '90s the rebels' positions fell.").is_empty());
    }

    #[test]
    fn single_quotes_across_paragraphs() {
        // the British rule: each paragraph of the quotation reopens it
        let text = "Moss said: 'This was a senseless attack.\n\n'Our thoughts are with his family.'\n\nPolice said more.";
        assert_eq!(
            inner(text),
            ["This was a senseless attack.\n\n'Our thoughts are with his family."]
        );
        // an unclosed one with no reopening paragraph stays unpaired
        assert!(inner("He said 'we are ready\n\nNext paragraph here.").is_empty());
    }

    #[test]
    fn single_quote_inside_double_belongs_to_it() {
        let text = r#""They told me 'run', so I ran," she said."#;
        assert_eq!(inner(text), ["They told me 'run', so I ran,"]);
    }

    #[test]
    fn quote_across_sentences() {
        let text = r#"He said: "We came. We saw. We left." Then he went home."#;
        assert_eq!(inner(text), ["We came. We saw. We left."]);
    }

    #[test]
    fn quote_across_paragraphs() {
        let text = "The statement read: \"We did this.\n\n\"We will do it again.\"\n\nPolice said nothing.";
        let quotes = find_quotes(text);
        assert_eq!(quotes.len(), 1);
        assert_eq!(
            &text[quotes[0].inner.clone()],
            "We did this.\n\n\"We will do it again."
        );
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let text = "He said \"we are ready\n\nNext paragraph here.";
        assert_eq!(inner(text), ["we are ready"]);
    }
}
