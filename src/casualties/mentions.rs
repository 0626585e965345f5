//! Casualty mentions: pairs a casualty cue with the count of people it
//! applies to, sentence by sentence.
//!
//! Each cue (see `lexicon.rs`) says where its count is written:
//!
//! - a predicate looks left for its subject: "At least 13 U.S. service
//!   members and more than one hundred Afghan civilians were killed", "two
//!   died", "13 dead", "a man was shot and killed", "he died", "Gregory
//!   Whitbeck, 55, was shot", "one of the victims died";
//! - an active verb looks right for its object: "killing six people and
//!   wounding 81", "police arrested four men", "shot his wife", "killed
//!   himself";
//! - a noun looks left for its number: "(334 deaths)", "no arrests";
//! - a toll looks right: "the death toll rose to 170" (an update);
//! - "two people were shot, one fatally" gives one death.
//!
//! Between a number and its noun only modifiers may stand ("two young men",
//! "three IS-K operatives"), and the noun must name people, so "six of the
//! twenty deadliest attacks" or "fired 30 rounds" never count; a number
//! without a noun counts only where the noun is plainly left out ("killing
//! 13 and wounding 20", "two were killed"). Numbers the exclusion rules
//! refuse (years, ages, money, ...) are dropped first. Negated ("were not
//! hurt") and hypothetical ("would have killed", "plotting to kill") cues
//! give nothing; "could", "may" and "might" are kept as hedges.
//!
//! Coordinated counts of one cue ("a man and a woman were killed") become
//! separate mentions sharing a `group`, which the summary adds up.
//!
//! This file works within one sentence; grouping figures into events and
//! choosing a toll is `summary.rs`.
use std::ops::Range;

use crate::ner::EntityMention;
use crate::output::extractions::{CasualtyKind, Count, CountQualifier};

use super::context::{
    bytes, entities_in, entity_ending_at, entity_starting_at, hedges, is_singular_pronoun, name_run_before,
    name_run_from, names_people, scope, sentence_context, Scope, SentenceContext,
};
use super::exclusions::exclusion;
use super::lexicon::{find_cues, is_group_plural, is_modifier, person_noun, Cue, CueClass, Plurality};
use super::numbers::{exact, find_numbers, Form, NumberPhrase};
use super::tokens::{tokenize, Token, TokenKind};

/// How the count of a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A number: digits, words, a range, a vague quantifier, "both", "no".
    Number,
    /// "a man", "an officer", "another victim".
    Article,
    /// "the victim", "his wife".
    Definite,
    /// "he", "him", "she".
    Pronoun,
    /// A person's name.
    Name,
    /// "himself", "turned the gun on himself".
    Reflexive,
}

/// One casualty figure in a text. Ranges are byte offsets of the normalised
/// text given to [`extract`].
#[derive(Debug, Clone, PartialEq)]
pub struct CasualtyMention {
    pub kind: CasualtyKind,
    pub count: Count,
    /// The words giving the count ("at least 13", "a", "he").
    pub count_span: Range<usize>,
    /// The victim group as written ("U.S. service members", "man").
    pub victims: Option<Range<usize>>,
    /// Who did it (for arrests: who made them), when the sentence says.
    pub perpetrator: Option<Range<usize>>,
    pub place: Option<Range<usize>>,
    pub date: Option<Range<usize>>,
    /// The year the sentence dates its content to, when it writes one.
    pub year: Option<u16>,
    /// Hedging words ("reportedly", "could be", "according to").
    pub hedges: Vec<String>,
    /// Who reported the figure, when named.
    pub reported_by: Option<Range<usize>>,
    /// The casualty words ("were killed" is `killed`).
    pub cue: Range<usize>,
    /// The sentence.
    pub evidence: Range<usize>,
    /// Index of the sentence in the list given to [`extract`].
    pub sentence: usize,
    pub basis: Basis,
    /// Mentions of one cue share a group ("a man and a woman were killed").
    pub group: usize,
    /// A toll update: "the death toll rose to 170".
    pub update: bool,
    pub scope: Scope,
    /// The person harmed themselves ("killed himself").
    pub self_inflicted: bool,
    /// The count says it includes the perpetrator ("three dead, including
    /// the gunman", "a murder-suicide").
    pub includes_perpetrator: bool,
    /// "a fourth victim", "another man": this person is at least the Nth.
    pub ordinal: Option<u64>,
    /// A hedge bears on the figure itself ("reportedly killed", "could be as
    /// many as"); the summary prefers figures without one.
    pub weakened: bool,
    pub confidence: f32,
}

/// A counted noun phrase, in tokens of the sentence.
#[derive(Debug, Clone)]
struct Np {
    count: Count,
    count_tokens: Range<usize>,
    victims: Option<Range<usize>>,
    basis: Basis,
    /// Tokens of the whole phrase.
    span: Range<usize>,
}

/// A mention found in a sentence, before its context is attached.
#[derive(Debug, Clone)]
struct Found {
    kind: CasualtyKind,
    np: Np,
    cue: Cue,
    /// Index of the cue in the sentence: mentions of one cue add up.
    group: usize,
    perpetrator: Option<Range<usize>>,
    update: bool,
    self_inflicted: bool,
    hedge: Option<&'static str>,
}

impl Found {
    /// Tokens between the cue and the count, for choosing between two cues
    /// that claim the same count.
    fn distance(&self) -> usize {
        let np = &self.np.span;
        if np.start >= self.cue.end {
            np.start - self.cue.end
        } else {
            self.cue.start.saturating_sub(np.end)
        }
    }
}

/// One sentence with its usable numbers indexed by first and last token.
struct Sentence<'t, 'a> {
    tokens: &'t [Token<'a>],
    numbers: Vec<NumberPhrase>,
    by_start: Vec<Option<usize>>,
    by_end: Vec<Option<usize>>,
    entities: Vec<&'t EntityMention>,
    cues: Vec<Cue>,
}

impl<'t, 'a> Sentence<'t, 'a> {
    fn new(tokens: &'t [Token<'a>], entities: Vec<&'t EntityMention>) -> Self {
        let numbers: Vec<NumberPhrase> = find_numbers(tokens)
            .into_iter()
            .filter(|phrase| exclusion(tokens, phrase).is_none())
            .collect();
        let mut by_start = vec![None; tokens.len() + 1];
        let mut by_end = vec![None; tokens.len() + 1];
        for (index, phrase) in numbers.iter().enumerate() {
            by_start[phrase.start] = Some(index);
            by_end[phrase.end] = Some(index);
        }
        Self {
            tokens,
            numbers,
            by_start,
            by_end,
            entities,
            cues: find_cues(tokens),
        }
    }

    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |token| token.lower.as_str())
    }

    fn number_starting(&self, i: usize) -> Option<&NumberPhrase> {
        self.by_start
            .get(i)
            .copied()
            .flatten()
            .and_then(|index| self.numbers.get(index))
    }

    fn number_ending(&self, end: usize) -> Option<&NumberPhrase> {
        self.by_end
            .get(end)
            .copied()
            .flatten()
            .and_then(|index| self.numbers.get(index))
    }

    fn cue_ending(&self, end: usize) -> Option<&Cue> {
        self.cues.iter().find(|cue| cue.end == end)
    }

    fn is_cue_start(&self, i: usize) -> bool {
        self.cues.iter().any(|cue| cue.start == i)
    }
}

/// "second" to "tenth".
pub fn ordinal_word(word: &str) -> Option<u64> {
    let ordinals = [
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    ordinals
        .iter()
        .position(|&ordinal| ordinal == word)
        .map(|index| index as u64 + 2)
}

/// "12-year-old", "twelve-year-old", "six-month-old": a person, used as a noun.
fn is_age_noun(token: &Token<'_>) -> bool {
    ["-year-old", "-month-old", "-week-old", "-day-old"]
        .iter()
        .any(|suffix| token.lower.ends_with(suffix))
        || token.lower.ends_with("-years-old")
}

/// "Afghans", "British", "Chinese", "American": one capitalised word that
/// names a group or a nationality rather than a person.
fn is_group_or_nationality(token: &Token<'_>) -> bool {
    is_group_plural(token)
        || ["ish", "ese", "ian", "can", "ean"]
            .iter()
            .any(|suffix| token.lower.ends_with(suffix))
}

fn person_at(token: &Token<'_>) -> Option<Plurality> {
    person_noun(&token.lower)
        .or_else(|| is_group_plural(token).then_some(Plurality::Plural))
        .or_else(|| is_age_noun(token).then_some(Plurality::Singular))
}

/// Whether a count may go with a noun of this number.
fn agrees(phrase: &NumberPhrase, plurality: Plurality) -> bool {
    match phrase.form {
        Form::Article => plurality == Plurality::Singular,
        Form::Zero => true,
        // "one person", "at least one person"
        _ if phrase.count.value == 1 && phrase.count.max.is_none_or(|max| max <= 1) => {
            plurality != Plurality::Plural
        }
        _ => plurality != Plurality::Singular,
    }
}

/// The head noun of a noun phrase starting at `from`: modifiers, then one or
/// more person nouns ("two young men", "13 U.S. service members", "two police
/// officers", "a 25-year-old man", "a 12-year-old").
fn head_after(tokens: &[Token<'_>], from: usize) -> Option<(usize, Plurality)> {
    let mut head = None;
    let mut k = from;
    while k < tokens.len() && k < from + 6 {
        let token = &tokens[k];
        if token.text == "." && k > from && tokens[k - 1].text.contains('.') {
            k += 1;
            continue;
        }
        if let Some(plurality) = person_at(token) {
            head = Some((k, plurality));
            k += 1;
            continue;
        }
        if head.is_some() || !is_modifier(token) {
            break;
        }
        k += 1;
    }
    head
}

/// Tokens that may follow a number whose noun is left out: "killing 13 and
/// wounding 20", "killed 5 on Sunday", "wounding 81, officials said".
fn elided_follower(token: Option<&Token<'_>>) -> bool {
    let Some(token) = token else {
        return true;
    };
    if token.is_punct() {
        return !matches!(token.text, "%" | "$" | "/");
    }
    token.is_any(&[
        "and",
        "or",
        "but",
        "in",
        "at",
        "on",
        "near",
        "inside",
        "outside",
        "during",
        "including",
        "when",
        "while",
        "after",
        "before",
        "as",
        "with",
        "since",
        "across",
        "around",
        "overnight",
        "last",
        "this",
        "early",
        "late",
        "from",
        "according",
        "others",
        "more",
        "earlier",
        "yesterday",
        "today",
        "tonight",
        "so",
        "over",
        "by",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ])
}

fn number_np(phrase: &NumberPhrase, victims: Option<Range<usize>>, span_end: usize) -> Np {
    Np {
        count: phrase.count.clone(),
        count_tokens: phrase.start..phrase.end,
        victims,
        basis: Basis::Number,
        span: phrase.start..span_end.max(phrase.end),
    }
}

fn single_np(count_tokens: Range<usize>, victims: Option<Range<usize>>, basis: Basis) -> Np {
    let start = count_tokens
        .start
        .min(victims.as_ref().map_or(usize::MAX, |v| v.start));
    let end = count_tokens.end.max(victims.as_ref().map_or(0, |v| v.end));
    Np {
        count: exact(1),
        count_tokens,
        victims,
        basis,
        span: start..end,
    }
}

/// A number phrase counted as the noun phrase it starts, with the basis the
/// form gives (an article is a single person).
fn counted(phrase: &NumberPhrase, victims: Option<Range<usize>>, span_end: usize) -> Np {
    let mut np = number_np(phrase, victims, span_end);
    if phrase.form == Form::Article {
        np.basis = Basis::Article;
    }
    np
}

/// The noun phrase ending just before token `end`, as a subject.
fn subject_np(s: &Sentence<'_, '_>, end: usize, relative: bool) -> Option<Np> {
    let last = end.checked_sub(1)?;
    let token = s.tokens.get(last)?;
    if let Some(phrase) = s.number_ending(end) {
        // "two were killed", "13 dead", "none were hurt"; never "a was".
        return (phrase.form != Form::Article).then(|| number_np(phrase, None, end));
    }
    if is_singular_pronoun(token) {
        return Some(single_np(last..end, None, Basis::Pronoun));
    }
    if let Some(plurality) = person_at(token) {
        let mut j = last;
        while j > 0 && last - j < 6 {
            if s.number_ending(j).is_some() {
                break;
            }
            let previous = &s.tokens[j - 1];
            let abbreviation_dot = previous.text == "." && j >= 2 && s.tokens[j - 2].text.contains('.');
            if abbreviation_dot || person_at(previous).is_some() || is_modifier(previous) {
                j -= 1;
                continue;
            }
            break;
        }
        let victims = j..end;
        if let Some(phrase) = s.number_ending(j) {
            // "four of the five victims": the first number counts.
            let of_at = if s.word(phrase.start.wrapping_sub(1)) == "the" {
                phrase.start.wrapping_sub(2)
            } else {
                phrase.start.wrapping_sub(1)
            };
            // But "four of the five people who died": the relative clause
            // is about the five.
            if s.word(of_at) == "of" && !relative {
                if let Some(outer) = s.number_ending(of_at).filter(|outer| outer.form != Form::Article) {
                    let mut np = number_np(outer, Some(victims), end);
                    np.span = outer.start..end;
                    return Some(np);
                }
            }
            return agrees(phrase, plurality).then(|| counted(phrase, Some(victims), end));
        }
        let determiner = j.checked_sub(1).map_or("", |i| s.word(i));
        // "one of the victims", "two of his relatives"
        let before_of = if matches!(determiner, "the" | "those" | "these" | "his" | "her" | "their") {
            j - 1
        } else {
            j
        };
        if before_of >= 1 && s.word(before_of - 1) == "of" {
            if let Some(phrase) = s.number_ending(before_of - 1) {
                if phrase.form != Form::Article {
                    let mut np = number_np(phrase, Some(victims), end);
                    np.span = phrase.start..end;
                    return Some(np);
                }
            }
        }
        if plurality == Plurality::Singular
            && matches!(
                determiner,
                "the" | "this" | "that" | "his" | "her" | "their" | "its"
            )
        {
            return Some(single_np(j - 1..j, Some(victims), Basis::Definite));
        }
        return None;
    }
    if token.is_any(&["them", "whom", "those"]) && last >= 1 && s.word(last - 1) == "of" {
        let phrase = s.number_ending(last - 1)?;
        return (phrase.form != Form::Article).then(|| {
            let mut np = number_np(phrase, None, end);
            np.span = phrase.start..end;
            np
        });
    }
    if let Some(entity) = entity_ending_at(&s.entities, s.tokens, last, &["PER"]) {
        let first = s.tokens.iter().position(|token| token.start == entity.start)?;
        return Some(single_np(first..end, Some(first..end), Basis::Name));
    }
    if s.entities.is_empty() {
        let run = name_run_before(s.tokens, end, 4)?;
        // A lone capitalised word opening a sentence is too often not a name;
        // after a preposition it is a place ("three people from Scotland died").
        let single_group = run.len() == 1 && is_group_or_nationality(&s.tokens[run.start]);
        let after_preposition = run.start > 0
            && s.tokens[run.start - 1].is_any(&["from", "in", "at", "of", "near", "on", "to", "for", "with"]);
        if (run.len() >= 2 || run.start > 0) && !single_group && !after_preposition {
            return Some(single_np(run.clone(), Some(run), Basis::Name));
        }
    }
    None
}

/// The subjects ending before `end`, coordinated ones included: "13 service
/// members and more than one hundred civilians".
fn subjects(s: &Sentence<'_, '_>, end: usize, relative: bool) -> Vec<Np> {
    let found = coordinated_subjects(s, end, relative);
    if !found.is_empty() {
        return found;
    }
    // "Four spectators at an illegal drag race were injured", "One of the
    // victims who was shot in the head later died": the subject before a
    // prepositional phrase or a relative clause, within the same clause.
    let mut j = end;
    while j > 0 && end - j < 12 {
        j -= 1;
        let token = &s.tokens[j];
        if token.is_punct() && !matches!(token.text, "'" | "-") {
            break;
        }
        if token.is_any(&[
            "at", "in", "on", "near", "from", "inside", "outside", "with", "of", "who", "that",
        ]) {
            let found = coordinated_subjects(s, j, false);
            // Only a counted noun of people: "six of the twenty deadliest
            // attacks that killed" has no subject before "of".
            let people = |np: &Np| matches!(np.basis, Basis::Number | Basis::Article) && np.victims.is_some();
            if found.iter().all(people) && !found.is_empty() {
                return found;
            }
        }
    }
    Vec::new()
}

/// The subjects ending just before `end`, with coordinated ones. A noun
/// phrase right after a transitive verb is that verb's object ("the man who
/// shot two people was arrested"), not a subject.
fn coordinated_subjects(s: &Sentence<'_, '_>, end: usize, relative: bool) -> Vec<Np> {
    let mut found = Vec::new();
    let mut end = end;
    while let Some(np) = subject_np(s, end, relative) {
        let start = np.span.start;
        let after_verb = s.cue_ending(start).is_some_and(|cue| {
            matches!(
                cue.class,
                CueClass::Active | CueClass::Predicate { transitive: true }
            )
        });
        if after_verb {
            break;
        }
        let pronoun = np.basis == Basis::Pronoun;
        found.push(np);
        // Walking left, the last link of a list is "and": "A, B and C".
        let link = s.word(start.wrapping_sub(1));
        let links = link == "and" || (link == "," && found.len() >= 2);
        if pronoun || found.len() >= 4 || start < 2 || !links {
            break;
        }
        end = start - 1;
        // "Deputy Bruce Simmons, 51, and Officer Chad Montgomery"
        if s.word(end.wrapping_sub(1)) == "," {
            match parenthetical_start(s, end - 1) {
                Some(open) => end = open,
                None if link == "," => {}
                None => break,
            }
        }
    }
    found
}

/// The noun phrase starting at `start`, as an object.
fn object_np(s: &Sentence<'_, '_>, start: usize) -> Option<Np> {
    let mut k = start;
    while s
        .tokens
        .get(k)
        .is_some_and(|token| is_adverb(token) || token.is_any(&["reportedly", "allegedly", "then"]))
    {
        k += 1;
    }
    let token = s.tokens.get(k)?;
    if let Some(phrase) = s.number_starting(k) {
        if let Some((head, plurality)) = head_after(s.tokens, phrase.end) {
            return agrees(phrase, plurality).then(|| counted(phrase, Some(phrase.end..head + 1), head + 1));
        }
        // "two of the victims", "three of them"
        if s.word(phrase.end) == "of" && phrase.form != Form::Article {
            let mut after = phrase.end + 1;
            if matches!(s.word(after), "the" | "those" | "these" | "his" | "her" | "their") {
                after += 1;
            }
            if s.word(after) == "them" {
                return Some(number_np(phrase, None, after + 1));
            }
            if let Some((head, plurality)) = head_after(s.tokens, after) {
                return (plurality != Plurality::Singular)
                    .then(|| number_np(phrase, Some(after..head + 1), head + 1));
            }
            return None;
        }
        if !matches!(phrase.form, Form::Article | Form::Zero) && elided_follower(s.tokens.get(phrase.end)) {
            return Some(number_np(phrase, None, phrase.end));
        }
        // "seriously injuring a fourth"
        if phrase.form == Form::Article && ordinal_word(s.word(phrase.end)).is_some() {
            let end = phrase.end + 1;
            if elided_follower(s.tokens.get(end)) {
                return Some(single_np(phrase.start..end, None, Basis::Article));
            }
        }
        return None;
    }
    let next = s.tokens.get(k + 1);
    let possessive_her =
        token.is("her") && next.is_some_and(|next| is_modifier(next) || person_at(next).is_some());
    if token.is("him") || (token.is("her") && !possessive_her) {
        return Some(single_np(k..k + 1, None, Basis::Pronoun));
    }
    if token.is_any(&["himself", "herself"]) {
        return Some(single_np(k..k + 1, None, Basis::Reflexive));
    }
    // "wounding another"
    if token.is("another") && next.is_none_or(|next| person_at(next).is_none() && !is_modifier(next)) {
        return Some(single_np(k..k + 1, None, Basis::Article));
    }
    // "the death of 6-year-old King Carter"
    if is_age_noun(token) {
        let name = name_run_from(s.tokens, k + 1, 4);
        let end = name.map_or(k + 1, |name| name.end);
        return Some(single_np(k..end, Some(k..end), Basis::Name));
    }
    if token.is_any(&["the", "his", "her", "their", "its"]) {
        if let Some(mut np) = s.number_starting(k + 1).and_then(|_| object_np(s, k + 1)) {
            np.span.start = k;
            return Some(np);
        }
        if let Some((head, Plurality::Singular)) = head_after(s.tokens, k + 1) {
            return Some(single_np(k..k + 1, Some(k + 1..head + 1), Basis::Definite));
        }
        return None;
    }
    if let Some(entity) = entity_starting_at(&s.entities, s.tokens, k, &["PER"]) {
        let last = s.tokens.iter().rposition(|token| token.end <= entity.end)?;
        return Some(single_np(k..last + 1, Some(k..last + 1), Basis::Name));
    }
    if s.entities.is_empty() {
        let run = name_run_from(s.tokens, k, 4)?;
        let first = &s.tokens[run.start];
        let single_group = run.len() == 1 && is_group_or_nationality(first);
        // "injuring U.S. firms", "the kidnapping of American journalist X":
        // capitals before a lower-case noun are its modifiers, not a name.
        let modifies = s
            .tokens
            .get(run.end)
            .is_some_and(|next| next.kind == TokenKind::Word && !next.is_capitalized() && is_modifier(next));
        if !single_group && !modifies && person_at(first).is_none() {
            return Some(single_np(run.clone(), Some(run), Basis::Name));
        }
    }
    None
}

/// The objects starting at `start`, coordinated ones included: "two men and
/// a woman", but not "two men and a woman was wounded" (a new clause).
fn objects(s: &Sentence<'_, '_>, start: usize) -> Vec<Np> {
    let mut found: Vec<Np> = Vec::new();
    let mut start = start;
    let mut commas = false;
    let mut closed = true;
    while let Some(np) = object_np(s, start) {
        let end = np.span.end;
        found.push(np);
        // "A, B and C": commas link a list of alike phrases; "his wife,
        // Jane Doe," is an apposition, not a second victim.
        let (link, next_start) = match (s.word(end), s.word(end + 1)) {
            (",", "and") => ("and", end + 2),
            ("and", _) => ("and", end + 1),
            (",", _) => (",", end + 1),
            _ => break,
        };
        if found.len() >= 6 {
            break;
        }
        // The next conjunct must not start a clause of its own.
        let Some(next) = object_np(s, next_start) else {
            break;
        };
        let after = next.span.end;
        let same_kind = found.last().is_some_and(|last| last.basis == next.basis);
        if s.is_cue_start(after) || is_auxiliary(s.word(after)) || (link == "," && !same_kind) {
            break;
        }
        commas |= link == ",";
        closed = link == "and";
        start = next_start;
    }
    if commas && !closed {
        found.truncate(1);
    }
    found
}

fn is_adverb(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Word
        && token.lower.len() > 4
        && token.lower.ends_with("ly")
        && !matches!(
            token.lower.as_str(),
            "family" | "italy" | "rally" | "early" | "only" | "july" | "ally"
        )
}

fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "was" | "were" | "is" | "are" | "am" | "be" | "been" | "being" | "got" | "get" | "gets" | "getting"
    )
}

/// What stands between a predicate cue and its subject.
#[derive(Debug, Default)]
struct Left {
    /// The subject ends just before this token.
    end: usize,
    passive: bool,
    negated: bool,
    /// Hypothetical or future: "would have been killed", "plotting to kill".
    hypothetical: bool,
    /// The predicate is a relative clause: "the five people who died".
    relative: bool,
    /// "has", "have" or "had" before the verb: "has shot many films".
    perfect: bool,
    hedge: Option<&'static str>,
}

/// Words that may stand between a subject and its predicate.
const LEFT_BRIDGE: &[&str] = &[
    "has",
    "have",
    "had",
    "reportedly",
    "allegedly",
    "also",
    "all",
    "later",
    "still",
    "then",
    "now",
    "each",
    "since",
    "subsequently",
    "apparently",
    "initially",
    "eventually",
    "just",
    "already",
    "ultimately",
    "who",
    "that",
    "which",
    "previously",
    "earlier",
    "officially",
    "remain",
    "remains",
    "remained",
    "reported",
    "confirmed",
    "believed",
    "thought",
    "feared",
    "said",
    "known",
    "presumed",
    "found",
];

/// Walks left from a predicate cue over auxiliaries, adverbs, parentheticals
/// (", including a child,", ", 34,") and an earlier coordinated predicate
/// ("was shot and later died").
fn left_of(s: &Sentence<'_, '_>, cue_start: usize) -> Left {
    let mut left = Left::default();
    let mut k = cue_start;
    while k > 0 {
        let token = &s.tokens[k - 1];
        let word = token.lower.as_str();
        if is_auxiliary(word) {
            left.passive = true;
            k -= 1;
        } else if LEFT_BRIDGE.contains(&word) || is_adverb(token) {
            left.relative |= matches!(word, "who" | "that" | "which");
            left.perfect |= matches!(word, "has" | "have" | "had");
            k -= 1;
        } else if word == "not" || word == "never" || word.ends_with("n't") {
            left.negated = true;
            k -= 1;
        } else if matches!(
            word,
            "would" | "will" | "should" | "can" | "cannot" | "must" | "wo"
        ) {
            left.hypothetical = true;
            k -= 1;
        } else if matches!(word, "could" | "may" | "might") {
            // "could have been killed" is what did not happen; "may have been" a hedge.
            if word == "could" && s.word(k) == "have" {
                left.hypothetical = true;
            }
            left.hedge = Some(match word {
                "could" => "could",
                "may" => "may",
                _ => "might",
            });
            k -= 1;
        } else if word == "to" {
            // "believed to have been killed" hedges; "plotting to kill" did not happen.
            if k >= 2
                && matches!(
                    s.word(k - 2),
                    "believed" | "thought" | "said" | "reported" | "known" | "feared" | "presumed"
                )
            {
                left.hedge = Some("believed");
            } else {
                left.hypothetical = true;
            }
            k -= 1;
        } else if word == "and" && k >= 2 {
            // "was shot and later died": step over the earlier predicate.
            match s.cue_ending(k - 1) {
                Some(cue) if matches!(cue.class, CueClass::Predicate { .. }) => k = cue.start,
                _ => break,
            }
        } else if word == "," && k < cue_start && matches!(s.word(k), "who" | "which") {
            // ", who was shot": a relative clause after its noun.
            k -= 1;
        } else if word == "," || word == ")" {
            match parenthetical_start(s, k - 1) {
                Some(open) => k = open,
                None => break,
            }
        } else {
            break;
        }
    }
    left.end = k;
    left
}

/// The opening comma or bracket of a parenthetical closed at token `close`:
/// ", including a child,", ", 34,", ", aged 19 and 24,", "(34)".
fn parenthetical_start(s: &Sentence<'_, '_>, close: usize) -> Option<usize> {
    let opener = if s.word(close) == ")" { "(" } else { "," };
    let open = (close.saturating_sub(12)..close)
        .rev()
        .find(|&i| s.word(i) == opener)?;
    let first = s.tokens.get(open + 1)?;
    let inner = close - open - 1;
    let introduces = first.is_any(&[
        "including",
        "also",
        "identified",
        "a",
        "an",
        "each",
        "among",
        "aged",
        "ages",
        "age",
        "both",
        "all",
        "who",
        "which",
        "most",
        "mostly",
        "many",
        "one",
        "two",
        "police",
        "officials",
        "authorities",
    ]);
    // ", 34,", ", 17 and 19 years old,"
    let age = inner <= 8 && first.kind == TokenKind::Number;
    if !(opener == "(" || introduces || age) {
        return None;
    }
    // "four people, an 18-year-old man, a 19-year-old man and an 11-year-old
    // boy, were hit": earlier items of the same list go too.
    let mut open = open;
    while opener == "," && open > 0 {
        let Some(previous) = (open.saturating_sub(8)..open).rev().find(|&i| s.word(i) == ",") else {
            break;
        };
        let item = s.tokens.get(previous + 1);
        if item.is_some_and(|token| token.is_any(&["a", "an"]) || token.kind == TokenKind::Number) {
            open = previous;
        } else {
            break;
        }
    }
    Some(open)
}

/// Whether the clause of a subject starting at `start` is a condition: "if
/// anyone was hurt", "in the event she was injured".
fn conditional(s: &Sentence<'_, '_>, start: usize) -> bool {
    (start.saturating_sub(3)..start).any(|i| {
        matches!(s.word(i), "if" | "unless" | "whether")
            || (s.word(i) == "event"
                && s.word(i.wrapping_sub(1)) == "the"
                && s.word(i.wrapping_sub(2)) == "in")
    })
}

/// The agent before an active verb: "Gunmen", "Turkish police", "the
/// Counter Terrorism Department (CTD)".
fn agent_before(s: &Sentence<'_, '_>, end: usize) -> Option<Range<usize>> {
    let mut end = end;
    // "(CTD)" after a name
    if end >= 3 && s.word(end - 1) == ")" && s.word(end - 3) == "(" {
        end -= 3;
    }
    let last = end.checked_sub(1)?;
    if let Some(entity) = entity_ending_at(&s.entities, s.tokens, last, &["PER", "ORG", "MISC"]) {
        return Some(entity.start..entity.end);
    }
    let head = s.tokens.get(last)?;
    if names_people(head) {
        let mut start = last;
        while start > 0 && last - start < 5 {
            let previous = &s.tokens[start - 1];
            if previous.is_any(&["a", "an", "the"]) {
                start -= 1;
                break;
            }
            if !(is_modifier(previous) || previous.is_capitalized()) || previous.is_punct() {
                break;
            }
            start -= 1;
        }
        return bytes(s.tokens, start..end);
    }
    let run = name_run_before(s.tokens, end, 6)?;
    bytes(s.tokens, run)
}

/// The agent after "by": "killed by a suicide bomber", "arrested by police".
fn agent_after_by(s: &Sentence<'_, '_>, cue_end: usize) -> Option<Range<usize>> {
    let mut k = cue_end;
    while s.tokens.get(k).is_some_and(is_adverb) {
        k += 1;
    }
    if s.word(k) != "by" {
        return None;
    }
    let start = k + 1;
    if let Some(entity) = entity_starting_at(&s.entities, s.tokens, start, &["PER", "ORG", "MISC"]) {
        return Some(entity.start..entity.end);
    }
    let mut end = start;
    if s.tokens
        .get(end)
        .is_some_and(|token| token.is_any(&["a", "an", "the"]))
    {
        end += 1;
    }
    let mut last_agent = None;
    while end < s.tokens.len() && end - start < 6 {
        let token = &s.tokens[end];
        if token.is_punct() || !(is_modifier(token) || names_people(token) || token.is_capitalized()) {
            break;
        }
        if names_people(token) || token.is_capitalized() {
            last_agent = Some(end);
        }
        end += 1;
    }
    bytes(s.tokens, start..last_agent? + 1)
}

/// Words between a toll and its number: "rose to", "has risen to", "stood at", "of".
const TOLL_BRIDGE: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "rising",
    "climbed",
    "climbs",
    "climbing",
    "jumped",
    "increased",
    "reached",
    "stood",
    "stands",
    "stand",
    "is",
    "was",
    "has",
    "had",
    "have",
    "now",
    "at",
    "to",
    "of",
    "hit",
    "topped",
    "passed",
    "surpassed",
    "officially",
    "reportedly",
    "remained",
    "remains",
    "in",
    "the",
    "attack",
    "from",
    "(",
    "grew",
    "went",
    "up",
    "further",
    "later",
    "stood",
    "is",
    "be",
    "could",
    "may",
    "might",
    "shooting",
    "shootings",
    "attack",
    "attacks",
    "bombing",
    "blast",
    "explosion",
    "incident",
    "crash",
    "violence",
    "clashes",
    "fire",
    "massacre",
    "rampage",
];

const TOLL_UPDATES: &[&str] = &[
    "rose",
    "risen",
    "rises",
    "rising",
    "climbed",
    "climbs",
    "climbing",
    "jumped",
    "increased",
    "reached",
    "hit",
    "topped",
    "passed",
    "surpassed",
    "now",
    "grew",
    "went",
    "further",
];

fn toll_count(s: &Sentence<'_, '_>, cue: &Cue, group: usize) -> Option<Found> {
    let mut k = cue.end;
    // "bringing the death toll to three"
    let before = if s.word(cue.start.wrapping_sub(1)) == "the" {
        cue.start.wrapping_sub(2)
    } else {
        cue.start.wrapping_sub(1)
    };
    let mut update = matches!(
        s.word(before),
        "bringing" | "brought" | "raising" | "raised" | "pushing" | "pushed"
    );
    while k < s.tokens.len() && k < cue.end + 6 {
        if let Some(phrase) = s.number_starting(k) {
            // "rose from 3 to 5": the number after "from" is the old toll.
            if s.word(k.wrapping_sub(1)) == "from" {
                k = phrase.end;
                continue;
            }
            if matches!(phrase.form, Form::Article | Form::Zero) {
                return None;
            }
            // A bare "toll" must be followed by a verb of tolls: not "took a toll".
            if cue.end == cue.start + 1 && k == cue.end {
                return None;
            }
            return Some(Found {
                kind: cue.kind,
                np: number_np(phrase, None, phrase.end),
                cue: *cue,
                group,
                perpetrator: None,
                update,
                self_inflicted: false,
                hedge: None,
            });
        }
        let word = s.word(k);
        if !TOLL_BRIDGE.contains(&word) {
            return None;
        }
        update |= TOLL_UPDATES.contains(&word);
        k += 1;
    }
    None
}

/// "334 deaths", "no arrests", "20 civilian casualties", "an arrest", and
/// "the arrest of four men".
fn noun_count(s: &Sentence<'_, '_>, cue: &Cue, group: usize) -> Option<Found> {
    let found = |np: Np| Found {
        kind: cue.kind,
        np,
        cue: *cue,
        group,
        perpetrator: None,
        update: false,
        self_inflicted: false,
        hedge: None,
    };
    let singular_noun = s
        .tokens
        .get(cue.start)
        .is_some_and(|token| !token.lower.ends_with('s'));
    // "1,600 bodies washed up" but not "100,000 public bodies".
    let bodies = s.word(cue.start) == "bodies";
    let mut j = cue.start;
    while j > 0 && cue.start - j < 3 && s.number_ending(j).is_none() && is_modifier(&s.tokens[j - 1]) {
        if bodies
            && !s.tokens[j - 1].is_any(&[
                "more",
                "dead",
                "charred",
                "decomposed",
                "mutilated",
                "burned",
                "other",
            ])
        {
            return None;
        }
        j -= 1;
    }
    if let Some(phrase) = s.number_ending(j) {
        // "one of several deaths": a vague container, not a count.
        if phrase.form == Form::Vague && s.word(phrase.start.wrapping_sub(1)) == "of" {
            return None;
        }
        // "a death threat", "two death threats": a singular noun must end the phrase.
        let next_is_word = s
            .tokens
            .get(cue.end)
            .is_some_and(|token| token.kind == TokenKind::Word);
        let fits = if singular_noun {
            matches!(phrase.form, Form::Article | Form::Zero) && !next_is_word
        } else {
            phrase.form != Form::Article
        };
        return fits.then(|| found(counted(phrase, None, cue.end)));
    }
    if s.word(cue.end) == "of" {
        let np = object_np(s, cue.end + 1)?;
        return Some(found(np));
    }
    None
}

/// Mentions of one predicate or active cue.
fn verb_mentions(s: &Sentence<'_, '_>, cue: &Cue, group: usize) -> Vec<Found> {
    let left = left_of(s, cue.start);
    if left.negated || left.hypothetical {
        return Vec::new();
    }
    let found = |np: Np, perpetrator: Option<Range<usize>>| Found {
        kind: cue.kind,
        self_inflicted: np.basis == Basis::Reflexive,
        np,
        cue: *cue,
        group,
        perpetrator,
        update: false,
        hedge: left.hedge,
    };
    let active = match cue.class {
        CueClass::Active => true,
        CueClass::Predicate { transitive } => transitive && !left.passive,
        _ => false,
    };
    if active {
        // "captured Iowa", "the Taunton shooting Posted: ...": these verbs
        // take places and headlines as often as people; no names for them.
        let no_names = matches!(
            s.word(cue.start),
            "captured" | "shooting" | "hit" | "struck" | "seized"
        );
        let nps: Vec<Np> = objects(s, cue.end)
            .into_iter()
            .take_while(|np| !(no_names && np.basis == Basis::Name))
            .collect();
        if !nps.is_empty() {
            // In a relative clause ("an ambush near Mopti that killed") the
            // agent is the clause's antecedent, which is not found here.
            let agent = if left.relative {
                None
            } else {
                agent_before(s, left.end)
            };
            // "shooting three people to death", "shot two men dead"
            let end = nps.last().map_or(cue.end, |np| np.span.end);
            let fatal = cue.kind == CasualtyKind::KilledOrInjured
                && (s.word(end) == "dead" || (s.word(end) == "to" && s.word(end + 1) == "death"));
            return nps
                .into_iter()
                .map(|np| {
                    let perpetrator = if np.basis == Basis::Reflexive {
                        None
                    } else {
                        agent.clone()
                    };
                    let mut mention = found(np, perpetrator);
                    if fatal {
                        mention.kind = CasualtyKind::Killed;
                    }
                    mention
                })
                .collect();
        }
        // "the killing of two men"
        if s.word(cue.end) == "of" {
            if let Some(np) = object_np(s, cue.end + 1) {
                return vec![found(np, None)];
            }
        }
        if cue.class == CueClass::Active {
            return Vec::new();
        }
    }
    // "Simon Bysshe, who has shot many films": an active transitive verb in
    // the perfect has its agent, not its victim, before it.
    if matches!(cue.class, CueClass::Predicate { transitive: true }) && !left.passive && left.perfect {
        return Vec::new();
    }
    let agent = agent_after_by(s, cue.end);
    // "a suicide bomber struck crowds", "both have hit price points": "struck"
    // and "hit" describe victims only in the passive ("were hit") or after
    // a count ("4 hit in shooting").
    let strike = cue.end == cue.start + 1 && matches!(s.word(cue.start), "hit" | "struck");
    let ends_clause = s
        .tokens
        .get(cue.end)
        .is_none_or(|next| next.is_punct() || next.is_any(&["in", "by", "during"]));
    subjects(s, left.end, left.relative)
        .into_iter()
        .filter(|np| {
            !strike
                || left.passive
                || (np.basis == Basis::Number && np.victims.is_none() && ends_clause && np.count.value > 0)
        })
        .filter(|np| !conditional(s, np.span.start))
        // "the tanker Sungari was hit", "northern Chad captured by troops"
        .filter(|np| {
            !(np.basis == Basis::Name
                && matches!(s.word(cue.start), "hit" | "struck" | "captured" | "seized"))
        })
        .map(|np| found(np, agent.clone()))
        .collect()
}

/// "two people were shot, one fatally"; "three of them fatally".
fn fatally_counts(s: &Sentence<'_, '_>, group: usize) -> Vec<Found> {
    let mut found = Vec::new();
    for phrase in &s.numbers {
        let (mut end, mut np_end) = (phrase.end, phrase.end);
        if s.word(end) == "of" && matches!(s.word(end + 1), "them" | "whom") {
            end += 2;
            np_end = end;
        }
        if !matches!(s.word(end), "fatally" | "mortally") || matches!(phrase.form, Form::Article | Form::Zero)
        {
            continue;
        }
        let after = s.tokens.get(end + 1);
        if after.is_some_and(|token| !(token.is_punct() || token.is_any(&["and", "but", "while"]))) {
            continue;
        }
        found.push(Found {
            kind: CasualtyKind::Killed,
            np: number_np(phrase, None, np_end),
            cue: Cue {
                kind: CasualtyKind::Killed,
                class: CueClass::Predicate { transitive: false },
                start: end,
                end: end + 1,
            },
            group: group + found.len(),
            perpetrator: None,
            update: false,
            self_inflicted: false,
            hedge: None,
        });
    }
    found
}

/// "Two suspects were detained in Orangi Town and seven others in
/// Gulshan-e-Iqbal": a count after the cue whose verb is left out.
fn gapped(s: &Sentence<'_, '_>, found: &Found) -> Option<Found> {
    if found.np.span.end > found.cue.start || found.np.basis != Basis::Number {
        return None;
    }
    let limit = s
        .cues
        .iter()
        .map(|cue| cue.start)
        .filter(|&start| start > found.cue.start)
        .min()
        .unwrap_or(s.tokens.len());
    // The verb's phrase must go on after it ("detained in Orangi Town and
    // seven others in ..."), else "and" joins a new subject.
    if !matches!(
        s.word(found.cue.end),
        "in" | "at" | "on" | "near" | "from" | "inside" | "outside"
    ) {
        return None;
    }
    let and = (found.cue.end..limit.min(found.cue.end + 8)).find(|&i| s.word(i) == "and")?;
    let phrase = s.number_starting(and + 1)?;
    if matches!(phrase.form, Form::Article | Form::Zero) {
        return None;
    }
    let (victims, end) = if s.word(phrase.end) == "others" {
        (Some(phrase.end..phrase.end + 1), phrase.end + 1)
    } else {
        let (head, plurality) = head_after(s.tokens, phrase.end)?;
        if !agrees(phrase, plurality) {
            return None;
        }
        (Some(phrase.end..head + 1), head + 1)
    };
    // Followed by its own verb, it is a clause of its own: "and nine were missing".
    let next = s.word(end);
    if s.is_cue_start(end) || is_auxiliary(next) || LEFT_BRIDGE.contains(&next) {
        return None;
    }
    if !(next.is_empty() || matches!(next, "in" | "at" | "on" | "near" | "from" | "," | "." | ";")) {
        return None;
    }
    Some(Found {
        np: number_np(phrase, victims, end),
        cue: found.cue,
        group: found.group,
        perpetrator: None,
        update: false,
        self_inflicted: false,
        hedge: None,
        kind: found.kind,
    })
}

/// "double homicide" (two killed), "triple shooting" (three shot), "a
/// murder-suicide" (at least two killed: a victim and the killer),
/// "quadruple murder-suicide" (five).
fn multiples(s: &Sentence<'_, '_>, group: usize) -> Vec<Found> {
    let mut found = Vec::new();
    for (i, token) in s.tokens.iter().enumerate() {
        let times = match token.lower.as_str() {
            "double" => 2,
            "triple" => 3,
            "quadruple" => 4,
            "quintuple" => 5,
            _ => 0,
        };
        let next = s.word(i + 1);
        let (kind, count, cue) = match next {
            "homicide" | "homicides" | "murder" | "murders" | "killing" | "killings" | "slaying"
            | "slayings"
                if times > 0 =>
            {
                (CasualtyKind::Killed, exact(times), i + 1)
            }
            "murder-suicide" if times > 0 => (CasualtyKind::Killed, exact(times + 1), i + 1),
            "shooting" | "shootings" | "stabbing" if times > 0 => {
                (CasualtyKind::KilledOrInjured, exact(times), i + 1)
            }
            _ if token.is("murder-suicide")
                && !matches!(
                    s.word(i.wrapping_sub(1)),
                    "double" | "triple" | "quadruple" | "quintuple"
                ) =>
            {
                let count = Count {
                    value: 2,
                    min: Some(2),
                    max: None,
                    qualifier: CountQualifier::AtLeast,
                };
                (CasualtyKind::Killed, count, i)
            }
            _ => continue,
        };
        found.push(Found {
            kind,
            np: Np {
                count,
                count_tokens: i..i + 1,
                victims: None,
                basis: Basis::Number,
                span: i..i + 1,
            },
            cue: Cue {
                kind,
                class: CueClass::Noun,
                start: cue,
                end: cue + 1,
            },
            group: group + found.len(),
            perpetrator: None,
            update: false,
            self_inflicted: false,
            hedge: None,
        });
    }
    found
}

/// Whether a death is told as a natural one: "died at the age of 93",
/// "died of cancer", "who died Sunday at age 94".
fn natural_death(s: &Sentence<'_, '_>, mention: &Found) -> bool {
    if mention.kind != CasualtyKind::Killed || !s.word(mention.cue.start).starts_with("die") {
        return false;
    }
    let window = mention.cue.end..(mention.cue.end + 8).min(s.tokens.len());
    let causes = [
        "cancer",
        "illness",
        "natural",
        "heart",
        "complications",
        "pneumonia",
        "stroke",
        "disease",
        "alzheimer's",
        "covid-19",
        "aids",
        "old",
        "sleep",
    ];
    window.clone().any(|i| {
        let word = s.word(i);
        (word == "age" && matches!(s.word(i.wrapping_sub(1)), "at" | "the"))
            || word == "aged"
            || (matches!(word, "of" | "from" | "in") && causes.contains(&s.word(i + 1)))
            || (word == "after" && matches!(s.word(i + 1), "a" | "long") && causes.contains(&s.word(i + 2)))
    })
}

/// Words that say a text is about violence (or a disaster): any of them
/// anywhere in the document.
const VIOLENCE: &[&str] = &[
    "shot",
    "shooting",
    "shootings",
    "gunfire",
    "gunman",
    "gunmen",
    "gunshot",
    "killed",
    "killing",
    "murder",
    "murdered",
    "homicide",
    "stabbed",
    "stabbing",
    "attack",
    "attacked",
    "bomb",
    "bombing",
    "blast",
    "explosion",
    "wounded",
    "injured",
    "slain",
    "massacre",
    "violence",
    "clashes",
    "riots",
    "militants",
    "crash",
    "fire",
    "earthquake",
    "disaster",
    "accident",
    "victim",
    "victims",
    "strike",
    "airstrike",
    "fighting",
    "war",
];

fn is_violent(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|word| word.len() >= 3 && VIOLENCE.iter().any(|violent| word.eq_ignore_ascii_case(violent)))
}

/// One person's death told by "died", "dead" or "death" alone, without a
/// word of violence in the cue: "his mother died", "the death of their father".
fn single_death(s: &Sentence<'_, '_>, mention: &Found) -> bool {
    mention.kind == CasualtyKind::Killed
        && mention.np.count.value == 1
        && mention.np.basis != Basis::Number
        && matches!(
            s.word(mention.cue.start),
            "died" | "dies" | "dead" | "death" | "deaths" | "deceased" | "perished"
        )
}

/// All mentions of one sentence, in tokens.
fn sentence_mentions(s: &Sentence<'_, '_>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for (group, cue) in s.cues.iter().enumerate() {
        match cue.class {
            CueClass::Noun => found.extend(noun_count(s, cue, group)),
            CueClass::Toll => found.extend(toll_count(s, cue, group)),
            CueClass::SelfInflicted => {
                let left = left_of(s, cue.start);
                if !(left.negated || left.hypothetical) {
                    found.push(Found {
                        kind: cue.kind,
                        np: single_np(cue.start..cue.end, None, Basis::Reflexive),
                        cue: *cue,
                        group,
                        perpetrator: None,
                        update: false,
                        self_inflicted: true,
                        hedge: left.hedge,
                    });
                }
            }
            CueClass::Predicate { .. } | CueClass::Active => {
                let verbs = verb_mentions(s, cue, group);
                let gaps: Vec<Found> = verbs.iter().filter_map(|mention| gapped(s, mention)).collect();
                found.extend(verbs);
                found.extend(gaps);
            }
        }
    }
    found.extend(fatally_counts(s, s.cues.len()));
    found.extend(multiples(s, s.cues.len() + s.numbers.len() + 1));
    // "hundreds of wounded people had been taken to hospitals": a killed-or-
    // injured cue on people the phrase calls wounded (or dead) is an injury
    // (or a death).
    for mention in &mut found {
        if mention.kind != CasualtyKind::KilledOrInjured {
            continue;
        }
        let Some(victims) = &mention.np.victims else {
            continue;
        };
        let described = |words: &[&str]| {
            victims
                .clone()
                .any(|i| s.tokens.get(i).is_some_and(|token| token.is_any(words)))
        };
        if described(&["wounded", "injured"]) {
            mention.kind = CasualtyKind::Injured;
        } else if described(&["dead", "slain", "deceased"]) {
            mention.kind = CasualtyKind::Killed;
        }
    }
    // "Jerry Scoggins has died at the age of 93": an obituary, not a casualty.
    found.retain(|mention| !natural_death(s, mention));
    // One count, one cue of each kind: the nearest.
    found.sort_by_key(|mention| {
        (
            mention.np.count_tokens.start,
            kind_rank(mention.kind),
            mention.distance(),
        )
    });
    found.dedup_by(|later, earlier| {
        later.np.count_tokens == earlier.np.count_tokens && later.kind == earlier.kind
    });
    found.sort_by_key(|mention| (mention.np.count_tokens.start, mention.cue.start));
    found
}

fn kind_rank(kind: CasualtyKind) -> u8 {
    match kind {
        CasualtyKind::Killed => 0,
        CasualtyKind::Injured => 1,
        CasualtyKind::KilledOrInjured => 2,
        CasualtyKind::Missing => 3,
        CasualtyKind::Arrested => 4,
        CasualtyKind::Kidnapped => 5,
    }
}

fn confidence(found: &Found, hedged: bool) -> f32 {
    let base = match found.np.basis {
        Basis::Number => match found.np.count.qualifier {
            CountQualifier::Vague => 0.75,
            _ => 0.9,
        },
        Basis::Article => 0.85,
        Basis::Definite | Basis::Name | Basis::Reflexive => 0.75,
        Basis::Pronoun => 0.65,
    };
    if hedged {
        base * 0.8
    } else {
        base
    }
}

/// Pieces of a sentence that the sentence splitter left joined: scraped
/// text often lacks the space after a full stop ("police said.The
/// incident"). A piece ends at `.`, `!` or `?` followed by a capitalised
/// word, when a lower-case word of three letters or more, a number or a
/// closing quote comes before it, so "U.S. President", "Dr. Smith" and "p.m.
/// Sunday" stay whole.
fn pieces(tokens: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    // Text without capitals ("ahmedabad: four people were killed. police
    // said ...") gives no capitalised word to split before: any word will do.
    let lower_case = !tokens
        .iter()
        .any(|token| token.kind == TokenKind::Word && token.is_capitalized());
    for i in 1..tokens.len().saturating_sub(1) {
        let stop = matches!(tokens[i].text, "." | "!" | "?");
        let before = &tokens[i - 1];
        let ends_sentence = before.kind == TokenKind::Number
            || matches!(before.text, "\"" | "'" | ")")
            || (before.kind == TokenKind::Word
                && before.text.chars().count() >= 3
                && !before.is_capitalized()
                && !before.text.contains('.'));
        let next = &tokens[i + 1];
        if stop && ends_sentence && (next.is_capitalized() || (lower_case && next.kind == TokenKind::Word)) {
            pieces.push(start..i + 1);
            start = i + 1;
        }
    }
    pieces.push(start..tokens.len());
    pieces
}

/// The casualty mentions of a text, sentence by sentence. `text` is the
/// normalised text, `sentences` its sentences as byte ranges, `entities` the
/// named entities of the NER stage (may be empty: capitalised phrases stand
/// in). Mentions come in text order.
pub fn extract(text: &str, sentences: &[Range<usize>], entities: &[EntityMention]) -> Vec<CasualtyMention> {
    extract_with(text, sentences, entities, &DocumentContext::of(text))
}

/// What the rules need to know about the whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentContext {
    /// The document speaks of violence or a disaster somewhere ("shot",
    /// "attack", "crash", ...); without it, one person's death told by
    /// "died" alone is taken for a natural death and left out.
    pub violent: bool,
}

impl DocumentContext {
    /// The context of a whole document.
    pub fn of(text: &str) -> Self {
        Self {
            violent: is_violent(text),
        }
    }
}

/// [`extract`] with the document context given, for callers that see only
/// part of a document (a sentence kept in a test fixture).
pub fn extract_with(
    text: &str,
    sentences: &[Range<usize>],
    entities: &[EntityMention],
    document: &DocumentContext,
) -> Vec<CasualtyMention> {
    let violent = document.violent;
    let mut mentions = Vec::new();
    let mut group_base = 0;
    for (index, range) in sentences.iter().enumerate() {
        let all_tokens = tokenize(text, range.clone());
        for piece in pieces(&all_tokens) {
            let tokens = &all_tokens[piece];
            let Some(evidence) = bytes(tokens, 0..tokens.len()) else {
                continue;
            };
            let sentence = Sentence::new(tokens, entities_in(entities, &evidence));
            let mut found = sentence_mentions(&sentence);
            // "Ray Charles, who died last year": one person's death in an
            // article about no violence is most likely a natural one.
            if !violent {
                found.retain(|mention| !(single_death(&sentence, mention)));
            }
            if found.is_empty() {
                continue;
            }
            let context = sentence_context(tokens, &sentence.entities);
            for mention in &found {
                mentions.extend(mention_of(
                    tokens, mention, &context, &evidence, index, group_base,
                ));
            }
            group_base += sentence.cues.len() + 2 * sentence.numbers.len() + sentence.tokens.len() + 2;
        }
    }
    mentions
}

/// A found mention with its context, as byte ranges.
fn mention_of(
    tokens: &[Token<'_>],
    mention: &Found,
    context: &SentenceContext,
    evidence: &Range<usize>,
    sentence: usize,
    group_base: usize,
) -> Option<CasualtyMention> {
    let count_span = bytes(tokens, mention.np.count_tokens.clone())?;
    let cue = bytes(tokens, mention.cue.start..mention.cue.end)?;
    // Hedges and scope words count near the figure: from a little before it
    // to a little after its cue. Attribution ("according to") counts anywhere.
    let first = mention.np.span.start.min(mention.cue.start);
    let last = mention.np.span.end.max(mention.cue.end);
    let window = first.saturating_sub(6)..last + 8;
    let mut hedges = hedges(tokens, window.clone());
    let attributed = hedges_in_sentence(tokens)
        .iter()
        .any(|hedge| hedge == "according to");
    for hedge in mention
        .hedge
        .into_iter()
        .chain(attributed.then_some("according to"))
    {
        // "could" is already there as "could be".
        if !hedges
            .iter()
            .any(|seen| seen == hedge || seen.split(' ').next() == Some(hedge))
        {
            hedges.push(hedge.to_owned());
        }
    }
    // A figure is weakened by a hedge right at it ("reportedly killed",
    // "could be as many as"), not by one elsewhere in the clause.
    let narrow = first.saturating_sub(3)..last + 1;
    let weakened = mention.hedge.is_some()
        || super::context::hedges(tokens, narrow)
            .iter()
            .any(|hedge| hedge != "according to");
    let ordinal = (mention.np.basis == Basis::Article)
        .then(|| {
            let start = mention.np.count_tokens.start;
            if tokens.get(start).is_some_and(|token| token.is("another")) {
                return Some(2);
            }
            let after = mention
                .np
                .count_tokens
                .end
                .max(mention.np.victims.as_ref().map_or(0, |v| v.start));
            let first_after = tokens.get(mention.np.count_tokens.end.min(after))?;
            ordinal_word(&first_after.lower)
                .or_else(|| tokens.get(start + 1).and_then(|token| ordinal_word(&token.lower)))
        })
        .flatten();
    let includes_perpetrator = (window.start..window.end.min(tokens.len())).any(|i| {
        tokens[i].is("murder-suicide")
            || (tokens[i].is_any(&["including", "among"])
                && tokens.get(i + 2).is_some_and(|token| {
                    token.is_any(&["gunman", "shooter", "suspect", "attacker", "assailant", "bomber"])
                }))
    });
    Some(CasualtyMention {
        kind: mention.kind,
        count: mention.np.count.clone(),
        count_span,
        victims: mention
            .np
            .victims
            .clone()
            .and_then(|victims| bytes(tokens, victims)),
        perpetrator: mention.perpetrator.clone(),
        place: context.place.clone(),
        date: context.date.clone(),
        year: context.year,
        confidence: confidence(mention, !hedges.is_empty()),
        hedges,
        reported_by: context.source.clone(),
        cue,
        evidence: evidence.clone(),
        sentence,
        basis: mention.np.basis,
        group: group_base + mention.group,
        update: mention.update,
        scope: scope(tokens, window).unwrap_or(Scope::Event),
        self_inflicted: mention.self_inflicted,
        includes_perpetrator,
        ordinal,
        weakened,
    })
}

fn hedges_in_sentence(tokens: &[Token<'_>]) -> Vec<String> {
    hedges(tokens, 0..tokens.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_sentences;

    /// (kind, value, count text, victims text) of every mention of `text`.
    fn found(text: &str) -> Vec<(CasualtyKind, u64, String, Option<String>)> {
        mentions(text)
            .into_iter()
            .map(|mention| {
                (
                    mention.kind,
                    mention.count.value,
                    text[mention.count_span.clone()].to_owned(),
                    mention.victims.map(|victims| text[victims].to_owned()),
                )
            })
            .collect()
    }

    fn mentions(text: &str) -> Vec<CasualtyMention> {
        extract(text, &split_sentences(text), &[])
    }

    fn one(text: &str) -> CasualtyMention {
        let mut all = mentions(text);
        assert_eq!(all.len(), 1, "{text:?}: {all:#?}");
        all.remove(0)
    }

    fn slice(text: &str, range: Option<Range<usize>>) -> Option<&str> {
        range.map(|range| &text[range])
    }

    use CasualtyKind::*;

    #[test]
    fn coordinated_subjects_share_a_group() {
        let text = "At least 13 U.S. service members and more than one hundred Afghan civilians were killed.";
        let all = mentions(text);
        assert_eq!(
            found(text),
            [
                (
                    Killed,
                    13,
                    "At least 13".into(),
                    Some("U.S. service members".into())
                ),
                (
                    Killed,
                    100,
                    "more than one hundred".into(),
                    Some("Afghan civilians".into())
                ),
            ]
        );
        assert_eq!(all[0].group, all[1].group);
        assert_eq!(all[1].count.qualifier, CountQualifier::MoreThan);
    }

    #[test]
    fn single_victims() {
        assert_eq!(
            found("A man was killed on Sunday."),
            [(Killed, 1, "A".into(), Some("man".into()))]
        );
        assert_eq!(
            found("A 25-year-old man was shot and killed."),
            [(Killed, 1, "A".into(), Some("25-year-old man".into()))]
        );
        assert_eq!(found("A 12-year-old was wounded.")[0].1, 1);
        assert_eq!(found("One person died.")[0].1, 1);
        assert_eq!(one("He died at the scene of the shooting.").basis, Basis::Pronoun);
        assert_eq!(one("The victim died at the scene.").basis, Basis::Definite);
    }

    #[test]
    fn victim_groups_as_written() {
        assert_eq!(
            found("Three IS-K operatives were killed.")[0].3.as_deref(),
            Some("IS-K operatives")
        );
        assert_eq!(
            found("Two police officers were injured.")[0].3.as_deref(),
            Some("police officers")
        );
        assert_eq!(
            found("Dozens of civilians were killed.")[0].3.as_deref(),
            Some("civilians")
        );
    }

    #[test]
    fn counts_after_active_verbs() {
        let text =
            "The blast tore through the avenue, killing six people and wounding 81, Turkish officials said.";
        assert_eq!(
            found(text),
            [
                (Killed, 6, "six".into(), Some("people".into())),
                (Injured, 81, "81".into(), None)
            ]
        );
        assert_eq!(
            slice(text, mentions(text)[1].reported_by.clone()),
            Some("Turkish officials")
        );
    }

    #[test]
    fn perpetrators() {
        let text = "Gunmen abducted at least 38 students from a school in Zamfara.";
        let mention = one(text);
        assert_eq!((mention.kind, mention.count.value), (Kidnapped, 38));
        assert_eq!(slice(text, mention.perpetrator), Some("Gunmen"));
        assert_eq!(slice(text, mention.place), Some("Zamfara"));
        let text = "Two soldiers were killed by a suicide bomber.";
        assert_eq!(slice(text, one(text).perpetrator), Some("a suicide bomber"));
        let text = "French police arrested four men on Friday.";
        let mention = one(text);
        assert_eq!((mention.kind, mention.count.value), (Arrested, 4));
        assert_eq!(slice(text, mention.perpetrator), Some("French police"));
        assert_eq!(slice(text, mention.date), Some("Friday"));
    }

    #[test]
    fn nouns_and_tolls() {
        let text = "It was the worst attack since Beslan in 2004 (334 deaths).";
        let mention = one(text);
        assert_eq!(
            (mention.kind, mention.count.value, mention.year),
            (Killed, 334, Some(2004))
        );
        let mention = one("By Friday the death toll rose to 5.");
        assert_eq!(
            (mention.kind, mention.count.value, mention.update),
            (Killed, 5, true)
        );
        assert!(!one("The death toll stood at 12.").update);
        assert!(mentions("The war took a toll on 5 families.").is_empty());
        assert_eq!(
            found("No arrests have been made."),
            [(Arrested, 0, "No".into(), None)]
        );
    }

    #[test]
    fn shot_then_one_fatally() {
        assert_eq!(
            found("Two people were shot, one fatally."),
            [
                (KilledOrInjured, 2, "Two".into(), Some("people".into())),
                (Killed, 1, "one".into(), None)
            ]
        );
    }

    #[test]
    fn both_and_all() {
        assert_eq!(
            found("Both were taken hostage."),
            [(Kidnapped, 2, "Both".into(), None)]
        );
        assert_eq!(
            found("All four were detained."),
            [(Arrested, 4, "All four".into(), None)]
        );
        assert_eq!(
            found("Both men died."),
            [(Killed, 2, "Both".into(), Some("men".into()))]
        );
    }

    #[test]
    fn ranges_and_partitives() {
        assert_eq!(found("Between 30 and 40 people died.")[0].1, 30);
        assert_eq!(found("Four of the five victims were shot to death.")[0].1, 4);
        assert_eq!(found("Four of the five people who died were identified.")[0].1, 5);
        assert_eq!(found("One of the victims died.")[0].1, 1);
    }

    #[test]
    fn hedges_and_sources() {
        let text = "As many as 300 people could be dead, according to Reuters.";
        let mention = one(text);
        assert_eq!(mention.count.qualifier, CountQualifier::AtMost);
        assert_eq!(mention.hedges, ["could be", "according to"]);
        assert!(mention.weakened);
        assert_eq!(slice(text, mention.reported_by), Some("Reuters"));
        let mention = one("Several people were reportedly missing.");
        assert_eq!(
            (mention.kind, mention.hedges.clone()),
            (Missing, vec!["reportedly".to_owned()])
        );
    }

    #[test]
    fn negated_and_hypothetical_cues_give_nothing() {
        assert!(mentions("Two other people were not hurt.").is_empty());
        assert!(mentions("He threatened to kill two people.").is_empty());
        assert!(mentions("Two people would have been killed.").is_empty());
        assert_eq!(
            found("No one was injured."),
            [(Injured, 0, "No one".into(), None)]
        );
    }

    #[test]
    fn self_inflicted() {
        let all = mentions("He killed his wife and then himself.");
        assert_eq!(all.len(), 2);
        assert!(!all[0].self_inflicted && all[1].self_inflicted);
        assert!(one("The gunman then turned the gun on himself.").self_inflicted);
    }

    #[test]
    fn a_gapped_second_count() {
        let all = mentions("Two suspects were detained in Orangi Town and seven others in Gulshan.");
        assert_eq!(all.iter().map(|m| m.count.value).collect::<Vec<_>>(), [2, 7]);
        assert_eq!(all[0].group, all[1].group);
        assert!(mentions("Two were killed and three others in the hospital.")
            .iter()
            .all(|m| m.count.value != 3));
    }

    #[test]
    fn an_object_is_no_subject() {
        let all = found("The man who shot two people was arrested.");
        assert_eq!(all[0], (KilledOrInjured, 2, "two".into(), Some("people".into())));
        assert!(all.iter().all(|m| !(m.0 == Arrested && m.1 == 2)));
    }

    #[test]
    fn joined_sentences_are_split() {
        let all = mentions("Police said.Two men were killed in Kabul.No one was arrested.");
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].count.value, 2);
        assert_eq!(all[1].kind, Arrested);
    }

    #[test]
    fn scope_of_periods_and_other_incidents() {
        assert_eq!(
            one("300 people have been killed so far this year.").scope,
            Scope::Period
        );
        assert_eq!(
            one("In a separate shooting, a man was wounded.").scope,
            Scope::Other
        );
        assert_eq!(one("Two men were killed three years ago.").scope, Scope::Other);
        assert_eq!(one("Two men were killed at an annual party.").scope, Scope::Event);
    }

    #[test]
    fn struck_needs_a_passive_or_a_count() {
        assert!(mentions("A suicide bomber struck crowds outside the gate.").is_empty());
        assert_eq!(found("Police: 4 hit in shooting")[0].1, 4);
        assert_eq!(
            found("A woman was struck by a stray bullet.")[0].0,
            KilledOrInjured
        );
    }

    #[test]
    fn other_senses_of_casualty_words() {
        assert!(mentions("Prices shot up 5 percent and Hillary shot back at him.").is_empty());
        assert!(mentions("He was struck by the similarity between those riots.").is_empty());
        assert!(mentions("Imports were injuring U.S. firms.").is_empty());
        assert!(mentions("Arrested Development star Jason Bateman won.").is_empty());
        assert!(mentions("It lists about 100,000 public bodies.").is_empty());
        assert_eq!(found("Crews found 1,600 bodies on the shore.")[0].1, 1600);
        assert!(mentions("Her low ratings hurt her husband.").is_empty());
        assert!(mentions("The film is by Simon Bysshe, who has shot many other films.").is_empty());
        assert!(mentions("Ted Cruz has captured Iowa.").is_empty());
        assert!(mentions("The tanker Sungari was hit by an Iranian missile.").is_empty());
        assert!(mentions("Both have hit crucial price points.").is_empty());
        assert!(mentions("In the event she was injured, bleeding would be a danger.").is_empty());
        assert!(mentions("Suspects (foreign and British) were rounded up.").is_empty());
    }

    #[test]
    fn single_deaths_need_a_violent_article() {
        assert!(mentions("Soul legend Ray Charles, who died last year, was honoured.").is_empty());
        assert!(mentions("They took over after the death of their father in July.").is_empty());
        assert_eq!(mentions("He was shot on Sunday. He died on Monday.").len(), 2);
        assert_eq!(mentions("Three people died in the flood.").len(), 1);
    }

    #[test]
    fn natural_deaths_are_no_casualties() {
        assert!(mentions("Nancy Reagan, who died Sunday at age 94, was mourned.").is_empty());
        assert!(mentions("The musician Jerry Scoggins has died at the age of 93.").is_empty());
        assert!(mentions("He died of cancer in 2004.").is_empty());
        assert_eq!(mentions("He died of his gunshot wounds.").len(), 1);
    }

    #[test]
    fn a_place_after_a_preposition_is_no_victim() {
        assert_eq!(
            found("At least three people from Scotland died in the tsunami."),
            [(Killed, 3, "At least three".into(), Some("people".into()))]
        );
    }

    #[test]
    fn odd_inputs_give_nothing_and_do_not_panic() {
        for text in [
            "",
            "...",
            "killed",
            "Two",
            "were killed by",
            "99999999999999999999999999 people were killed.",
            "a a a a a a a killed killed killed , , , ( ) ) (",
            "😀 killed 😀 two 😀 people 😀",
            "between 5 and were killed",
        ] {
            let _ = mentions(text);
            let _ = crate::casualties::summarize(&mentions(text));
        }
        assert!(mentions("").is_empty());
        // Sentences that do not fall on character boundaries give nothing.
        assert!(extract("Çelik", std::slice::from_ref(&(1..3)), &[]).is_empty());
    }

    #[test]
    fn offsets_are_bytes_of_the_text() {
        let text = "Ömer said «two men» were killed. Çelik said 3 died.";
        for mention in mentions(text) {
            assert!(text.get(mention.count_span.clone()).is_some());
            assert!(text.get(mention.evidence.clone()).is_some());
        }
        assert_eq!(
            mentions(text).last().map(|m| &text[m.count_span.clone()]),
            Some("3")
        );
    }
}
