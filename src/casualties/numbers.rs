//! Where numbers are parsed: the number grammar of casualty figures.
//!
//! Turns a run of tokens into a [`Count`] (`value`, `min`, `max`,
//! `qualifier`):
//!
//! - digits with separators: "13", "1,200", "1.5 million";
//! - words: "nine", "twenty-one", "one hundred and twelve", "two dozen",
//!   "a dozen", "half a dozen", "a hundred";
//! - "a", "an", "another" as one (the caller decides whether a single
//!   person follows: "a man was killed"), "no", "no one", "none", "nobody" as
//!   zero;
//! - vague quantifiers, counted as their literal lower bound (see
//!   [`VAGUE_LOWER_BOUNDS`]);
//! - bounds before or after the number: "at least", "more than", "over",
//!   "nearly", "up to", "about", "some", "or more", "-plus", ...;
//! - ranges: "10 to 15", "10-15", "two or three", "between 30 and 40";
//! - "both" (2) and "all four" (4).
//!
//! `value` is always the figure as written (the lower end of a range, the
//! lower bound of a vague quantifier, as ACLED codes ranges); `min` and
//! `max` carry what the words imply: "more than 100" is `{value: 100, min:
//! 101}`, "nearly 100" is `{value: 100, max: 99}`.
//!
//! This file knows nothing of casualties: whether "12" is an age, a year, a
//! time or a death toll is decided by `exclusions.rs` and `mentions/`.
//! Ordinals ("fifth", "21st") are not cardinals and never parse.
use crate::output::extractions::{Count, CountQualifier};

use super::tokens::{Token, TokenKind};

/// Vague quantifiers and the least each can literally mean. "dozens" is at
/// least two dozen, "scores" at least two score, "several" at least three,
/// "a few", "a couple", "a number of", "numerous" and "multiple" at least
/// two. `value` and `min` of the count are this bound; `max` is unknown.
pub const VAGUE_LOWER_BOUNDS: &[(&str, u64)] = &[
    ("dozens", 24),
    ("scores", 40),
    ("hundreds", 200),
    ("thousands", 2_000),
    ("several", 3),
    ("handful", 3),
    ("few", 2),
    ("couple", 2),
    ("number", 2),
    ("numerous", 2),
    ("multiple", 2),
];

/// How the number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "13", "1,200", "10-15".
    Digits,
    /// "nine", "one hundred and twelve", "two dozen".
    Words,
    /// "a", "an", "another": one, if a single person follows.
    Article,
    /// "dozens", "several", "a handful".
    Vague,
    /// "no", "no one", "none", "nobody".
    Zero,
    /// "both".
    Both,
    /// "all four".
    All,
}

/// A number phrase: tokens `start..end` of the sentence, bounds included.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberPhrase {
    pub start: usize,
    pub end: usize,
    pub count: Count,
    pub form: Form,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Exact,
    AtLeast,
    MoreThan,
    LessThan,
    AtMost,
    About,
}

/// Bounds written before the number; the longest match wins.
const PREFIXES: &[(&[&str], Bound)] = &[
    (&["at", "least"], Bound::AtLeast),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["a", "minimum", "of"], Bound::AtLeast),
    (&["more", "than"], Bound::MoreThan),
    (&["over"], Bound::MoreThan),
    (&["well", "over"], Bound::MoreThan),
    (&["just", "over"], Bound::MoreThan),
    (&["upwards", "of"], Bound::MoreThan),
    (&["in", "excess", "of"], Bound::MoreThan),
    (&["nearly"], Bound::LessThan),
    (&["almost"], Bound::LessThan),
    (&["fewer", "than"], Bound::LessThan),
    (&["less", "than"], Bound::LessThan),
    (&["just", "under"], Bound::LessThan),
    (&["close", "to"], Bound::LessThan),
    (&["up", "to"], Bound::AtMost),
    (&["as", "many", "as"], Bound::AtMost),
    (&["at", "most"], Bound::AtMost),
    (&["no", "more", "than"], Bound::AtMost),
    (&["not", "more", "than"], Bound::AtMost),
    (&["about"], Bound::About),
    (&["around"], Bound::About),
    (&["approximately"], Bound::About),
    (&["roughly"], Bound::About),
    (&["some"], Bound::About),
    (&["an", "estimated"], Bound::About),
    (&["estimated"], Bound::About),
    (&["approx"], Bound::About),
    (&["a", "total", "of"], Bound::Exact),
    (&["exactly"], Bound::Exact),
    (&["only"], Bound::Exact),
];

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// 0 to 99 written as one word: "seven", "forty", "twenty-one".
pub fn small_number_word(word: &str) -> Option<u64> {
    if let Some(unit) = UNITS.iter().position(|&w| w == word) {
        return Some(unit as u64);
    }
    if let Some(ten) = TENS.iter().position(|&w| w == word) {
        return Some(20 + 10 * ten as u64);
    }
    let (tens, unit) = word.split_once('-')?;
    let tens = TENS.iter().position(|&w| w == tens)?;
    let unit = UNITS[1..10].iter().position(|&w| w == unit)?;
    Some(20 + 10 * tens as u64 + 1 + unit as u64)
}

fn scale_word(word: &str) -> Option<u64> {
    match word {
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        _ => None,
    }
}

/// An integer written in digits: "13", "1,200". Decimals are not counts.
fn digits_value(text: &str) -> Option<u64> {
    if text.contains('.') {
        return None;
    }
    let plain: String = text.chars().filter(|&c| c != ',').collect();
    plain.parse().ok()
}

/// A number written in digits, possibly scaled: "1.5 million" (1,500,000).
fn digits_with_scale(tokens: &[Token<'_>], i: usize) -> Option<(u64, usize)> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Number {
        return None;
    }
    if let Some(scale) = tokens.get(i + 1).and_then(|next| scale_word(&next.lower)) {
        let value: f64 = token.lower.replace(',', "").parse().ok()?;
        let scaled = value * scale as f64;
        if scaled.fract() == 0.0 && scaled < 1e15 {
            return Some((scaled as u64, i + 2));
        }
        return None;
    }
    Some((digits_value(&token.lower)?, i + 1))
}

/// A number in words starting at token `i`: "one hundred and twelve",
/// "twenty one", "three thousand". Returns the value and the end token.
fn words_value(tokens: &[Token<'_>], i: usize) -> Option<(u64, usize)> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut seen = false;
    let mut last_small: Option<u64> = None;
    let mut end = i;
    let mut k = i;
    while let Some(token) = tokens.get(k) {
        let word = token.lower.as_str();
        if let Some(value) = small_number_word(word) {
            let fits = match last_small {
                None => current.is_multiple_of(100),
                // "twenty one": a unit after a round ten.
                Some(previous) => previous >= 20 && previous % 10 == 0 && value > 0 && value < 10,
            };
            if !fits {
                break;
            }
            current += value;
            last_small = Some(value);
            seen = true;
            k += 1;
            end = k;
        } else if word == "hundred" && seen && current > 0 && current < 100 {
            current *= 100;
            last_small = None;
            k += 1;
            end = k;
        } else if let (Some(scale), true) = (scale_word(word), seen) {
            total = total.checked_add(current.max(1).checked_mul(scale)?)?;
            current = 0;
            last_small = None;
            k += 1;
            end = k;
        } else if word == "and"
            && last_small.is_none()
            && seen
            && tokens
                .get(k + 1)
                .and_then(|next| small_number_word(&next.lower))
                .is_some()
        {
            // "one hundred and twelve": `and` only after hundred or thousand.
            k += 1;
        } else {
            break;
        }
    }
    seen.then_some((total + current, end))
}

/// A cardinal number at `i` in digits or words, with "dozen" multiples.
fn cardinal(tokens: &[Token<'_>], i: usize) -> Option<(u64, usize, Form)> {
    let (value, end, form) = if let Some((value, end)) = digits_with_scale(tokens, i) {
        (value, end, Form::Digits)
    } else {
        let (value, end) = words_value(tokens, i)?;
        (value, end, Form::Words)
    };
    // "two dozen" is 24, "3 dozen" 36.
    if tokens.get(end).is_some_and(|token| token.is("dozen")) {
        return Some((value.checked_mul(12)?, end + 1, form));
    }
    Some((value, end, form))
}

/// A count stated exactly.
pub(super) fn exact(value: u64) -> Count {
    Count {
        value,
        min: Some(value),
        max: Some(value),
        qualifier: CountQualifier::Exact,
    }
}

fn vague(value: u64) -> Count {
    Count {
        value,
        min: Some(value),
        max: None,
        qualifier: CountQualifier::Vague,
    }
}

fn bounded(value: u64, bound: Bound) -> Count {
    match bound {
        Bound::Exact => exact(value),
        Bound::AtLeast => Count {
            value,
            min: Some(value),
            max: None,
            qualifier: CountQualifier::AtLeast,
        },
        Bound::MoreThan => Count {
            value,
            min: Some(value.saturating_add(1)),
            max: None,
            qualifier: CountQualifier::MoreThan,
        },
        Bound::LessThan => Count {
            value,
            min: None,
            max: Some(value.saturating_sub(1)),
            qualifier: CountQualifier::LessThan,
        },
        Bound::AtMost => Count {
            value,
            min: None,
            max: Some(value),
            qualifier: CountQualifier::AtMost,
        },
        Bound::About => Count {
            value,
            min: None,
            max: None,
            qualifier: CountQualifier::Approximately,
        },
    }
}

fn range(low: u64, high: u64) -> Count {
    Count {
        value: low,
        min: Some(low),
        max: Some(high),
        qualifier: CountQualifier::Range,
    }
}

fn word_at<'a>(tokens: &'a [Token<'_>], i: usize) -> &'a str {
    tokens.get(i).map_or("", |token| token.lower.as_str())
}

fn vague_bound(word: &str) -> Option<u64> {
    VAGUE_LOWER_BOUNDS
        .iter()
        .find(|(vague, _)| *vague == word)
        .map(|&(_, bound)| bound)
}

/// A vague quantifier at `i`: "dozens", "scores of", "tens of thousands",
/// "several", "a handful", "a few", "a couple", "a number of", "several dozen".
fn vague_at(tokens: &[Token<'_>], i: usize) -> Option<(Count, usize)> {
    let word = word_at(tokens, i);
    let next = word_at(tokens, i + 1);
    let after = word_at(tokens, i + 2);
    match word {
        "tens" | "hundreds" if next == "of" && after == "thousands" => {
            let bound = if word == "tens" { 20_000 } else { 200_000 };
            Some((vague(bound), i + 3))
        }
        "several" if next == "dozen" => Some((vague(36), i + 2)),
        "several" if next == "hundred" => Some((vague(300), i + 2)),
        "several" if next == "thousand" => Some((vague(3_000), i + 2)),
        // "scores" and "a number" only with "of": "test scores", "a number to call";
        // "scores" also as the object of a casualty verb ("injured scores
        // more") and as an opening subject ("Scores were hurt").
        "scores" if next == "of" || scores_as_people(tokens, i) => Some((vague(40), i + 1)),
        "dozens" | "hundreds" | "thousands" | "several" | "numerous" | "multiple" => {
            Some((vague(vague_bound(word)?), i + 1))
        }
        "a" if matches!(next, "handful" | "few" | "couple") => Some((vague(vague_bound(next)?), i + 2)),
        "a" if next == "number" && after == "of" => Some((vague(2), i + 2)),
        _ => None,
    }
}

/// "scores" standing alone for people: after a casualty verb ("killed
/// scores", "wounding scores more"), or opening a sentence or a clause
/// joined by "and" before its verb or participle ("Scores were injured",
/// "four were killed and scores injured"); "test scores" and "the scores
/// were" are not.
fn scores_as_people(tokens: &[Token<'_>], i: usize) -> bool {
    const VERBS_BEFORE: &[&str] = &[
        "killed",
        "killing",
        "injured",
        "injuring",
        "wounded",
        "wounding",
        "kidnapped",
        "abducted",
        "arrested",
        "detained",
        "leaving",
        "left",
    ];
    // "four were killed and scores injured", "... and scores were hurt"
    const PARTICIPLES_AFTER: &[&str] = &[
        "injured", "wounded", "hurt", "killed", "dead", "arrested", "detained",
    ];
    let next = word_at(tokens, i + 1);
    let previous = i.checked_sub(1).map_or("", |before| word_at(tokens, before));
    let opens_a_clause = i == 0 || previous == "and";
    VERBS_BEFORE.contains(&previous)
        || (opens_a_clause && matches!(next, "were" | "are" | "have" | "had"))
        || (opens_a_clause && PARTICIPLES_AFTER.contains(&next))
}

/// A number without bounds at `i`: cardinal, range, article, zero, vague,
/// "both", "all four", "half a dozen", "a dozen", "a hundred".
fn core_at(tokens: &[Token<'_>], i: usize) -> Option<(Count, usize, Form)> {
    let word = word_at(tokens, i);
    let next = word_at(tokens, i + 1);
    match word {
        "no" if next == "one" => return Some((exact(0), i + 2, Form::Zero)),
        "no" | "none" | "nobody" => return Some((exact(0), i + 1, Form::Zero)),
        "both" => return Some((exact(2), i + 1, Form::Both)),
        "all" => {
            let (value, end, _) = cardinal(tokens, i + 1)?;
            return Some((exact(value), end, Form::All));
        }
        "half" if next == "a" && word_at(tokens, i + 2) == "dozen" => {
            return Some((exact(6), i + 3, Form::Words));
        }
        "a" | "an" if next == "dozen" => return Some((exact(12), i + 2, Form::Words)),
        // "killed a pair of police officers"
        "a" if next == "pair" && word_at(tokens, i + 2) == "of" => {
            return Some((exact(2), i + 2, Form::Words))
        }
        // "A score of wounded were being treated"
        "a" if next == "score" && word_at(tokens, i + 2) == "of" => {
            return Some((exact(20), i + 2, Form::Words))
        }
        "a" if matches!(next, "hundred" | "thousand" | "million") => {
            let scale = if next == "hundred" { 100 } else { scale_word(next)? };
            return Some((exact(scale), i + 2, Form::Words));
        }
        _ => {}
    }
    if let Some((count, end)) = vague_at(tokens, i) {
        return Some((count, end, Form::Vague));
    }
    if matches!(word, "a" | "an" | "another") {
        return Some((exact(1), i + 1, Form::Article));
    }
    // "10-15" in one token.
    if let Some(token) = tokens.get(i) {
        if token.kind == TokenKind::Mixed {
            // "50-plus"
            if let Some(value) = token.lower.strip_suffix("-plus").and_then(digits_value) {
                return Some((bounded(value, Bound::AtLeast), i + 1, Form::Digits));
            }
            let (low, high) = token.lower.split_once('-')?;
            let (low, high) = (digits_value(low)?, digits_value(high)?);
            return (low < high).then_some((range(low, high), i + 1, Form::Digits));
        }
    }
    let (value, end, form) = cardinal(tokens, i)?;
    // "10 to 15", "two or three", "10 - 15": a range only when it rises.
    if matches!(word_at(tokens, end), "to" | "or" | "-") {
        if let Some((high, high_end, _)) = cardinal(tokens, end + 1) {
            if high > value {
                return Some((range(value, high), high_end, form));
            }
        }
    }
    Some((exact(value), end, form))
}

/// The number phrase starting at token `i`, if any.
pub fn parse_at(tokens: &[Token<'_>], i: usize) -> Option<NumberPhrase> {
    // "between 30 and 40"
    if word_at(tokens, i) == "between" {
        let (low, low_end, form) = cardinal(tokens, i + 1)?;
        if word_at(tokens, low_end) != "and" {
            return None;
        }
        let (high, end, _) = cardinal(tokens, low_end + 1)?;
        return (high > low).then_some(NumberPhrase {
            start: i,
            end,
            count: range(low, high),
            form,
        });
    }
    let prefix = PREFIXES
        .iter()
        .filter(|(words, _)| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| word_at(tokens, i + k) == *w)
        })
        .max_by_key(|(words, _)| words.len());
    if let Some(&(words, bound)) = prefix {
        let core_start = i + words.len();
        if let Some((count, end, form)) = core_at(tokens, core_start) {
            if matches!(form, Form::Digits | Form::Words) && count.qualifier == CountQualifier::Exact {
                let (count, end) = suffix(tokens, end, bounded(count.value, bound));
                return Some(NumberPhrase {
                    start: i,
                    end,
                    count,
                    form,
                });
            }
        }
    }
    let (count, end, form) = core_at(tokens, i)?;
    let (count, end) =
        if matches!(form, Form::Digits | Form::Words) && count.qualifier == CountQualifier::Exact {
            suffix(tokens, end, count)
        } else {
            (count, end)
        };
    Some(NumberPhrase {
        start: i,
        end,
        count,
        form,
    })
}

/// Bounds written after the number: "or more", "or so", "-plus", "+".
fn suffix(tokens: &[Token<'_>], end: usize, count: Count) -> (Count, usize) {
    if count.qualifier != CountQualifier::Exact {
        return (count, end);
    }
    match (word_at(tokens, end), word_at(tokens, end + 1)) {
        ("or", "more") => (bounded(count.value, Bound::AtLeast), end + 2),
        ("or", "so") => (bounded(count.value, Bound::About), end + 2),
        ("plus" | "+", _) => (bounded(count.value, Bound::AtLeast), end + 1),
        _ => (count, end),
    }
}

/// Every number phrase of a sentence, left to right, longest first, not
/// overlapping.
pub fn find_numbers(tokens: &[Token<'_>]) -> Vec<NumberPhrase> {
    let mut phrases = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match parse_at(tokens, i) {
            Some(phrase) if phrase.end > i => {
                i = phrase.end;
                phrases.push(phrase);
            }
            _ => i += 1,
        }
    }
    phrases
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The first number phrase of `text`: its words and its count.
    fn parse(text: &str) -> Option<(String, Count, Form)> {
        let tokens = tokenize(text, 0..text.len());
        let phrase = find_numbers(&tokens).into_iter().next()?;
        let span = text[tokens[phrase.start].start..tokens[phrase.end - 1].end].to_owned();
        Some((span, phrase.count, phrase.form))
    }

    fn count(text: &str) -> (u64, Option<u64>, Option<u64>, CountQualifier) {
        let (_, count, _) = parse(text).unwrap_or_else(|| panic!("no number in {text:?}"));
        (count.value, count.min, count.max, count.qualifier)
    }

    use CountQualifier::*;

    #[test]
    fn digits_with_separators() {
        assert_eq!(count("13 people"), (13, Some(13), Some(13), Exact));
        assert_eq!(count("1,200 people"), (1200, Some(1200), Some(1200), Exact));
        assert_eq!(count("1.5 million people").0, 1_500_000);
        assert_eq!(count("2 million refugees").0, 2_000_000);
    }

    #[test]
    fn decimals_are_not_counts() {
        assert_eq!(parse("3.5 people"), None);
    }

    #[test]
    fn number_words() {
        assert_eq!(count("nine people").0, 9);
        assert_eq!(count("twenty-one people").0, 21);
        assert_eq!(count("twenty one people").0, 21);
        assert_eq!(count("one hundred and twelve people").0, 112);
        assert_eq!(count("two hundred people").0, 200);
        assert_eq!(count("three thousand five hundred people").0, 3500);
        assert_eq!(count("a hundred people").0, 100);
        assert_eq!(
            parse("one hundred and twelve people").map(|p| p.0).as_deref(),
            Some("one hundred and twelve")
        );
    }

    #[test]
    fn dozens_of_words() {
        assert_eq!(count("two dozen soldiers"), (24, Some(24), Some(24), Exact));
        assert_eq!(count("a dozen soldiers"), (12, Some(12), Some(12), Exact));
        assert_eq!(count("half a dozen soldiers").0, 6);
        assert_eq!(count("3 dozen soldiers").0, 36);
    }

    #[test]
    fn two_numbers_in_a_row_stay_apart() {
        let text = "two three";
        let tokens = tokenize(text, 0..text.len());
        assert_eq!(find_numbers(&tokens).len(), 2);
    }

    #[test]
    fn single_victim_articles() {
        for text in ["a man", "an officer", "another man", "one man"] {
            assert_eq!(count(text).0, 1, "{text}");
        }
        assert_eq!(parse("a man").map(|p| p.2), Some(Form::Article));
        assert_eq!(parse("one man").map(|p| p.2), Some(Form::Words));
    }

    #[test]
    fn zero() {
        assert_eq!(
            parse("no one was hurt").map(|p| (p.0, p.1.value, p.2)),
            Some(("no one".into(), 0, Form::Zero))
        );
        assert_eq!(count("nobody was hurt").0, 0);
        assert_eq!(count("no injuries").0, 0);
    }

    #[test]
    fn vague_quantifiers_count_their_lower_bound() {
        assert_eq!(count("dozens of civilians"), (24, Some(24), None, Vague));
        assert_eq!(count("scores of civilians").0, 40);
        assert_eq!(count("hundreds of civilians").0, 200);
        assert_eq!(count("thousands of civilians").0, 2000);
        assert_eq!(count("tens of thousands of civilians").0, 20_000);
        assert_eq!(count("hundreds of thousands of civilians").0, 200_000);
        assert_eq!(count("several women").0, 3);
        assert_eq!(count("several dozen women").0, 36);
        assert_eq!(count("a handful of women").0, 3);
        assert_eq!(count("a few women").0, 2);
        assert_eq!(count("a couple of women").0, 2);
        assert_eq!(count("a pair of police officers").0, 2);
        assert_eq!(count("a pair of police officers").3, Exact);
        assert_eq!(count("a score of villagers").0, 20);
        assert_eq!(count("a number of women").0, 2);
        assert_eq!(parse("dozens of civilians").map(|p| p.2), Some(Form::Vague));
    }

    #[test]
    fn scores_and_number_need_of() {
        assert_eq!(parse("test scores rose"), None);
        assert_eq!(parse("the scores were high"), None);
        assert_eq!(parse("Test scores were high"), None);
        assert_eq!(parse("a number to call").map(|p| p.2), Some(Form::Article));
    }

    #[test]
    fn scores_alone_after_a_casualty_verb_or_opening_a_sentence() {
        assert_eq!(count("the blast injured scores more").0, 40);
        assert_eq!(count("killing scores in the market").0, 40);
        assert_eq!(count("Scores were wounded").0, 40);
        assert_eq!(count("scores injured in the clashes").0, 40);
        assert_eq!(parse("scores rose"), None);
    }

    #[test]
    fn bounds_before_the_number() {
        assert_eq!(count("at least 13 people"), (13, Some(13), None, AtLeast));
        assert_eq!(count("more than 100 people"), (100, Some(101), None, MoreThan));
        assert_eq!(
            count("more than one hundred people"),
            (100, Some(101), None, MoreThan)
        );
        assert_eq!(count("over 50 people"), (50, Some(51), None, MoreThan));
        assert_eq!(count("nearly 100 people"), (100, None, Some(99), LessThan));
        assert_eq!(count("almost 100 people"), (100, None, Some(99), LessThan));
        assert_eq!(count("up to 300 people"), (300, None, Some(300), AtMost));
        assert_eq!(count("as many as 300 people"), (300, None, Some(300), AtMost));
        assert_eq!(count("about 40 people"), (40, None, None, Approximately));
        assert_eq!(count("some 40 attackers"), (40, None, None, Approximately));
        assert_eq!(count("an estimated 40 people"), (40, None, None, Approximately));
        assert_eq!(count("more than a dozen people"), (12, Some(13), None, MoreThan));
        assert_eq!(
            parse("at least 13 people").map(|p| p.0).as_deref(),
            Some("at least 13")
        );
    }

    #[test]
    fn some_without_a_number_is_not_a_number() {
        assert_eq!(parse("some people"), None);
    }

    #[test]
    fn bounds_after_the_number() {
        assert_eq!(count("50 or more people"), (50, Some(50), None, AtLeast));
        assert_eq!(count("50 or so people"), (50, None, None, Approximately));
        assert_eq!(count("50-plus people").0, 50);
        assert_eq!(count("50 plus people"), (50, Some(50), None, AtLeast));
    }

    #[test]
    fn ranges() {
        assert_eq!(count("10 to 15 people"), (10, Some(10), Some(15), Range));
        assert_eq!(count("10-15 people"), (10, Some(10), Some(15), Range));
        assert_eq!(count("two or three people"), (2, Some(2), Some(3), Range));
        assert_eq!(count("between 30 and 40 people"), (30, Some(30), Some(40), Range));
        assert_eq!(
            parse("between 30 and 40 people").map(|p| p.0).as_deref(),
            Some("between 30 and 40")
        );
    }

    #[test]
    fn falling_pairs_are_not_ranges() {
        assert_eq!(parse("won 3-2"), None);
        assert_eq!(count("15 to 10").0, 15);
    }

    #[test]
    fn both_and_all() {
        assert_eq!(parse("both men").map(|p| (p.1.value, p.2)), Some((2, Form::Both)));
        assert_eq!(
            parse("all four men").map(|p| (p.0, p.1.value, p.2)),
            Some(("all four".into(), 4, Form::All))
        );
        assert_eq!(parse("all 3 men").map(|p| p.1.value), Some(3));
        assert_eq!(parse("all men"), None);
    }

    #[test]
    fn ordinals_are_not_cardinals() {
        assert_eq!(parse("the fifth victim"), None);
        assert_eq!(parse("the 21st victim"), None);
        assert_eq!(parse("the second man"), None);
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        assert_eq!(parse("99999999999999999999999 people"), None);
        assert!(parse("a billion billion billion people").is_some());
    }
}
