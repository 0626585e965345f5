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
//! This module works within one sentence; grouping figures into events and
//! choosing a toll is `summary.rs`. Its parts: `noun_phrases` (counted
//! subjects and objects), `before_cue` (what precedes a cue, agents),
//! `cue_counts` (counts per kind of cue), `natural_deaths`, `antecedents`
//! (the people a plural "they" stands for).
use std::ops::Range;

use crate::ner::EntityMention;
use crate::output::extractions::{CasualtyKind, Count, CountQualifier};

use crate::casualties::context::{
    after_an_earlier_event, among_other_incidents, at_the_site_of_another_incident, bytes, dated_to_a_month,
    entities_in, entity_ending_at, entity_starting_at, hedges, in_an_earlier_incident,
    in_other_incidents_clause, is_name_word, is_singular_pronoun, links_elsewhere, measured_against,
    name_run_before, name_run_from, names_people, opened_as_another_incident, opened_by_earlier_time,
    period_closing_clause, scope, sentence_context, violence_running_total, war_running_total, Scope,
    SentenceContext,
};
use crate::casualties::exclusions::exclusion;
use crate::casualties::lexicon::{
    find_cues, is_group_plural, is_modifier, person_noun, Cue, CueClass, Plurality,
};
use crate::casualties::numbers::{exact, find_numbers, Form, NumberPhrase};
use crate::casualties::sentence_dates::nearest_date;
use crate::casualties::tokens::{tokenize, Token, TokenKind};

mod antecedents;
mod before_cue;
mod cue_counts;
mod natural_deaths;
mod noun_phrases;
mod series;

use antecedents::Antecedents;
use before_cue::*;
use cue_counts::*;
use natural_deaths::*;
use noun_phrases::*;
use series::*;

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

/// The hedge of a figure told only by criminal charges ("charged with
/// three counts of murder"), which any stated toll outranks.
pub const CHARGES_HEDGE: &str = "charged";

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
    /// The sentence (for a sentence over 2,000 bytes, the 40 words on
    /// each side of the figure).
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
    /// People shot who are not among the dead ("was also shot, but
    /// survived"): no one is subtracted from them.
    pub survivors: bool,
    /// The dead are some of the wounded counted before ("two of the wounded
    /// had died", "One of the wounded officers died"): they move from the
    /// injured to the killed.
    pub of_wounded: bool,
    /// The count says it includes the perpetrator ("three dead, including
    /// the gunman", "a murder-suicide").
    pub includes_perpetrator: bool,
    /// "a fourth victim", "another man": this person is at least the Nth.
    pub ordinal: Option<u64>,
    /// Arrests counted besides others counted before: "police arrested two
    /// other men", "two more suspects were detained".
    pub besides_earlier: bool,
    /// The victims are the attacking side ("five attackers", "nine
    /// militants"), whose dead a toll of their victims does not count.
    pub attackers: bool,
    /// The victim is the lone attacker of crime reporting ("the gunman",
    /// "the suspect"), who may or may not be among a toll's dead.
    pub gunman: bool,
    /// The victims are named by a role the gunman rarely has ("three
    /// officers", "a bystander", "a woman"): not the gunman told again.
    pub victim_role: bool,
    /// One man named as a killer of a family is named ("Father and two
    /// children found dead", "the bodies of a man, a woman and two
    /// children"): an item of a list, by an article or none, not "her
    /// father", whom someone else killed.
    pub man_of_a_list: bool,
    /// Which side of a street clash the victims are on ("27 police officers",
    /// "15 protesters"), for adding the injured of both.
    pub side: Option<ClashSide>,
    /// A hedge bears on the figure itself ("reportedly killed", "could be as
    /// many as"), or it is told as a first report ("initially"); the
    /// summary prefers figures without either.
    pub weakened: bool,
    pub confidence: f32,
}

impl CasualtyMention {
    /// The victims are of the attacking side: attackers in a fight, or the
    /// gunman of a crime story.
    pub fn of_the_attacking_side(&self) -> bool {
        self.attackers || self.gunman
    }
}

/// The sides of a riot or a crackdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClashSide {
    /// "police officers", "policemen", "security personnel".
    Security,
    /// "protesters", "demonstrators", "rioters".
    Crowd,
}

const SECURITY_NOUNS: &[&str] = &[
    "police",
    "policemen",
    "policewomen",
    "officers",
    "officer",
    "policeman",
    "gendarmes",
    "personnel",
    "troopers",
];

const CROWD_NOUNS: &[&str] = &[
    "protesters",
    "protestors",
    "demonstrators",
    "rioters",
    "protester",
    "protestor",
    "demonstrator",
    "marchers",
];

/// Nouns of the attacking side of a fight. Not "gunman" or "shooter": in
/// crime reporting "Two dead" often already counts the shooter killed by
/// police (on GVA dev adding them lost as many tolls as it fixed).
const ATTACKER_NOUNS: &[&str] = &[
    "attacker",
    "attackers",
    "assailant",
    "assailants",
    "militant",
    "militants",
    "insurgent",
    "insurgents",
    "terrorist",
    "terrorists",
    "jihadist",
    "jihadists",
    "bomber",
    "bombers",
    "extremist",
    "extremists",
    "raiders",
    "hijackers",
    "rebel",
    "rebels",
    "fighters",
    "guerrilla",
    "guerrillas",
    "bandits",
    "separatists",
    "maoists",
];

/// The one attacker of a crime story. Kept apart from [`ATTACKER_NOUNS`]:
/// "Two dead" often already counts a gunman killed by police, and "a man
/// was killed" is often the suspect himself (see `summary.rs`).
const GUNMAN_NOUNS: &[&str] = &["gunman", "shooter", "suspect"];

/// Victims named by what they were to the scene, not by "man", "person" or
/// a name, which a story may use for the gunman too.
const VICTIM_ROLE_NOUNS: &[&str] = &[
    "officer",
    "officers",
    "deputy",
    "deputies",
    "bailiff",
    "bailiffs",
    "bystander",
    "bystanders",
    "woman",
    "women",
    "girl",
    "girls",
    "child",
    "children",
    "baby",
    "infant",
    "members",
    "relatives",
    "wife",
    "girlfriend",
    "mother",
    "daughter",
    "son",
    "hostage",
    "hostages",
    "customer",
    "customers",
    "neighbor",
    "neighbour",
    "clerk",
    "students",
    "worshippers",
    "victims",
];

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

impl Np {
    /// The head noun of the victims ("officers" of "two police officers").
    fn victims_head<'t, 'a>(&self, tokens: &'t [Token<'a>]) -> Option<&'t Token<'a>> {
        tokens.get(self.victims.as_ref()?.end.checked_sub(1)?)
    }
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
    /// The tokens the mention spans: its count, victims and cue.
    fn tokens(&self) -> Range<usize> {
        let start = self
            .np
            .span
            .start
            .min(self.np.count_tokens.start)
            .min(self.cue.start);
        let end = self.np.span.end.max(self.np.count_tokens.end).max(self.cue.end);
        start..end
    }

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
    /// The people a plural pronoun in this sentence may stand for: the
    /// last counted group of people in the few sentences before ("opened
    /// fire on four men ... They were all shot in the foot").
    antecedent: Option<Count>,
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
            antecedent: None,
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

/// All mentions of one sentence, in tokens.
fn sentence_mentions(s: &Sentence<'_, '_>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for (group, cue) in s.cues.iter().enumerate() {
        match cue.class {
            CueClass::Noun => found.extend(noun_count(s, cue, group)),
            CueClass::Toll => found.extend(toll_count(s, cue, group)),
            CueClass::SelfInflicted | CueClass::OneLife => {
                let left = left_of(s, cue.start);
                let self_inflicted = cue.class == CueClass::SelfInflicted;
                let basis = if self_inflicted {
                    Basis::Reflexive
                } else {
                    Basis::Pronoun
                };
                if !(left.negated || left.hypothetical) {
                    found.push(Found {
                        kind: cue.kind,
                        np: single_np(cue.start..cue.end, None, basis),
                        cue: *cue,
                        group,
                        perpetrator: None,
                        update: false,
                        self_inflicted,
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
    let revised = revised_figures(s, &found, s.cues.len() + 2 * s.numbers.len() + 2);
    found.extend(revised);
    // "hundreds of wounded people had been taken to hospitals": a killed-or-
    // injured cue on people the phrase calls wounded (or dead) is an injury
    // (or a death).
    for mention in &mut found {
        if mention.kind != CasualtyKind::KilledOrInjured {
            continue;
        }
        let described = |words: &[&str]| {
            mention.np.victims.as_ref().is_some_and(|victims| {
                victims
                    .clone()
                    .any(|i| s.tokens.get(i).is_some_and(|token| token.is_any(words)))
            })
        };
        // "were rescued alive, all of them with injuries, and taken to hospital"
        let all_hurt = (mention.np.span.end..mention.cue.start).any(|i| {
            s.word(i) == "all"
                && (i + 1..(i + 5).min(mention.cue.start))
                    .any(|j| s.tokens[j].is_any(&["injuries", "injured", "wounded", "wounds"]))
        });
        if described(&["wounded", "injured"]) || all_hurt {
            mention.kind = CasualtyKind::Injured;
        } else if described(&["dead", "slain", "deceased"]) {
            mention.kind = CasualtyKind::Killed;
        }
    }
    // "Three victims ... were transported to a local hospital for treatment
    // of non-life threatening injuries": taken to hospital for their
    // injuries, in a sentence that tells of no death, they are the wounded.
    let tells_of_deaths = found.iter().any(|mention| mention.kind == CasualtyKind::Killed);
    for mention in &mut found {
        if mention.kind == CasualtyKind::KilledOrInjured
            && !tells_of_deaths
            && (to_hospital_for_injuries(s, &mention.cue) || shot_in_a_limb(s, &mention.cue))
        {
            mention.kind = CasualtyKind::Injured;
        }
    }
    // "recovered the bodies of eight people who had been reported missing":
    // found dead, no longer missing
    found.retain(|mention| {
        let start = mention.np.span.start.min(mention.np.count_tokens.start);
        !(mention.kind == CasualtyKind::Missing
            && start >= 2
            && s.word(start - 1) == "of"
            && matches!(s.word(start - 2), "bodies" | "remains" | "body"))
    });
    // "Jerry Scoggins has died at the age of 93": an obituary, not a casualty.
    found.retain(|mention| !natural_death(s, mention));
    // "left five people and an unborn baby dead": GVA's tolls do not count
    // an unborn child, whatever the cue.
    found.retain(|mention| !mention.np.span.clone().any(|i| s.word(i) == "unborn"));
    // "The man who was wounded in the attack died on Monday": one person,
    // whose wound is told before the death; the death is the figure.
    let deaths: Vec<Range<usize>> = found
        .iter()
        .filter(|mention| mention.kind == CasualtyKind::Killed)
        .map(|mention| mention.np.count_tokens.clone())
        .collect();
    // ("Two officers who were initially reported missing ... were found
    // dead" are dead, not missing)
    found.retain(|mention| {
        !(matches!(
            mention.kind,
            CasualtyKind::Injured | CasualtyKind::KilledOrInjured | CasualtyKind::Missing
        ) && deaths.contains(&mention.np.count_tokens))
    });
    // "One of four women wounded in a shooting has died": the four are all
    // who were hurt, the dead among them, as "shot" would count them.
    let parts_dead: Vec<(Range<usize>, Range<usize>)> = found
        .iter()
        .filter(|mention| mention.kind == CasualtyKind::Killed)
        .filter_map(|mention| Some((mention.np.victims.clone()?, mention.np.count_tokens.clone())))
        .collect();
    for mention in &mut found {
        if mention.kind == CasualtyKind::Injured
            && parts_dead.iter().any(|(victims, count_tokens)| {
                mention.np.victims.as_ref() == Some(victims)
                    && count_tokens.end <= mention.np.count_tokens.start
            })
        {
            mention.kind = CasualtyKind::KilledOrInjured;
        }
    }
    // One count, one cue of each kind: the nearest.
    found.sort_by_key(|mention| {
        (
            mention.np.count_tokens.start,
            mention.kind.order(),
            mention.distance(),
        )
    });
    found.dedup_by(|later, earlier| {
        later.np.count_tokens == earlier.np.count_tokens && later.kind == earlier.kind
    });
    found.sort_by_key(|mention| (mention.np.count_tokens.start, mention.cue.start));
    join_others(s, &mut found);
    found
}

/// "taken to a hospital with injuries", "transported to a local hospital for
/// treatment of non-life threatening injuries".
fn to_hospital_for_injuries(s: &Sentence<'_, '_>, cue: &Cue) -> bool {
    matches!(
        s.word(cue.start),
        "taken" | "rushed" | "transported" | "airlifted" | "flown"
    ) && (cue.end..(cue.end + 10).min(s.tokens.len()))
        .any(|i| s.tokens[i].is_any(&["injuries", "injured", "wounds", "wounded"]))
}

/// "was shot in the leg", "shot in his left shoulder", "a gunshot wound to
/// the leg": a wound people live through, in a sentence that tells of no
/// death.
fn shot_in_a_limb(s: &Sentence<'_, '_>, cue: &Cue) -> bool {
    const LIMBS: &[&str] = &[
        "leg",
        "legs",
        "arm",
        "arms",
        "foot",
        "feet",
        "hand",
        "hands",
        "shoulder",
        "shoulders",
        "buttocks",
        "buttock",
        "thigh",
        "thighs",
        "ankle",
        "ankles",
        "knee",
        "knees",
        "hip",
        "calf",
        "toe",
        "toes",
        "finger",
        "fingers",
        "wrist",
        "elbow",
        "forearm",
        "heel",
    ];
    // "shot in the leg"; "sustained a gunshot wound to the leg"
    let shot = cue.end == cue.start + 1 && s.word(cue.start) == "shot";
    let wound = matches!(s.word(cue.end.wrapping_sub(1)), "wound" | "wounds");
    (shot && s.word(cue.end) == "in" || wound && matches!(s.word(cue.end), "to" | "in"))
        && matches!(s.word(cue.end + 1), "the" | "his" | "her" | "their" | "both")
        && (cue.end + 2..cue.end + 4).any(|i| s.tokens.get(i).is_some_and(|token| token.is_any(LIMBS)))
}

/// "Police arrested 116 people and detained nearly 90 others": "others" of
/// the kind just counted in the sentence add to that figure, as one cue's
/// coordinated counts do, so they share its group.
fn join_others(s: &Sentence<'_, '_>, found: &mut [Found]) {
    // "arrested 46 persons and another 110 have been detained" adds too
    let others = |mention: &Found| {
        mention
            .np
            .victims_head(s.tokens)
            .is_some_and(|head| head.is("others"))
            || (mention.np.basis == Basis::Number
                && (s.word(mention.np.count_tokens.start) == "another"
                    || s.word(mention.np.count_tokens.start.wrapping_sub(1)) == "another"))
    };
    for index in 1..found.len() {
        if found[index].update {
            continue;
        }
        let later = &found[index];
        let earlier = found[..index].iter().rev().find(|mention| {
            mention.kind == later.kind
                && !mention.update
                && mention.np.basis == Basis::Number
                && !others(mention)
                && mention.np.count_tokens.end <= later.np.count_tokens.start
                && (others(later) || another_group_joined(s, mention, later))
        });
        if let Some(group) = earlier.map(|mention| mention.group) {
            found[index].group = group;
        }
    }
}

/// "Three residents were hospitalised ..., and two officers were injured":
/// counted people of another kind, the subject of a clause joined by "and"
/// to the first count's, add to it. Not "people" or "victims", which may include the
/// first group, nor a group told as part of another ("among them").
fn another_group_joined(s: &Sentence<'_, '_>, earlier: &Found, later: &Found) -> bool {
    const GENERAL: &[&str] = &[
        "people",
        "persons",
        "victims",
        "others",
        "individuals",
        "casualties",
    ];
    let head = |mention: &Found| mention.np.victims_head(s.tokens).map(|head| head.lower.as_str());
    let (Some(first), Some(second)) = (head(earlier), head(later)) else {
        return false;
    };
    let specific = |word: &str| !GENERAL.contains(&word) && person_noun(word) == Some(Plurality::Plural);
    let joined = (earlier.cue.end..later.np.count_tokens.start).any(|i| s.word(i) == "and");
    let start = later.np.count_tokens.start;
    let apart = !matches!(s.word(start.wrapping_sub(1)), "including" | "among" | "with")
        && (later.np.span.start..later.np.span.end).all(|i| !matches!(s.word(i), "of" | "them"));
    // each the subject of its own clause
    let subjects = [earlier, later]
        .iter()
        .all(|mention| mention.np.span.end <= mention.cue.start);
    later.np.basis == Basis::Number
        && subjects
        && earlier.cue.end <= later.np.count_tokens.start
        && earlier.cue.start != later.cue.start
        && specific(first)
        && specific(second)
        && first != second
        && joined
        && apart
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
    let mut mentions: Vec<CasualtyMention> = Vec::new();
    let mut group_base = 0;
    // Whether an earlier sentence stated the article's own toll: kept as
    // mentions are added, as a scan of all earlier mentions per sentence
    // would be quadratic in a long document's figures.
    let mut after_own_toll = false;
    let mut antecedents = Antecedents::default();
    // per mention: whether a natural hazard did it (see `natural_hazard`)
    let mut by_hazard: Vec<bool> = Vec::new();
    // "The shooting was the third in Calder City in five days. On Monday,
    // ...": whether a series was told, and the weekdays of the article's own
    // toll (a sentence opening with one of them is the article's incident)
    let mut series_told = false;
    let mut own_days: Vec<String> = Vec::new();
    for (index, range) in sentences.iter().enumerate() {
        let all_tokens = tokenize(text, range.clone());
        for piece in pieces(&all_tokens) {
            let tokens = &all_tokens[piece];
            let Some(evidence) = bytes(tokens, 0..tokens.len()) else {
                continue;
            };
            let recalls_series = series_told
                && after_own_toll
                && opening_day(tokens).is_some_and(|day| !own_days.iter().any(|own| own == day));
            series_told |= tells_a_series(tokens);
            let mut sentence = Sentence::new(tokens, entities_in(entities, &evidence));
            sentence.antecedent = antecedents.current();
            let mut found = sentence_mentions(&sentence);
            antecedents.read(&sentence, &found);
            // "Ray Charles, who died last year": one person's death in an
            // article about no violence is most likely a natural one.
            if !violent {
                found.retain(|mention| !(single_death(&sentence, mention)));
            }
            if found.is_empty() {
                continue;
            }
            let context = sentence_context(tokens, &sentence.entities);
            // Only after a stated toll: "the shooting of a woman" then "Last
            // month, Melissa Westbrook died" is one incident told late.
            let recalls_another = opened_by_earlier_time(tokens) && after_own_toll;
            let another_incident = opened_as_another_incident(tokens);
            let piece_start = mentions.len();
            let mut previous: Option<(&Found, Scope)> = None;
            for mention in &found {
                let first = mention.np.span.start.min(mention.cue.start);
                let earlier_incident = in_an_earlier_incident(tokens, mention.cue.start)
                    || (after_own_toll && dated_to_a_month(tokens, first));
                // "resulting in 157 deaths and 268 injuries": the second
                // figure is of the first's period or incident
                let joined = previous
                    .and_then(|(before, scope)| Some((joining_word(tokens, before, mention)?, scope)));
                let coordinated_scope = joined.map(|(_, scope)| scope);
                let made =
                    mention_of(&sentence, mention, &context, &evidence, index, group_base).map(|mut made| {
                        if (recalls_another || another_incident || earlier_incident || recalls_series)
                            && made.scope == Scope::Event
                        {
                            made.scope = Scope::Other;
                        }
                        if made.scope == Scope::Event {
                            made.scope = coordinated_scope.unwrap_or(Scope::Event);
                        }
                        made
                    });
                // "killing 12 and wounding 70 in a movie theater three years
                // ago": the first figure is of the second's period or incident
                if let (Some(("and", Scope::Event)), Some(made)) = (joined, &made) {
                    if made.scope != Scope::Event {
                        if let Some(last) = mentions[piece_start..].last_mut() {
                            last.scope = made.scope;
                        }
                    }
                }
                // "Four people have died in a fire ... Three other people
                // were taken to hospital": hurt besides the dead just told
                let made = made.map(|mut made| {
                    if made.kind == CasualtyKind::KilledOrInjured
                        && other_people(tokens, mention)
                        && mentions
                            .last()
                            .is_some_and(|last| last.kind == CasualtyKind::Killed)
                    {
                        made.survivors = true;
                    }
                    made
                });
                previous = made.as_ref().map(|made| (mention, made.scope));
                if made.is_some() {
                    by_hazard.push(natural_hazard(tokens, mention.cue.start, mention.cue.end));
                }
                mentions.extend(made);
            }
            if mentions[piece_start..].iter().any(states_own_toll) {
                after_own_toll = true;
                own_days.extend(weekdays_in(tokens));
            }
            group_base += sentence.cues.len() + 2 * sentence.numbers.len() + sentence.tokens.len() + 2;
        }
    }
    // "Three shot dead as looting erupts in quake-hit port" and "The quake
    // ... killed at least 612 people": in an article whose own toll, told
    // first, is of violence, a quake's, flood's or storm's toll is another
    // event's ("Typhoon leaves 23 dead, 41 missing; looters arrested" keeps
    // the typhoon's)
    let violence_told = mentions
        .iter()
        .zip(&by_hazard)
        .find(|(mention, _)| states_own_toll(mention))
        .is_some_and(|(_, &hazard)| !hazard);
    if violence_told {
        for (mention, _) in mentions.iter_mut().zip(&by_hazard).filter(|(_, &hazard)| hazard) {
            if mention.scope == Scope::Event {
                mention.scope = Scope::Other;
            }
        }
    }
    mentions
}

/// Nouns of natural hazards, whose tolls are not violence.
const HAZARDS: &[&str] = &[
    "quake",
    "earthquake",
    "tremor",
    "aftershock",
    "flood",
    "floods",
    "flooding",
    "cyclone",
    "hurricane",
    "typhoon",
    "storm",
    "tsunami",
    "landslide",
    "landslides",
    "mudslide",
    "avalanche",
    "wildfire",
    "wildfires",
    "eruption",
    "heatwave",
];

/// Whether a natural hazard is the cause of the figure whose cue covers
/// tokens `cue_start..cue_end`: its noun in the fourteen words before the
/// cue ("The magnitude 7.4 quake struck on Saturday night, killing at least
/// 612 people and injuring") or the five after it ("died in the floods").
fn natural_hazard(tokens: &[Token<'_>], cue_start: usize, cue_end: usize) -> bool {
    let before = cue_start.saturating_sub(14)..cue_start.min(tokens.len());
    let after = cue_end.min(tokens.len())..(cue_end + 5).min(tokens.len());
    before.chain(after).any(|i| tokens[i].is_any(HAZARDS))
}

/// Whether a mention states the article's own toll of harm, after which a
/// sentence dated or opened by an earlier time recalls another incident.
fn states_own_toll(mention: &CasualtyMention) -> bool {
    mention.scope == Scope::Event
        && matches!(
            mention.kind,
            CasualtyKind::Killed | CasualtyKind::Injured | CasualtyKind::Missing | CasualtyKind::Kidnapped
        )
}

/// The word joining a figure to the one before it: "and" with nothing else
/// between them ("157 deaths and 268 injuries", "five dead and 12
/// injured", "killing 12 and wounding 70", "eight people have died and at
/// least 10 others were injured"), or "including" right before the second
/// ("17 others have been wounded in separate shootings ..., including eight
/// shot within the first 30 minutes").
fn joining_word(tokens: &[Token<'_>], before: &Found, after: &Found) -> Option<&'static str> {
    let (end, start) = (before.tokens().end, after.tokens().start);
    if start > end && tokens.get(start - 1).is_some_and(|token| token.is("including")) {
        return Some("including");
    }
    let and_at = if tokens.get(end).is_some_and(|token| token.is(",")) {
        end + 1
    } else {
        end
    };
    (tokens.get(and_at).is_some_and(|token| token.is("and")) && start == and_at + 1).then_some("and")
}

/// The longest evidence a figure carries, in bytes: its sentence, or, for
/// a longer one (a list or table run together, hostile input), the words
/// around the figure, so that output grows with the text and not with
/// figures times sentence length.
const MAX_EVIDENCE_BYTES: usize = 2_000;

/// Words kept on each side of a figure in a shortened evidence span.
const EVIDENCE_WORDS_AROUND: usize = 40;

/// The evidence span of a figure spanning tokens `first..=last` of a
/// sentence whose bytes are `sentence`.
fn evidence_around(tokens: &[Token<'_>], sentence: &Range<usize>, first: usize, last: usize) -> Range<usize> {
    if sentence.len() <= MAX_EVIDENCE_BYTES {
        return sentence.clone();
    }
    let from = first.saturating_sub(EVIDENCE_WORDS_AROUND);
    let to = (last + EVIDENCE_WORDS_AROUND + 1).min(tokens.len());
    bytes(tokens, from..to).unwrap_or_else(|| sentence.clone())
}

/// The victims are followed by a relative clause ("a man who ... turned
/// the gun on himself") in which the one harmed by his own hand is them.
fn killer_in_relative_clause(s: &Sentence<'_, '_>, mention: &Found) -> bool {
    if mention.kind != CasualtyKind::Killed || mention.self_inflicted {
        return false;
    }
    let end = mention.np.span.end;
    let who = if s.word(end) == "," { end + 1 } else { end };
    if s.word(who) != "who" {
        return false;
    }
    // the relative clause, read to the end of the sentence's clause
    let clause_end = (who + 1..s.tokens.len())
        .find(|&i| s.tokens[i].is_any(&[";", "."]))
        .unwrap_or(s.tokens.len());
    s.cues
        .iter()
        .any(|cue| cue.class == CueClass::SelfInflicted && (who + 1..clause_end).contains(&cue.start))
}

/// "Dozens of people were detained briefly during house-to-house searches
/// and later released": held and let go, which gives way to the arrests
/// told without it ("arrested 12 others"). Not "released on bail", which
/// follows an arrest.
fn released_after_detention(tokens: &[Token<'_>], mention: &Found) -> bool {
    if mention.kind != CasualtyKind::Arrested {
        return false;
    }
    let (start, end) = (mention.cue.start, mention.cue.end);
    let briefly = |i: usize| tokens.get(i).is_some_and(|token| token.is("briefly"));
    let mut clause = (end..tokens.len().min(end + 12)).take_while(|&i| !tokens[i].is_any(&[".", ";"]));
    let released = clause.any(|i| {
        tokens[i].is("released")
            && tokens[i - 1].is_any(&[
                "later",
                "and",
                "then",
                "subsequently",
                "been",
                "being",
                "were",
                "was",
            ])
            && !tokens
                .get(i + 1)
                .is_some_and(|next| next.is_any(&["on", "pending"]))
    });
    released || briefly(end) || briefly(start.wrapping_sub(1))
}

/// Whether a mention is one man in a list of the dead, told by an article
/// or none: "a man, a woman and two children", "Father and two children".
fn man_of_a_list(tokens: &[Token<'_>], mention: &Found) -> bool {
    let Some(victims) = mention.np.victims.clone() else {
        return false;
    };
    let head = tokens.get(victims.end.wrapping_sub(1));
    let man = head.is_some_and(|head| head.is_any(&["man", "father", "husband", "dad", "boyfriend"]));
    // the article or the head itself opens the phrase
    let opener = tokens.get(mention.np.span.start);
    let determined = opener.is_some_and(|opener| {
        opener.is_any(&["a", "the"]) || Some(opener.start) == head.map(|head| head.start)
    });
    // and a list follows: "and two children", ", a woman"
    let listed = tokens
        .get(mention.np.span.end)
        .is_some_and(|next| next.is_any(&["and", ","]));
    mention.kind == CasualtyKind::Killed && man && determined && listed
}

/// A found mention with its context, as byte ranges.
fn mention_of(
    s: &Sentence<'_, '_>,
    mention: &Found,
    context: &SentenceContext,
    evidence: &Range<usize>,
    sentence: usize,
    group_base: usize,
) -> Option<CasualtyMention> {
    let tokens = s.tokens;
    let count_span = bytes(tokens, mention.np.count_tokens.clone())?;
    let cue = bytes(tokens, mention.cue.start..mention.cue.end)?;
    // Hedges and scope words count near the figure: from a little before it
    // to a little after its cue. Attribution ("according to") counts anywhere.
    let first = mention.np.span.start.min(mention.cue.start);
    let last = mention.np.span.end.max(mention.cue.end);
    let window = first.saturating_sub(6)..last + 8;
    let mut hedges = hedges(tokens, window.clone());
    let attributed = context.attributed;
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
    // A figure told as a first report ("eight soldiers were initially
    // unaccounted for", "had originally said that seven people were shot")
    // gives way to one told without it, as a hedged one does.
    // "revising down an earlier toll of 40"
    let superseded = (first.saturating_sub(6)..(last + 1).min(tokens.len())).any(|i| {
        tokens[i].is_any(&["initially", "originally"])
            || (tokens[i].is("first") && i >= 1 && tokens[i - 1].is("at"))
            || (tokens[i].is_any(&["earlier", "previous", "initial"])
                && tokens
                    .get(i + 1)
                    .is_some_and(|next| next.is_any(&["toll", "figure", "count", "estimate", "tally"])))
    }) || first_report_before(
        &tokens[first.saturating_sub(30).min(tokens.len())..first.min(tokens.len())],
    );
    // "In its first statement on Monday, the army said 12 soldiers had been
    // killed, nine wounded and four were missing": what a later one updates
    // (the 30 words before the figure)
    fn first_report_before(tokens: &[Token<'_>]) -> bool {
        // "Police originally told WPDE that eight people were wounded"; not
        // the figure after a contrast ("had initially told ... that over
        // 100 were taken, but Mr Musa said ... 61 students"), which corrects it
        let clause = tokens
            .iter()
            .rposition(|token| token.is_any(&["but", ";"]))
            .map_or(tokens, |contrast| &tokens[contrast + 1..]);
        let first_said = clause.windows(2).any(|pair| {
            pair[0].is_any(&["originally", "initially"])
                && pair[1].is_any(&["said", "told", "reported", "stated", "put", "gave"])
        });
        first_said
            || tokens.windows(2).any(|pair| {
                pair[0].is_any(&["first", "initial", "earlier", "preliminary"])
                    && pair[1].is_any(&[
                        "statement",
                        "report",
                        "reports",
                        "account",
                        "briefing",
                        "update",
                        "assessment",
                    ])
            })
    }
    // "al-Shabaab claimed responsibility ..., saying it had killed 13
    // soldiers": a group's own count of its victims
    let before_figure = &tokens[..first.min(tokens.len())];
    let claimed_count = before_figure
        .iter()
        .position(|token| token.is_any(&["claimed", "claiming"]))
        .is_some_and(|claimed| {
            before_figure[claimed..]
                .iter()
                .any(|token| token.is_any(&["saying", "said"]))
        });
    // a modal before the cue ("could", "may", "believed to") always weakens;
    // of the sentence's hedges, a named source stands behind a figure and
    // "allegedly" hedges who did it ("Gomez, who allegedly shot ..."), not
    // how many were hurt
    let weakened = mention.hedge.is_some()
        || superseded
        || claimed_count
        || released_after_detention(tokens, mention)
        || super::context::hedges(tokens, narrow)
            .iter()
            .any(|hedge| !matches!(hedge.as_str(), "according to" | "allegedly"));
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
    // "claimed the lives of his mother and a man who, police said, shot
    // them, then turned the gun on himself": the killer is among the dead
    // counted, as the relative clause after him says
    let includes_perpetrator = includes_perpetrator || killer_in_relative_clause(s, mention);
    // "Her mother was also shot, but survived": people shot besides the
    // dead, not including them
    let survivors = mention.kind == CasualtyKind::KilledOrInjured
        && ((window.start..window.end.min(tokens.len()))
            .any(|i| tokens[i].is_any(&["survived", "survive", "survives"]))
            || (mention.cue.start.saturating_sub(3)..mention.cue.start).any(|i| tokens[i].is("also"))
            || others_after_the_dead(tokens, mention));
    // "killed two and sent three others to hospitals": the others sent are
    // the wounded ("sending four victims to the hospital" counts the shot)
    let kind = if survivors && tokens[mention.cue.start].is_any(&["sending", "sent"]) {
        CasualtyKind::Injured
    } else {
        mention.kind
    };
    // "two of the wounded", "One of the eight wounded", "one of the injured
    // officers"; "Fourteen wounded were brought to the hospital, and two of
    // them died"
    let start = mention.np.count_tokens.start;
    let wounded_word = |token: &Token<'_>| token.is_any(&["wounded", "injured"]);
    let of_wounded = mention.kind == CasualtyKind::Killed
        && tokens.get(start + 1).is_some_and(|token| token.is("of"))
        && match tokens.get(start + 2) {
            Some(the) if the.is("the") => {
                (start + 3..start + 5).any(|i| tokens.get(i).is_some_and(wounded_word))
            }
            Some(them) if them.is("them") => tokens[..start].iter().any(wounded_word),
            _ => false,
        };
    // "A teenager wounded in a weekend shooting ... died Monday, raising
    // the death toll to five": a survivor of the first count who has since
    // died, as the raised toll says (without it, "a police officer wounded
    // in the shooting has died" may be one of the dead already counted)
    let wounded_who_died = mention.kind == CasualtyKind::Killed
        && tokens
            .iter()
            .any(|token| token.is_any(&["raising", "bringing", "pushing", "raised", "rose", "risen"]))
        && mention.cue.start > mention.np.span.end
        && tokens.get(mention.np.span.end).is_some_and(wounded_word)
        && tokens
            .get(mention.np.span.end + 1)
            .is_some_and(|token| token.is_any(&["in", "during", "at", "when", "on"]));
    let of_wounded = of_wounded || wounded_who_died;
    let before_count = mention
        .np
        .count_tokens
        .start
        .checked_sub(1)
        .and_then(|i| tokens.get(i));
    // ("a further nine suspects", "another 12 people")
    let further = before_count.is_some_and(|token| token.is_any(&["further", "another"]));
    // ("The two others were arrested" are some of a group told before)
    let definite = before_count.is_some_and(|token| token.is("the"));
    // ("A second suspect was detained": one more, told as such; only an
    // article's noun phrase has an ordinal)
    let second = ordinal.is_some_and(|nth| nth >= 2);
    let besides_earlier = mention.kind == CasualtyKind::Arrested
        && (mention.np.basis != Basis::Article || second)
        && !definite
        && (further
            || second
            || tokens
                .get(mention.np.count_tokens.end)
                .is_some_and(|next| next.is_any(&["other", "others", "more", "additional", "further"])));
    // the victims' head noun says their side: attackers, a gunman, a role
    let head = mention.np.victims_head(tokens);
    Some(CasualtyMention {
        kind,
        count: mention.np.count.clone(),
        count_span,
        victims: mention
            .np
            .victims
            .clone()
            .and_then(|victims| bytes(tokens, victims)),
        perpetrator: mention.perpetrator.clone(),
        place: context.place.clone(),
        date: nearest_date(&context.dates, &cue, mention.kind == CasualtyKind::Arrested),
        year: context.year,
        confidence: confidence(mention, !hedges.is_empty()),
        hedges,
        reported_by: context.source.clone(),
        cue,
        evidence: evidence_around(tokens, evidence, first, last),
        sentence,
        basis: mention.np.basis,
        group: group_base + mention.group,
        update: mention.update,
        scope: if links_elsewhere(tokens)
            || measured_against(tokens, first)
            || after_an_earlier_event(tokens, first)
            || among_other_incidents(tokens, first)
            || at_the_site_of_another_incident(tokens, first)
            || in_other_incidents_clause(tokens, first)
        {
            Scope::Other
        } else if war_running_total(tokens, mention.cue.start)
            || violence_running_total(tokens, mention.cue.start, mention.np.count.value)
            || period_closing_clause(tokens, last)
            || thousands_over_time(tokens, mention)
        {
            Scope::Period
        } else {
            scope(tokens, window).unwrap_or(Scope::Event)
        },
        self_inflicted: mention.self_inflicted,
        survivors,
        of_wounded,
        includes_perpetrator,
        ordinal,
        besides_earlier,
        attackers: head.is_some_and(|head| head.is_any(ATTACKER_NOUNS)),
        gunman: head.is_some_and(|head| head.is_any(GUNMAN_NOUNS)),
        victim_role: head.is_some_and(|head| head.is_any(VICTIM_ROLE_NOUNS)),
        man_of_a_list: man_of_a_list(tokens, mention),
        side: head.and_then(|head| {
            if head.is_any(SECURITY_NOUNS) {
                Some(ClashSide::Security)
            } else if head.is_any(CROWD_NOUNS) {
                Some(ClashSide::Crowd)
            } else {
                None
            }
        }),
        weakened,
    })
}

/// "It has killed thousands of civilians": thousands told in the perfect,
/// without a date, are a history, not one event's toll; so are thousands
/// after a participle of a clause in the perfect ("The violence ... has
/// spread to the centre of the country, killing thousands of soldiers").
fn thousands_over_time(tokens: &[Token<'_>], mention: &Found) -> bool {
    let count = &mention.np.count;
    let cue = mention.cue.start.min(tokens.len());
    let perfect = (cue.saturating_sub(2)..cue).any(|i| tokens[i].is_any(&["has", "have"]));
    let participle_of_perfect = tokens.get(cue).is_some_and(|token| token.lower.ends_with("ing"))
        && tokens[..cue]
            .iter()
            .rev()
            .take_while(|token| !token.is(";"))
            .any(|token| token.is_any(&["has", "have"]));
    count.qualifier == CountQualifier::Vague && count.value >= 1000 && (perfect || participle_of_perfect)
}

/// "Two soldiers died ..., while five others sustained gunshot wounds": the
/// shot "others" of a sentence that counted its dead first are not among
/// those dead.
fn others_after_the_dead(tokens: &[Token<'_>], mention: &Found) -> bool {
    let victims_are_others = mention
        .np
        .victims_head(tokens)
        .is_some_and(|head| head.is("others"));
    victims_are_others
        && find_cues(&tokens[..mention.np.count_tokens.start.min(tokens.len())])
            .iter()
            .any(|cue| cue.kind == CasualtyKind::Killed)
}

/// "Three other people" ("three other people were taken to hospital"),
/// "Five others": people besides those just counted.
fn other_people(tokens: &[Token<'_>], mention: &Found) -> bool {
    mention.np.victims.is_some()
        && tokens
            .get(mention.np.count_tokens.end)
            .is_some_and(|token| token.is_any(&["other", "others"]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_sentences;

    /// Kind and count of each mention of `text`.
    fn kinds(text: &str) -> Vec<(CasualtyKind, u64)> {
        found(text)
            .into_iter()
            .map(|(kind, value, ..)| (kind, value))
            .collect()
    }

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

    #[test]
    fn headlines_drop_the_articles_of_modified_subjects_and_of_objects() {
        let killed = |text: &str| -> Vec<Option<String>> {
            found(text)
                .into_iter()
                .filter(|found| found.0 == CasualtyKind::Killed)
                .map(|found| found.3)
                .collect()
        };
        for (text, victims) in [
            ("17-year-old boy shot, killed in Bluffton", "17-year-old boy"),
            ("Teenage boy shot and killed by family member", "Teenage boy"),
            ("Teen charged with killing uncle in Shreveport", "uncle"),
            (
                "Police accuse woman of fatally shooting toddler in Killeen",
                "toddler",
            ),
        ] {
            assert_eq!(killed(text), [Some(victims.to_owned())], "{text}");
        }
        assert_eq!(
            found("4-year-old boy fatally shoots himself with gun found in home")
                .iter()
                .map(|found| (found.0, found.1))
                .collect::<Vec<_>>(),
            [(CasualtyKind::Killed, 1)]
        );
        // a pair of bare nouns, a source's label, a condition after a shooting
        assert_eq!(
            found("Mother and child shot in domestic shooting in Yamacraw")
                .into_iter()
                .map(|found| found.3)
                .collect::<Vec<_>>(),
            [Some("Mother".to_owned()), Some("child".to_owned())]
        );
        assert_eq!(
            found("Police: 10-year-old boy critical after accidental shooting"),
            [(
                CasualtyKind::Injured,
                1,
                "10-year-old".to_owned(),
                Some("10-year-old boy".to_owned())
            )]
        );
        // a determiner, an ordinal or a lower-case word is no headline's modifier
        assert!(found("Neither man had been arrested in those cases.").is_empty());
        assert!(found("Fourth person arrested in connection to the death").is_empty());
        assert_eq!(
            killed("Real estate agent found woman and two slain victims in bedroom").len(),
            1
        );
    }

    #[test]
    fn evidence_in_a_very_long_sentence_is_the_words_around_the_figure() {
        let filler = "and the market stalls stayed shut along the road ".repeat(60);
        let text =
            format!("Officials said {filler}while three people were killed in the blast {filler}today.");
        let mention = one(&text);
        let evidence = &text[mention.evidence.clone()];
        assert!(evidence.len() < 1_000, "{} bytes", evidence.len());
        assert!(evidence.contains("three people were killed"));
        let short = one("Three people were killed in the blast.");
        assert_eq!(short.evidence, 0..38);
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
    fn named_victims_with_ages_and_home_towns() {
        let victims = |text: &str| -> Vec<Option<String>> { found(text).into_iter().map(|f| f.3).collect() };
        assert_eq!(
            victims(
                "The drive-by shooting killed Inna Gonzalez, 21, and Davion Funderburk, 22, on Thursday."
            ),
            [Some("Inna Gonzalez".into()), Some("Davion Funderburk".into())]
        );
        assert_eq!(
            victims("LaPrida Shears, 25, of Tyler, was killed in the shootout."),
            [Some("LaPrida Shears".into())]
        );
        assert_eq!(
            victims(
                "Dominque Young, 21, of the 2500 block of Semple, sustained multiple gunshot wounds and was pronounced dead at the scene."
            )
            .last(),
            Some(&Some("Dominque Young".into()))
        );
        assert_eq!(
            victims("Mark Davis was killed on Friday."),
            [Some("Mark Davis".into())]
        );
        assert_eq!(
            victims("Torrence Reese was charged with murder."),
            [Some("Torrence Reese".into())]
        );
        // the booking of a room is no arrest
        assert!(found("The hall was booked for a wedding.").is_empty());
        // sent to hospital: shot, the dead perhaps among them, as "taken to hospital"
        assert_eq!(
            found("The gunfire erupted Saturday, sending five men to the hospital."),
            [(KilledOrInjured, 5, "five".into(), Some("men".into()))]
        );
        assert!(found("The chief sent two officers to the scene.").is_empty());
        assert_eq!(
            victims("The victim passed away at the hospital after the shooting."),
            [Some("victim".into())]
        );
        assert!(found("His mother passed away at the age of 93.").is_empty());
        assert_eq!(
            found("The shootout left one person dead and three more injured."),
            [
                (Killed, 1, "one".into(), Some("person".into())),
                (Injured, 3, "three".into(), None)
            ]
        );
        assert_eq!(
            victims("A woman and 3-year-old child are dead after a shooting on Sunday."),
            [Some("woman".into()), Some("3-year-old child".into())]
        );
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
        assert_eq!(
            found("The 17 year-old female has succumbed to her injuries."),
            [(Killed, 1, "The".into(), Some("17 year-old female".into()))]
        );
        assert_eq!(
            found("Man fatally shot, four others injured during shooting."),
            [
                (Killed, 1, "Man".into(), Some("Man".into())),
                (Injured, 4, "four".into(), Some("others".into()))
            ]
        );
        // only a headline's first word: "police said a man" keeps its article
        assert!(found("Police shot at the man.").is_empty());
        assert!(
            found("Deputy who killed man after mistaking gun for Taser is an insurance exec.")
                .iter()
                .all(|f| f.3.as_deref() != Some("Deputy"))
        );
        assert!(found("Neither suspect is in custody.").is_empty());
        assert_eq!(
            found("A shooting left multiple victims, one suffering fatal injuries."),
            [(Killed, 1, "one".into(), None)]
        );
        assert_eq!(
            found("Brooks is accused of shooting into a crowd, hitting five people."),
            [(KilledOrInjured, 5, "five".into(), Some("people".into()))]
        );
        assert!(found("The storm was hitting Florida.").is_empty());
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
        // "raised the toll to 18 inmates and one guard": both groups, one update each
        let groups: Vec<(u64, bool)> = mentions("The agency raised the toll to 18 inmates and one guard.")
            .iter()
            .map(|mention| (mention.count.value, mention.update))
            .collect();
        assert_eq!(groups, [(18, true), (1, true)]);
        // the arrests of "two other men" are besides those told before
        assert!(one("Police arrested two other men.").besides_earlier);
        assert!(!one("Police arrested two men.").besides_earlier);
        let handed = one("Two suspects were handed over to police.");
        assert_eq!((handed.kind, handed.count.value), (Arrested, 2));
        // a reduced relative after the subject: "suspected of sheltering ..."
        let detained = one("Police said one man suspected of sheltering the militants was detained.");
        assert_eq!((detained.kind, detained.count.value), (Arrested, 1));
        // an army's idiom for its dead
        let paid = one("Two soldiers paid the supreme price in the ambush.");
        assert_eq!((paid.kind, paid.count.value), (Killed, 2));
        // a trade is people: "A night watchman was shot dead"
        assert_eq!(one("A night watchman was shot dead at the gate.").kind, Killed);
        let mention = one("The death toll from the attack has risen to 32.");
        assert_eq!(
            (mention.kind, mention.count.value, mention.update),
            (Killed, 32, true)
        );
        let mention = one("The death toll in the attack on a concert hall outside Moscow rose to 133.");
        assert_eq!(
            (mention.kind, mention.count.value, mention.update),
            (Killed, 133, true)
        );
        assert!(mentions("The death toll in Gaza is a matter of dispute.").is_empty());
        assert!(mentions("The war took a toll on 5 families.").is_empty());
        assert_eq!(
            found("No arrests have been made."),
            [(Arrested, 0, "No".into(), None)]
        );
    }

    #[test]
    fn among_those_hurt() {
        assert_eq!(
            kinds("A teenage girl was among those killed in the bombing."),
            [(Killed, 1)]
        );
        assert_eq!(kinds("Two soldiers were among those wounded."), [(Injured, 2)]);
        assert_eq!(kinds("Three imams were among those detained."), [(Arrested, 3)]);
        assert_eq!(kinds("Among the dead were five children."), [(Killed, 5)]);
        assert_eq!(
            kinds("Among those injured were 3 police officers."),
            [(Injured, 3)]
        );
        assert_eq!(
            kinds("The dead included five children and a policeman."),
            [(Killed, 5), (Killed, 1)]
        );
        assert!(kinds("Those injured were 28 and 31 years old.").is_empty());
    }

    #[test]
    fn a_second_object_after_a_participle_phrase() {
        assert_eq!(
            kinds("Authorities detained four suspects directly involved in the attack and seven others."),
            [(Arrested, 4), (Arrested, 7)]
        );
        assert_eq!(
            kinds("Police arrested four suspects linked to the attack and seized two guns."),
            [(Arrested, 4)]
        );
    }

    #[test]
    fn a_third_is_one_more() {
        assert_eq!(
            kinds("Two police officers were killed and a third was seriously wounded."),
            [(Killed, 2), (Injured, 1)]
        );
        assert_eq!(
            kinds("Two soldiers were killed and a third wounded."),
            [(Killed, 2), (Injured, 1)]
        );
        assert!(kinds("A third of the victims were children.").is_empty());
    }

    /// A sentence opened by "Last month," after a stated toll recalls another
    /// incident; as the first figure it is the article's own.
    #[test]
    fn last_month_after_a_toll_is_another_incident() {
        let scopes = |text: &str| {
            mentions(text)
                .iter()
                .map(|m| (m.kind, m.scope))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            scopes(
                "Two police officers were killed on Thursday. Last month, 12 policemen died in an attack."
            ),
            [(Killed, Scope::Event), (Killed, Scope::Other)]
        );
        assert_eq!(
            scopes("Last month, a woman died after she was shot at a home."),
            [(Killed, Scope::Event), (KilledOrInjured, Scope::Event)]
        );
    }

    #[test]
    fn hostages_and_captives() {
        assert_eq!(kinds("The militants held 30 people hostage."), [(Kidnapped, 30)]);
        assert_eq!(
            kinds("The gunmen took 30 people hostage on Monday."),
            [(Kidnapped, 30)]
        );
        assert_eq!(
            kinds("Insurgents are holding 12 soldiers captive."),
            [(Kidnapped, 12)]
        );
        assert_eq!(kinds("Two aid workers were taken hostage."), [(Kidnapped, 2)]);
        assert!(kinds("The minister held talks with 30 elders.").is_empty());
        assert!(kinds("Thirty people took part in the protest.").is_empty());
        assert!(kinds("The police are holding 30 people for questioning.").is_empty());
        assert_eq!(
            kinds("Gunmen stopped a bus and marched 18 passengers into a nearby forest."),
            [(Kidnapped, 18)]
        );
        assert!(kinds("Thousands of protesters marched into the capital.").is_empty());
    }

    #[test]
    fn communique_and_court_wording() {
        assert_eq!(
            kinds("The army said it neutralised 12 terrorists."),
            [(Killed, 12)]
        );
        assert_eq!(
            kinds("Four officers were diagnosed with concussions."),
            [(Injured, 4)]
        );
        assert_eq!(kinds("Two men were remanded in custody."), [(Arrested, 2)]);
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
        assert_eq!(
            found("One of the six, a 24-year-old man, died from a head wound.")[0].1,
            1
        );
        assert_eq!(found("Two of the five were killed.")[0].1, 2);
        assert_eq!(
            found("Twenty-three of the 53 wounded remained hospitalized.")[0].1,
            53
        );
    }

    #[test]
    fn another_victim_and_treatment() {
        assert_eq!(
            kinds("The gunman opened fire, killing three men and wounding another."),
            [(Killed, 3), (Injured, 1)]
        );
        assert_eq!(
            kinds("Two were killed and another was wounded."),
            [(Killed, 2), (Injured, 1)]
        );
        assert_eq!(
            kinds("Four people are dead and another is fighting for her life."),
            [(Killed, 4), (Injured, 1)]
        );
        assert_eq!(
            kinds("Seven people were treated for minor injuries."),
            [(Injured, 7)]
        );
        assert_eq!(kinds("Two men were treated at a local hospital."), [(Injured, 2)]);
        // being in hospital is an injury; dying there is not a second victim
        assert_eq!(
            kinds("Two men are in the hospital after a shooting at Warren Village."),
            [(Injured, 2)]
        );
        assert_eq!(
            kinds("One man was killed and two others remain in the hospital."),
            [(Killed, 1), (Injured, 2)]
        );
        assert_eq!(
            kinds("The victim died in the hospital after the shooting."),
            [(Killed, 1)]
        );
        // a body found is a death; a student body is not
        assert_eq!(
            kinds("Police are investigating after a body was found in a driveway."),
            [(Killed, 1)]
        );
        assert_eq!(
            kinds("The body was found outside a home on Tuesday."),
            [(Killed, 1)]
        );
        assert_eq!(kinds("A charred body was found in the car."), [(Killed, 1)]);
        assert!(kinds("A student body was located downtown.").is_empty());
        assert!(kinds("The governing body was found to have acted lawfully.").is_empty());
        assert_eq!(
            kinds("They found a man with a gunshot wound to the head."),
            [(KilledOrInjured, 1)]
        );
    }

    #[test]
    fn lists_of_relatives() {
        assert_eq!(
            kinds("A man fatally shot his partner and their two children."),
            [(Killed, 1), (Killed, 2)]
        );
        assert_eq!(
            kinds("He killed six of his grandchildren, his adult daughter and himself."),
            [(Killed, 6), (Killed, 1), (Killed, 1)]
        );
        assert_eq!(
            kinds("They mourned the deaths of a pastor, his wife and their three children in the shooting."),
            [(Killed, 1), (Killed, 1), (Killed, 3)]
        );
        // an unborn child is not counted; an apposition is not a second victim
        assert_eq!(
            kinds("He was charged in the shooting death of a woman and her unborn child."),
            [(Arrested, 1), (Killed, 1)]
        );
        assert_eq!(
            kinds("The shooting left five people and an unborn baby dead."),
            [(Killed, 5)]
        );
        assert_eq!(
            kinds("The shooting injured the young man's father, a 39-year-old, and another man."),
            [(Injured, 1)]
        );
    }

    #[test]
    fn charged_indicted_booked_and_surrendered() {
        assert_eq!(kinds("Three men were charged in the shooting."), [(Arrested, 3)]);
        assert_eq!(kinds("Two men were charged with murder."), [(Arrested, 2)]);
        assert_eq!(kinds("Six gang members have been indicted."), [(Arrested, 6)]);
        assert_eq!(kinds("He was booked into the county jail."), [(Arrested, 1)]);
        assert_eq!(kinds("The suspect turned himself in on Monday."), [(Arrested, 1)]);
        assert_eq!(kinds("A 19-year-old surrendered to police."), [(Arrested, 1)]);
        assert!(kinds("The man has not been charged with a crime.").is_empty());
        assert!(kinds("Two officers charged with protecting the president were there.").is_empty());
        assert_eq!(kinds("Police charged him with murder."), [(Arrested, 1)]);
        // "charged" alone as "accused": never its subject
        assert!(
            kinds("Ambassador Michael Samuels charged during the debate that jobs were lost.").is_empty()
        );
        assert_eq!(
            kinds("Two men were charged with killing a guard."),
            [(Arrested, 2), (Killed, 1)]
        );
        // "charged after a woman" is a rush, not a charge
        assert!(kinds("She grabbed a knife and charged after a woman.").is_empty());
    }

    #[test]
    fn home_towns_after_names() {
        assert_eq!(
            found("Jordan Shores of North Augusta was pronounced dead at the scene."),
            [(Killed, 1, "Jordan Shores".into(), Some("Jordan Shores".into()))]
        );
    }

    #[test]
    fn long_subjects_and_found_victims() {
        assert_eq!(
            kinds(
                "Three men between the ages of 18 and 23 received life-threatening injuries in the shooting."
            ),
            [(Injured, 3)]
        );
        assert_eq!(
            kinds("Their mother was discovered severely injured after the shooting."),
            [(Injured, 1)]
        );
    }

    #[test]
    fn a_list_of_objects_before_a_singular_verb() {
        assert_eq!(
            kinds("The suspect in shootings that killed a police officer and three other people is a Weston man."),
            [(Killed, 1), (Killed, 3)]
        );
        // a new clause: its subject agrees with its verb
        assert_eq!(
            kinds("The gunman killed a police officer and three other people were wounded."),
            [(Killed, 1), (Injured, 3)]
        );
    }

    #[test]
    fn page_furniture_is_no_victim() {
        let victims: Vec<Option<String>> =
            found("Baby girl accidentally shot, killed Posted: Friday, January 31, 2014")
                .into_iter()
                .map(|(_, _, _, victims)| victims)
                .collect();
        assert!(!victims.contains(&Some("Posted".to_owned())), "{victims:?}");
    }

    #[test]
    fn lists_of_names() {
        assert_eq!(
            kinds("Avis, Mary Lynette Spann and Figueroa were shot in the upper torso area."),
            [(KilledOrInjured, 1), (KilledOrInjured, 1), (KilledOrInjured, 1)]
        );
    }

    #[test]
    fn appositions_with_ages_and_list_tails() {
        assert_eq!(
            kinds("A mother of two, 21-year-old Shanice Amerson, was shot dead at the scene."),
            [(Killed, 1)]
        );
        assert_eq!(
            kinds("A fourth victim, 24-year-old Candace Holloway, is still being treated at a hospital."),
            [(Injured, 1)]
        );
        assert_eq!(
            kinds("Three victims, a 25-year-old man, a 26-year-old man, and a 33-year-old man, were all transported to a local hospital."),
            [(KilledOrInjured, 3)]
        );
        // the counted groups of the number before them
        assert_eq!(
            kinds("Police said six people, three men and three women, were shot by an unknown man."),
            [(KilledOrInjured, 6)]
        );
        assert_eq!(
            kinds("Police said 12 people, 3 women and 9 men, were injured."),
            [(Injured, 12)]
        );
    }

    #[test]
    fn lives_taken_and_bodies_lying() {
        assert_eq!(
            found("The shooting took the life of a 15-year-old basketball star.")[0].0,
            Killed
        );
        assert_eq!(
            found("The shooting took the life of a 15-year-old basketball star.")[0].1,
            1
        );
        assert_eq!(found("Inside, his grandson lay dead after being shot.")[0].1, 1);
        // a life or a body named by its owner
        assert_eq!(
            kinds("She was the victim of a drive-by shooting that took her life."),
            [(Killed, 1)]
        );
        assert_eq!(
            kinds("Hambrick's body was discovered the next morning."),
            [(Killed, 1)]
        );
        assert_eq!(kinds("His body was found in a field."), [(Killed, 1)]);
        assert!(kinds("The body was found to be in breach of the rules.").is_empty());
        // "nearly" before the cue says it did not happen
        assert!(kinds("The shooting nearly took her life.").is_empty());
        assert!(kinds("He was almost killed in the blast.").is_empty());
        assert_eq!(kinds("Nearly 100 people were killed."), [(Killed, 100)]);
    }

    #[test]
    fn a_headline_object_with_one_modifier() {
        assert_eq!(
            kinds("Englewood drive-by shooting kills teen girl, injures 4 near 57th and Sangamon"),
            [(Killed, 1), (Injured, 4)]
        );
        assert_eq!(kinds("Gunman kills young mother in Dayton"), [(Killed, 1)]);
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
        // the cue's own "claimed" hedges nothing
        let all = mentions("A shooting claimed the lives of his mother and a man.");
        assert_eq!(all.len(), 2);
        assert!(all.iter().all(|m| m.hedges.is_empty() && !m.weakened));
    }

    #[test]
    fn a_killer_in_the_victims_relative_clause_is_counted_among_them() {
        let all = mentions(
            "A shooting claimed the lives of his mother and a man who, police said, shot them, then turned the gun on himself.",
        );
        let man = all.iter().find(|m| m.kind == Killed && m.count_span.len() == 1);
        assert!(man.is_some_and(|m| m.includes_perpetrator));
        assert!(mentions("Gunmen killed a man who had fled his village.")
            .iter()
            .all(|m| !m.includes_perpetrator));
    }

    #[test]
    fn a_city_s_holiday_toll_is_a_period() {
        let text = "Two boys were among 70 people wounded in gun violence over the Fourth of July \
                    holiday weekend.";
        assert!(mentions(text).iter().all(|m| m.scope == Scope::Period));
    }

    #[test]
    fn other_incidents_in_a_relative_clause() {
        let text = "There is no sign the officers were targeted, as in recent incidents in Dallas \
                    and Baton Rouge that collectively claimed the lives of eight officers.";
        assert_eq!(one(text).scope, Scope::Other);
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
        assert!(all.contains(&(KilledOrInjured, 2, "two".into(), Some("people".into()))));
        assert!(all.iter().all(|m| !(m.0 == Arrested && m.1 == 2)));
        // the man before "who" is the one arrested
        assert!(all.contains(&(Arrested, 1, "The".into(), Some("man".into()))));
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
        // a superlative a few words before "since ..., when"
        let since = "It was the deadliest on the army since February, when an ambush killed 31 soldiers.";
        assert_eq!(one(since).scope, Scope::Other);
        // a francophone army's "made it possible to neutralise"
        let neutralised = one("The response made it possible to neutralise about 20 terrorists.");
        assert_eq!(
            (neutralised.kind, neutralised.count.value, neutralised.attackers),
            (Killed, 20, true)
        );
        // the second clause of a headline
        let headline = mentions("Man killed, woman injured in Southside shooting");
        assert_eq!(
            headline
                .iter()
                .map(|mention| (mention.kind, mention.count.value))
                .collect::<Vec<_>>(),
            [(Killed, 1), (Injured, 1)]
        );
        assert_eq!(
            mentions("Police said the man was killed, woman injured.").len(),
            1
        );
        assert_eq!(one("Two men were killed at an annual party.").scope, Scope::Event);
        // a headline's present tense
        assert_eq!(
            kinds("Drive-by shooter kills 1, injures 3"),
            [(Killed, 1), (Injured, 3)]
        );
        assert_eq!(kinds("Man shoots 4 relatives in Queens"), [(KilledOrInjured, 4)]);
        // thousands after a participle of a clause in the perfect: a history
        let history = "The violence has spread to the centre, killing thousands of soldiers.";
        assert_eq!(one(history).scope, Scope::Period);
        assert_eq!(
            one("The quake struck at dawn, killing thousands of people.").scope,
            Scope::Event
        );
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
        assert!(mentions("More than 300 officers executed 14 search warrants.").is_empty());
        assert_eq!(kinds("The militants executed 14 soldiers."), [(Killed, 14)]);
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

    #[test]
    fn a_bound_ending_in_ly_after_the_verb_is_read_as_a_bound() {
        // "nearly" was skipped as an adverb, and the count with it
        assert_eq!(kinds("Gunmen killed nearly 100 civilians."), [(Killed, 100)]);
        assert_eq!(
            kinds("Police have arrested nearly 1,000 supporters of the party."),
            [(Arrested, 1000)]
        );
        assert_eq!(kinds("Troops killed roughly 40 militants."), [(Killed, 40)]);
        assert_eq!(kinds("The blast killed instantly two guards."), [(Killed, 2)]);
    }

    #[test]
    fn people_under_the_rubble_are_missing_until_pulled_out() {
        assert_eq!(
            kinds("Up to 10 people were believed to be still under the rubble."),
            [(Missing, 10)]
        );
        assert_eq!(
            kinds("At least 30 people remain under the rubble."),
            [(Missing, 30)]
        );
        assert_eq!(
            kinds("Ten miners were trapped under the debris."),
            [(Missing, 10)]
        );
        assert!(kinds("Rescuers pulled two children from under the rubble.").is_empty());
    }

    #[test]
    fn a_definite_person_before_an_of_phrase_is_the_subject() {
        assert_eq!(
            kinds("The driver of the company's minibus was shot and killed at a roadblock."),
            [(Killed, 1)]
        );
        // a reduced relative is about the nearer noun, which is no person here
        assert!(kinds("The father of a first-grader killed at the school spoke on Monday.").is_empty());
    }

    #[test]
    fn a_wounded_person_who_died_is_one_death() {
        assert_eq!(
            kinds("The man who was wounded in the attack died on Monday."),
            [(Killed, 1)]
        );
        assert_eq!(kinds("The boy who was shot on Sunday has died."), [(Killed, 1)]);
        // two people: the count is not the same words
        assert_eq!(
            kinds("A man was killed and a woman was wounded."),
            [(Killed, 1), (Injured, 1)]
        );
    }

    #[test]
    fn possessive_names_and_name_appositions_determine_one_person() {
        assert_eq!(
            kinds("Miller's daughter was shot dead at the house."),
            [(Killed, 1)]
        );
        assert_eq!(
            kinds("His daughter, Heaven Miller, was shot dead."),
            [(Killed, 1)]
        );
        // the name after "of ... ," is the head's: the child was not arrested
        let text = "The mother of the child, Kanisha Shelton, has been arrested.";
        assert!(found(text)
            .iter()
            .all(|(.., victims)| victims.as_deref() != Some("child")));
        // a partitive before a possessive still counts its first number
        assert_eq!(
            kinds("One of Japan's best-known businessmen was arrested."),
            [(Arrested, 1)]
        );
    }

    #[test]
    fn bracketed_abbreviations_and_named_units_in_subjects() {
        assert_eq!(
            kinds("Seven Frontier Corps (FC) personnel were martyred in the ambush."),
            [(Killed, 7)]
        );
        assert_eq!(
            kinds("Ten personnel of the District Reserve Guard (DRG) and their civilian driver were killed."),
            [(Killed, 10), (Killed, 1)]
        );
        let all = mentions("Ten personnel of the District Reserve Guard (DRG) and their driver were killed.");
        assert_eq!(all[0].group, all[1].group);
    }

    #[test]
    fn others_of_the_same_kind_add_to_the_figure_before() {
        let all = mentions("Police arrested 116 people and detained nearly 90 others for questioning.");
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].group, all[1].group);
        // another kind stays apart
        let all = mentions("The blast killed six people and wounded 81 others.");
        assert_ne!(all[0].group, all[1].group);
    }

    #[test]
    fn running_totals_after_a_noun_and_hoped_for_arrests() {
        let mention = one("The arrests brought the total to 1,100.");
        assert_eq!(
            (mention.kind, mention.count.value, mention.update),
            (Arrested, 1100, true)
        );
        assert_eq!(kinds("The deaths took the overall tally to 45."), [(Killed, 45)]);
        assert_eq!(
            kinds("The raids brought the number of people detained this week to more than 1,100."),
            [(Arrested, 1100)]
        );
        assert_eq!(
            kinds("The group raised its tally to 1,386 detentions."),
            [(Arrested, 1386)]
        );
        assert!(kinds("A reward is offered for information leading to an arrest.").is_empty());
        assert_eq!(kinds("The tip led to the arrest of four men."), [(Arrested, 4)]);
    }

    #[test]
    fn wars_superlatives_and_later_decades_are_not_the_event() {
        let scope_of = |text: &str| one(text).scope;
        assert_eq!(
            scope_of(
                "Nigeria's jihadist conflict, now in its 15th year, has killed more than 40,000 people."
            ),
            Scope::Period
        );
        assert_eq!(
            scope_of("The violence has killed more than 6,000 people, according to ACLED."),
            Scope::Period
        );
        assert_eq!(
            scope_of("More than 500 civilians have been killed since the government launched an offensive in April."),
            Scope::Period
        );
        assert_eq!(
            scope_of("More than 1,680 students were abducted from schools between 2014 and 2022."),
            Scope::Period
        );
        assert_eq!(
            scope_of("The protests were the largest since the war began in February, when 15,000 people were detained."),
            Scope::Other
        );
        assert_eq!(
            scope_of("Nearly 100 of the girls remain missing a decade later."),
            Scope::Other
        );
        // "so far" alone is the event's running count
        assert_eq!(scope_of("Police have so far arrested 116 people."), Scope::Event);
        assert_eq!(
            scope_of("The fighting has killed 12 people since Monday."),
            Scope::Event
        );
    }

    #[test]
    fn a_long_event_phrase_before_the_toll_verb() {
        assert_eq!(
            kinds("The death toll from a Russian missile strike on a nine-storey apartment block in the city of Dnipro rose to 30."),
            [(Killed, 30)]
        );
    }

    #[test]
    fn periods_closing_the_clause_earlier_events_and_claimed_counts() {
        assert_eq!(
            one("A think tank counted 312 people killed in attacks in the province in the first six months of the year.").scope,
            Scope::Period
        );
        assert_eq!(
            one("113 people died in domestic violence incidents in the state in the 12 months ending June 30.").scope,
            Scope::Period
        );
        assert_eq!(
            one("The protests came a year after demonstrations in which more than 60 people were killed.")
                .scope,
            Scope::Other
        );
        // without a span of time, what came before is this event
        assert_eq!(
            one("Their presence comes after an 18-year-old woman was shot to death.").scope,
            Scope::Event
        );
        let claimed =
            one("Al-Shabaab claimed responsibility for the attack, saying it had killed 13 soldiers.");
        assert!(claimed.weakened);
        assert!(one("Eight soldiers were initially unaccounted for.").weakened);
        assert!(!one("Eight soldiers were unaccounted for.").weakened);
        assert!(one("In its first statement on Monday, the army said four soldiers were missing.").weakened);
    }

    #[test]
    fn earlier_tolls_periods_and_months_with_when() {
        assert!(one("The group revised its count, replacing an earlier toll of 40 people killed.").weakened);
        assert_eq!(
            one("Over that period, more than 400 people have been detained.").scope,
            Scope::Period
        );
        assert_eq!(
            one("The protests turned violent in March, when more than 100 people were arrested.").scope,
            Scope::Other
        );
    }

    #[test]
    fn fractures_burns_picked_up_and_dashes() {
        assert_eq!(kinds("A student sustained a fracture."), vec![(Injured, 1)]);
        assert_eq!(
            kinds("Two villagers were treated for cuts and burns."),
            vec![(Injured, 2)]
        );
        assert_eq!(kinds("One officer suffered a broken arm."), vec![(Injured, 1)]);
        assert_eq!(
            kinds("A second man, aged 41, was treated for a cut to his hand."),
            vec![(Injured, 1)]
        );
        assert_eq!(
            kinds("Another man was treated for a gunshot wound to the leg."),
            vec![(Injured, 1)]
        );
        assert_eq!(
            kinds("Police took two 17-year-olds into custody on Saturday."),
            vec![(Arrested, 2)]
        );
        // police pick people up; a child picks up a gun, a bus its passengers
        assert_eq!(
            kinds("Police picked up five people from the area."),
            vec![(Arrested, 5)]
        );
        assert_eq!(
            kinds("Five men were picked up by police on Monday."),
            vec![(Arrested, 5)]
        );
        assert!(kinds("Police said the child picked up the gun.").is_empty());
        assert!(kinds("The bus picked up 30 passengers.").is_empty());
        assert_eq!(
            kinds("Five children - ages 11 to 15 - were shot."),
            vec![(KilledOrInjured, 5)]
        );
        // a dash that sets off a clause is no parenthetical of the subject
        assert!(kinds(
            "Omar and Jamar Hamilton, both 23 \u{2014} one lives in Charleston \u{2014} were each shot."
        )
        .iter()
        .all(|(_, value)| *value != 23));
        assert_eq!(
            kinds("One suspect, a 21-year-old man, was identified and arrested away from the scene."),
            vec![(Arrested, 1)]
        );
        assert_eq!(
            kinds("Eight jawans and their civilian driver were killed."),
            vec![(Killed, 8), (Killed, 1)]
        );
    }

    #[test]
    fn partitives_with_our_precautions_and_hospitals_treating() {
        assert_eq!(
            kinds("Two of our officers sustained injuries."),
            vec![(Injured, 2)]
        );
        assert!(kinds("Both men were taken to hospital as a precaution.").is_empty());
        assert_eq!(
            kinds("The city hospital said it had treated 63 people, most for gunshot wounds."),
            vec![(Injured, 63)]
        );
        assert!(kinds("Police treated 12 people as suspects.").is_empty());
        // the count is the injury word's, once
        assert_eq!(
            kinds("Doctors said they had treated 38 wounded."),
            vec![(Injured, 38)]
        );
    }

    #[test]
    fn dated_causes_and_series_are_other_incidents() {
        assert_eq!(
            one("Talks were suspended in January after an offensive left more than 80 people dead.").scope,
            Scope::Other
        );
        assert_eq!(
            one("The shooting was one of at least 14 over the weekend, in which three other people were killed.")
                .scope,
            Scope::Other
        );
        assert_eq!(
            one("Protests broke out after a gunman killed three people.").scope,
            Scope::Event
        );
    }

    #[test]
    fn another_group_in_a_joined_clause_adds_up() {
        let all = mentions("Three residents were hospitalised, and two officers were injured.");
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].group, all[1].group);
        // not a part of the first group, nor general "people"
        let all = mentions("Five people were injured, and two of the officers were hospitalised.");
        assert_eq!(all.len(), 2);
        assert_ne!(all[0].group, all[1].group);
        let all = mentions("Five people were injured, and two officers were hospitalised.");
        assert_eq!(all.len(), 2);
        assert_ne!(all[0].group, all[1].group);
    }

    #[test]
    fn one_injury_told_in_the_singular() {
        assert_eq!(
            kinds("One officer sustained a minor hand injury in the raid."),
            vec![(Injured, 1)]
        );
        assert_eq!(
            kinds("One officer suffered a cut to his forearm."),
            vec![(Injured, 1)]
        );
        // fatal, or a wound that may yet kill
        assert_eq!(
            kinds("He suffered a fatal gunshot wound in the shooting."),
            vec![(Killed, 1)]
        );
        assert_eq!(
            kinds("He suffered a fatal wound in the shooting."),
            vec![(Killed, 1)]
        );
        assert_eq!(
            kinds("He sustained a gunshot wound to his neck in the shooting."),
            vec![(KilledOrInjured, 1)]
        );
        let protesters = mentions("Police said 15 protesters were injured.");
        assert_eq!(protesters[0].side, Some(ClashSide::Crowd));
        let officers = mentions("Police said 27 police officers were injured.");
        assert_eq!(officers[0].side, Some(ClashSide::Security));
    }

    #[test]
    fn histories_months_and_takeovers_are_not_the_event() {
        assert_eq!(
            one("It has killed thousands of civilians in the region.").scope,
            Scope::Period
        );
        assert_eq!(
            one("Security forces have killed more than 6,000 civilians since the takeover.").scope,
            Scope::Period
        );
        assert_eq!(
            one("Police have recorded 1,126 drug-related arrests in raids so far this year.").scope,
            Scope::Period
        );
        // after the article's own toll, a month or last year's dates another incident
        let all = mentions(
            "Gunmen killed five people on Monday. Clashes over the same land in July last year \
             left 49 people dead and more than 200 injured.",
        );
        assert!(all[1..].iter().all(|mention| mention.scope != Scope::Event));
        let all = mentions(
            "Gunmen killed five people on Monday. Last year's protests left more than 60 people dead.",
        );
        assert_eq!(all[1].scope, Scope::Other);
        let all = mentions("Gunmen killed five people on Monday. Last week, gunmen abducted seven farmers.");
        assert_eq!(all[1].scope, Scope::Other);
        // but not the month a report was first made
        let all =
            mentions("Two men were shot dead. As we first reported in July, two children were found dead.");
        assert_eq!(all[1].scope, Scope::Event);
    }

    #[test]
    fn treatment_taking_away_and_another_count() {
        assert_eq!(
            kinds("More than 300 others are receiving treatment."),
            vec![(Injured, 300)]
        );
        assert!(kinds("The death is being treated as a homicide.").is_empty());
        assert_eq!(
            kinds("The gunmen took away 14 men from the village."),
            vec![(Kidnapped, 14)]
        );
        assert!(kinds("Police took away 14 men from the village.").is_empty());
        let all = mentions("We have arrested 46 persons and another 110 have been detained for questioning.");
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].group, all[1].group);
    }

    #[test]
    fn one_of_the_counted_after_a_copula() {
        assert_eq!(
            kinds("He was one of 12 people killed in the attack."),
            vec![(Killed, 12)]
        );
        assert_eq!(
            kinds("She is one of 30 students abducted from the school."),
            vec![(Kidnapped, 30)]
        );
        // a subject partitive still counts its first number
        assert_eq!(kinds("Four of the five victims died."), vec![(Killed, 4)]);
    }

    #[test]
    fn they_counts_the_people_counted_before() {
        let text = "A gunman opened fire on four men. Police said the men were in their twenties. \
                    They were all shot in the foot.";
        assert_eq!(kinds(text), vec![(Injured, 4)]);
        // too far back, or named people in between, or a group told harmed
        let far = "Police found four men. It was late. It was dark. It rained. They were shot.";
        assert_eq!(kinds(far), vec![]);
        let harmed = "Four people were killed and two injured. They were taken to hospital.";
        assert_eq!(kinds(harmed), vec![(Killed, 4), (Injured, 2)]);
        // the police who arrest, not the people arrested
        let agent = "Police found four men. They arrested a suspect.";
        assert_eq!(kinds(agent), vec![(Arrested, 1)]);
        // inside a sentence, "they" is its own subject's
        let inner = "Three victims were taken to hospitals, where they were treated for injuries.";
        assert_eq!(kinds(inner), vec![(Injured, 3)]);
        let all = "Rescuers pulled 18 people alive from the rubble. All were taken to hospital.";
        assert_eq!(kinds(all), vec![(KilledOrInjured, 18)]);
    }

    #[test]
    fn a_revised_figure_takes_the_kind_before_it() {
        let text = "Officials first reported 30 people injured, but later revised the figure down to 24.";
        let all = mentions(text);
        assert_eq!(kinds(text), vec![(Injured, 30), (Injured, 24)]);
        assert!(all[1].update && !all[0].update);
        assert_eq!(
            kinds("Officials revised the death toll down to 17."),
            vec![(Killed, 17)]
        );
    }

    #[test]
    fn people_found_dead_are_not_missing() {
        let text = "Rescuers recovered the bodies of five fishermen who had been reported missing.";
        assert_eq!(kinds(text), vec![(Killed, 5)]);
        let text = "Two officers who were initially reported missing were found dead on Thursday.";
        assert_eq!(kinds(text), vec![(Killed, 2)]);
    }

    #[test]
    fn pronoun_objects_and_quantities_of_the_hurt() {
        assert_eq!(
            kinds("Inmates overpowered seven guards and held them hostage."),
            vec![(Kidnapped, 7)]
        );
        assert_eq!(kinds("Gunmen stopped two buses and shot them."), vec![]);
        assert_eq!(
            kinds("Dozens of wounded were treated at the hospital."),
            vec![(Injured, 24)]
        );
        assert_eq!(
            kinds("A score of wounded were treated at the hospital."),
            vec![(Injured, 20)]
        );
        assert_eq!(
            kinds("A rocket hit the house, killing four members of one family and a neighbour."),
            vec![(Killed, 4), (Killed, 1)]
        );
        assert_eq!(
            kinds("The strike killed five members of Hamas and Islamic Jihad."),
            vec![(Killed, 5)]
        );
    }

    #[test]
    fn other_people_after_the_dead_are_survivors() {
        let text = "Two men died in a house fire on Sunday. Three other people were taken to hospital.";
        assert!(mentions(text)
            .iter()
            .any(|mention| mention.kind == KilledOrInjured && mention.survivors));
        // "other" than an unhurt person told first
        let text = "A clerk was caught in the crossfire. Three other men were shot.";
        assert!(mentions(text).iter().all(|mention| !mention.survivors));
    }

    #[test]
    fn others_wounded_after_the_dead_are_survivors() {
        let all = mentions("Two soldiers died, while five others sustained gunshot wounds.");
        assert!(all
            .iter()
            .any(|mention| mention.kind == KilledOrInjured && mention.survivors));
        let all = mentions("Five people sustained gunshot wounds.");
        assert!(all.iter().all(|mention| !mention.survivors));
    }

    #[test]
    fn a_relative_clause_after_examples_is_the_group_s_unless_singular() {
        let group = one(
            "Police are trying to trace six people, including a woman and a boy, who had been \
                         reported missing.",
        );
        assert_eq!((group.kind, group.count.value), (Missing, 6));
        let example = mentions("Eight people were shot, including Kalif Goens, who was killed.");
        assert!(example
            .iter()
            .any(|mention| mention.kind == Killed && mention.count.value == 1));
    }
}
