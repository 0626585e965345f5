//! Claim types, and the event a responsibility claim is about.
//!
//! The cue's lemma gives the type ([`super::cues::lemma_type`]) except for
//! responsibility claims, which the words around the cue decide: "claimed
//! responsibility for the attack", "claimed the bombing", "took credit for
//! the assault", "claimed the attack in a statement on Telegram". A report
//! is also any claim whose claimant is a news outlet ("Le Figaro writes").
//!
//! Rules, not a model: PolNeAR, the attribution data, has no claim types.
use std::ops::Range;

use crate::output::extractions::ClaimType;
use crate::text::dates::is_weekday_name;

use super::cues::lemma_type;

/// Nouns of attacks that can be claimed.
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "blast",
    "blasts",
    "explosion",
    "assault",
    "ambush",
    "raid",
    "killing",
    "killings",
    "murder",
    "assassination",
    "shooting",
    "massacre",
    "kidnapping",
    "abduction",
    "hijacking",
    "seizure",
    "capture",
    "siege",
    "strike",
    "strikes",
    "operation",
    "suicide",
    "rocket",
    "rockets",
];

/// Words that end the event phrase after "responsibility for".
const PHRASE_ENDS: &[&str] = &[
    "through",
    "via",
    "in a",
    "in an",
    "on its",
    "on their",
    "on telegram",
    "saying",
    "and",
    "but",
    "which",
    "that",
    "as",
    "after",
    "citing",
];

/// The type of a claim from its cue lemma and the words of and around it.
/// `after_cue` is the text that follows the cue in its sentence.
pub fn claim_type(lemma: &str, after_cue: &str, claimant_is_media: bool) -> ClaimType {
    if is_responsibility(lemma, after_cue) {
        return ClaimType::Responsibility;
    }
    match lemma_type(lemma) {
        ClaimType::Statement if SPEECH.contains(&lemma) => match content_type(after_cue) {
            Some(kind) => kind,
            None if claimant_is_media => ClaimType::Report,
            None => ClaimType::Statement,
        },
        ClaimType::Statement if claimant_is_media => ClaimType::Report,
        other => other,
    }
}

/// What a plain statement's first clause makes it: a denial when it denies
/// a part in something ("told Ukrainian television that Kyiv had \"nothing
/// directly to do\" with the attack", "said it had no role in the
/// bombing"), else an accusation when it lays an attack or a crime on
/// someone ("said Ukraine was behind the attack", "said the RSF is
/// committing genocide"). Called after the responsibility check, so "said
/// it was behind the attack" is the speaker's own claim, not this.
pub fn content_type(after_cue: &str) -> Option<ClaimType> {
    let clause = first_clause(after_cue);
    let says = |phrases: &[&str]| phrases.iter().any(|phrase| clause.contains(phrase));
    let opens = |phrases: &[&str]| {
        let opening = clause.trim_start().trim_start_matches("that ");
        phrases.iter().any(|phrase| opening.starts_with(phrase))
    };
    // "a perception not unfounded" does not dismiss
    let dismisses = DISMISSALS
        .iter()
        .any(|phrase| clause.contains(phrase) && !clause.contains(&format!("not {phrase}")));
    if says(NO_PART) || dismisses || opens(OWN_NEGATIONS) {
        Some(ClaimType::Denial)
    } else if says(BLAME) {
        Some(ClaimType::Accusation)
    } else if (opens(&["if they ", "if you ", "if anyone ", "if any "]) && says(&[" will "])) || says(THREATS)
    {
        Some(ClaimType::Warning)
    } else {
        None
    }
}

/// Words that dismiss a claim or a report as untrue: "These accusations
/// are absurd and unfounded", "The militia's claims are lies", "This is the
/// usual propaganda", "its channel had been hacked".
const DISMISSALS: &[&str] = &[
    "are lies",
    "were lies",
    "is a lie",
    "are false",
    "were false",
    "is false",
    "baseless",
    "unfounded",
    "absurd",
    "fabricated",
    "fabrication",
    "groundless",
    "untrue",
    "is propaganda",
    "are propaganda",
    "pure propaganda",
    "usual propaganda",
    "is the usual",
    "fake news",
    "been hacked",
    "no connection",
    "not party to",
    "not a party to",
];

/// Openings by which a speaker denies for their own side: "None of our
/// vessels has called at an Israeli port" ("there were no injuries"
/// reports; "we did not disclose" admits).
const OWN_NEGATIONS: &[&str] = &[
    "none of our",
    "our forces did not",
    "our forces have not",
    // a lawyer for the accused: "insisted that his client had not fired the gun"
    "my client did not",
    "my client had not",
    "his client did not",
    "his client had not",
    "her client did not",
    "her client had not",
];

/// Threats: "These are terrorist acts that will be met with the full force
/// of the state", "will pay a heavy price".
const THREATS: &[&str] = &[
    "will be met with",
    "will pay a heavy price",
    "will pay dearly",
    "will not go unpunished",
    "will not hesitate",
    "will be punished",
    // "will respond at a time and place of our choosing"
    "will respond at a time",
    "will be found and",
    "made to pay",
    // "its attacks would continue as long as ..."
    "attacks would continue",
    "attacks will continue",
];

/// Lemmas of plain speech, whose content alone can make a denial or an
/// accusation ("made the comments", "criticising" cannot).
const SPEECH: &[&str] = &[
    "say", "tell", "state", "add", "write", "claim", "insist", "announce",
];

/// Words that deny a part in something.
const NO_PART: &[&str] = &[
    "nothing to do with",
    "nothing directly to do with",
    "no role in",
    "no part in",
    "no involvement in",
    "not involved in",
    "not behind",
    "not responsible for",
    // "The vessel has no links to any of the countries mentioned"
    "no links to",
    "no link to",
];

/// Words that lay an attack or a crime at someone's door.
const BLAME: &[&str] = &[
    "was behind",
    "were behind",
    "is behind",
    "are behind",
    "committing genocide",
    "committed genocide",
    "war crimes",
    "responsible for the attack",
    "responsible for the bombing",
    "responsible for the killing",
    "responsible for the massacre",
    "a front for",
];

/// The first clause after a cue, lowercased, without quotation marks.
fn first_clause(after_cue: &str) -> String {
    after_cue
        .chars()
        .take(120)
        .take_while(|c| !matches!(c, '.' | ';'))
        .filter(|c| !matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\''))
        .collect::<String>()
        .to_lowercase()
}

/// Who, in a statement, owns an attack: "said it carried out the attack".
const OWN_SUBJECTS: &[&str] = &[
    "it",
    "they",
    "the group",
    "its fighters",
    "its militants",
    "its members",
    "its men",
    "its forces",
];

/// Verbs of carrying out an attack, after a subject of [`OWN_SUBJECTS`].
const CARRIED_OUT: &[&str] = &[
    "carried out",
    "was responsible for",
    "were responsible for",
    "was behind",
    "were behind",
    "staged",
    "conducted",
    "launched",
    "perpetrated",
    "executed",
    "mounted",
    "organised",
    "organized",
];

/// Lemmas of statements that can own an attack.
const OWNING_LEMMAS: &[&str] = &[
    "say",
    "announce",
    "confirm",
    "admit",
    "acknowledge",
    "state",
    "claim",
];

/// For a statement that its speaker carried out an attack ("said it had
/// carried out the attack", "announced that its fighters staged the
/// raid"): the byte offset of `lower` (lowercase, as after the cue) where
/// the verb ends and the event begins.
fn owned_attack_start(lemma: &str, lower: &str) -> Option<usize> {
    if !OWNING_LEMMAS.contains(&lemma) {
        return None;
    }
    attack_after_subject(lower, clause_after_cue(lower), OWN_SUBJECTS)
}

/// Where the clause after a cue begins in `lower`: past the spaces and a
/// "that" ("said that its fighters ...").
fn clause_after_cue(lower: &str) -> usize {
    let mut at = lower.len() - lower.trim_start().len();
    // "said on Sunday it was behind the assault": a day between the cue
    // and its clause
    if let Some(rest) = lower[at..].strip_prefix("on ") {
        let day = rest.split([' ', ',']).next().unwrap_or("");
        if is_weekday_name(day) {
            at += "on ".len() + day.len();
            at += lower[at..].len() - lower[at..].trim_start_matches([',', ' ']).len();
        }
    }
    if lower[at..].starts_with("that ") {
        at + "that ".len()
    } else {
        at
    }
}

/// Auxiliaries between a subject and its verb: "it had carried out".
const AUXILIARIES: &[&str] = &["had ", "has ", "have "];

/// From byte `at` of `lower`: one of `subjects`, the words of `skipped`
/// that follow it (in that order), and one of `verbs`; the byte where the
/// verb ends.
fn verb_after_subject(
    lower: &str,
    mut at: usize,
    subjects: &[&str],
    skipped: &[&[&str]],
    verbs: &[&str],
) -> Option<usize> {
    // a word of `words` at `at`, with `ends` true of what follows it
    let word_at = |at: usize, words: &[&str], ends: fn(&str) -> bool| -> Option<usize> {
        words
            .iter()
            .find(|word| lower[at..].strip_prefix(**word).is_some_and(ends))
            .map(|word| word.len())
    };
    at += word_at(at, subjects, |rest| rest.starts_with(' '))? + 1;
    for word in skipped.iter().flat_map(|words| words.iter()) {
        if lower[at..].starts_with(word) {
            at += word.len();
        }
    }
    // the act may end the clause: "its fighters had carried out the bombing."
    let verb_ends = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-');
    Some(at + word_at(at, verbs, verb_ends)?)
}

/// Violent acts that, told by a group of its own fighters, claim an
/// attack without an attack noun: "said its fighters had killed 50
/// Russians", "said it had targeted a British-owned cargo ship".
const VIOLENT_ACTS: &[&str] = &[
    "targeted",
    "attacked",
    "struck",
    "killed",
    "destroyed",
    "detonated",
    "ambushed",
    "stormed",
    "shot down",
    "downed",
    "bombed",
    "shelled",
    "blew up",
    "brought down",
    "assassinated",
    // "its fighters had planted an explosive device"
    "planted",
    // not "fired" alone: "said it had fired thousands of employees"
    "fired rockets",
    "fired a rocket",
    "fired missiles",
    "fired a missile",
    "fired mortars",
    "fired ballistic",
    "fired a barrage",
    "fired drones",
    "carried out the attack",
    "carried out the attacks",
    "carried out the bombing",
    "carried out the assault",
    "carried out the ambush",
    "carried out the raid",
    "carried out an attack",
    "carried out a suicide",
    "launched a drone",
    "launched drones",
    "launched a missile",
    "launched missiles",
    // a takeover: "its fighters had taken full control of the town"
    "taken control",
    "taken full control",
    "took control",
    "took full control",
    "seized control",
    "overran",
];

/// Subjects that tell of the speaker's own fighters, for
/// [`VIOLENT_ACTS`]; "they" is left out, being anyone.
const OWN_FIGHTERS: &[&str] = &[
    "it",
    "its fighters",
    "its militants",
    "its members",
    "its men",
    "its forces",
    "its units",
    "its mujahideen",
    "the group's fighters",
    "the group's militants",
    "the group's members",
    // in its own words: "\"Our mujahideen stormed the camp,\" the group said"
    "our fighters",
    "our mujahideen",
    "our commandos",
    "our brothers",
    "our units",
    "our men",
    "our engineers",
    // jihadist praise names: "Our lions attacked the apostate column"
    "our lions",
    "our knights",
    // the Islamic State's name for its suicide bombers
    "a soldier of the caliphate",
    "soldiers of the caliphate",
];

/// Whether a statement tells that its speaker's own fighters did a
/// violent act ("said its fighters had killed 50 Russians", "said it had
/// also destroyed two military vehicles"). Only for armed groups: the
/// caller leaves out armies, police and governments, whose "we killed 20
/// militants" reports an operation rather than claiming an attack.
pub fn owns_violent_act(lemma: &str, after_cue: &str, militant_speaker: bool) -> bool {
    if !OWNING_LEMMAS.contains(&lemma) {
        return false;
    }
    // quotation marks inside a paraphrase: its fighters had "targeted" a post
    let lower: String = after_cue
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}'))
        .collect();
    let mut at = clause_after_cue(&lower);
    // "two of its martyrdom seekers had stormed": the counted part of its fighters
    if let Some(of_its) = lower[at..]
        .find(" of its ")
        .filter(|&of| lower[at..at + of].split(' ').count() <= 2)
    {
        at += of_its + " of ".len();
    }
    let acts = |subjects: &[&str]| {
        verb_after_subject(
            &lower,
            at,
            subjects,
            &[AUXILIARIES, ADVERBS_OF_ACTS],
            VIOLENT_ACTS,
        )
        .is_some()
    };
    // "they" and "we" are anyone's but an armed group's own; "his men" a
    // gang leader's or a rebel commander's, not any official's
    let own_side: &[&str] = if militant_speaker {
        &[
            "they",
            "we",
            "his fighters",
            "his men",
            "his gunmen",
            "his forces",
            "her fighters",
            "her men",
        ]
    } else {
        &[]
    };
    acts(OWN_FIGHTERS)
        || acts(own_side)
        || own_fighters_named(&lower[at..]).is_some_and(|named| acts(&[named.as_str()]))
}

/// Words between an own subject and its violent act, after an auxiliary:
/// "its fighters had also successfully stormed".
const ADVERBS_OF_ACTS: &[&str] = &["also ", "successfully "];

/// Aircraft and weapons, which armies report striking with.
const MACHINES: &[&str] = &[
    "aircraft",
    "jets",
    "warplanes",
    "planes",
    "drones",
    "artillery",
    "navy",
    "ships",
    "tanks",
    "helicopters",
    "air",
];

/// "its martyrdom seekers", "its special units": "its" and one or two more
/// words before an auxiliary or a violent act, as a subject of the
/// speaker's own fighters.
fn own_fighters_named(lower: &str) -> Option<String> {
    let rest = lower.strip_prefix("its ")?;
    let words: Vec<&str> = rest.split(' ').take(3).collect();
    // "its aircraft later struck": an army's report of an operation
    if words.iter().any(|word| MACHINES.contains(word)) {
        return None;
    }
    // a passive ("its activists were killed") tells of its losses
    let be = |word: &&str| matches!(*word, "was" | "were" | "is" | "are" | "been" | "being");
    (1..words.len()).find_map(|count| {
        if words[..=count].iter().any(be) {
            return None;
        }
        let next = words[count];
        let verb_next = ["had", "has", "have"].contains(&next)
            || VIOLENT_ACTS.iter().any(|act| act.split(' ').next() == Some(next));
        verb_next.then(|| format!("its {}", words[..count].join(" ")))
    })
}

/// Subjects of a quotation in which the speaker owns an attack: "We
/// carried out this blessed operation".
const QUOTED_SUBJECTS: &[&str] = &[
    "we",
    "our fighters",
    "our mujahideen",
    "our brothers",
    "our men",
    "our forces",
];

/// The event a quotation owns ("We carried out this blessed operation" →
/// "this blessed operation"), as a range of `quote`; the owning clause
/// must open the quotation or one of its sentences.
pub fn quoted_attack(quote: &str) -> Option<Range<usize>> {
    let lower = quote.to_lowercase();
    if lower.len() != quote.len() {
        return None;
    }
    let opens = std::iter::once(0).chain(lower.match_indices(". ").map(|(at, _)| at + 2));
    opens
        .filter_map(|open| attack_after_subject(&lower, open, QUOTED_SUBJECTS))
        .find_map(|start| {
            let event = claimed_event("claim", &quote[start..])?;
            Some(start + event.start..start + event.end)
        })
}

/// From byte `at` of `lower`: one of `subjects`, an optional auxiliary and
/// a verb of [`CARRIED_OUT`] followed closely by an attack noun; the byte
/// where the verb ends.
fn attack_after_subject(lower: &str, at: usize, subjects: &[&str]) -> Option<usize> {
    let at = verb_after_subject(lower, at, subjects, &[AUXILIARIES], CARRIED_OUT)?;
    // "was behind a drone and missile attack"
    first_words(&lower[at..], 6)
        .iter()
        .any(|word| EVENT_NOUNS.contains(word))
        .then_some(at)
}

fn is_responsibility(lemma: &str, after_cue: &str) -> bool {
    let after = after_cue.trim_start().to_lowercase();
    if owned_attack_start(lemma, &after).is_some() {
        return true;
    }
    match lemma {
        "take credit" => true,
        "take responsibility" => {
            let object = after
                .strip_prefix("responsibility")
                .unwrap_or(&after)
                .trim_start();
            object.starts_with("for")
                && first_words(object, 6)
                    .iter()
                    .any(|word| EVENT_NOUNS.contains(word))
        }
        "claim" => {
            after.starts_with("responsibility")
                || after.starts_with("credit")
                || first_words(&after, 4)
                    .iter()
                    .any(|word| EVENT_NOUNS.contains(word))
        }
        _ => false,
    }
}

/// "..., the strikes came after a suicide bombing outside government
/// buildings in Ankara, which the PKK claimed": a claim whose content is
/// the relative pronoun of an attack named before it. `before` is the
/// sentence up to that pronoun; the result is the attack's noun phrase in
/// it ("a suicide bombing outside government buildings in Ankara").
pub fn relative_claimed_event(before: &str) -> Option<Range<usize>> {
    let end = before.trim_end().trim_end_matches(',').trim_end().len();
    let words: Vec<(usize, &str)> = before[..end]
        .split(' ')
        .scan(0, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some((start, word))
        })
        .collect();
    let lower = |word: &str| word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let noun = words
        .iter()
        .rposition(|(_, word)| EVENT_NOUNS.contains(&lower(word).as_str()))
        .filter(|&noun| words.len() - noun <= 10)?;
    let determiner = (noun.saturating_sub(4)..noun)
        .rev()
        .find(|&i| matches!(lower(words[i].1).as_str(), "a" | "an" | "the" | "its" | "their"))?;
    Some(words[determiner].0..end)
}

fn first_words(text: &str, count: usize) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .take(count)
        .collect()
}

/// The event phrase a responsibility claim names, as a range of
/// `after_cue` ("responsibility for the attack through its Amaq news
/// agency" → "the attack"; "the bombing in Kabul" → "the bombing in
/// Kabul"; after "said", "it carried out the attack" → "the attack").
/// None when no attack noun is near.
pub fn claimed_event(lemma: &str, after_cue: &str) -> Option<Range<usize>> {
    let lower = after_cue.to_lowercase();
    if lower.len() != after_cue.len() {
        return None;
    }
    let mut start = owned_attack_start(lemma, &lower).unwrap_or(0);
    start += lower[start..].len() - lower[start..].trim_start().len();
    for lead in [
        "responsibility for",
        "credit for",
        "responsibility",
        "credit",
        "for",
    ] {
        if lower[start..].starts_with(lead) {
            start += lead.len();
            start += lower[start..].len() - lower[start..].trim_start().len();
            break;
        }
    }
    let rest = &lower[start..];
    let mut end = rest.len();
    for stop in [",", ";", ".", ":", "\"", "\n"] {
        if let Some(at) = rest.find(stop) {
            end = end.min(at);
        }
    }
    for word in PHRASE_ENDS {
        let mut from = 0;
        while let Some(at) = rest[from..end].find(word) {
            let at = from + at;
            let bounded = at > 0
                && rest[..at].ends_with(' ')
                && !rest[at + word.len()..].starts_with(char::is_alphanumeric);
            // "a drone and missile attack": an "and" inside the attack's
            // name, before its noun, does not end it
            let inside_name = *word == "and"
                && !first_words(&rest[..at], 8)
                    .iter()
                    .any(|w| EVENT_NOUNS.contains(w))
                && first_words(&rest[at + word.len()..], 2)
                    .iter()
                    .any(|w| EVENT_NOUNS.contains(w));
            if bounded && !inside_name {
                end = at;
                break;
            }
            from = at + word.len();
        }
    }
    let phrase = rest[..end].trim_end();
    let has_event = first_words(phrase, 8)
        .iter()
        .any(|word| EVENT_NOUNS.contains(word));
    (has_event && !phrase.is_empty()).then(|| start..start + phrase.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lawyer_denies_for_the_client() {
        assert_eq!(
            content_type(" that his client had not fired the gun"),
            Some(ClaimType::Denial)
        );
        assert_eq!(
            content_type(" These figures are propaganda"),
            Some(ClaimType::Denial)
        );
        assert_eq!(content_type(" that his client had arrived at noon"), None);
    }

    #[test]
    fn a_day_between_cue_and_clause_is_stepped_over() {
        assert!(is_responsibility(
            "say",
            " on Monday it was behind the assault on the post"
        ));
        assert!(is_responsibility(
            "say",
            " on Monday, it was behind the assault on the post"
        ));
        assert!(!is_responsibility(
            "say",
            " on Monday that Iran was behind the assault"
        ));
    }

    #[test]
    fn an_armed_group_in_its_own_words_owns_its_violence() {
        assert!(owns_violent_act(
            "say",
            "Our mujahideen stormed the camp at dawn",
            false
        ));
        assert!(owns_violent_act("say", "We killed 12 soldiers", true));
        assert!(!owns_violent_act("say", "We killed 12 soldiers", false));
        // a gang leader's or rebel commander's men; not any official's
        let his_men = " that his fighters had carried out the attack on the prison";
        assert!(owns_violent_act("say", his_men, true));
        assert!(!owns_violent_act("say", his_men, false));
    }

    #[test]
    fn responsibility_claims() {
        assert_eq!(
            claim_type("claim", " responsibility for the attack", false),
            ClaimType::Responsibility
        );
        assert_eq!(
            claim_type("claim", " the bombing in a statement", false),
            ClaimType::Responsibility
        );
        assert_eq!(
            claim_type("take credit", " for the raid", false),
            ClaimType::Responsibility
        );
        // "took responsibility" is typed by its object
        assert_eq!(
            claim_type("take responsibility", " for the seizure of the tanker", false),
            ClaimType::Responsibility
        );
        assert_eq!(
            claim_type(
                "take responsibility",
                " for the failures of his department",
                false
            ),
            ClaimType::Statement
        );
        assert_eq!(
            claim_type("claim", " that the vote was rigged", false),
            ClaimType::Statement
        );
        assert_eq!(
            claim_type("deny", " responsibility for the blast", false),
            ClaimType::Denial
        );
    }

    #[test]
    fn an_attack_named_with_several_words_is_owned() {
        let after = " it was behind a drone and missile attack on a commercial vessel on Saturday";
        assert_eq!(claim_type("say", after, false), ClaimType::Responsibility);
        let event = claimed_event("say", after).map(|range| &after[range]);
        assert_eq!(
            event,
            Some("a drone and missile attack on a commercial vessel on Saturday")
        );
        // "and" after the attack still ends it
        let after = " responsibility for the bombing and warned of more";
        assert_eq!(
            claimed_event("claim", after).map(|range| &after[range]),
            Some("the bombing")
        );
    }

    #[test]
    fn what_a_statement_says_can_make_it_a_denial_or_an_accusation() {
        let kind = |lemma: &str, after: &str| claim_type(lemma, after, false);
        assert_eq!(
            kind(
                "tell",
                " Ukrainian television that Kyiv had \"nothing directly to do\" with the attack"
            ),
            ClaimType::Denial
        );
        assert_eq!(kind("say", " it was not behind the attack"), ClaimType::Denial);
        assert_eq!(
            kind("say", " Ukraine was behind the attack"),
            ClaimType::Accusation
        );
        assert_eq!(
            kind("say", ": \"The RSF is committing genocide.\""),
            ClaimType::Accusation
        );
        // the speaker's own part is a responsibility claim
        assert_eq!(
            kind("say", " it was behind the attack"),
            ClaimType::Responsibility
        );
        assert_eq!(
            kind("claim", " they were responsible for the attack"),
            ClaimType::Responsibility
        );
        // only plain speech: "made the comments" says nothing of its own
        assert_eq!(
            kind("make", " the comments, which had nothing to do with it"),
            ClaimType::Statement
        );
        assert_eq!(kind("say", " nine were held"), ClaimType::Statement);
    }

    #[test]
    fn an_attack_claimed_in_a_relative_clause() {
        let before =
            "The strikes came two days after a suicide bombing outside government buildings in Ankara, ";
        assert_eq!(
            relative_claimed_event(before).map(|range| &before[range]),
            Some("a suicide bombing outside government buildings in Ankara")
        );
        assert_eq!(relative_claimed_event("He spoke about the weather, "), None);
    }

    #[test]
    fn media_statements_are_reports() {
        assert_eq!(claim_type("say", " that nine were held", true), ClaimType::Report);
        assert_eq!(claim_type("deny", " it", true), ClaimType::Denial);
    }

    #[test]
    fn event_phrases() {
        let after = " responsibility for the attack through its Amaq news agency, naming";
        assert_eq!(&after[claimed_event("claim", after).unwrap()], "the attack");
        let after = " the bombing in Kabul in a statement on Telegram.";
        assert_eq!(
            &after[claimed_event("claim", after).unwrap()],
            "the bombing in Kabul"
        );
        assert_eq!(claimed_event("claim", " that the vote was rigged"), None);
        let after = " for the assault, the group said";
        assert_eq!(
            &after[claimed_event("take credit", after).unwrap()],
            "the assault"
        );
        let after = " it had carried out the ambush near Djibo, the SITE group said";
        assert_eq!(
            &after[claimed_event("say", after).unwrap()],
            "the ambush near Djibo"
        );
    }

    #[test]
    fn quotations_that_own_an_attack() {
        let quote = "We carried out this blessed operation";
        assert_eq!(
            quoted_attack(quote).map(|r| &quote[r]),
            Some("this blessed operation")
        );
        let quote = "God is great. Our fighters stormed and conducted the raid on the base";
        assert_eq!(quoted_attack(quote), None, "the verb must follow the subject");
        let quote = "God is great. We launched the attack at dawn";
        assert_eq!(
            quoted_attack(quote).map(|r| &quote[r]),
            Some("the attack at dawn")
        );
        assert_eq!(quoted_attack("We condemn the attack"), None);
        assert_eq!(quoted_attack("They say we carried out the attack"), None);
    }

    #[test]
    fn statements_that_own_a_violent_act() {
        for after in [
            " its fighters had killed 50 Russians in an ambush",
            " it had targeted a British-owned cargo ship",
            " that it had also destroyed two military vehicles",
            " the group's fighters struck an army convoy",
            " it launched a drone at Ain al-Asad air base",
        ] {
            assert!(owns_violent_act("say", after, false), "{after}");
        }
        assert!(!owns_violent_act("say", " they killed two soldiers", false));
        assert!(!owns_violent_act("say", " it had captured the town", false));
        assert!(!owns_violent_act(
            "say",
            " it had fired the thousands of employees",
            false
        ));
        // quotation marks, a counted part of its fighters, and militants' "they"
        assert!(owns_violent_act(
            "say",
            " its fighters had \"targeted a checkpoint\"",
            false
        ));
        assert!(owns_violent_act(
            "say",
            " two of its \"martyrdom seekers\" had stormed the station",
            false
        ));
        assert!(owns_violent_act(
            "say",
            " they had shot down a military helicopter",
            true
        ));
        assert!(!owns_violent_act(
            "say",
            " they had shot down a military helicopter",
            false
        ));
        assert!(!owns_violent_act(
            "say",
            " its aircraft later struck the infrastructure",
            false
        ));
        assert!(!owns_violent_act(
            "claim",
            " two of its activists were killed",
            false
        ));
        assert!(!owns_violent_act(
            "deny",
            " its fighters had killed civilians",
            false
        ));
        assert!(!owns_violent_act("say", " the attack killed 12 people", false));
        // the act may end the clause
        assert!(owns_violent_act(
            "say",
            " that its fighters had carried out the bombing.",
            false
        ));
        assert!(owns_violent_act(
            "say",
            " it had fired a barrage of rockets at the base",
            false
        ));
        assert!(!owns_violent_act(
            "say",
            " it had carried out the bombings-related audit",
            false
        ));
    }

    #[test]
    fn dismissals_own_negations_and_threats() {
        let kind = |after: &str| content_type(after);
        assert_eq!(
            kind("These accusations are absurd and unfounded"),
            Some(ClaimType::Denial)
        );
        assert_eq!(kind(" the militia's claims are lies"), Some(ClaimType::Denial));
        assert_eq!(
            kind(" it \"has no connection\" with the attack"),
            Some(ClaimType::Denial)
        );
        assert_eq!(
            kind(" that none of our vessels has called at an Israeli port"),
            Some(ClaimType::Denial)
        );
        assert_eq!(kind("We did not disclose these adjustments"), None);
        assert_eq!(kind(" a perception not unfounded in the public"), None);
        assert_eq!(kind(" there were no injuries or damage"), None);
        assert_eq!(
            kind("If they fire again, we will respond fully"),
            Some(ClaimType::Warning)
        );
        assert_eq!(
            kind("These are terrorist acts that will be met with the full force of the law"),
            Some(ClaimType::Warning)
        );
        assert_eq!(
            kind(" the group was \"a front\" for another"),
            Some(ClaimType::Accusation)
        );
        // plain reports stay statements
        assert_eq!(kind(" that there were 40 people in the building"), None);
        assert_eq!(kind(" the talks will resume on Monday"), None);
        assert_eq!(kind("If we lose we will have to close shops"), None);
    }

    #[test]
    fn statements_that_own_an_attack() {
        for after in [
            " it carried out the attack",
            " that its fighters had staged the raid on the base",
            " they were behind the bombing",
        ] {
            assert_eq!(
                claim_type("say", after, false),
                ClaimType::Responsibility,
                "{after}"
            );
        }
        assert_eq!(
            claim_type("announce", " that it had launched an offensive", false),
            ClaimType::Statement,
            "an offensive is no attack noun"
        );
        assert_eq!(
            claim_type("say", " it condemned the attack", false),
            ClaimType::Statement
        );
        assert_eq!(
            claim_type("deny", " it carried out the attack", false),
            ClaimType::Denial
        );
    }
}
