//! What a sentence says around a casualty figure: who reported it, where,
//! when, how hedged, and whether it describes the article's event or a
//! period ("so far this year") or another incident.
//!
//! Named entities (PER, ORG, LOC, MISC from the NER stage) are used when
//! given; without them (no model installed) capitalised phrases stand in,
//! which finds "Reuters", "Kabul" and "Health Minister Ali Haji Adam" but
//! also the odd sentence-initial word, so those fallbacks keep to the
//! positions where a name is expected ("according to X", "in X", "X said").
//!
//! This file does not pair numbers with casualty words (`mentions/`) and
//! does not group figures into events (`summary.rs`); it only reads the
//! sentence's context.
use std::ops::Range;

use crate::ner::EntityMention;
use crate::output::extractions::CasualtyKind;
use crate::text::dates::small_count;

use super::exclusions::{is_month, year_of};
use super::lexicon::{cue_at, person_noun, HEDGES, REPORTING_NOUNS, REPORTING_VERBS};
use super::numbers::small_number_word;
use super::sentence_dates::{dates, DateCandidate};
use super::tokens::{Token, TokenKind};

/// Whether a figure describes one incident or something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// An incident: the article's own, or one it recalls.
    Event,
    /// A total over a period: "so far this year", "since 2012", "annually".
    Period,
    /// Another incident the article mentions in passing: "in a separate attack".
    Other,
}

/// The context of one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceContext {
    /// Byte ranges of the normalised text.
    pub source: Option<Range<usize>>,
    pub place: Option<Range<usize>>,
    /// The sentence's dates; each figure takes the nearest
    /// ([`nearest_date`](super::sentence_dates::nearest_date)).
    pub dates: Vec<DateCandidate>,
    pub year: Option<u16>,
    /// The sentence attributes what it says ("according to"): read once
    /// per sentence, not once per figure, so that a sentence of thousands
    /// of figures stays linear.
    pub attributed: bool,
}

pub(super) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub(super) const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night", "overnight"];

/// Capitalised words that do not start names.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "in",
    "on",
    "at",
    "but",
    "and",
    "after",
    "when",
    "while",
    "according",
    "this",
    "that",
    "there",
    "his",
    "her",
    "their",
    "its",
    "police",
    "officials",
    "authorities",
    "if",
    "as",
    "two",
    "three",
    "one",
    "four",
    "five",
    "six",
    "some",
    "many",
    "several",
    "both",
    "all",
    "no",
    "none",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tonight",
    "friday",
    "saturday",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "mr",
    "mrs",
    "ms",
    "dr",
    "for",
    "with",
    "from",
    "by",
    "to",
    "of",
    "so",
    "also",
    "since",
    "what",
    "who",
    "where",
    "why",
    "how",
    // page furniture after a headline: "baby girl shot, killed Posted: Friday"
    "posted",
    "updated",
    "published",
    "photo",
    "video",
    "advertisement",
];

/// Entities of the sentence `range`.
pub fn entities_in<'a>(entities: &'a [EntityMention], range: &Range<usize>) -> Vec<&'a EntityMention> {
    entities
        .iter()
        .filter(|entity| entity.start >= range.start && entity.end <= range.end)
        .collect()
}

/// Capitalised words of places and organisations, which end no person's name.
const INSTITUTIONS: &[&str] = &[
    "department",
    "office",
    "county",
    "police",
    "sheriff's",
    "city",
    "state",
    "university",
    "hospital",
    "news",
    "court",
    "school",
    "church",
    "club",
    "center",
    "centre",
    "street",
    "avenue",
    "road",
    "park",
    "station",
    "ministry",
    "army",
    "agency",
    "bureau",
    "service",
    "times",
    "post",
    "press",
    "district",
];

/// Whether `token` could start or continue a person's name: capitalised,
/// and neither a function word, a month, a casualty word ("Dead" in a
/// headline), a noun of people nor an institution.
pub fn is_name_word(token: &Token<'_>) -> bool {
    // "U.S", "UN", "KUNA": short capitals are acronyms.
    let acronym = token.is_all_caps() && token.text.chars().count() <= 4;
    token.is_capitalized()
        && token.kind == super::tokens::TokenKind::Word
        && !token.lower.ends_with("'s")
        && !acronym
        && !NOT_NAMES.contains(&token.lower.as_str())
        && !INSTITUTIONS.contains(&token.lower.as_str())
        && !is_month(token)
        && person_noun(&token.lower).is_none()
        && super::lexicon::cue_at(std::slice::from_ref(token), 0).is_none()
}

/// A run of capitalised words starting at `start` (at most `max` tokens),
/// allowing "al-", "bin", "of" and "'s" inside: tokens `start..end`.
pub fn name_run_from(tokens: &[Token<'_>], start: usize, max: usize) -> Option<Range<usize>> {
    let mut end = start;
    while end < tokens.len() && end - start < max {
        let token = &tokens[end];
        let connector = matches!(
            token.lower.as_str(),
            "of" | "bin" | "al" | "de" | "du" | "van" | "von"
        ) && end > start
            && tokens.get(end + 1).is_some_and(is_name_word);
        let abbreviation_dot = token.text == "." && end > start && tokens[end - 1].text.contains('.');
        if is_name_word(token) || connector || abbreviation_dot {
            end += 1;
        } else {
            break;
        }
    }
    (end > start).then_some(start..end)
}

/// A run of capitalised words ending just before `end`: tokens `start..end`,
/// with a title before it ("Officer Chad Montgomery", "Deputy Nick Tullier").
pub fn name_run_before(tokens: &[Token<'_>], end: usize, max: usize) -> Option<Range<usize>> {
    let mut start = end;
    while start > 0 && end - start < max {
        let token = &tokens[start - 1];
        if is_name_word(token) {
            start -= 1;
        } else {
            break;
        }
    }
    // Titles before the name: "Health Minister", "Police Chief".
    while start < end && start > 0 && end - start < max + 2 {
        let title = &tokens[start - 1];
        let is_title = title.is_capitalized() && person_noun(&title.lower).is_some();
        if is_title
            || (is_name_word(title)
                && tokens
                    .get(start)
                    .is_some_and(|next| person_noun(&next.lower).is_some()))
        {
            start -= 1;
        } else {
            break;
        }
    }
    (start < end).then_some(start..end)
}

/// The entity (of `labels`) whose text ends at the end of token `last`.
pub fn entity_ending_at<'a>(
    entities: &[&'a EntityMention],
    tokens: &[Token<'_>],
    last: usize,
    labels: &[&str],
) -> Option<&'a EntityMention> {
    let end = tokens.get(last)?.end;
    entities
        .iter()
        .copied()
        .find(|entity| entity.end == end && labels.contains(&entity.label.as_str()))
}

/// The entity (of `labels`) whose text starts at token `first`.
pub fn entity_starting_at<'a>(
    entities: &[&'a EntityMention],
    tokens: &[Token<'_>],
    first: usize,
    labels: &[&str],
) -> Option<&'a EntityMention> {
    let start = tokens.get(first)?.start;
    entities
        .iter()
        .copied()
        .find(|entity| entity.start == start && labels.contains(&entity.label.as_str()))
}

/// Byte range of tokens `range`.
pub fn bytes(tokens: &[Token<'_>], range: Range<usize>) -> Option<Range<usize>> {
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end.checked_sub(1)?)?;
    Some(first.start..last.end)
}

/// Reads the context of a sentence.
pub fn sentence_context(tokens: &[Token<'_>], entities: &[&EntityMention]) -> SentenceContext {
    let (dates, year) = dates(tokens);
    SentenceContext {
        source: source(tokens, entities),
        place: place(tokens, entities),
        dates,
        year,
        attributed: hedges(tokens, 0..tokens.len())
            .iter()
            .any(|hedge| hedge == "according to"),
    }
}

/// Hedging words among tokens `window` of a sentence, in order, each once.
/// Callers pass the words near a figure: "might have led to a shooting
/// that left two men dead" does not hedge the two.
pub fn hedges(tokens: &[Token<'_>], window: Range<usize>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for i in window.start..window.end.min(tokens.len()) {
        // "a shooting that claimed the lives of his mother and a man": the
        // casualty cue's own "claimed" asserts the deaths, it does not hedge
        // them (looked up only where a hedge matches, which is rare)
        let opens_death_cue = || cue_at(tokens, i).is_some_and(|cue| cue.kind == CasualtyKind::Killed);
        for hedge in HEDGES {
            let matches = hedge
                .split(' ')
                .enumerate()
                .all(|(k, word)| tokens.get(i + k).is_some_and(|token| token.lower == word));
            if matches && !found.iter().any(|seen| seen == hedge) {
                if opens_death_cue() {
                    break;
                }
                found.push((*hedge).to_owned());
            }
        }
    }
    found
}

/// A noun phrase naming a reporter before token `end` ("Turkish officials",
/// "the Afghan health ministry", "police", "a security source").
fn reporter_before(tokens: &[Token<'_>], entities: &[&EntityMention], end: usize) -> Option<Range<usize>> {
    let last = end.checked_sub(1)?;
    if let Some(entity) = entity_ending_at(entities, tokens, last, &["PER", "ORG", "MISC"]) {
        return Some(entity.start..entity.end);
    }
    let head = tokens.get(last)?;
    if REPORTING_NOUNS.contains(&head.lower.as_str()) {
        let mut start = last;
        while start > 0 && last - start < 4 {
            let token = &tokens[start - 1];
            let modifier = token.kind == super::tokens::TokenKind::Word
                && !matches!(
                    token.lower.as_str(),
                    "and" | "but" | "that" | "said" | "told" | "when" | "as" | "which"
                );
            if !modifier || token.is_punct() {
                break;
            }
            start -= 1;
            if matches!(token.lower.as_str(), "the" | "a" | "an") {
                break;
            }
        }
        return bytes(tokens, start..end);
    }
    let run = name_run_before(tokens, end, 5)?;
    bytes(tokens, run)
}

/// A reporter after token `start` ("said police", "according to Reuters").
fn reporter_after(tokens: &[Token<'_>], entities: &[&EntityMention], start: usize) -> Option<Range<usize>> {
    if let Some(entity) = entity_starting_at(entities, tokens, start, &["PER", "ORG", "MISC"]) {
        return Some(entity.start..entity.end);
    }
    let mut first = start;
    if tokens
        .get(first)
        .is_some_and(|token| token.is_any(&["the", "a", "an"]))
    {
        first += 1;
    }
    if let Some(run) = name_run_from(tokens, first, 6) {
        return bytes(tokens, start..run.end);
    }
    // "the state health ministry", "police", "a local official"
    let mut end = first;
    while end < tokens.len() && end - first < 4 && tokens[end].kind == super::tokens::TokenKind::Word {
        if REPORTING_NOUNS.contains(&tokens[end].lower.as_str()) {
            return bytes(tokens, start..end + 1);
        }
        end += 1;
    }
    None
}

/// Who the sentence says reported its content: "according to X", "X said",
/// "said X", "X told Y".
pub fn source(tokens: &[Token<'_>], entities: &[&EntityMention]) -> Option<Range<usize>> {
    for i in 0..tokens.len() {
        if tokens[i].is("according") && tokens.get(i + 1).is_some_and(|token| token.is("to")) {
            if let Some(found) = reporter_after(tokens, entities, i + 2) {
                return Some(found);
            }
        }
    }
    for i in 0..tokens.len() {
        if !REPORTING_VERBS.contains(&tokens[i].lower.as_str()) {
            continue;
        }
        if let Some(found) = reporter_before(tokens, entities, i) {
            return Some(found);
        }
        // ", said police spokesman X" / "said the ministry"
        if i > 0 && matches!(tokens[i - 1].text, "," | "\"" | "'") {
            if let Some(found) = reporter_after(tokens, entities, i + 1) {
                return Some(found);
            }
        }
    }
    None
}

/// Where: a location entity, else a capitalised phrase after "in", "at",
/// "near" or "outside", else a dateline ("KABUL, Aug. 27 ...").
pub fn place(tokens: &[Token<'_>], entities: &[&EntityMention]) -> Option<Range<usize>> {
    let locations: Vec<&&EntityMention> = entities.iter().filter(|entity| entity.label == "LOC").collect();
    let after_preposition = locations.iter().find(|entity| {
        tokens
            .iter()
            .position(|token| token.start == entity.start)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| tokens.get(i))
            .is_some_and(|token| token.is_any(&["in", "at", "near", "outside", "inside", "from"]))
    });
    if let Some(entity) = after_preposition.or(locations.first()) {
        return Some(entity.start..entity.end);
    }
    if !entities.is_empty() {
        return None;
    }
    let after = |prepositions: &[&str]| {
        (0..tokens.len()).find_map(|i| {
            if !tokens[i].is_any(prepositions) {
                return None;
            }
            let run = name_run_from(tokens, i + 1, 8)?;
            let first = &tokens[run.start];
            (!WEEKDAYS.contains(&first.lower.as_str()) && year_of(first).is_none()).then_some(run)
        })
    };
    if let Some(run) = after(&["in"]) {
        return bytes(tokens, run);
    }
    // A dateline: capitals, then a comma, at the start of the sentence.
    let caps = tokens
        .iter()
        .take_while(|token| token.is_all_caps() && token.text.len() > 1)
        .count();
    if caps > 0 && tokens.get(caps).is_some_and(|token| token.text == ",") {
        return bytes(tokens, 0..caps);
    }
    after(&["near", "outside"]).and_then(|run| bytes(tokens, run))
}

/// Whether a figure starting at token `first` tells what a superlative is
/// measured against: "The protests were the largest since the early days of
/// the war in February, when more than 15,000 people were detained", "the
/// deadliest attack since 2019, when 40 soldiers died". That is another
/// event.
pub fn measured_against(tokens: &[Token<'_>], first: usize) -> bool {
    // "the largest since", or with its noun: "the deadliest attack since",
    // "the deadliest on the army since"
    let superlative_before = |i: usize| {
        (i >= 1
            && tokens[i - 1].is_any(&[
                "largest",
                "biggest",
                "deadliest",
                "worst",
                "bloodiest",
                "highest",
                "heaviest",
            ]))
            || (2..=4).any(|back| {
                i >= back
                    && tokens[i - back].is_any(&["deadliest", "worst", "bloodiest", "largest", "biggest"])
                    && tokens[i - back + 1..i].iter().all(|token| !token.is_punct())
            })
    };
    let since = tokens[..first.min(tokens.len())]
        .iter()
        .enumerate()
        .position(|(i, token)| token.is("since") && superlative_before(i));
    since.is_some_and(|since| tokens[since..first].iter().any(|token| token.is("when")))
}

/// Whether the cue at token `cue` tells a war's running total: "Nigeria's
/// jihadist conflict, now in its 15th year, has killed more than 40,000
/// people", "The war has claimed the lives of ...": a perfect verb whose
/// subject is a war, with no clause boundary between them.
pub fn war_running_total(tokens: &[Token<'_>], cue: usize) -> bool {
    perfect_after(
        tokens,
        cue,
        &["conflict", "war", "wars", "insurgency", "uprising", "rebellion"],
    )
}

/// "The violence has killed more than 6,000 people": a running total where
/// the figure is in the thousands (`count`); "The violence has killed 12
/// people since Monday" is the event's, as "The fighting has ..." is.
pub fn violence_running_total(tokens: &[Token<'_>], cue: usize, count: u64) -> bool {
    count >= 1000 && perfect_after(tokens, cue, &["violence", "bloodshed", "unrest"])
}

/// A perfect verb at token `cue` whose subject, in the same clause, holds
/// one of `nouns`.
fn perfect_after(tokens: &[Token<'_>], cue: usize, nouns: &[&str]) -> bool {
    let perfect = cue >= 1 && tokens[cue - 1].is_any(&["has", "have"]);
    perfect
        && tokens[..cue - 1]
            .iter()
            .rev()
            .take_while(|token| {
                !token.is_any(&["when", "after", "as", "while", "since", ";", "that", "which"])
            })
            .any(|token| token.is_any(nouns))
}

/// Whether a period closes the clause of a figure that ends at token
/// `last`, beyond the few words [`scope`] reads: "51 people were killed in
/// mob beatings in the first nine months of this year", "113 people died in
/// domestic violence-related incidents in the state in the 12 months ending
/// June 30". Only spans of a year's parts count here, up to the clause's
/// end (at most 24 words).
pub fn period_closing_clause(tokens: &[Token<'_>], last: usize) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |token| token.lower.as_str());
    let end = (last..tokens.len().min(last + 24))
        .find(|&i| matches!(word(i), ";" | "." | "but" | "while" | "when" | "whereas"))
        .unwrap_or(tokens.len().min(last + 24));
    (last..end).any(|i| {
        year_part_span(tokens, i, &["months", "weeks"])
            || (word(i) == "of" && word(i + 1) == "this" && word(i + 2) == "year")
            // "recorded 1,126 drug-related arrests ... so far this year"
            || (word(i) == "so" && word(i + 1) == "far" && word(i + 2) == "this" && word(i + 3) == "year")
    })
}

/// Whether token `i` opens a span of a year's parts: "the first six months
/// of the year", "the first quarter", or a count of `units` up to a day
/// ("the 12 months ending June 30").
fn year_part_span(tokens: &[Token<'_>], i: usize, units: &[&str]) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |token| token.lower.as_str());
    let (w, next, after) = (word(i), word(i + 1), word(i + 2));
    (w == "first"
        && (matches!(next, "quarter" | "half")
            || (is_count_word(tokens, i + 1) && matches!(after, "months" | "weeks"))))
        || (units.contains(&w)
            && i >= 1
            && is_count_word(tokens, i - 1)
            && matches!(next, "ending" | "through" | "to" | "up"))
}

/// Whether a figure starting at token `first` follows "came [a span of
/// time] after" or "followed": "The incident came two days after Somali forces said they
/// had killed more than 30 al-Shabaab fighters", "The protests came almost
/// exactly a year after demonstrations in which more than 60 people were
/// killed", or a month or last year before "after" ("talks were suspended
/// in January after an offensive left more than 80 people dead"). The
/// event after "after" is an earlier one.
pub fn after_an_earlier_event(tokens: &[Token<'_>], first: usize) -> bool {
    let first = first.min(tokens.len());
    // a month or "last year" before "after": "Peace talks were suspended in
    // January after an ELN offensive left more than 80 people dead"
    let dated_cause = (2..first).any(|i| {
        tokens[i].is("after")
            && ((tokens[i - 2].is("in") && is_month_word(&tokens[i - 1].lower))
                || (tokens[i - 2].is("last") && tokens[i - 1].is("year")))
    });
    if dated_cause {
        return true;
    }
    // a span of time between them: "Their presence comes after an
    // 18-year-old woman was shot" is this event's cause
    tokens[..first].iter().enumerate().any(|(i, token)| {
        let between = &tokens[i + 1..first.min(i + 7).max(i + 1)];
        token.is_any(&["came", "comes", "followed", "follows"])
            && between.iter().any(|token| token.is("after"))
            && between.iter().any(|token| {
                token.is_any(&[
                    "day", "days", "week", "weeks", "month", "months", "year", "years", "hours",
                ])
            })
    })
}

/// Whether a figure starting at token `first` counts the other incidents of
/// a series the event is "one of": "The shooting was one of at least 14
/// across the city over the holiday weekend, in which three other people
/// were killed".
pub fn among_other_incidents(tokens: &[Token<'_>], first: usize) -> bool {
    let first = first.min(tokens.len());
    let Some(one_of) = (1..first).find(|&i| tokens[i - 1].is("one") && tokens[i].is("of")) else {
        return false;
    };
    let counted = tokens[one_of + 1..first.min(one_of + 5)]
        .iter()
        .any(|token| token.kind == TokenKind::Number || small_number_word(&token.lower).is_some());
    let relative = (one_of + 1..first)
        .any(|i| tokens[i].is("which") && i >= 1 && tokens[i - 1].is_any(&["in", "during"]));
    counted && relative
}

/// Whether a figure starting at token `first` is told in a relative clause
/// of other incidents, plural: "as in recent incidents in Dallas and Baton
/// Rouge that collectively claimed the lives of eight officers".
pub fn in_other_incidents_clause(tokens: &[Token<'_>], first: usize) -> bool {
    let first = first.min(tokens.len());
    (first.saturating_sub(16).max(1)..first).any(|i| {
        tokens[i - 1].is_any(&["recent", "previous", "earlier", "prior", "past"])
            && tokens[i].lower.ends_with('s')
            && INCIDENT_WORDS.contains(&tokens[i].lower.as_str())
            && tokens[i + 1..first]
                .iter()
                .any(|token| token.is_any(&["that", "which"]))
    })
}

/// Whether a figure starting at token `first` is of another incident told
/// by the place they share: "just a block from the site of a Dec. 3
/// incident that left five people wounded", "near the location of a
/// drive-by shooting that injured more than a dozen others in March". Only
/// an indefinite incident ("the scene of the shooting" is the article's
/// own, and so is one told where it happened: "at the scene of a shooting
/// that also injured a woman") with a relative clause that holds the figure.
pub fn at_the_site_of_another_incident(tokens: &[Token<'_>], first: usize) -> bool {
    let first = first.min(tokens.len());
    let from = first.saturating_sub(16);
    // near the place: "a block from the site of", "near the location of"
    // (not "at the scene of a shooting that also injured a woman", the
    // article's own)
    let near_the_site = (from.max(2)..first).any(|i| {
        tokens[i - 2].is_any(&["from", "near", "to", "by"])
            && tokens[i - 1].is("the")
            && tokens[i].is_any(&["site", "location", "scene", "spot"])
            && tokens.get(i + 1).is_some_and(|token| token.is("of"))
            && tokens
                .get(i + 2)
                .is_some_and(|token| token.is_any(&["a", "an", "another"]))
            && tokens[i + 3..first.max(i + 3)]
                .iter()
                .any(|token| token.is_any(&["that", "which", "where"]))
    });
    // an earlier time in the sentence: "a Dec. 3 incident", "in March"
    // ("near the site of a shooting on Friday that claimed the life of a
    // 2-year-old" is the vigil for the article's own)
    near_the_site
        && tokens.iter().any(|token| {
            is_month(token)
                || token.is_any(&["last", "earlier", "previous", "prior"])
                || year_of(token).is_some()
        })
}

/// Whether the sentence is a link to another article ("RELATED: Accident at
/// oil rig leaves two workers dead", "READ MORE: ..."): its figures belong
/// to another incident. "WATCH:" is not one: its video is often of this
/// incident.
pub fn links_elsewhere(tokens: &[Token<'_>]) -> bool {
    let Some(colon) = tokens.iter().take(4).position(|token| token.text == ":") else {
        return false;
    };
    let label: Vec<&str> = tokens[..colon].iter().map(|token| token.lower.as_str()).collect();
    matches!(
        label.as_slice(),
        ["related"]
            | [
                "related",
                "story" | "stories" | "coverage" | "content" | "link" | "links" | "articles"
            ]
            | ["read" | "see", "more"]
            | ["more"]
            | ["also" | "previously"]
            | ["see", "also"]
            | ["previous" | "earlier", "coverage" | "story" | "stories"]
    )
}

/// Whether a sentence opens with an earlier time ("Last month, 12
/// policemen died in an attack on a checkpoint", "Earlier this year, ...",
/// "In January, ...").
/// After the article's own figures such a sentence recalls another
/// incident; as the article's first figure it is the article's incident
/// told late ("Last month, Melissa Westbrook died after she was shot"),
/// which the caller decides.
pub fn opened_by_earlier_time(tokens: &[Token<'_>]) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |token| token.lower.as_str());
    let is_year = |i: usize| tokens.get(i).and_then(year_of).is_some();
    (word(0) == "last" && matches!(word(1), "month" | "year") && word(2) == ",")
        || (word(0) == "earlier"
            && word(1) == "this"
            && matches!(word(2), "year" | "month")
            && word(3) == ",")
        // "In January, seven soldiers were killed when ..."
        || (word(0) == "in" && is_month_word(word(1)) && word(2) == ",")
        // "Last week, gunmen abducted seven farmers"
        || (word(0) == "last" && word(1) == "week" && word(2) == ",")
        // "Last year's protests, which forced ..., left more than 60 people dead"
        // (not "Last month's attack", which may be the article's own, told late)
        || (word(0) == "last" && matches!(word(1), "year's" | "year\u{2019}s"))
        // "During the 2016 European Championship, clashes ... left 35 people
        // injured", "In 2021, a gang abducted 17 missionaries"
        || (word(0) == "during" && word(1) == "the" && is_year(2))
        || (word(0) == "in" && is_year(1) && word(2) == ",")
}

/// Whether the clause of a figure starting at token `first` dates it to a
/// month ("Clashes over the same land in July last year left 49 people
/// dead", "an attack on a passenger convoy in November killed over 40
/// people"): after the article's own figures, another incident. Only "in"
/// and a month (or a month and "last year"), not a weekday's date.
pub fn dated_to_a_month(tokens: &[Token<'_>], first: usize) -> bool {
    let first = first.min(tokens.len());
    let clause_start = (0..first)
        .rev()
        .find(|&i| tokens[i].is_any(&["while", "whereas", "but", ";"]) && i + 1 < first)
        .map_or(0, |i| i + 1);
    // "As we first reported in July, two children ... were found dead" dates the report
    (clause_start..first).any(|i| {
        tokens[i].is("in")
            && !(i >= 1 && tokens[i - 1].is_any(&["reported", "announced", "said", "wrote"]))
            && tokens.get(i + 1).is_some_and(|month| is_month_word(&month.lower))
            && !tokens.get(i + 2).is_some_and(|day| day.kind == TokenKind::Number)
    })
}

/// Whether a sentence opens as another incident than the one before:
/// "Separately, a roadside bomb struck a police patrol", "In a separate
/// attack hours later, militants stormed a checkpoint", "In another
/// incident, ...", "A similar attack ... killed", "Another bombing ...".
/// The marker governs the whole sentence, however far its figures lie from
/// it.
pub fn opened_as_another_incident(tokens: &[Token<'_>]) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |token| token.lower.as_str());
    match (word(0), word(1), word(2)) {
        ("separately", _, _) => true,
        ("in", "a" | "an", "separate" | "unrelated") => true,
        ("in", "another", noun) => INCIDENT_WORDS.contains(&noun),
        // "A similar attack on a village ... in the spring killed more than 200"
        ("a" | "an", "similar" | "separate" | "unrelated" | "previous" | "earlier", noun) => {
            INCIDENT_WORDS.contains(&noun)
        }
        ("another", noun, _) => INCIDENT_WORDS.contains(&noun),
        _ => false,
    }
}

/// An earlier event told inside a past-perfect sentence: "The team had
/// taken part in an operation in which security forces killed five Maoist
/// fighters", "The troops had been sent there after an operation on
/// Saturday in which soldiers killed two fighters". The figures after "in
/// which" belong to the operation the sentence introduces (an indefinite
/// noun), told as background to the main event; the lede's "killed nine in
/// an attack in which ..." has no "had" before it. `cue` is the figure's
/// cue token.
pub fn in_an_earlier_incident(tokens: &[Token<'_>], cue: usize) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |token| token.lower.as_str());
    let Some(which) = (1..cue)
        .rev()
        .find(|&i| word(i) == "which" && word(i - 1) == "in")
    else {
        return false;
    };
    let noun = which - 1;
    // "an operation in which", "an operation on Saturday in which"
    let indefinite = (noun.saturating_sub(6)..=noun).any(|i| {
        matches!(word(i), "a" | "an")
            && (i + 1..=noun).all(|k| word(k) != ",")
            && (i + 1..=(i + 2).min(noun)).any(|k| INCIDENT_WORDS.contains(&word(k)))
    });
    let past_perfect = (0..noun).any(|i| word(i) == "had");
    indefinite && past_perfect
}

/// Nouns of incidents, singular and plural.
pub(super) const INCIDENT_WORDS: &[&str] = &[
    "attack",
    "attacks",
    "incident",
    "incidents",
    "operation",
    "operations",
    "raid",
    "raids",
    "ambush",
    "ambushes",
    "gunbattle",
    "gunfight",
    "firefight",
    "clash",
    "clashes",
    "battle",
    "assault",
    "offensive",
    "bombing",
    "bombings",
    "shooting",
    "shootings",
    "protests",
    "protest",
    "riots",
    "massacre",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "killings",
];

/// Markers of totals over a period ("so far this year", "since 2012") and
/// of other incidents ("in a separate shooting", "three years ago") among
/// tokens `window` of a sentence: the words near a figure, not the whole
/// sentence, so that "an annual party" or "bought the gun last year" three
/// clauses away leave the figure alone.
pub fn scope(tokens: &[Token<'_>], window: Range<usize>) -> Option<Scope> {
    let word = |i: usize| tokens.get(i).map_or("", |token| token.lower.as_str());
    // "last year's", "last month's", "last week's" at token `i`
    let last_period_possessive = |i: usize| {
        word(i) == "last" && matches!(word(i + 1), "year's" | "month's" | "week's" | "year\u{2019}s")
    };
    // "Under the measures, more than 1,200 suspected gang members have
    // been detained": a crackdown's or an emergency's total
    // (the sentence's opener, which may lie before the words near the
    // figure: "Under his predecessor, Rodrigo Duterte, more than 6,000")
    let under_measures = window.start <= 12
        && word(0) == "under"
        && (1..4).any(|k| {
            matches!(
                word(k),
                "measures"
                    | "emergency"
                    | "crackdown"
                    | "decree"
                    | "decrees"
                    | "law"
                    | "laws"
                    | "policy"
                    | "regime"
                    // "Under his predecessor, Rodrigo Duterte, more than
                    // 6,000 people were killed": an earlier government's
                    | "predecessor"
                    | "presidency"
                    | "administration"
            )
        });
    for i in window.start..window.end.min(tokens.len()) {
        let (w, next, after) = (word(i), word(i + 1), word(i + 2));
        // "so far this year", "in the past month"; "last month" dates one
        // incident ("the shooting that killed two last month")
        let period = matches!(
            (w, next),
            ("this" | "last" | "past", "year" | "decade" | "season") | ("this" | "past", "month")
        )
            || matches!(
                (w, next),
                ("to", "date") | ("each" | "every" | "a" | "per", "year")
            )
            || matches!(w, "annually" | "yearly" | "statewide" | "nationwide" | "citywide")
            // city-wide tallies: "killed across the city", "in shootings
            // throughout the weekend", "since last weekend"
            || (matches!((w, next), ("across", "the"))
                && matches!(after, "city" | "state")
                // "taken to hospitals across the city" is one event's wounded
                && !matches!(i.checked_sub(1).map_or("", word), "hospital" | "hospitals"))
            || (matches!((w, next), ("throughout", "the")) && matches!(after, "day" | "weekend" | "night"))
            || (matches!((w, next), ("since", "last")) && matches!(after, "weekend" | "week"))
            // a tally of several incidents: "in 12 shootings", "three overnight shootings"
            || (is_count_word(tokens, i)
                && (next == "shootings" || (matches!(next, "overnight" | "separate") && after == "shootings")))
            || (w == "since" && (tokens.get(i + 1).and_then(year_of).is_some() || is_month_word(next)))
            // "since the election schedule was announced in November"
            || (w == "since"
                && (i + 2..(i + 12).min(tokens.len())).any(|k| {
                    word(k) == "in"
                        && (is_month_word(word(k + 1)) || tokens.get(k + 1).and_then(year_of).is_some())
                        && tokens.get(k + 2).is_none_or(|day| day.kind != TokenKind::Number)
                }))
            // "since early October", "since mid-October"
            || (w == "since"
                && (matches!(next, "early" | "late" | "mid") && is_month_word(after)
                    || next.strip_prefix("mid-").is_some_and(is_month_word)))
            // "in November alone", "in 2016 alone"
            || (w == "in"
                && (is_month_word(next) || tokens.get(i + 1).and_then(year_of).is_some())
                && after == "alone")
            || (matches!(w, "past" | "last") && matches!(after, "years" | "months" | "decades" | "weeks"))
            // "in the first six months of the year", "in the 12 months ending June 30"
            || year_part_span(tokens, i, &["months", "weeks", "years"])
            // "Over that period, more than 400 people have been detained"
            || (matches!(w, "over" | "during" | "in" | "throughout")
                && matches!(next, "that" | "this" | "the" | "same")
                && after == "period")
            // "between 2014 and 2022"
            || (w == "between"
                && tokens.get(i + 1).and_then(year_of).is_some()
                && matches!(after, "and" | "to"))
            // "shot in recent weeks"
            || (w == "recent" && matches!(next, "weeks" | "months" | "years" | "days"))
            // "among 70 people wounded in gun violence over the Fourth of
            // July holiday weekend": a city's toll
            || (w == "in" && next == "gun" && after == "violence")
            || (w == "holiday" && next == "weekend")
            // a war's running total: "since the war began", "since the start
            // of the conflict", "since its insurgency began"; not "since the
            // attack", which counts one event's arrests
            || (w == "since"
                && matches!(next, "the" | "its" | "their" | "a")
                && matches!(after, "war" | "conflict" | "start" | "beginning" | "outbreak" | "onset"
                    | "insurgency" | "uprising" | "invasion" | "offensive" | "fighting"
                    | "hostilities" | "revolution" | "crisis" | "campaign" | "occupation"
                    | "escalation" | "civil" | "military" | "takeover" | "coup" | "junta"))
            // "since infighting between the cartel's factions erupted",
            // "since fighting broke out"; not "since the protests began",
            // whose arrests are the crackdown's
            // but "since the violence broke out on Thursday" is this week's
            // clash, told whole
            || (w == "since"
                && !(i + 1..(i + 12).min(tokens.len())).any(|k| WEEKDAYS.contains(&word(k)))
                && (i + 1..(i + 4).min(tokens.len())).any(|k| {
                    matches!(
                        word(k),
                        "infighting" | "fighting" | "war" | "conflict" | "violence" | "clashes"
                            | "insurgency" | "hostilities"
                    )
                })
                && (i + 2..(i + 10).min(tokens.len())).any(|k| {
                    matches!(
                        word(k),
                        "began" | "erupted" | "broke" | "started" | "escalated" | "flared" | "intensified"
                    )
                }))
            // "since the government launched an offensive in late April",
            // "since Russia invaded"
            || (w == "since"
                && (i + 2..(i + 5).min(tokens.len())).any(|k| matches!(word(k), "launched" | "invaded" | "began"))
                && (i + 1..(i + 8).min(tokens.len())).any(|k| {
                    matches!(word(k), "offensive" | "invasion" | "invaded" | "war" | "insurgency" | "campaign")
                }));
        // "at least 32 people were shot, five of them fatally, from Friday
        // evening through late Sunday": a weekend's toll
        let day_to_day = w == "from"
            && WEEKDAYS.contains(&next)
            && (i + 2..i + 7).any(|k| {
                matches!(word(k), "through" | "until" | "till" | "to")
                    && (k + 1..k + 4).any(|m| WEEKDAYS.contains(&word(m)))
            });
        // "Across Chicago, at least 32 people were shot": a city's, not an incident's
        let across_opener = i == 0 && w == "across" && (1..5).any(|k| word(k) == ",");
        // "More than 5,000 civilians have been killed by the security forces
        // since then": a running total since an earlier date; not "two of the
        // wounded have died since then" or "three more", the event's own
        let since_then = w == "since"
            && next == "then"
            && !(window.start..window.end.min(tokens.len())).any(|k| {
                matches!(word(k), "other" | "others" | "further" | "another")
                    || (word(k) == "more" && word(k + 1) != "than")
                    || (word(k) == "of" && matches!(word(k + 1), "the" | "them" | "those"))
            });
        if period || day_to_day || across_opener || under_measures || since_then {
            return Some(Scope::Period);
        }
        // "years ago"; "remain missing a decade later"
        let ago = (matches!(w, "years" | "months" | "weeks" | "decades") && next == "ago")
            || (matches!(w, "years" | "months" | "decade" | "decades") && next == "later");
        // "at least 60 people were killed during those protests": the
        // distal demonstrative points back to another event than the
        // article's ("these" and "the" name its own)
        let those = (w == "those" && INCIDENT_WORDS.contains(&next))
            // "last year's finance protests, in which more than 60 were killed"
            || last_period_possessive(i);

        // "turned violent in March, when more than 100 people were arrested"
        let month_when = w == "in" && is_month_word(next) && after == "," && word(i + 3) == "when";
        // "the largest since last year's demonstrations against a finance
        // bill, in which more than 60 people died": the relative clause's
        // antecedent is dated before the article's event
        let dated_antecedent = w == ","
            && matches!(next, "in" | "during")
            && after == "which"
            && (i.saturating_sub(12)..i).any(last_period_possessive);
        // "Police arrested a 20-year-old man in that case on Thursday",
        // after an earlier shooting told for context: the distal "that"
        // points back to it, as "those" does. Not "in that shooting", which
        // as often names the event the sentence before told ("Moses was
        // shot and killed ... Another man and a baby were also injured in
        // that shooting").
        let in_that_case = w == "in" && next == "that" && after == "case";
        if ago
            || those
            || in_that_case
            || month_when
            || dated_antecedent
            || matches!(
                w,
                "separate" | "separately" | "unrelated" | "similar" | "previous"
            )
        {
            return Some(Scope::Other);
        }
    }
    None
}

/// A count of two or more, in digits or words.
fn is_count_word(tokens: &[Token<'_>], i: usize) -> bool {
    tokens.get(i).is_some_and(|token| {
        token.lower.parse::<u32>().is_ok_and(|n| n >= 2)
            || small_count(&token.lower).is_some_and(|n| n >= 2)
            || token.is_any(&["several", "multiple"])
    })
}

pub(super) fn is_month_word(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Whether a token is a pronoun for one person.
pub fn is_singular_pronoun(token: &Token<'_>) -> bool {
    token.is_any(&["he", "she"])
}

/// Whether the token names people (for perpetrators: "gunmen", "police").
pub fn names_people(token: &Token<'_>) -> bool {
    person_noun(&token.lower).is_some()
        || token.is_any(&[
            "forces",
            "army",
            "military",
            "troops",
            "militia",
            "group",
            "gang",
            "authorities",
        ])
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The scope of a whole sentence's words.
    fn scope_of(text: &str) -> Option<Scope> {
        let tokens = tokenize(text, 0..text.len());
        scope(&tokens, 0..tokens.len())
    }

    fn text_of(text: &str, range: Option<Range<usize>>) -> Option<&str> {
        range.map(|range| &text[range])
    }

    #[test]
    fn a_figure_at_the_site_of_an_earlier_incident_is_of_that_one() {
        let at_site = |text: &str, figure: &str| {
            let tokens = tokenize(text, 0..text.len());
            let start = text.find(figure).expect("figure in text");
            let first = tokens
                .iter()
                .position(|token| token.start == start)
                .expect("token");
            at_the_site_of_another_incident(&tokens, first)
        };
        assert!(at_site(
            "The shooting occurred near the location of a drive-by shooting that injured more than a dozen others in March.",
            "a dozen"
        ));
        assert!(at_site(
            "It happened a block from the site of a Dec. 3 incident that left five people wounded.",
            "five"
        ));
        // the article's own: told where it happened, or with no earlier time
        assert!(!at_site(
            "Police found two men dead at the scene of a shooting last night that also injured a woman.",
            "a woman"
        ));
        assert!(!at_site(
            "A crowd gathered near the site of a shooting on Friday that claimed the life of a 2-year-old boy.",
            "a 2-year-old"
        ));
    }

    fn context(text: &str) -> SentenceContext {
        sentence_context(&tokenize(text, 0..text.len()), &[])
    }

    #[test]
    fn sources_without_entities() {
        let text = "Six people were killed, Turkish officials said.";
        assert_eq!(text_of(text, context(text).source), Some("Turkish officials"));
        let text = "At least 21 people were killed, according to Reuters.";
        assert_eq!(text_of(text, context(text).source), Some("Reuters"));
        let text = "Health Minister Ali Haji Adam said at least 21 people were killed.";
        assert_eq!(
            text_of(text, context(text).source),
            Some("Health Minister Ali Haji Adam")
        );
        let text = "Two teachers were wounded, police said.";
        assert_eq!(text_of(text, context(text).source), Some("police"));
    }

    #[test]
    fn sources_from_entities() {
        let text = "The ministry told TOLOnews that 170 died.";
        let entity = EntityMention {
            start: 4,
            end: 12,
            label: "ORG".into(),
            confidence: 0.9,
        };
        let tokens = tokenize(text, 0..text.len());
        assert_eq!(text_of(text, source(&tokens, &[&entity])), Some("ministry"));
    }

    #[test]
    fn places_and_dates() {
        let text = "KABUL, Aug. 27 - Two men were killed in Pine Hills on Sunday night.";
        let found = context(text);
        assert_eq!(text_of(text, found.place), Some("Pine Hills"));
        assert_eq!(dates_of(text), ["Aug. 27", "Sunday night"]);
        let text = "KABUL, Afghanistan - Two men died on Sunday night.";
        let found = context(text);
        assert_eq!(text_of(text, found.place), Some("KABUL"));
        assert_eq!(dates_of(text), ["Sunday night"]);
        let text = "Beslan in 2004 (334 deaths) was worse.";
        let found = context(text);
        assert_eq!(found.year, Some(2004));
        assert_eq!(dates_of(text), ["2004"]);
    }

    fn dates_of(text: &str) -> Vec<&str> {
        context(text)
            .dates
            .iter()
            .filter_map(|date| text.get(date.range.clone()))
            .collect()
    }

    #[test]
    fn hedges_in_order() {
        let text = "He reportedly said the toll could be higher, according to AP";
        let tokens = tokenize(text, 0..text.len());
        assert_eq!(
            hedges(&tokens, 0..tokens.len()),
            ["reportedly", "could be", "according to"]
        );
        assert_eq!(hedges(&tokens, 3..tokens.len()), ["could be", "according to"]);
    }

    #[test]
    fn links_to_other_articles() {
        let links = |text: &str| links_elsewhere(&tokenize(text, 0..text.len()));
        assert!(links(
            "RELATED: Accident at West Texas oil rig leaves two workers dead"
        ));
        assert!(links("READ MORE: Man killed in Houston shooting"));
        assert!(links("Related Story: Two hurt in crash"));
        assert!(!links("WATCH: Police say two men were shot"));
        assert!(!links("Police said: two men were shot."));
        assert!(!links("Two men were shot."));
    }

    #[test]
    fn scopes() {
        assert_eq!(
            scope_of("300 people were killed so far this year."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("300 people were killed since 2015 in the city."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("In a separate shooting, a man was hurt."),
            Some(Scope::Other)
        );
        assert_eq!(scope_of("Two men were killed on Sunday."), None);
        assert_eq!(
            scope_of(
                "More than 1,100 people have been killed since infighting between the factions erupted."
            ),
            Some(Scope::Period)
        );
        assert_eq!(scope_of("Four were arrested since the attack on the base."), None);
        assert_eq!(
            scope_of("More than 100 people have been arrested since the protests erupted."),
            None
        );
        // a date of one incident, not a period
        assert_eq!(
            scope_of("The shooting that killed a boy and his uncle last month."),
            None
        );
        assert_eq!(
            scope_of("Five people were shot in the past month."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("Eight people were killed in shootings across the city."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("At least 12 were wounded in shootings throughout the weekend."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("Hundreds of wounded people were taken to hospitals across the city."),
            None
        );
        assert_eq!(
            scope_of("Eight people died and 10 were injured in 12 shootings since October."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("Five people were injured in three overnight shootings."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("Two men were killed three years ago."),
            Some(Scope::Other)
        );
        assert_eq!(
            scope_of("Children have been shot in recent weeks, 70 people wounded."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("More than 41,000 Palestinians have been killed since the war began."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("Boko Haram has kidnapped thousands since its insurgency began."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("Police have arrested five people since the attack."),
            None
        );
    }

    #[test]
    fn sentences_opened_as_another_incident() {
        let opened = |text: &str| opened_as_another_incident(&tokenize(text, 0..text.len()));
        assert!(opened(
            "Separately, a roadside bomb struck a police patrol, wounding four policemen."
        ));
        assert!(opened(
            "In a separate attack hours later, militants killed four police officers."
        ));
        assert!(opened("In another incident, two men were shot."));
        assert!(!opened("In another sign of the violence, two men were shot."));
        assert!(!opened("In an attack on a market, gunmen killed 12 people."));
        assert!(opened(
            "A similar attack on a village in the spring killed more than 200 people."
        ));
        assert!(opened("Another bombing in the city killed 12."));
        assert!(!opened("A suicide attack on a village killed 20 people."));
    }

    #[test]
    fn figures_of_an_earlier_operation_in_a_past_perfect_sentence() {
        let earlier = |text: &str, cue: &str| {
            let tokens = tokenize(text, 0..text.len());
            let at = tokens.iter().position(|token| token.lower == cue).expect("cue");
            in_an_earlier_incident(&tokens, at)
        };
        assert!(earlier(
            "The team had taken part in an operation in which security forces killed five Maoist fighters.",
            "killed"
        ));
        assert!(earlier(
            "The troops had been sent to the area after an operation on Saturday in which soldiers killed two dissident fighters.",
            "killed"
        ));
        assert!(!earlier(
            "Gunmen killed nine people in an attack in which they also burned houses.",
            "burned"
        ));
        assert!(!earlier(
            "The man had been shot in the attack in which two others died.",
            "died"
        ));
    }

    #[test]
    fn running_totals_since_then_and_under_a_predecessor() {
        assert_eq!(
            scope_of("More than 5,000 civilians have been killed by the security forces since then."),
            Some(Scope::Period)
        );
        assert_eq!(scope_of("Two of the wounded have died since then."), None);
        assert_eq!(scope_of("Three more people have died since then."), None);
        assert_eq!(
            scope_of("Thousands of people have been killed since then."),
            Some(Scope::Period)
        );
        assert_eq!(
            scope_of("Under his predecessor, Rodrigo Duterte, more than 6,000 people were killed."),
            Some(Scope::Period)
        );
        // "that" points back as often to the article's own event ("Another
        // man and a baby were also injured in that shooting")
        assert_eq!(scope_of("Two others were injured in that shooting."), None);
    }

    #[test]
    fn those_events_are_other_events() {
        assert_eq!(
            scope_of("Rights groups say at least 60 people were killed during those protests."),
            Some(Scope::Other)
        );
        assert_eq!(
            scope_of("At least 16 people were killed during the protests."),
            None
        );
    }

    #[test]
    fn sentences_opened_by_an_earlier_time() {
        let opened = |text: &str| opened_by_earlier_time(&tokenize(text, 0..text.len()));
        assert!(opened("Last month, 12 policemen died in an attack."));
        assert!(opened("Earlier this year, gunmen killed nine people."));
        assert!(!opened("Last month's attack killed 12 policemen."));
        assert!(opened(
            "Last year's protests, which forced a retreat, left 60 people dead."
        ));
        assert!(opened("Last week, gunmen abducted seven farmers."));
        assert!(!opened("Two men were killed last month."));
    }
}
