//! What stands between a predicate cue and its subject (auxiliaries,
//! negation, hedges, relative clauses, parentheses), and who did it: the
//! agent before the cue or after "by". It finds no counts.
use super::*;

/// What stands between a predicate cue and its subject.
#[derive(Debug, Default)]
pub(super) struct Left {
    /// The subject ends just before this token.
    pub(super) end: usize,
    pub(super) passive: bool,
    pub(super) negated: bool,
    /// Hypothetical or future: "would have been killed", "plotting to kill".
    pub(super) hypothetical: bool,
    /// The predicate is a relative clause: "the five people who died".
    pub(super) relative: bool,
    /// "has", "have" or "had" before the verb: "has shot many films".
    pub(super) perfect: bool,
    pub(super) hedge: Option<&'static str>,
}

/// "a 21-year-old woman arrived at Auburn Hospital with a gunshot wound",
/// "walked into the hospital's emergency department with a deep cut": the
/// motion verb before a hospital, where a "with ..." cue follows it; its
/// subject is the wounded.
fn came_to_hospital(s: &Sentence<'_, '_>, k: usize, cue_start: usize) -> Option<usize> {
    const MOTION: &[&str] = &[
        "arrived",
        "walked",
        "turned",
        "showed",
        "went",
        "drove",
        "came",
        "presented",
        "checked",
    ];
    const PLACES: &[&str] = &[
        "hospital",
        "department",
        "clinic",
        "room",
        "centre",
        "center",
        "infirmary",
    ];
    if k == 0 || k != cue_start || s.word(cue_start) != "with" || !PLACES.contains(&s.word(k - 1)) {
        return None;
    }
    (k.saturating_sub(10)..k - 1)
        .rev()
        .take_while(|&i| !s.tokens[i].is_punct() || matches!(s.word(i), "'" | "’"))
        .find(|&i| MOTION.contains(&s.word(i)))
}

/// Words that may stand between a subject and its predicate.
pub(super) const LEFT_BRIDGE: &[&str] = &[
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
    "discovered",
];

/// Walks left from a predicate cue over auxiliaries, adverbs, parentheticals
/// (", including a child,", ", 34,") and an earlier coordinated predicate
/// ("was shot and later died").
pub(super) fn left_of(s: &Sentence<'_, '_>, cue_start: usize) -> Left {
    let mut left = Left::default();
    let mut k = cue_start;
    while k > 0 {
        let token = &s.tokens[k - 1];
        let word = token.lower.as_str();
        if is_auxiliary(word) {
            left.passive = true;
            k -= 1;
        } else if matches!(word, "nearly" | "almost") && k == cue_start {
            // "The shooting nearly took her life", "was almost killed"
            left.negated = true;
            k -= 1;
        } else if (LEFT_BRIDGE.contains(&word) || is_adverb(token)) && !(k == 1 && word == "all") {
            // ("All were taken to hospital": an opening "all" is the subject)
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
                // "was identified and arrested", "were located and detained"
                _ if BEFORE_AN_ARREST.contains(&s.word(k - 2)) => k -= 2,
                _ => break,
            }
        } else if word == "," && k < cue_start && matches!(s.word(k), "who" | "which") {
            // ", who was shot": a relative clause after its noun; "six
            // people, including an elderly woman and a boy, who had been
            // reported missing": after the group its examples follow (but
            // "eight people ..., including Kalif Goens, who was killed" is
            // the example's, as its verb says).
            let singular = matches!(s.word(k + 1), "was" | "is" | "has");
            k = parenthetical_start(s, k - 1)
                .filter(|&open| s.word(open + 1) == "including" && !singular)
                .unwrap_or(k - 1);
        } else if word == "," || word == ")" || is_dash(word) {
            match parenthetical_start(s, k - 1) {
                Some(open) => k = open,
                None => break,
            }
        } else if let Some(verb) = came_to_hospital(s, k, cue_start) {
            k = verb;
        } else if let Some(of_at) = home_town_start(s, k) {
            // "Jordan Shores of North Augusta was pronounced dead"
            k = of_at;
        } else {
            break;
        }
    }
    left.end = k;
    left
}

/// Verbs coordinated before a casualty verb that do not start another
/// clause: "One suspect ... was identified and arrested".
const BEFORE_AN_ARREST: &[&str] = &[
    "identified",
    "located",
    "found",
    "caught",
    "stopped",
    "questioned",
    "interviewed",
    "confronted",
    "tracked",
    "chased",
    "pursued",
    "subdued",
    "tackled",
    "searched",
    "surrounded",
];

/// A dash that can close a parenthetical: "Five children - ages 11 to 15 -
/// were shot".
fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "\u{2013}" | "\u{2014}" | "--")
}

/// Where "of" opens a home town that ends at token `end` after a name:
/// "Jordan Shores of North Augusta" (the town in capitals, one to three
/// words, the name's last word capitalised too).
fn home_town_start(s: &Sentence<'_, '_>, end: usize) -> Option<usize> {
    let of_at = (end.saturating_sub(4)..end.saturating_sub(1))
        .rev()
        .find(|&i| s.word(i) == "of")?;
    let town_capitalised =
        (of_at + 1..end).all(|i| s.tokens.get(i).is_some_and(|token| token.is_capitalized()));
    let named_before =
        of_at >= 2 && s.tokens[of_at - 1].is_capitalized() && s.tokens[of_at - 2].is_capitalized();
    (town_capitalised && named_before).then_some(of_at)
}

/// The opening comma or bracket of a parenthetical closed at token `close`:
/// ", including a child,", ", 34,", ", aged 19 and 24,", "(34)", ", of
/// Tyler,".
pub(super) fn parenthetical_start(s: &Sentence<'_, '_>, close: usize) -> Option<usize> {
    let opener = match s.word(close) {
        ")" => "(",
        dash if is_dash(dash) => dash,
        _ => ",",
    };
    let open = (close.saturating_sub(16)..close)
        .rev()
        .find(|&i| s.word(i) == opener)?;
    let first = s.tokens.get(open + 1)?;
    let inner = close - open - 1;
    // Dashes also set off whole clauses ("both 23 \u{2014} one lives in
    // Charleston \u{2014} were shot"): only ages and the words that
    // qualify a group open one here.
    if is_dash(opener) {
        let qualifies = first.is_any(&[
            "ages",
            "aged",
            "age",
            "all",
            "both",
            "including",
            "mostly",
            "most",
        ]);
        let age = inner <= 8 && (first.kind == TokenKind::Number || super::noun_phrases::is_age_noun(first));
        // "two CTD personnel \u{2014} a sub-inspector and a constable \u{2014}
        // sustained": who the group was, as a short list
        let members = inner <= 10
            && first.is_any(&["a", "an"])
            && (open + 2..close).any(|i| matches!(s.word(i), "and" | ","));
        return (qualifies || age || members).then_some(open);
    }
    // a long one only as an example or a description of the group: ",
    // including a woman hit by a stray bullet while waiting at a bus stop,",
    // ", all young men who had left home on Monday to buy bread,"
    if inner > 11 && !first.is_any(&["including", "all", "mostly", "most", "many"]) {
        return None;
    }
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
    // ", 34,", ", 17 and 19 years old,"; ", 24-year-old Candace Holloway,"
    let age = inner <= 8 && (first.kind == TokenKind::Number || super::noun_phrases::is_age_noun(first));
    // the last item of a list: ", and a 33-year-old man,"
    let list_tail = first.is("and")
        && s.tokens
            .get(open + 2)
            .is_some_and(|token| token.is_any(&["a", "an"]) || token.kind == TokenKind::Number);
    // "LaPrida Shears, 25, of Tyler, was killed": a home town
    // or a street: "Dominque Young, 21, of the 2500 block of Semple, sustained"
    let home_town = first.is("of")
        && (s.tokens.get(open + 2).is_some_and(|token| token.is_capitalized())
            || (s.word(open + 2) == "the"
                && s.tokens
                    .get(open + 3)
                    .is_some_and(|token| token.kind == TokenKind::Number)
                && s.word(open + 4) == "block"));
    // ", three men and three women,": the counted groups of the number before it
    let counted_groups = inner <= 10
        && s.number_starting(open + 1)
            .filter(|phrase| phrase.form != Form::Article)
            .is_some_and(|phrase| {
                s.tokens
                    .get(phrase.end)
                    .is_some_and(|token| super::noun_phrases::person_at(token).is_some())
            });
    // "His daughter, Heaven Miller, died": a name after one person. Not
    // after "of": in "The mother of the child, Kanisha Shelton, has been
    // charged" the name is the mother's.
    let name = (1..=5).contains(&inner)
        && open >= 1
        && super::noun_phrases::person_at(&s.tokens[open - 1]) == Some(Plurality::Singular)
        && !(open.saturating_sub(4)..open).any(|i| s.word(i) == "of")
        && (open + 1..close).all(|i| s.tokens[i].is_capitalized() || s.word(i) == ".");
    if !(opener == "(" || introduces || age || home_town || list_tail || counted_groups || name) {
        return None;
    }
    // "four people, an 18-year-old man, a 19-year-old man and an 11-year-old
    // boy, were hit": earlier items of the same list go too.
    // ", aged 19, 23 and 26,": so do the earlier ages of a list, and an age
    // before a home town (", 25, of Hamilton,"). Only from an item of a
    // list: in "Later, a man, aged 20, was found" the words before ", aged
    // 20," are the subject.
    let list_item = |token: &Token<'_>| token.is_any(&["a", "an"]) || token.kind == TokenKind::Number;
    let mut open = open;
    let mut item = first;
    while opener == "," && open > 0 {
        let Some(previous) = (open.saturating_sub(8)..open).rev().find(|&i| s.word(i) == ",") else {
            break;
        };
        match s.tokens.get(previous + 1) {
            Some(earlier)
                if earlier.kind == TokenKind::Number
                    || ((list_item(item) || item.is("and"))
                        && (list_item(earlier) || earlier.is_any(&["aged", "ages"]))) =>
            {
                open = previous;
                item = earlier;
            }
            _ => break,
        }
    }
    Some(open)
}

/// Whether the clause of a subject starting at `start` is a condition: "if
/// anyone was hurt", "in the event she was injured".
pub(super) fn conditional(s: &Sentence<'_, '_>, start: usize) -> bool {
    (start.saturating_sub(3)..start).any(|i| {
        matches!(s.word(i), "if" | "unless" | "whether")
            || (s.word(i) == "event"
                && s.word(i.wrapping_sub(1)) == "the"
                && s.word(i.wrapping_sub(2)) == "in")
    })
}

/// The agent before an active verb: "Gunmen", "Turkish police", "the
/// Counter Terrorism Department (CTD)".
pub(super) fn agent_before(s: &Sentence<'_, '_>, end: usize) -> Option<Range<usize>> {
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
pub(super) fn agent_after_by(s: &Sentence<'_, '_>, cue_end: usize) -> Option<Range<usize>> {
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
