//! Sentence segmentation tuned for news text.
//!
//! Unicode's sentence boundaries (UAX #29, via `unicode-segmentation`) get
//! quotes, guillemets and closing punctuation right; news text then needs
//! rules UAX #29 lacks, applied by merging its segments back together:
//! titles and abbreviations ("Dr.", "Gen.", "Sept. 11"), initials
//! ("George W. Bush"), country abbreviations ("U.S. President"), and
//! numbered-list markers ("1."); and one rule it needs the other way round:
//! a full stop whose space scraping dropped ("37th Street.Two victims") still
//! ends a sentence. Lines are sentence boundaries, so headlines
//! without a full stop stand alone, except in hard-wrapped text (Reuters-style
//! 70-column lines), where a single newline is a soft wrap.
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations that never end a sentence: titles and name parts.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm",
    "cmdr", "gov", "sen", "rep", "rev", "fr", "st", "mt", "pres", "supt", "insp", "det", "hon", "messrs",
    "brig", "lieut", "cdr",
];

/// Abbreviations that rarely end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "vs", "v", "approx", "est", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "cf", "fig", "ft", "gov't",
];

/// Words that usually start a new sentence after an ambiguous abbreviation
/// such as "U.S." or "Inc.".
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "or",
    "so",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "when",
    "while",
    "after",
    "before",
    "if",
    "as",
    "however",
    "meanwhile",
    "police",
    "officials",
    "some",
    "many",
    "no",
    "one",
    "two",
    "three",
    "last",
    "on",
    "according",
];

/// Byte ranges of the sentences in `text`, trimmed, in order.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let view = soft_wrapped_view(text);
    let mut sentences: Vec<Range<usize>> = Vec::new();
    let mut glue_next = false;
    for (start, segment) in view.split_sentence_bound_indices() {
        let Some(range) = trimmed(text, start, start + segment.len()) else {
            continue;
        };
        match sentences.last_mut() {
            Some(previous) if glue_next && !paragraph_break_between(text, previous.end, range.start) => {
                previous.end = range.end;
            }
            _ => sentences.push(range.clone()),
        }
        let current = sentences.last().cloned().unwrap_or(range);
        glue_next = continues_after(&text[current.clone()], &text[current.end..]);
    }
    sentences
        .into_iter()
        .flat_map(|sentence| split_glued(text, sentence))
        .collect()
}

/// Splits a sentence where scraping dropped the space after a full stop:
/// "died at 37th Street.Two victims", "the man said.The shooting". Only a
/// word of three or more letters ending in a small letter before the stop,
/// and a capitalised word after it, outside web addresses and e-mail
/// addresses ("news.Example.com").
fn split_glued(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = sentence.start;
    for (offset, _) in text[sentence.clone()].match_indices('.') {
        let dot = sentence.start + offset;
        if dot + 1 < sentence.end && glued_stop(text, dot, sentence.end) {
            pieces.extend(trimmed(text, start, dot + 1));
            start = dot + 1;
        }
    }
    pieces.extend(trimmed(text, start, sentence.end));
    pieces
}

/// Whether the full stop at byte `dot` of a sentence ending at `end` ends a
/// sentence glued to the next one (see [`split_glued`]).
fn glued_stop(text: &str, dot: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let word_start = text[..dot]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &text[word_start..dot];
    let lower = word.to_ascii_lowercase();
    let before_word = text[..word_start].chars().next_back();
    let next = bytes.get(dot + 1).copied().unwrap_or(b' ');
    let after_next = bytes.get(dot + 2).copied().unwrap_or(b' ');
    let token_end = text[dot + 1..end]
        .find(char::is_whitespace)
        .map_or(end, |i| dot + 1 + i);
    let rest = &text[dot + 1..token_end];
    let address = rest.contains(['/', '@'])
        || rest
            .match_indices('.')
            .any(|(i, _)| rest[i + 1..].starts_with(|c: char| c.is_ascii_lowercase()))
        || matches!(before_word, Some('.' | '/' | '@' | '_' | '-'));
    word.len() >= 3
        && word.ends_with(|c: char| c.is_ascii_lowercase())
        && !TITLES.contains(&lower.as_str())
        && !ABBREVIATIONS.contains(&lower.as_str())
        && next.is_ascii_uppercase()
        && (after_next.is_ascii_lowercase() || (matches!(next, b'A' | b'I') && after_next == b' '))
        && !address
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let segment = &text[start..end];
    let left = segment.len() - segment.trim_start().len();
    let right = segment.trim_end().len();
    (right > left).then(|| start + left..start + right)
}

fn paragraph_break_between(text: &str, end: usize, start: usize) -> bool {
    text[end..start].matches('\n').count() >= 2
}

/// Whether the sentence ending with `sentence` runs on into `rest`.
fn continues_after(sentence: &str, rest: &str) -> bool {
    let Some(before_dot) = sentence.strip_suffix('.') else {
        return false;
    };
    let last_word = before_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\'')
        .next()
        .unwrap_or_default();
    let lower = last_word.to_lowercase();
    let next_word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    if next_word.is_empty() {
        return false;
    }
    if TITLES.contains(&lower.as_str()) {
        return true;
    }
    // A list marker or a lone initial: "1." / "b." / "George W."
    let is_number =
        !last_word.is_empty() && last_word.len() <= 3 && last_word.chars().all(|c| c.is_ascii_digit());
    let is_letter = last_word.chars().count() == 1 && last_word.chars().all(char::is_alphabetic);
    if last_word == sentence.trim_end_matches('.') && (is_number || is_letter) {
        return true;
    }
    let mut letters = last_word.chars();
    if let (Some(initial), None) = (letters.next(), letters.next()) {
        return initial.is_uppercase();
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return next_word
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c.is_lowercase())
            || is_month(&lower) && next_word.chars().all(|c| c.is_ascii_digit());
    }
    // Dotted abbreviations ("U.S.", "U.N.") and company suffixes run on
    // unless the next word looks like a sentence start.
    let dotted = last_word.contains('.') && last_word.chars().all(|c| c.is_alphabetic() || c == '.');
    if dotted || matches!(lower.as_str(), "inc" | "corp" | "ltd" | "co" | "jr" | "sr") {
        return !SENTENCE_STARTERS.contains(&next_word.to_lowercase().as_str());
    }
    false
}

fn is_month(word: &str) -> bool {
    matches!(
        word,
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
    )
}

/// Replaces soft-wrap newlines with spaces (same byte length, so offsets hold)
/// when the text is hard-wrapped at a fixed width.
fn soft_wrapped_view(text: &str) -> std::borrow::Cow<'_, str> {
    let lines: Vec<&str> = text.split('\n').collect();
    let widths: Vec<usize> = lines
        .iter()
        .map(|line| line.trim_end().chars().count())
        .filter(|&w| w > 0)
        .collect();
    if widths.len() < 4 {
        return text.into();
    }
    let max = widths.iter().copied().max().unwrap_or(0);
    let wrapped = widths.iter().filter(|&&w| w + 20 >= max && max <= 100).count();
    if max < 50 || wrapped * 10 < widths.len() * 6 {
        return text.into();
    }
    let mut view = String::with_capacity(text.len());
    for (index, line) in lines.iter().enumerate() {
        view.push_str(line);
        let Some(next) = lines.get(index + 1) else { break };
        let width = line.trim_end().chars().count();
        let soft = width + 20 >= max
            && !next.trim().is_empty()
            && !next.starts_with(char::is_whitespace)
            && !line.trim_end().ends_with(['.', '!', '?', ':', '"']);
        view.push(if soft { ' ' } else { '\n' });
    }
    view.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_glued_by_scraping() {
        let text = "Police went to 37th Street.Two victims died at the scene. He said.A man fled.";
        let sentences: Vec<&str> = split_sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            sentences,
            [
                "Police went to 37th Street.",
                "Two victims died at the scene.",
                "He said.",
                "A man fled."
            ]
        );
    }

    #[test]
    fn glued_stops_after_multibyte_characters() {
        let text = "\u{fffd}died in the clash.Police said \u{201c}40 were held.\u{201d}\u{fffd}More.";
        let sentences: Vec<&str> = split_sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(sentences.first(), Some(&"\u{fffd}died in the clash."));
    }

    #[test]
    fn keeps_addresses_and_abbreviations_glued() {
        for text in [
            "Read more at news.Example.com today.",
            "See www.wral.com/News.Html for more.",
            "Gen.Smith and Mr.Jones arrived in St.Louis.",
            "Write to john.Smith@example.com now.",
            "The U.S.Army said so.",
            "\u{fffd}Mr.Smith and \u{fffd}Gen.Jones came.",
        ] {
            assert_eq!(split_sentences(text).len(), 1, "{text}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn abbreviations_titles_and_dates() {
        assert_eq!(
            sentences("Dr. Ahmed met Gen. Miller on Sept. 11 in Kabul. They spoke."),
            ["Dr. Ahmed met Gen. Miller on Sept. 11 in Kabul.", "They spoke."]
        );
    }

    #[test]
    fn country_abbreviations() {
        assert_eq!(
            sentences("U.S. President Biden spoke. The U.S. military left. Troops went to the U.S. The end."),
            [
                "U.S. President Biden spoke.",
                "The U.S. military left.",
                "Troops went to the U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            sentences("George W. Bush said so. Then he left."),
            ["George W. Bush said so.", "Then he left."]
        );
    }

    #[test]
    fn quotes_and_guillemets() {
        assert_eq!(
            sentences("\"We will win,\" he said. «Nous resterons.» Le ministre a parlé. 'No.' Then quiet."),
            [
                "\"We will win,\" he said.",
                "«Nous resterons.»",
                "Le ministre a parlé.",
                "'No.'",
                "Then quiet."
            ]
        );
    }

    #[test]
    fn headlines_and_numbered_lists() {
        assert_eq!(
            sentences("Blast kills 12 in Kabul\n\nPolice listed demands:\n1. Release the men.\n2. Leave now.\nNo comment"),
            ["Blast kills 12 in Kabul", "Police listed demands:", "1. Release the men.", "2. Leave now.", "No comment"]
        );
    }

    #[test]
    fn hard_wrapped_text_joins_soft_wraps() {
        let text = "The company said on Tuesday that its profits for the first quarter\n\
                    rose sharply because of strong demand for its products in Europe\n\
                    and Asia. Analysts had expected a smaller rise in the quarterly\n\
                    figures, which were published after the market closed on Monday.\n";
        assert_eq!(sentences(text).len(), 2, "{:?}", sentences(text));
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "  One. Two?  ";
        assert_eq!(split_sentences(text), [2..6, 7..11]);
    }
}
