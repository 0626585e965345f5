//! The document's title read as the article's first paragraph.
//!
//! Scraped articles often keep the headline out of the body ("Five shot in
//! West Baltimore by suspects in stolen car" above a body that only lists
//! four victims and "a fifth victim"), and the headline states the toll the
//! article is about. The casualty rules therefore read one text: the title,
//! a blank line, then the body, unless the body already opens with the
//! title. This module builds that text, with its sentences and the body's
//! entities moved along, and says of each byte range whether it lies in the
//! title or the body. It does not decide what a headline means: the rules
//! read a title like any opening line.
use std::borrow::Cow;
use std::ops::Range;

use crate::ner::EntityMention;
use crate::output::records::{Span, SpanField};
use crate::text::{split_sentences, NormalizedText};

/// Between the title and the body: a paragraph break, which ends a sentence.
const SEPARATOR: &str = "\n\n";

/// How far into the body a title counts as already there: bodies scraped
/// from pages often open with a section name or a byline before it.
const TITLE_SEARCH_CHARS: usize = 1000;

/// How much of a title is compared with the body: long titles carry a
/// site's name ("... - WMC Action News 5 - Memphis, Tennessee") that the
/// body does not repeat.
const TITLE_PREFIX_CHARS: usize = 40;

/// The title and body as the casualty rules read them: the body borrowed
/// where no title comes before it.
#[derive(Debug)]
pub struct TitledText<'a> {
    text: Cow<'a, str>,
    sentences: Cow<'a, [Range<usize>]>,
    entities: Cow<'a, [EntityMention]>,
    /// The title when it was put before the body.
    title: Option<ReadTitle<'a>>,
    /// The body, whose ranges the spans of the rest of `text` map back through.
    body: &'a NormalizedText,
    /// Where the body starts in `text`.
    body_start: usize,
}

/// A title read before the body: as written, and as the rules read it.
#[derive(Debug)]
struct ReadTitle<'a> {
    /// Trimmed, as the rules read it.
    written: &'a str,
    /// Its characters of leading whitespace, which spans count past.
    lead: usize,
    normalized: NormalizedText,
}

impl<'a> TitledText<'a> {
    /// The text to read: `title`, when there is one the body does not
    /// already open with, then the body. `sentences` and `entities` are the
    /// body's, as byte ranges of `body`.
    pub fn new(
        title: Option<&'a str>,
        body: &'a NormalizedText,
        sentences: &'a [Range<usize>],
        entities: &'a [EntityMention],
    ) -> Self {
        let title = title
            .filter(|title| {
                let written = title.trim();
                !written.is_empty() && !opens_with(body.as_str(), written)
            })
            .map(|title| ReadTitle {
                written: title.trim(),
                lead: title.chars().take_while(|c| c.is_whitespace()).count(),
                normalized: NormalizedText::new(title.trim()),
            });
        let Some(title) = title else {
            return Self {
                text: Cow::Borrowed(body.as_str()),
                sentences: Cow::Borrowed(sentences),
                entities: Cow::Borrowed(entities),
                title: None,
                body,
                body_start: 0,
            };
        };
        let read = title.normalized.as_str();
        let body_start = read.len() + SEPARATOR.len();
        let mut text = String::with_capacity(body_start + body.as_str().len());
        text.push_str(read);
        text.push_str(SEPARATOR);
        text.push_str(body.as_str());
        let shift = |range: &Range<usize>| range.start + body_start..range.end + body_start;
        let mut all_sentences = split_sentences(read);
        all_sentences.extend(sentences.iter().map(shift));
        let entities: Vec<EntityMention> = entities
            .iter()
            .map(|entity| EntityMention {
                start: entity.start + body_start,
                end: entity.end + body_start,
                ..entity.clone()
            })
            .collect();
        Self {
            text: Cow::Owned(text),
            sentences: Cow::Owned(all_sentences),
            entities: Cow::Owned(entities),
            title: Some(title),
            body,
            body_start,
        }
    }

    /// The text the rules read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its sentences, the title's first.
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// The body's entities, as ranges of [`Self::text`].
    pub fn entities(&self) -> &[EntityMention] {
        &self.entities
    }

    /// Whether the title was put before the body.
    pub fn has_title(&self) -> bool {
        self.title.is_some()
    }

    /// The output span of byte range `range` of [`Self::text`]: characters
    /// of the document's `title` (marked so) or of its body text as written
    /// (`original`, the text the body was normalised from).
    pub fn span(&self, range: &Range<usize>, original: &str) -> Span {
        match &self.title {
            Some(title) if range.start < self.body_start => {
                let end = range.end.min(title.normalized.as_str().len());
                let mut span = Span::from_normalized(
                    &title.normalized,
                    title.written,
                    range.start..end.max(range.start),
                );
                // the rules read the title trimmed; spans count from its start as written
                span.start += title.lead;
                span.end += title.lead;
                span.field = Some(SpanField::Title);
                span
            }
            _ => {
                let start = range.start.saturating_sub(self.body_start);
                let end = range.end.saturating_sub(self.body_start).max(start);
                Span::from_normalized(self.body, original, start..end)
            }
        }
    }
}

/// Where a page title's site name starts: "Two killed in shooting | WKRN
/// News 2", "... - KSLA News 12 Shreveport".
const SITE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — "];

/// Whether the body opens with the title (its first words, compared without
/// case or spacing), within its first [`TITLE_SEARCH_CHARS`] characters; a
/// title's part before a site's name counts as the title, where that part
/// is long enough to be a headline.
fn opens_with(body: &str, title: &str) -> bool {
    let headline = SITE_SEPARATORS
        .iter()
        .filter_map(|separator| title.find(separator))
        .min()
        .map(|at| &title[..at])
        .filter(|headline| headline.chars().count() >= 15);
    std::iter::once(title)
        .chain(headline)
        .any(|title| body_opens_with(body, title))
}

fn body_opens_with(body: &str, title: &str) -> bool {
    let folded = |text: &str, limit: usize| -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(limit)
            .flat_map(char::to_lowercase)
            .collect()
    };
    let head: String = body.chars().take(TITLE_SEARCH_CHARS).collect();
    folded(&head, TITLE_SEARCH_CHARS).contains(&folded(title, TITLE_PREFIX_CHARS))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `TitledText::new` gives for a title and a body: its text, its
    /// sentences as text, and whether the title came first.
    fn titled(title: Option<&str>, body: &str) -> (String, Vec<String>, bool) {
        let normalized = NormalizedText::new(body);
        let sentences = split_sentences(normalized.as_str());
        let read = TitledText::new(title, &normalized, &sentences, &[]);
        let texts = read
            .sentences()
            .iter()
            .map(|range| read.text()[range.clone()].to_owned())
            .collect();
        (read.text().to_owned(), texts, read.has_title())
    }

    #[test]
    fn a_title_the_body_lacks_comes_first_as_its_own_sentence() {
        let (text, sentences, has_title) = titled(
            Some("Five shot in West Baltimore"),
            "Police said four adults were hit.",
        );
        assert!(has_title);
        assert_eq!(
            text,
            "Five shot in West Baltimore\n\nPolice said four adults were hit."
        );
        assert_eq!(
            sentences,
            ["Five shot in West Baltimore", "Police said four adults were hit."]
        );
    }

    #[test]
    fn a_body_that_opens_with_its_title_is_read_alone() {
        for body in [
            "Five shot in West Baltimore\n\nPolice said four adults were hit.",
            "Crime\nFIVE SHOT IN WEST   BALTIMORE\nPolice said four adults were hit.",
        ] {
            let (text, _, has_title) = titled(Some("Five shot in West Baltimore"), body);
            assert!(!has_title, "{body}");
            assert_eq!(text, body);
        }
        // a long title is compared by its first words: the site's name
        // after them is not in the body
        let (_, _, has_title) = titled(
            Some("Three still in hospital, accused teen shooter faces judge - WMC Action News 5"),
            "Three still in hospital, accused teen shooter faces judge\n\nThe teen appeared in court.",
        );
        assert!(!has_title);
        // a short headline with a site's name after it
        let (_, _, has_title) = titled(
            Some("Two killed in shooting | WKRN News 2"),
            "Two killed in shooting\n\nTwo men died on Friday.",
        );
        assert!(!has_title);
        for title in [None, Some(""), Some("   ")] {
            assert!(!titled(title, "Two were killed.").2);
        }
    }

    #[test]
    fn spans_point_into_the_title_or_the_body_as_written() {
        let title = "  Two  killed in “attack” ";
        let body = "Officials said the attack — at dawn — killed two guards.";
        let normalized = NormalizedText::new(body);
        let sentences = split_sentences(normalized.as_str());
        let read = TitledText::new(Some(title), &normalized, &sentences, &[]);
        let in_title = read.text().find("killed").unwrap();
        let span = read.span(&(in_title..in_title + 6), body);
        assert_eq!(
            (span.field, span.text.as_str()),
            (Some(SpanField::Title), "killed")
        );
        assert_eq!(
            title.chars().skip(span.start).take(6).collect::<String>(),
            "killed"
        );
        let in_body = read.text().rfind("two guards").unwrap();
        let span = read.span(&(in_body..in_body + 10), body);
        assert_eq!((span.field, span.text.as_str()), (None, "two guards"));
        assert_eq!(
            body.chars().skip(span.start).take(10).collect::<String>(),
            "two guards"
        );
    }

    #[test]
    fn entities_move_with_the_body() {
        let body = "Gomez shot two men.";
        let normalized = NormalizedText::new(body);
        let sentences = split_sentences(body);
        let entity = EntityMention {
            start: 0,
            end: 5,
            label: "PER".to_owned(),
            confidence: 0.9,
        };
        let entities = [entity];
        let read = TitledText::new(Some("Two shot"), &normalized, &sentences, &entities);
        let moved = &read.entities()[0];
        assert_eq!(&read.text()[moved.start..moved.end], "Gomez");
    }
}
