//! Counts per kind of cue: tolls ("the death toll rose to 170"), nouns
//! ("(334 deaths)"), verbs in both voices, "one fatally", gapped verbs
//! ("killing 13 and wounding 20") and multiples. Noun phrases come from
//! `noun_phrases.rs`, what precedes a cue from `before_cue.rs`.
use super::*;

/// Words between a toll and its number: "rose to", "has risen to", "stood at", "of".
pub(super) const TOLL_BRIDGE: &[&str] = &[
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
    "exceed",
    "exceeded",
    "exceeds",
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
    // "revised the death toll down to 17"
    "down",
    "downward",
    "upward",
    "further",
    "later",
    "be",
    "could",
    "may",
    "might",
    "shooting",
    "shootings",
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
    // "the number of people detained this week to more than 1,100", "the
    // death toll so far stands at 12"
    "this",
    "week",
    "weekend",
    "so",
    "far",
];

pub(super) const TOLL_UPDATES: &[&str] = &[
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
    "exceeded",
    "now",
    "grew",
    "went",
    "further",
];

pub(super) fn toll_count(s: &Sentence<'_, '_>, cue: &Cue, group: usize) -> Vec<Found> {
    let Some(first) = toll_first_count(s, cue, group) else {
        return Vec::new();
    };
    // "raised the toll to 18 inmates and one guard": each counted group,
    // to be added up like the objects of "killed"
    let nps = objects(s, first.np.span.start);
    let counted = nps.len() >= 2
        && nps
            .first()
            .is_some_and(|np| np.count.value == first.np.count.value)
        && nps.iter().all(|np| np.victims.is_some());
    if !counted {
        return vec![first];
    }
    nps.into_iter().map(|np| Found { np, ..first.clone() }).collect()
}

fn toll_first_count(s: &Sentence<'_, '_>, cue: &Cue, group: usize) -> Option<Found> {
    let mut k = cue.end;
    // "bringing the death toll to three"
    // "putting the overall toll at 32"
    let article = if matches!(
        s.word(cue.start.wrapping_sub(1)),
        "overall" | "total" | "official" | "final"
    ) && s.word(cue.start.wrapping_sub(2)) == "the"
    {
        cue.start.wrapping_sub(2)
    } else {
        cue.start.wrapping_sub(1)
    };
    let before = if s.word(article) == "the" {
        article.wrapping_sub(1)
    } else {
        cue.start.wrapping_sub(1)
    };
    let mut update = matches!(
        s.word(before),
        "bringing" | "brought" | "pushing" | "pushed" | "putting" | "puts"
    ) || REVISING.contains(&s.word(before));
    // "The death toll in the attack on a concert hall outside Moscow rose
    // to 133": a place or an event named after the toll, up to its verb.
    let mut limit = cue.end + 8;
    if matches!(s.word(k), "in" | "from") {
        if let Some(verb) = toll_verb_after_phrase(s, k + 1) {
            k = verb;
            limit = verb + 6;
        }
    }
    // Eight words reach "the death toll from the attack has risen to 32".
    while k < s.tokens.len() && k < limit {
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

/// The first verb of tolls ("rose", "stood", "has risen") within 26 words
/// from `from`, when no number (but "a") or punctuation comes first ("The
/// death toll from a Russian missile strike on an apartment block and a
/// nearby bus depot in the southeastern Ukrainian city of Zaporizhzhia rose
/// to nine" has 21 words before its verb).
fn toll_verb_after_phrase(s: &Sentence<'_, '_>, from: usize) -> Option<usize> {
    let verbs = [
        "rose",
        "risen",
        "rises",
        "climbed",
        "climbs",
        "jumped",
        "reached",
        "stood",
        "stands",
        "has",
        "had",
        "is",
        "was",
        "hit",
        "topped",
        "passed",
        "surpassed",
        "exceeded",
        "increased",
        "grew",
    ];
    for k in from..s.tokens.len().min(from + 26) {
        let token = &s.tokens[k];
        let cardinal = s
            .number_starting(k)
            .is_some_and(|phrase| phrase.form != Form::Article);
        if cardinal || (token.is_punct() && !matches!(token.text, "'" | "-" | "’")) {
            return None;
        }
        if token.is_any(&verbs) {
            return Some(k);
        }
    }
    None
}

/// "334 deaths", "no arrests", "20 civilian casualties", "an arrest", and
/// "the arrest of four men".
pub(super) fn noun_count(s: &Sentence<'_, '_>, cue: &Cue, group: usize) -> Vec<Found> {
    if let Some(total) = total_after_noun(s, cue, group) {
        return vec![total];
    }
    // "a reward for information leading to an arrest": one hoped for
    // ("which led to the arrest of four men" is one made)
    let article = cue.start.checked_sub(1).filter(|&i| s.word(i) == "an");
    let hoped_for = article.is_some_and(|article| {
        article >= 2
            && s.word(article - 1) == "to"
            && matches!(s.word(article - 2), "leading" | "lead" | "leads")
    });
    if hoped_for {
        return Vec::new();
    }
    // "body of" (the cue ends with "of")
    let body_of = s.word(cue.end.wrapping_sub(1)) == "of";
    if body_of && !body_found(s, cue) {
        return Vec::new();
    }
    // the charges' count of the dead gives way to any stated toll
    let charged = matches!(s.word(cue.start), "count" | "counts");
    let found = |np: Np| Found {
        kind: cue.kind,
        np,
        cue: *cue,
        group,
        perpetrator: None,
        update: false,
        self_inflicted: false,
        hedge: charged.then_some(CHARGES_HEDGE),
    };
    let singular_noun = s
        .tokens
        .get(cue.start)
        .is_some_and(|token| !token.lower.ends_with('s'));
    // "1,600 bodies washed up" but not "100,000 public bodies" or "a student body".
    let bodies = matches!(s.word(cue.start), "bodies" | "body");
    // "His body was found", "Hambrick's body was discovered": a possessive
    // names the one who died.
    let possessive = |word: &str| {
        matches!(word, "the" | "his" | "her")
            || (word.len() > 3 && (word.ends_with("'s") || word.ends_with("\u{2019}s")))
    };
    let mut j = cue.start;
    while j > 0
        && cue.start - j < 3
        && s.number_ending(j).is_none()
        && is_modifier(&s.tokens[j - 1])
        && !(j == cue.start && cue.end > cue.start + 1 && possessive(s.word(j - 1)))
    {
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
            return Vec::new();
        }
        j -= 1;
    }
    if let Some(phrase) = s.number_ending(j) {
        // "one of several deaths": a vague container, not a count.
        if phrase.form == Form::Vague && s.word(phrase.start.wrapping_sub(1)) == "of" {
            return Vec::new();
        }
        // "a death threat", "two death threats": a singular noun must end the phrase.
        let next_is_word = cue.end == cue.start + 1
            && s.tokens
                .get(cue.end)
                .is_some_and(|token| token.kind == TokenKind::Word);
        let fits = if singular_noun {
            matches!(phrase.form, Form::Article | Form::Zero) && !next_is_word
        } else {
            phrase.form != Form::Article
        };
        return fits
            .then(|| found(counted(phrase, None, cue.end)))
            .into_iter()
            .collect();
    }
    if body_of {
        return objects_of_subject(s, cue.end).into_iter().map(found).collect();
    }
    // "the body was found": a noun cue with its verb counts its one body.
    // ("the body was found to be in breach" found nothing)
    if singular_noun
        && cue.end > cue.start + 1
        && j == cue.start
        && j > 0
        && possessive(s.word(j - 1))
        && s.word(cue.end) != "to"
    {
        return vec![found(single_np(j - 1..j, None, Basis::Definite))];
    }
    // "the deaths of a pastor, his wife and their three children"; "The
    // bodies of A, B and C were discovered" (their verb ends the list)
    if s.word(cue.end) == "of" {
        let listed = if bodies {
            objects_of_subject(s, cue.end + 1)
        } else {
            objects(s, cue.end + 1)
        };
        return listed.into_iter().map(found).collect();
    }
    Vec::new()
}

/// Whether "the body of ..." was found: "found the body of", or "the body
/// of a man was discovered" with its verb within 14 words.
fn body_found(s: &Sentence<'_, '_>, cue: &Cue) -> bool {
    const FINDING: &[&str] = &["found", "discovered", "recovered", "located"];
    let before = cue.start.checked_sub(2).map(|i| s.word(i));
    if s.word(cue.start.wrapping_sub(1)) == "the" && before.is_some_and(|w| FINDING.contains(&w)) {
        return true;
    }
    (cue.end..s.tokens.len().min(cue.end + 14))
        .take_while(|&k| !matches!(s.word(k), "." | ";" | "said" | "says" | "it" | "they"))
        .any(|k| FINDING.contains(&s.word(k)) && matches!(s.word(k - 1), "was" | "were" | "been"))
}

/// "Whitfield died Monday at the hospital, where he had been in critical
/// condition since the shooting": a condition told in the pluperfect after
/// a death in the same sentence is the dead man's earlier state ("about 40
/// people had been wounded" is no state).
fn earlier_state_of_the_dead(s: &Sentence<'_, '_>, cue: &Cue) -> bool {
    cue.kind == CasualtyKind::Injured
        && s.word(cue.end.wrapping_sub(1)) == "condition"
        && cue.start >= 2
        && s.word(cue.start - 1) == "been"
        && s.word(cue.start - 2) == "had"
        && s.cues
            .iter()
            .any(|death| death.kind == CasualtyKind::Killed && death.end <= cue.start)
}

/// Mentions of one predicate or active cue.
pub(super) fn verb_mentions(s: &Sentence<'_, '_>, cue: &Cue, group: usize) -> Vec<Found> {
    let left = left_of(s, cue.start);
    if left.negated || left.hypothetical || earlier_state_of_the_dead(s, cue) {
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
            "captured" | "shooting" | "hit" | "hitting" | "struck" | "seized"
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
            // "the attack had killed and wounded about 100": one figure for
            // both, which is neither the dead nor the wounded
            let both = cue.start >= 2
                && s.word(cue.start - 1) == "and"
                && s.cue_ending(cue.start - 1).is_some_and(|before| {
                    matches!(
                        before.class,
                        CueClass::Active | CueClass::Predicate { transitive: true }
                    ) && matches!(
                        (before.kind, cue.kind),
                        (CasualtyKind::Killed, CasualtyKind::Injured)
                            | (CasualtyKind::Injured, CasualtyKind::Killed)
                    )
                });
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
                    if both {
                        mention.kind = CasualtyKind::KilledOrInjured;
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
    let mut nps = subjects(s, left.end, left.relative);
    if nps.is_empty() && cue.kind == CasualtyKind::Killed && !left.relative {
        nps = wounded_part_np(s, left.end)
            .map(|np| vec![np])
            .unwrap_or_else(|| reduced_relative_subjects(s, left.end));
    }
    if nps.is_empty() && !left.relative && s.word(left.end.wrapping_sub(1)) == "and" {
        nps = first_conjunct_subjects(s, left.end - 1);
    }
    nps.into_iter()
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

/// The subject of a death whose subject is told by a participle before it:
/// "A man shot on Sunday outside a store has died", "One of five people shot
/// Sunday has died" (the one, not the five). Only within one clause: no
/// punctuation, conjunction, relative word or finite verb between.
fn reduced_relative_subjects(s: &Sentence<'_, '_>, end: usize) -> Vec<Np> {
    let first = end.saturating_sub(16);
    for k in (first..end).rev() {
        if let Some(harm) = s.cue_ending(k + 1).filter(|harm| {
            matches!(harm.class, CueClass::Predicate { .. })
                && matches!(harm.kind, CasualtyKind::KilledOrInjured | CasualtyKind::Injured)
        }) {
            let left = left_of(s, harm.start);
            if left.passive || left.relative || left.negated || left.hypothetical {
                return Vec::new();
            }
            return subjects(s, left.end, false)
                .into_iter()
                .map(|np| match partitive_outer(s, np.count_tokens.start) {
                    // the participle counted the whole of "one of five people"
                    Some(part) => {
                        let mut part_np = number_np(part, np.victims, np.span.end);
                        part_np.span.start = part.start;
                        part_np
                    }
                    None => np,
                })
                .collect();
        }
        let token = &s.tokens[k];
        if token.is_punct()
            || token.is_any(&[
                "and", "but", "or", "who", "which", "that", "when", "after", "before", "while", "as",
                "because", "said", "says", "was", "were", "is", "are", "has", "have", "had", "been",
            ])
        {
            return Vec::new();
        }
    }
    Vec::new()
}

/// The subject of the first of two predicates joined by "and" at token
/// `and`: "Twenty-two people had been pulled out alive and taken to
/// hospital". Only a passive or perfect first predicate ("had been pulled",
/// "were rescued") within one clause.
fn first_conjunct_subjects(s: &Sentence<'_, '_>, and: usize) -> Vec<Np> {
    // "were rescued alive, all of them with injuries, and taken to hospital"
    let mut end = and;
    if and >= 1 && s.word(and - 1) == "," {
        match parenthetical_start(s, and - 1) {
            Some(open) => end = open,
            None => return Vec::new(),
        }
    }
    for k in (end.saturating_sub(8)..end).rev() {
        let token = &s.tokens[k];
        if token.is_punct() || token.is_any(&["and", "or", "but", "who", "which", "that", "when", "after"]) {
            return Vec::new();
        }
        if token.is_any(&["was", "were", "had", "has", "have"]) {
            let end = if k >= 1 && s.word(k - 1) == "had" {
                k - 1
            } else {
                k
            };
            return subjects(s, end, false);
        }
    }
    Vec::new()
}

/// "two people were shot, one fatally"; "three of them fatally".
pub(super) fn fatally_counts(s: &Sentence<'_, '_>, group: usize) -> Vec<Found> {
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
pub(super) fn gapped(s: &Sentence<'_, '_>, found: &Found) -> Option<Found> {
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
pub(super) fn multiples(s: &Sentence<'_, '_>, group: usize) -> Vec<Found> {
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

/// "The arrests brought the total to more than 1,100": a plural cue noun
/// that raises a running total, whose new value follows "to". An update, as
/// a toll that rose.
fn total_after_noun(s: &Sentence<'_, '_>, cue: &Cue, group: usize) -> Option<Found> {
    let plural = s.tokens.get(cue.start)?.lower.ends_with('s');
    let verb = cue.end;
    let raises = matches!(
        s.word(verb),
        "brought"
            | "bringing"
            | "brings"
            | "raised"
            | "raising"
            | "raises"
            | "pushed"
            | "pushing"
            | "took"
            | "taking"
    );
    if !(plural && raises && matches!(s.word(verb + 1), "the" | "its" | "their")) {
        return None;
    }
    let mut k = verb + 2;
    if s.word(k) == "overall" {
        k += 1;
    }
    if !matches!(s.word(k), "total" | "tally") {
        return None;
    }
    k += 1;
    if s.word(k) == "number" && s.word(k + 1) == "of" {
        // "the total number of arrests to 350": the toll cue reads it
        return None;
    }
    if s.word(k) != "to" {
        return None;
    }
    let phrase = s
        .number_starting(k + 1)
        .filter(|phrase| !matches!(phrase.form, Form::Article | Form::Zero))?;
    Some(Found {
        kind: cue.kind,
        np: number_np(phrase, None, phrase.end),
        cue: *cue,
        group,
        perpetrator: None,
        update: true,
        self_inflicted: false,
        hedge: None,
    })
}

/// Verbs that set a figure anew: "revised the death toll down to 17".
const REVISING: &[&str] = &[
    "revised",
    "revising",
    "raised",
    "raising",
    "lowered",
    "lowering",
    "updated",
    "updating",
    "corrected",
    "correcting",
    "adjusted",
    "adjusting",
];

/// A figure revised without naming its kind: "initially reported 21 people
/// injured, but later revised the figure down to 17". The new figure is of
/// the kind of the last one before it in the sentence, and an update.
/// `group` numbers the first such revision.
pub(super) fn revised_figures(s: &Sentence<'_, '_>, found: &[Found], group: usize) -> Vec<Found> {
    let mut revised = Vec::new();
    for verb in 0..s.tokens.len() {
        if !REVISING.contains(&s.word(verb)) {
            continue;
        }
        let mut k = verb + 1;
        if matches!(
            s.word(k),
            "the" | "its" | "their" | "that" | "this" | "his" | "her"
        ) {
            k += 1;
        }
        if !matches!(
            s.word(k),
            "figure" | "figures" | "count" | "tally" | "number" | "estimate"
        ) {
            continue;
        }
        k += 1;
        if matches!(
            s.word(k),
            "down" | "up" | "downward" | "downwards" | "upward" | "upwards"
        ) {
            k += 1;
        }
        if s.word(k) != "to" {
            continue;
        }
        let Some(phrase) = s
            .number_starting(k + 1)
            .filter(|phrase| !matches!(phrase.form, Form::Article | Form::Zero))
        else {
            continue;
        };
        let Some(earlier) = found
            .iter()
            .filter(|mention| mention.tokens().end <= verb)
            .max_by_key(|mention| mention.tokens().end)
        else {
            continue;
        };
        revised.push(Found {
            kind: earlier.kind,
            np: number_np(phrase, None, phrase.end),
            cue: earlier.cue,
            group: group + revised.len(),
            perpetrator: None,
            update: true,
            self_inflicted: false,
            hedge: None,
        });
    }
    revised
}
