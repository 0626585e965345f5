//! The counted noun phrases around a casualty cue: the subject a predicate
//! looks left for ("at least 13 U.S. service members and more than one
//! hundred Afghan civilians were killed"), the object an active verb looks
//! right for ("killing six people"), and whether a number and its noun
//! agree. Which cue looks where is `cue_counts.rs`.
use super::*;

/// "second" to "tenth".
pub fn ordinal_word(word: &str) -> Option<u64> {
    let ordinals = [
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    if let Some(index) = ordinals.iter().position(|&ordinal| ordinal == word) {
        return Some(index as u64 + 2);
    }
    // "a 13th victim", "the 21st person"
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))?;
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u64>().ok().filter(|&value| value >= 2)
}

/// "12-year-old", "twelve-year-old", "six-month-old": a person, used as a noun.
pub(super) fn is_age_noun(token: &Token<'_>) -> bool {
    ["-year-old", "-month-old", "-week-old", "-day-old"]
        .iter()
        .any(|suffix| token.lower.ends_with(suffix))
        || token.lower.ends_with("-years-old")
}

/// "Afghans", "British", "Chinese", "American": one capitalised word that
/// names a group or a nationality rather than a person.
pub(super) fn is_group_or_nationality(token: &Token<'_>) -> bool {
    is_group_plural(token)
        || ["ish", "ese", "ian", "can", "ean"]
            .iter()
            .any(|suffix| token.lower.ends_with(suffix))
}

pub(super) fn person_at(token: &Token<'_>) -> Option<Plurality> {
    person_noun(&token.lower)
        .or_else(|| is_group_plural(token).then_some(Plurality::Plural))
        .or_else(|| is_age_noun(token).then_some(Plurality::Singular))
        // "took two 17-year-olds into custody"
        .or_else(|| is_ages_noun(token).then_some(Plurality::Plural))
}

/// "17-year-olds", "six-month-olds": people of an age, plural.
fn is_ages_noun(token: &Token<'_>) -> bool {
    ["-year-olds", "-month-olds", "-week-olds"]
        .iter()
        .any(|suffix| token.lower.ends_with(suffix))
}

/// Whether a count may go with a noun of this number.
pub(super) fn agrees(phrase: &NumberPhrase, plurality: Plurality) -> bool {
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
pub(super) fn head_after(tokens: &[Token<'_>], from: usize) -> Option<(usize, Plurality)> {
    let mut head = None;
    let mut k = from;
    while k < tokens.len() && k < from + 6 {
        let token = &tokens[k];
        if token.text == "." && k > from && tokens[k - 1].text.contains('.') {
            k += 1;
            continue;
        }
        // "30 people hostage": the role word after a head describes the
        // head's fate, it is not a second head.
        if head.is_some() && token.is_any(&["hostage", "hostages", "captive", "captives"]) {
            break;
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
pub(super) fn elided_follower(token: Option<&Token<'_>>) -> bool {
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

pub(super) fn number_np(phrase: &NumberPhrase, victims: Option<Range<usize>>, span_end: usize) -> Np {
    Np {
        count: phrase.count.clone(),
        count_tokens: phrase.start..phrase.end,
        victims,
        basis: Basis::Number,
        span: phrase.start..span_end.max(phrase.end),
    }
}

pub(super) fn single_np(count_tokens: Range<usize>, victims: Option<Range<usize>>, basis: Basis) -> Np {
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

/// A plural pronoun at tokens `pronoun` ("they", "all of them", "them")
/// standing for `count` people counted elsewhere.
fn counted_pronoun_np(count: Count, pronoun: Range<usize>) -> Np {
    Np {
        count,
        count_tokens: pronoun.clone(),
        victims: None,
        basis: Basis::Pronoun,
        span: pronoun,
    }
}

/// A number phrase counted as the noun phrase it starts, with the basis the
/// form gives (an article is a single person).
pub(super) fn counted(phrase: &NumberPhrase, victims: Option<Range<usize>>, span_end: usize) -> Np {
    let mut np = number_np(phrase, victims, span_end);
    if phrase.form == Form::Article {
        np.basis = Basis::Article;
    }
    np
}

/// A participle of harm right after a counted noun, which makes the noun a
/// whole: "Twenty-three of the 53 wounded", "one of five people shot".
fn is_harm_participle(word: &str) -> bool {
    matches!(
        word,
        "wounded"
            | "injured"
            | "dead"
            | "killed"
            | "hurt"
            | "missing"
            | "slain"
            | "abducted"
            | "kidnapped"
            | "arrested"
            | "detained"
            | "shot"
            | "stabbed"
    )
}

/// A participle of harm at token `at`, after an adverb or not ("critically
/// shot").
fn participle_at(s: &Sentence<'_, '_>, at: usize) -> bool {
    let word = s.word(at);
    is_harm_participle(word) || (word.ends_with("ly") && is_harm_participle(s.word(at + 1)))
}

/// The number before "of (the)" when the number phrase starting at token
/// `start` is the whole of a partitive ("four of the five", "one of six").
pub(super) fn partitive_outer<'s>(s: &'s Sentence<'_, '_>, start: usize) -> Option<&'s NumberPhrase> {
    let of_at = if s.word(start.wrapping_sub(1)) == "the" {
        start.wrapping_sub(2)
    } else {
        start.wrapping_sub(1)
    };
    if s.word(of_at) != "of" {
        return None;
    }
    s.number_ending(of_at).filter(|outer| outer.form != Form::Article)
}

/// Whether the token is a name's possessive ("Miller's", "Fulton’s"), which
/// determines the noun after it as "his" would.
fn is_name_possessive(token: &Token<'_>) -> bool {
    token.is_capitalized() && (token.lower.ends_with("'s") || token.lower.ends_with("\u{2019}s"))
}

/// The noun phrase ending just before token `end`, as a subject.
pub(super) fn subject_np(s: &Sentence<'_, '_>, end: usize, relative: bool) -> Option<Np> {
    let last = end.checked_sub(1)?;
    let token = s.tokens.get(last)?;
    if let Some(phrase) = s.number_ending(end) {
        // "two were killed", "13 dead", "none were hurt"; never "a was".
        if phrase.form == Form::Article {
            // "Two were killed and another was wounded"
            return token
                .is("another")
                .then(|| single_np(last..end, None, Basis::Article));
        }
        // "A mother of two, 21-year-old Shanice Amerson, died": one mother
        if s.word(phrase.start.wrapping_sub(1)) == "of" && phrase.start >= 2 {
            let noun = phrase.start - 2;
            if person_at(&s.tokens[noun]) == Some(Plurality::Singular) {
                let basis = if noun >= 1 && s.tokens[noun - 1].is_any(&["a", "an"]) {
                    Basis::Article
                } else {
                    Basis::Definite
                };
                return Some(single_np(noun..noun + 1, Some(noun..noun + 1), basis));
            }
        }
        // "One of the six, a 24-year-old man, died": the first number counts.
        // Not with a participle as the noun or before it: "Twenty-three of
        // the 53 wounded remained hospitalized" counts the 53, "frees 12 of
        // 20 abducted bus passengers" the 20.
        let nominal = is_harm_participle(s.word(end));
        if let Some(outer) = partitive_outer(s, phrase.start).filter(|_| !relative && !nominal) {
            let mut np = number_np(outer, None, end);
            np.span = outer.start..end;
            return Some(np);
        }
        return Some(number_np(phrase, None, end));
    }
    // "Dozens of wounded were being treated", "A score of wounded": a
    // quantity of the hurt or the dead, the participle as their noun
    // (not "hundreds of wounded people", whose noun is "people")
    let nominal_participle = matches!(s.word(end), "wounded" | "injured" | "dead")
        && !s
            .tokens
            .get(end + 1)
            .is_some_and(|next| person_at(next).is_some() || is_modifier(next));
    if token.is("of") && nominal_participle {
        if let Some(phrase) = s
            .number_ending(last)
            .filter(|phrase| matches!(phrase.form, Form::Vague | Form::Words))
        {
            let mut np = number_np(phrase, None, end);
            np.span = phrase.start..end;
            return Some(np);
        }
    }
    if is_singular_pronoun(token) {
        return Some(single_np(last..end, None, Basis::Pronoun));
    }
    // "They were all shot in the foot", "All of them were taken to
    // hospital": the people counted just before. Only opening the sentence:
    // "Three victims were taken to hospitals, where they were treated" and
    // "Both were shot when they ..." speak of the sentence's own subject.
    // Only as the subject of a passive or an intransitive: "They arrested
    // and charged a man" names the police.
    let all_of_them = token.is("them") && last == 2 && s.word(1) == "of" && s.word(0) == "all";
    let undergoes =
        is_auxiliary(s.word(end)) || matches!(s.word(end), "all" | "both" | "had" | "have" | "later");
    // "pulled 42 people alive from the debris. All were taken to hospital";
    // not "All had suffered gunshot wounds", after the dead were found
    let opening =
        last == 0 && (token.is("they") && undergoes || token.is("all") && is_auxiliary(s.word(end)));
    if opening || (all_of_them && undergoes) {
        let start = if all_of_them { last - 2 } else { last };
        return Some(counted_pronoun_np(s.antecedent.clone()?, start..end));
    }
    // "Two officers were killed and a third was wounded": one more of the
    // people just counted
    if ordinal_word(&token.lower).is_some() && last >= 1 && s.tokens[last - 1].is_any(&["a", "an"]) {
        return Some(single_np(last - 1..end, None, Basis::Article));
    }
    // "one person dead and three more injured"
    if token.is("more") {
        if let Some(phrase) = s
            .number_ending(last)
            .filter(|phrase| phrase.form != Form::Article)
        {
            let mut np = number_np(phrase, None, end);
            np.span = phrase.start..end;
            return Some(np);
        }
    }
    if let Some(plurality) = person_at(token) {
        let mut j = last;
        while j > 0 && last - j < 6 {
            if s.number_ending(j).is_some() {
                break;
            }
            let previous = &s.tokens[j - 1];
            let abbreviation_dot = previous.text == "." && j >= 2 && s.tokens[j - 2].text.contains('.');
            if is_name_possessive(previous) {
                break;
            }
            // "Seven Frontier Corps (FC) personnel": an abbreviation in brackets
            if previous.text == ")" && j >= 3 && s.word(j - 3) == "(" && s.tokens[j - 2].is_all_caps() {
                j -= 3;
                continue;
            }
            if abbreviation_dot || person_at(previous).is_some() || is_modifier(previous) {
                j -= 1;
                continue;
            }
            break;
        }
        let victims = j..end;
        if let Some(phrase) = s.number_ending(j) {
            // "four of the five victims": the first number counts. But "four
            // of the five people who died": the relative clause is about the
            // five, as is the participle after a copula ("He was one of 12
            // people killed in the attack").
            let complement = |outer: &NumberPhrase| {
                matches!(
                    s.word(outer.start.wrapping_sub(1)),
                    "was" | "is" | "were" | "are" | "became" | "becomes" | "been"
                )
            };
            // "One of five people shot Sunday has died": the participle
            // is about the five, as a relative clause would be
            if let Some(outer) = partitive_outer(s, phrase.start)
                .filter(|outer| !relative && !complement(outer) && !participle_at(s, end))
            {
                let mut np = number_np(outer, Some(victims), end);
                np.span = outer.start..end;
                return Some(np);
            }
            return agrees(phrase, plurality).then(|| counted(phrase, Some(victims), end));
        }
        let determiner = j.checked_sub(1).map_or("", |i| s.word(i));
        // "Several women and children were still missing", "Nearly 80 police
        // officers and gendarmes were injured": a bare plural after "and"
        // shares the count of the people before it
        if plurality == Plurality::Plural && determiner == "and" && j >= 2 {
            if let Some(mut np) = subject_np(s, j - 1, relative)
                .filter(|np| matches!(np.basis, Basis::Number) && np.victims.is_some())
            {
                np.victims = np.victims.map(|victims| victims.start..end);
                np.span.end = end;
                return Some(np);
            }
        }
        // "one of the victims", "two of his relatives"
        // "Miller's daughter died": a name's possessive is a determiner too
        let possessive = j >= 1 && is_name_possessive(&s.tokens[j - 1]);
        let before_of = if possessive
            || matches!(
                determiner,
                "the" | "those" | "these" | "his" | "her" | "their" | "our" | "its" | "my" | "your"
            ) {
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
            && (possessive
                || matches!(
                    determiner,
                    "the" | "this" | "that" | "his" | "her" | "their" | "its"
                ))
        {
            return Some(single_np(j - 1..j, Some(victims), Basis::Definite));
        }
        // "A woman and 3-year-old child are dead", "a 59-year-old man,
        // 49-year-old woman and 53-year-old man": a later item of a list
        // drops its article; the age says it is one person
        if plurality == Plurality::Singular
            && matches!(determiner, "and" | ",")
            && s.tokens.get(j).is_some_and(is_age_noun)
        {
            return Some(single_np(j..j + 1, Some(victims), Basis::Definite));
        }
        // A headline drops its article: "Man fatally shot, four others
        // injured", "Teen killed in crash". Only the bare noun opening the
        // sentence as the verb's subject: not "Neither suspect is", "Real
        // estate agent found", "Deputy who killed man".
        // With its modifiers too ("17-year-old boy shot, killed", "Teenage
        // boy shot and killed by family member"), each an age or a
        // capitalised word of a headline's case ("Fort Worth man", "Bartow
        // teenager"), not a determiner, an ordinal or a lower-case word
        // ("Neither man had been", "Fourth person arrested", "Real estate
        // agent found woman").
        let headline_modifier = |token: &Token<'_>| {
            is_age_noun(token)
                || (token.is_capitalized()
                    && ordinal_word(&token.lower).is_none()
                    && !token.is_any(&[
                        "neither", "no", "each", "every", "either", "any", "another", "this", "that", "one",
                        "the", "a", "an",
                    ]))
        };
        // after a source's label too: "Police: 10-year-old boy critical
        // after accidental shooting"
        let first = if s.word(1) == ":" && s.tokens[0].is_capitalized() {
            2
        } else {
            0
        };
        let opening = last >= first
            && if last == first {
                s.tokens[first].is_capitalized()
            } else {
                s.tokens[first..last].iter().all(headline_modifier)
            };
        if plurality == Plurality::Singular && j == first && !relative && opening {
            return Some(single_np(first..first + 1, Some(victims), Basis::Article));
        }
        // The second noun of such a headline's pair: "Mother and child
        // shot in domestic shooting"
        if plurality == Plurality::Singular
            && !relative
            && determiner == "and"
            && j == 2
            && s.tokens[0].is_capitalized()
            && person_at(&s.tokens[0]) == Some(Plurality::Singular)
        {
            return Some(single_np(j..j + 1, Some(victims), Basis::Article));
        }
        // The second clause of such a headline: "Man killed, woman injured
        // in shooting", "Mother of three killed, husband grazed"
        if plurality == Plurality::Singular
            && !relative
            && last >= 2
            && s.word(last - 1) == ","
            && headline_clause_before(s, last - 1)
        {
            return Some(single_np(last..last + 1, Some(victims), Basis::Article));
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

/// Whether `tokens[..comma]` is a headline's first clause: a capitalised
/// bare noun of people and a participle of harm, no article, no auxiliary
/// ("Man killed", "Mother of three killed", "Teen fatally shot").
fn headline_clause_before(s: &Sentence<'_, '_>, comma: usize) -> bool {
    let clause = &s.tokens[..comma];
    let opens_bare = clause.first().is_some_and(|first| {
        first.is_capitalized() && person_noun(&first.lower) == Some(Plurality::Singular)
    });
    let harmed = clause.last().is_some_and(|last| {
        last.is_any(&[
            "killed", "dead", "shot", "wounded", "injured", "hurt", "stabbed", "slain",
        ])
    });
    let auxiliary = clause
        .iter()
        .any(|token| token.is_any(&["is", "was", "were", "are", "has", "have", "had", "the", "a", "an"]));
    opens_bare && harmed && !auxiliary && clause.len() <= 5
}

/// The dead among the wounded as the subject ending before `end`: "two of
/// the wounded had died". Only for deaths: "several of the injured are in
/// critical condition" restates the injured.
pub(super) fn wounded_part_np(s: &Sentence<'_, '_>, end: usize) -> Option<Np> {
    let last = end.checked_sub(1)?;
    if !(s.tokens.get(last)?.is_any(&["wounded", "injured"]) && last >= 2 && s.word(last - 1) == "the")
        || s.word(last - 2) != "of"
    {
        return None;
    }
    let phrase = s.number_ending(last - 2)?;
    (phrase.form != Form::Article).then(|| {
        let mut np = number_np(phrase, Some(last..end), end);
        np.span = phrase.start..end;
        np
    })
}

/// The subjects ending before `end`, coordinated ones included: "13 service
/// members and more than one hundred civilians".
pub(super) fn subjects(s: &Sentence<'_, '_>, end: usize, relative: bool) -> Vec<Np> {
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
        // "A police officer guarding the village was shot dead", "Two
        // personnel travelling in a second vehicle were injured": a reduced
        // relative clause after the subject
        let participle = token.lower.len() > 5
            && token.lower.ends_with("ing")
            && !token.is_capitalized()
            && !s.is_cue_start(j)
            && !token.is_any(&[
                "including",
                "during",
                "according",
                "morning",
                "evening",
                "building",
                "wedding",
            ]);
        // "One man suspected of sheltering the militants was detained"
        // "Two more merchants involved in organising the handout have been arrested"
        let past_participle = token.is_any(&[
            "suspected",
            "accused",
            "wanted",
            "believed",
            "linked",
            "involved",
            "implicated",
            "connected",
        ]);
        if participle
            || past_participle
            || token.is_any(&[
                "at", "in", "on", "near", "from", "inside", "outside", "with", "of", "who", "that",
                "between", "for",
            ])
        {
            let found = coordinated_subjects(s, j, false);
            // Only a counted noun of people: "six of the twenty deadliest
            // attacks that killed" has no subject before "of". A definite
            // one before "of" is one person too: "The driver of the
            // company's minibus was shot and killed"; not before a reduced
            // relative ("The father of a first-grader killed at ..."), so
            // only with the verb's auxiliary right after the phrase.
            // The same before "who": "The boy who was shot on Sunday has died".
            let finite = is_auxiliary(s.word(end)) || matches!(s.word(end), "has" | "had" | "have");
            let definite_is_one =
                (token.is("of") && finite) || token.is("who") || participle || past_participle;
            let people = |np: &Np| {
                (matches!(np.basis, Basis::Number | Basis::Article)
                    || (definite_is_one && np.basis == Basis::Definite))
                    && np.victims.is_some()
            };
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
pub(super) fn coordinated_subjects(s: &Sentence<'_, '_>, end: usize, relative: bool) -> Vec<Np> {
    let mut found = Vec::new();
    let mut end = end;
    loop {
        let np = match subject_np(s, end, relative) {
            Some(np) => np,
            // "Avis, Mary Spann and Figueroa were shot": a list of names may
            // open the sentence with a lone one
            None if end == 1
                && found.len() >= 2
                && found.iter().all(|np: &Np| np.basis == Basis::Name)
                && is_name_word(&s.tokens[0]) =>
            {
                single_np(0..1, Some(0..1), Basis::Name)
            }
            None if !found.is_empty() => match counted_of_unit(s, end) {
                Some(np) => np,
                None => break,
            },
            None => break,
        };
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
        // "According to Worthy, Cleveland Smelley, 30, ...": a name after a
        // preposition is no item of the list
        let governed = s
            .tokens
            .get(start.wrapping_sub(1))
            .is_some_and(|token| token.is_any(&["to", "by", "of", "with", "from", "for", "at", "told"]));
        if governed && !found.is_empty() && np.basis == Basis::Name {
            break;
        }
        // "Three of Shelton's children, Jerry Shelton, 35, Brittany Powell,
        // 27, and Chanetta Powell, 25, were killed", "Three others, an
        // 18-year-old and two 17-year-olds were all treated": the items
        // after a count that they add up to spell it out
        if np.basis == Basis::Number
            && found.len() >= 2
            && np.count.value == found.iter().map(|item| item.count.value).sum::<u64>()
        {
            found.clear();
            found.push(np);
            break;
        }
        let pronoun = np.basis == Basis::Pronoun;
        found.push(np);
        // Walking left, the last link of a list is "and": "A, B and C".
        let link = s.word(start.wrapping_sub(1));
        // a list of named people with their ages runs on past a comma or
        // a semicolon after an age: "Omar P. Jarman, 35; Shontay N. Young,
        // 34; and Danielle B. Lucero, 26, died"
        let names = found.iter().all(|np| np.basis == Basis::Name);
        let links = link == "and" || (link == "," && found.len() >= 2) || (link == ";" && names);
        let longest = if names { 8 } else { 4 };
        if pronoun || found.len() >= longest || start < 2 || !links {
            break;
        }
        end = start - 1;
        if names && s.word(end.wrapping_sub(1)) == ";" {
            end -= 1;
        }
        // "Deputy Bruce Simmons, 51, and Officer Chad Montgomery"
        if s.word(end.wrapping_sub(1)) == "," {
            match parenthetical_start(s, end - 1) {
                Some(open) => end = open,
                None if link == "," => {}
                None => break,
            }
        } else if names && is_age_after_comma(s, end) {
            // "Jarman, 35; Young": the age before the link, with no comma after it
            end -= 2;
        } else if names && link == "," && s.word(end.wrapping_sub(1)).parse::<u32>().is_ok() {
            // "Jarman, 35, Young, 34, and Lucero": the comma after "35" is the link
            match parenthetical_start(s, end) {
                Some(open) => end = open,
                None => break,
            }
        }
    }
    found
}

/// ", 35" just before token `end`: a named person's age.
fn is_age_after_comma(s: &Sentence<'_, '_>, end: usize) -> bool {
    end >= 2
        && s.word(end - 2) == ","
        && s.word(end - 1)
            .parse::<u32>()
            .is_ok_and(|age| (1..=110).contains(&age))
}

/// "Ten personnel of the District Reserve Guard (DRG)" ending at `end`: a
/// counted noun of people and the named unit they belong to, as an
/// earlier item of a list ("... and their civilian driver were killed").
fn counted_of_unit(s: &Sentence<'_, '_>, end: usize) -> Option<Np> {
    let of_at = (end.saturating_sub(9)..end).rev().find(|&i| s.word(i) == "of")?;
    let named = (of_at + 1..end).all(|i| {
        let token = &s.tokens[i];
        token.is_capitalized() || token.is_any(&["the", "(", ")", "and", "-"])
    });
    if !named || of_at + 1 >= end {
        return None;
    }
    let mut np =
        subject_np(s, of_at, false).filter(|np| np.basis == Basis::Number && np.victims.is_some())?;
    np.span.end = end;
    Some(np)
}

/// The noun phrase starting at `start`, as an object.
pub(super) fn object_np(s: &Sentence<'_, '_>, start: usize) -> Option<Np> {
    let mut k = start;
    // "killed instantly two ...", but not the bound of a count: "killed
    // nearly 100 civilians", "roughly 50"
    while s.number_starting(k).is_none()
        && s.tokens
            .get(k)
            .is_some_and(|token| is_adverb(token) || token.is_any(&["reportedly", "allegedly", "then"]))
    {
        k += 1;
    }
    let token = s.tokens.get(k)?;
    let next = s.tokens.get(k + 1);
    // "killing three men and wounding another"
    if token.is("another") && next.is_none_or(|next| person_at(next).is_none() && !is_modifier(next)) {
        return Some(single_np(k..k + 1, None, Basis::Article));
    }
    if let Some(phrase) = s.number_starting(k) {
        if let Some((head, plurality)) = head_after(s.tokens, phrase.end) {
            return agrees(phrase, plurality).then(|| counted(phrase, Some(phrase.end..head + 1), head + 1));
        }
        // "two of the victims", "three of them"
        if s.word(phrase.end) == "of" && phrase.form != Form::Article {
            let mut after = phrase.end + 1;
            if matches!(
                s.word(after),
                "the" | "those" | "these" | "his" | "her" | "their" | "our" | "its"
            ) {
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
    let possessive_her =
        token.is("her") && next.is_some_and(|next| is_modifier(next) || person_at(next).is_some());
    if token.is("him") || (token.is("her") && !possessive_her) {
        return Some(single_np(k..k + 1, None, Basis::Pronoun));
    }
    // "overpowered seven guards and held them hostage": the people the
    // sentence counted just before, the object of a first verb
    if token.is("them") && k >= 3 && s.word(k - 2) == "and" {
        let counted = s.numbers.iter().rev().find(|phrase| {
            phrase.end < k - 2
                && phrase.form != Form::Article
                && head_after(s.tokens, phrase.end)
                    .is_some_and(|(head, plurality)| plurality == Plurality::Plural && head + 1 == k - 2)
        });
        if let Some(phrase) = counted {
            return Some(counted_pronoun_np(phrase.count.clone(), k..k + 1));
        }
    }
    if token.is_any(&["himself", "herself"]) {
        return Some(single_np(k..k + 1, None, Basis::Reflexive));
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
        match head_after(s.tokens, k + 1) {
            Some((head, Plurality::Singular)) => {
                return Some(single_np(k..k + 1, Some(k + 1..head + 1), Basis::Definite));
            }
            // "the shooting of his parents": a pair, as "both" is
            Some((head, Plurality::Plural))
                if head == k + 1 && s.word(head) == "parents" && token.is_any(&["his", "her", "their"]) =>
            {
                return Some(Np {
                    count: exact(2),
                    count_tokens: k..head + 1,
                    victims: Some(head..head + 1),
                    basis: Basis::Definite,
                    span: k..head + 1,
                });
            }
            _ => {}
        }
        return None;
    }
    // A headline drops the object's article too: "Teen charged with killing
    // uncle in Shreveport", "Police accuse woman of fatally shooting toddler
    // in Killeen" (prose never has a bare singular person there)
    let ends_object = |after: Option<&Token<'_>>| {
        after.is_none_or(|after| {
            after.is_any(&[
                "in", "at", "on", "near", "during", "after", "outside", "inside", ",", ".",
            ])
        })
    };
    let bare_person = |token: &Token<'_>| {
        person_at(token) == Some(Plurality::Singular) && !token.is_capitalized() && !is_age_noun(token)
    };
    if bare_person(token) && ends_object(next) {
        return Some(single_np(k..k + 1, Some(k..k + 1), Basis::Article));
    }
    // with one modifier: "Drive-by shooting kills teen girl, injures 4"
    let modifier = !token.is_capitalized()
        && (person_at(token) == Some(Plurality::Singular)
            || token.is_any(&["teenage", "young", "elderly", "pregnant", "unarmed", "off-duty"]));
    if modifier && next.is_some_and(bare_person) && ends_object(s.tokens.get(k + 2)) {
        return Some(single_np(k..k + 2, Some(k..k + 2), Basis::Article));
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
pub(super) fn objects(s: &Sentence<'_, '_>, start: usize) -> Vec<Np> {
    objects_with(s, start, false)
}

/// The objects of a noun that is itself a subject: "The bodies of 54-year-old
/// Mark Mata, 42-year-old Min Haung and 6-year-old Hank Mata were
/// discovered", where the verb after the list is the noun's, not a new
/// clause's.
pub(super) fn objects_of_subject(s: &Sentence<'_, '_>, start: usize) -> Vec<Np> {
    objects_with(s, start, true)
}

fn objects_with(s: &Sentence<'_, '_>, start: usize, of_subject: bool) -> Vec<Np> {
    let mut found: Vec<Np> = Vec::new();
    let mut start = start;
    let mut commas = false;
    let mut closed = true;
    while let Some(np) = object_np(s, start) {
        let mut end = np.span.end;
        // "killed Inna Gonzalez, 21, and Davion Funderburk, 22": a name's
        // age does not end the list
        let age_follows = s.word(end) == ","
            && s.tokens
                .get(end + 1)
                .is_some_and(|token| token.kind == TokenKind::Number)
            && matches!(s.word(end + 2), "," | "and");
        if np.basis == Basis::Name && age_follows {
            end += 2;
        }
        // "five members of one family and an elderly neighbour": a short
        // lowercase "of" phrase does not end the list
        if s.word(end) == "of" {
            if let Some(and) = (end + 2..=end + 4).find(|&k| s.word(k) == "and").filter(|&and| {
                (end + 1..and).all(|k| {
                    s.tokens
                        .get(k)
                        .is_some_and(|token| token.kind == TokenKind::Word && !token.is_capitalized())
                })
            }) {
                end = and;
            }
        }
        found.push(np);
        // "A, B and C": commas link a list of alike phrases; "his wife,
        // Jane Doe," is an apposition, not a second victim.
        let (link, next_start) = match (s.word(end), s.word(end + 1)) {
            (",", "and") => ("and", end + 2),
            ("and", _) => ("and", end + 1),
            (",", _) => (",", end + 1),
            _ => match and_after_participle(s, end) {
                Some(and) => ("and", and + 1),
                None => break,
            },
        };
        if found.len() >= 6 {
            break;
        }
        // The next conjunct must not start a clause of its own.
        let Some(next) = object_np(s, next_start) else {
            break;
        };
        let after = next.span.end;
        // "six of his grandchildren, his adult daughter and himself", "a
        // pastor, his wife and their three children": a relative may follow
        // a count or an indefinite in one list (an unclosed one is cut
        // below). Not an indefinite after a relative: "injured the young
        // man's father, a 39-year-old, and another man" is an apposition.
        let alike = found.last().is_some_and(|last| {
            last.basis == next.basis
                || matches!(
                    (last.basis, next.basis),
                    (Basis::Number | Basis::Article, Basis::Definite) | (Basis::Definite, Basis::Number)
                )
        });
        // "that killed a police officer and three other people is a Weston
        // man": a singular verb has no plural count for its subject
        let verb_disagrees = next.count.value > 1 && matches!(s.word(after), "is" | "was" | "has");
        // "before killing himself, and a 12-year-old daughter who was shot
        // in the back survived": the subject of a clause of its own
        let survives = matches!(s.word(after), "who" | "that")
            && (after + 1..(after + 12).min(s.tokens.len()))
                .take_while(|&k| !s.tokens[k].is_punct())
                .any(|k| s.tokens[k].is_any(&["survived", "survives", "escaped", "escapes"]));
        let starts_clause = (is_auxiliary(s.word(after)) && !verb_disagrees && !of_subject) || survives;
        if s.is_cue_start(after) || starts_clause || (link == "," && !alike) {
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

/// "detained four suspects directly involved in the attack and seven
/// others": the "and" after a participle phrase that describes the object
/// (no punctuation, at most eight words), when a count follows it.
fn and_after_participle(s: &Sentence<'_, '_>, end: usize) -> Option<usize> {
    let mut k = end;
    while s.tokens.get(k).is_some_and(is_adverb) {
        k += 1;
    }
    let participle = s.tokens.get(k)?;
    if participle.kind != TokenKind::Word || !participle.lower.ends_with("ed") || s.is_cue_start(k) {
        return None;
    }
    for and in k + 1..(k + 9).min(s.tokens.len()) {
        let token = &s.tokens[and];
        if token.is_punct() || s.is_cue_start(and) {
            return None;
        }
        if token.is("and") {
            let counted = object_np(s, and + 1).is_some_and(|np| np.basis == Basis::Number);
            return counted.then_some(and);
        }
    }
    None
}

pub(super) fn is_adverb(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Word
        && token.lower.len() > 4
        && token.lower.ends_with("ly")
        && !matches!(
            token.lower.as_str(),
            "family" | "italy" | "rally" | "early" | "only" | "july" | "ally"
        )
}

pub(super) fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "was" | "were" | "is" | "are" | "am" | "be" | "been" | "being" | "got" | "get" | "gets" | "getting"
    )
}
