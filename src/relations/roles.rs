//! Relations that news states by a role noun between two names, read by
//! rules: "Abu Bakr al-Baghdadi, the leader of the Islamic State", "Hamas
//! political chief Ismail Haniyeh", "Zabihullah Mujahid, a spokesman for
//! the Taliban", "ISKP, the Afghan affiliate of the Islamic State", "the
//! Islamic State's Afghan affiliate, ISKP".
//!
//! KBP37 has no spokespeople and few armed groups, and these appositions
//! are the commonest way conflict reporting says who leads or speaks for
//! whom, so they are not left to the model: a rule relation replaces the
//! model's relation for the same pair. Only two named entities next to
//! each other in one sentence with nothing but the role phrase between
//! them count; "former" and "ex-" roles are left out (the relation no
//! longer holds), and "a senior leader of", "the deputy leader of" give
//! `member_of`, not `leader_of`.
//!
//! This module reads text between entities only (and, through
//! [`with_known_groups`], which entities the gazetteer knows as groups);
//! which pairs the model scores is `candidates`, and the records are
//! `records`.
use std::ops::Range;

use crate::ner::EntityMention;
use crate::output::extractions::{ActorRecord, ActorType, EntityRecord};

use super::aliases::defines_acronym;
use super::model::RelationMention;
use super::records::gazetteer_actor;
use super::schema::RelationType;

/// Extractor name of the rule relations.
pub const RULES_EXTRACTOR: &str = "relation-rules";
/// Version of these rules, written in each record's extractor.
pub const RULES_VERSION: &str = "relation-rules-0.2.2";
/// The confidence given to a rule relation.
const RULE_CONFIDENCE: f32 = 0.9;
/// Longest text between two names of one role phrase, in bytes.
const MAX_GAP: usize = 80;

/// What a role noun makes of a person and an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Leader,
    Founder,
    Spokesperson,
    Member,
    Employee,
    /// An organisation that is part of another.
    Affiliate,
}

fn role_of(word: &str) -> Option<Role> {
    Some(match word {
        "leader" | "chief" | "head" | "commander" | "emir" | "caliph" | "president" | "chairman"
        | "chairwoman" | "chair" | "director" | "boss" | "ringleader" | "secretary-general" => Role::Leader,
        "founder" | "co-founder" => Role::Founder,
        "spokesman" | "spokeswoman" | "spokesperson" => Role::Spokesperson,
        "member" | "fighter" | "militant" | "operative" | "loyalist" => Role::Member,
        "official" | "envoy" | "negotiator" | "adviser" | "advisor" | "aide" | "employee" | "executive" => {
            Role::Employee
        }
        "affiliate" | "branch" | "wing" | "offshoot" | "faction" | "arm" | "franchise" | "subsidiary"
        | "chapter" => Role::Affiliate,
        _ => return None,
    })
}

/// Modifiers that make a leader a member: "a senior leader", "the deputy head".
const LESSER: &[&str] = &[
    "deputy",
    "vice",
    "assistant",
    "senior",
    "local",
    "regional",
    "field",
    "provincial",
    "district",
];
/// Modifiers of a role no longer held.
const PAST: &[&str] = &["former", "ex", "ex-", "late", "then", "onetime", "one-time"];
/// Words that end a role phrase: a clause or a list goes on.
const BREAKS: &[&str] = &[
    "who", "which", "that", "said", "says", "told", "and", "or", "but", "with", "when", "while", "after",
    "before", "as", "in", "on", "at", "to", "by", "from", "was", "is", "were", "are", "has", "had",
];
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their"];

/// The words and commas of a stretch of text, lowercased, with "'s" apart.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let mut word = raw.to_lowercase().replace('’', "'");
        let leading_comma = word.starts_with(',');
        if leading_comma {
            out.push(",".to_owned());
            word.remove(0);
        }
        let trailing_comma = word.ends_with(',');
        if trailing_comma {
            word.pop();
        }
        if let Some(stem) = word.strip_suffix("'s").filter(|stem| !stem.is_empty()) {
            out.push(stem.to_owned());
            out.push("'s".to_owned());
        } else if !word.is_empty() {
            out.push(word);
        }
        if trailing_comma {
            out.push(",".to_owned());
        }
    }
    out
}

/// A role phrase: optional determiner, up to three modifiers, the role.
/// Returns the role, whether it is lesser, and the words after it.
fn role_phrase(words: &[String]) -> Option<(Role, bool, &[String])> {
    let mut k = 0;
    let mut indefinite = false;
    if words
        .first()
        .is_some_and(|word| DETERMINERS.contains(&word.as_str()))
    {
        indefinite = matches!(words[0].as_str(), "a" | "an");
        k = 1;
    }
    let mut lesser = indefinite;
    let mut modified = false;
    for (offset, word) in words[k..].iter().enumerate().take(4) {
        let next_is_role = words
            .get(k + offset + 1)
            .is_some_and(|next| role_of(next).is_some());
        // "vice-president", "deputy-chief"
        let (core, prefixed) = match word
            .strip_prefix("vice-")
            .or_else(|| word.strip_prefix("deputy-"))
        {
            Some(core) => (core, true),
            None => (word.as_str(), false),
        };
        // "chief spokesman", "military commander": the last noun is the role
        if let Some(role) = role_of(core).filter(|_| !next_is_role) {
            // "the director of the CIA" heads it; a "managing director", a
            // "financial director" or an "executive director" is one of its
            // officers
            let role = if modified && core == "director" {
                Role::Employee
            } else {
                role
            };
            return Some((role, lesser || prefixed, &words[k + offset + 1..]));
        }
        if is_past(word) {
            return None;
        }
        if word == "," || word == "'s" || BREAKS.contains(&word.as_str()) {
            return None;
        }
        lesser |= LESSER.contains(&word.as_str()) || word.starts_with("vice-");
        modified = true;
    }
    None
}

/// What stands between a role and the group: "of", "for", then up to three
/// words ("of the", "for Turkey's ruling").
fn leads_to_group(rest: &[String]) -> bool {
    let Some((first, tail)) = rest.split_first() else {
        return false;
    };
    // not "director of industry affairs for the Association": the role is
    // of a part of the group
    matches!(first.as_str(), "of" | "for")
        && tail.len() <= 4
        && tail
            .iter()
            .all(|word| !matches!(word.as_str(), "," | "of" | "for") && !BREAKS.contains(&word.as_str()))
}

/// Whether the group's name ends its phrase: "chairman of the NYSE special
/// committee" and "of the NAPM's survey" lead a part of the group.
fn group_ends_phrase(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    // the group's acronym in parentheses goes with its name: "the leader
    // of al-Qaeda in the Islamic Maghreb (AQIM), called"
    let rest = match rest.strip_prefix(" (").and_then(|inner| inner.split_once(')')) {
        Some((acronym, after)) if crate::actors::acronyms::is_acronym(acronym) => after,
        _ => rest,
    };
    if rest.starts_with(|c: char| c.is_ascii_punctuation() && c != '\'' && c != '-') || rest.starts_with('’')
    {
        return !rest.starts_with("'s") && !rest.starts_with("’s") && !rest.starts_with('-');
    }
    let next = rest.split_whitespace().next().unwrap_or_default().to_lowercase();
    let next = next.trim_end_matches(|c: char| c.is_ascii_punctuation());
    next.is_empty()
        || matches!(
            next,
            "said"
                | "says"
                | "told"
                | "tells"
                | "who"
                | "which"
                | "was"
                | "is"
                | "has"
                | "had"
                | "will"
                | "would"
                | "in"
                | "on"
                | "at"
                | "since"
                | "from"
                | "after"
                | "before"
                | "when"
                | "claimed"
                | "denied"
                | "added"
                | "warned"
                | "confirmed"
                | "wrote"
        )
}

/// Whether a lowercased word marks a role no longer held ("former", "ex-").
pub(super) fn is_past(word: &str) -> bool {
    PAST.contains(&word) || word.starts_with("ex-")
}

/// Whether the word before byte `start` marks a past role ("former").
pub(super) fn past_before(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|before| before.split_whitespace().next_back())
        .is_some_and(|word| is_past(&word.to_lowercase()))
}

/// The relation a role gives, as (type, head is the first entity).
fn relation(role: Role, lesser: bool, person_first: bool) -> Option<(RelationType, bool)> {
    Some(match role {
        Role::Leader if lesser => (RelationType::MemberOf, person_first),
        Role::Leader => (RelationType::LeaderOf, person_first),
        Role::Founder => (RelationType::FoundedBy, !person_first),
        Role::Spokesperson => (RelationType::SpokespersonOf, person_first),
        Role::Member => (RelationType::MemberOf, person_first),
        Role::Employee => (RelationType::EmployeeOf, person_first),
        Role::Affiliate => return None,
    })
}

/// A role relation between the first and second of two entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    kind: RelationType,
    first_is_head: bool,
}

impl Found {
    fn map(self, a: usize, b: usize) -> (RelationType, usize, usize) {
        if self.first_is_head {
            (self.kind, a, b)
        } else {
            (self.kind, b, a)
        }
    }
}

/// Roles of a country's head: "Ali Khamenei, Iran's supreme leader".
/// Only these make a place's relation; "Pakistan's army chief" heads the
/// army, not Pakistan.
fn heads_a_country(role_words: &[String]) -> bool {
    let first = role_words.first().map(String::as_str);
    let second = role_words.get(1).map(String::as_str);
    matches!(first, Some("leader" | "president" | "emir" | "king" | "ruler"))
        || (first == Some("supreme") && second == Some("leader"))
}

/// "Name, Group's role" right after a comma: "Yahya Sinwar, Hamas's
/// leader in Gaza", "Al-Shabaab, al-Qaeda's affiliate in East Africa",
/// "Ali Khamenei, Iran's supreme leader". `gap` holds the words between
/// the names, `second_end` is where the second name ends.
fn possessive_role(text: &str, gap: &[String], labels: (&str, &str), second_end: usize) -> Option<Found> {
    if gap != [","] && gap != [",", "the"] {
        return None;
    }
    let after = text.get(second_end..)?;
    let after = after
        .char_indices()
        .find(|&(at, c)| at > 80 || matches!(c, '.' | ';' | ':' | '(' | ')' | '"' | '“' | '”'))
        .map_or(after, |(at, _)| &after[..at]);
    let after = words(after);
    // "the Rapid Support Forces' commander": a plural's possessive
    let role_words = after
        .strip_prefix(&["'s".to_owned()][..])
        .or_else(|| after.strip_prefix(&["'".to_owned()][..]))?;
    let (role, lesser, rest) = role_phrase(role_words)?;
    let ends = rest
        .first()
        .is_none_or(|word| word == "," || (BREAKS.contains(&word.as_str()) && word != "of"));
    if !ends {
        return None;
    }
    match labels {
        ("PER", "ORG") => {
            let (kind, first_is_head) = relation(role, lesser, true)?;
            Some(Found { kind, first_is_head })
        }
        ("PER", "LOC") if role == Role::Leader && heads_a_country(role_words) => Some(Found {
            kind: RelationType::LeaderOf,
            first_is_head: true,
        }),
        ("ORG", "ORG") if role == Role::Affiliate => Some(Found {
            kind: RelationType::PartOf,
            first_is_head: true,
        }),
        _ => None,
    }
}

/// Words that may describe a group between a verb and its name ("who
/// heads the militant group al-Shabaab").
const GROUP_DESCRIPTORS: &[&str] = &[
    "militant",
    "rebel",
    "jihadist",
    "armed",
    "extremist",
    "insurgent",
    "islamist",
    "group",
    "movement",
    "militia",
    "organisation",
    "organization",
    "faction",
];

/// A role said by a clause between the names: "Ahmad Massoud, who leads
/// the National Resistance Front"; "Hayat Tahrir al-Sham, led by Abu
/// Mohammed al-Jolani"; "the Rapid Support Forces commanded by Mohamed
/// Hamdan Dagalo". Only the present tense of leading counts ("who led" is
/// past); founding is a fact of the past.
fn clause_role(gap: &[String], labels: (&str, &str)) -> Option<Found> {
    let gap: Vec<&str> = gap.iter().map(String::as_str).collect();
    let gap = gap.strip_prefix(&[","][..]).unwrap_or(&gap);
    let leader = RelationType::LeaderOf;
    match labels {
        ("PER", "ORG") => {
            let clause = gap.strip_prefix(&["who"][..])?;
            // "who heads the militant group al-Shabaab"
            let mut clause = clause;
            while let Some((last, rest)) = clause.split_last() {
                if !GROUP_DESCRIPTORS.contains(last) {
                    break;
                }
                clause = rest;
            }
            let clause = clause.strip_suffix(&["the"][..]).unwrap_or(clause);
            let clause = clause
                .strip_prefix(&["now"][..])
                .or_else(|| clause.strip_prefix(&["currently"][..]))
                .unwrap_or(clause);
            match clause {
                ["leads" | "heads" | "commands" | "chairs"] => Some(Found {
                    kind: leader,
                    first_is_head: true,
                }),
                ["founded" | "co-founded"] => Some(Found {
                    kind: RelationType::FoundedBy,
                    first_is_head: false,
                }),
                _ => None,
            }
        }
        ("ORG", "PER") => {
            let clause = gap.strip_prefix(&["which", "is"][..]).unwrap_or(gap);
            let clause = clause.strip_prefix(&["now"][..]).unwrap_or(clause);
            match clause {
                ["led" | "headed" | "commanded", "by"] => Some(Found {
                    kind: leader,
                    first_is_head: false,
                }),
                ["founded" | "co-founded", "by"] => Some(Found {
                    kind: RelationType::FoundedBy,
                    first_is_head: true,
                }),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The role relation between entities `a` (first in the text) and `b`, as
/// (type, head index, tail index).
fn between(
    text: &str,
    entities: &[EntityMention],
    a: usize,
    b: usize,
) -> Option<(RelationType, usize, usize)> {
    let (first, second) = (&entities[a], &entities[b]);
    let gap = text.get(first.end..second.start)?;
    // "Tehreek-e-Taliban Pakistan (TTP), led by Noor Wali Mehsud": the
    // relation is the name's, read past its acronym
    let (a, gap) = match gap.strip_prefix(')') {
        Some(rest) if a > 0 && defines_acronym(text, &entities[a - 1], first) => (a - 1, rest),
        _ => (a, gap),
    };
    if gap.len() > MAX_GAP || gap.contains(['.', ';', '(', ')', '"', '“', '”']) {
        return None;
    }
    let words = words(gap);
    let labels = (first.label.as_str(), second.label.as_str());
    if let Some(found) = possessive_role(text, &words, labels, second.end) {
        return Some(found.map(a, b));
    }
    // "McCaul, who chairs the House's Homeland Security Committee" chairs a
    // part of the House
    let group_ends = labels.1 != "ORG" || group_ends_phrase(text, second.end);
    if let Some(found) = clause_role(&words, labels).filter(|_| group_ends) {
        return Some(found.map(a, b));
    }
    match labels {
        // "Name, the leader of Group"; "Group, the Afghan affiliate of Group"
        ("PER", "ORG") | ("ORG", "ORG") if words.first().is_some_and(|word| word == ",") => {
            let (role, lesser, rest) = role_phrase(&words[1..])?;
            if !leads_to_group(rest) || !group_ends_phrase(text, second.end) {
                return None;
            }
            if labels.0 == "ORG" {
                return (role == Role::Affiliate).then_some((RelationType::PartOf, a, b));
            }
            let (kind, head_first) = relation(role, lesser, true)?;
            Some(if head_first { (kind, a, b) } else { (kind, b, a) })
        }
        // "Group political chief Name", "the Taliban's spokesman, Name";
        // "the Islamic State's Afghan affiliate, ISKP"; not "Former White
        // House spokesman Name"
        // "Kenya's President William Ruto", "Iran's supreme leader Ali Khamenei"
        ("LOC", "PER") if !past_before(text, first.start) => {
            let rest = words.strip_prefix(&["'s".to_owned()][..])?;
            let (role, lesser, after) = role_phrase(rest)?;
            let heads = role == Role::Leader && !lesser && heads_a_country(rest);
            (heads && (after.is_empty() || after == [","])).then_some((RelationType::LeaderOf, b, a))
        }
        ("ORG", "PER") | ("ORG", "ORG") if !past_before(text, first.start) => {
            let mut rest: &[String] = &words;
            if rest.first().is_some_and(|word| word == "'s") {
                rest = &rest[1..];
            }
            if rest
                .first()
                .is_some_and(|word| DETERMINERS.contains(&word.as_str()))
            {
                return None;
            }
            let (role, lesser, after) = role_phrase(rest)?;
            if !(after.is_empty() || after == [","]) {
                return None;
            }
            if labels.1 == "ORG" {
                return (role == Role::Affiliate).then_some((RelationType::PartOf, b, a));
            }
            let (kind, person_is_head) = relation(role, lesser, true)?;
            Some(if person_is_head {
                (kind, b, a)
            } else {
                (kind, a, b)
            })
        }
        _ => None,
    }
}

/// The entities with the label ORG where the gazetteer knows the actor as
/// a group (`records` and `actors` are the document's entity and actor
/// records, by the same entity index): the NER model tags "Islamic State" a
/// place and "Taliban" MISC about as often as ORG, and the role rules need
/// to know a group.
pub fn with_known_groups(
    entities: &[EntityMention],
    records: &[EntityRecord],
    actors: &[ActorRecord],
) -> Vec<EntityMention> {
    entities
        .iter()
        .enumerate()
        .map(|(index, entity)| {
            let group = records
                .get(index)
                .and_then(|record| gazetteer_actor(actors, record))
                .is_some_and(|actor| !matches!(actor.actor_type, ActorType::Person | ActorType::Location));
            let mut entity = entity.clone();
            if group {
                entity.label = "ORG".to_owned();
            }
            entity
        })
        .collect()
}

/// The role relations of a document: `text` and `sentences` as the NER
/// stage saw them, `entities` sorted by start (byte offsets of `text`).
pub fn role_relations(
    text: &str,
    sentences: &[Range<usize>],
    entities: &[EntityMention],
) -> Vec<RelationMention> {
    let mut out = Vec::new();
    for a in 0..entities.len() {
        let Some(sentence) = sentences
            .iter()
            .position(|range| range.start <= entities[a].start && entities[a].end <= range.end)
        else {
            continue;
        };
        // The next entity, or the one after a place or a nationality inside
        // the phrase ("spokesman for Turkey's ruling AK Party"); no person
        // or group stands inside a role phrase.
        let mut b = a + 1;
        while let Some(second) = entities.get(b) {
            if second.end > sentences[sentence].end || second.start < entities[a].end {
                break;
            }
            if let Some((kind, head, tail)) = between(text, entities, a, b) {
                out.push(RelationMention {
                    kind,
                    head,
                    tail,
                    sentence,
                    confidence: RULE_CONFIDENCE,
                    model_label: "rule:role".to_owned(),
                });
                break;
            }
            if !matches!(second.label.as_str(), "LOC" | "MISC") || b > a + 2 {
                break;
            }
            b += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The relations of `text` with the entities given as (name, label),
    /// as (type, head name, tail name).
    fn found(text: &str, names: &[(&str, &str)]) -> Vec<(RelationType, String, String)> {
        let mut entities: Vec<EntityMention> = names
            .iter()
            .map(|(name, label)| EntityMention::found_in(text, name, label, 0.9))
            .collect();
        entities.sort_by_key(|entity| entity.start);
        role_relations(text, std::slice::from_ref(&(0..text.len())), &entities)
            .into_iter()
            .map(|mention| {
                let name = |index: usize| text[entities[index].start..entities[index].end].to_owned();
                (mention.kind, name(mention.head), name(mention.tail))
            })
            .collect()
    }

    fn one(kind: RelationType, head: &str, tail: &str) -> Vec<(RelationType, String, String)> {
        vec![(kind, head.to_owned(), tail.to_owned())]
    }

    use RelationType::*;

    #[test]
    fn the_role_after_the_groups_possessive() {
        let text = "Yahya Sinwar, Hamas's leader in Gaza, was killed by Israeli troops.";
        assert_eq!(
            found(
                text,
                &[("Yahya Sinwar", "PER"), ("Hamas", "ORG"), ("Gaza", "LOC")]
            ),
            one(LeaderOf, "Yahya Sinwar", "Hamas")
        );
        let text = "Al-Shabaab, al-Qaeda's affiliate in East Africa, has waged an insurgency.";
        assert_eq!(
            found(
                text,
                &[("Al-Shabaab", "ORG"), ("al-Qaeda", "ORG"), ("East Africa", "LOC")]
            ),
            one(PartOf, "Al-Shabaab", "al-Qaeda")
        );
        let text = "Ali Khamenei, Iran's supreme leader, warned Israel.";
        assert_eq!(
            found(
                text,
                &[("Ali Khamenei", "PER"), ("Iran", "LOC"), ("Israel", "LOC")]
            ),
            one(LeaderOf, "Ali Khamenei", "Iran")
        );
        let text = "Naim Qassem, Hezbollah's deputy leader, said the group would fight on.";
        assert_eq!(
            found(text, &[("Naim Qassem", "PER"), ("Hezbollah", "ORG")]),
            one(MemberOf, "Naim Qassem", "Hezbollah")
        );
        let text = "Hemeti met Kenya's President William Ruto in Nairobi.";
        assert_eq!(
            found(
                text,
                &[
                    ("Hemeti", "PER"),
                    ("Kenya", "LOC"),
                    ("William Ruto", "PER"),
                    ("Nairobi", "LOC")
                ]
            ),
            one(LeaderOf, "William Ruto", "Kenya")
        );
        let text = "Pakistan's army chief Asim Munir met the envoy.";
        assert_eq!(found(text, &[("Pakistan", "LOC"), ("Asim Munir", "PER")]), vec![]);
        // the head of a country's army, a part of a group, a past role
        for (text, names) in [
            (
                "Asim Munir, Pakistan's army chief, met the envoy.",
                &[("Asim Munir", "PER"), ("Pakistan", "LOC")][..],
            ),
            (
                "Osama Hamdan, Hamas's leader of the political bureau abroad, said",
                &[("Osama Hamdan", "PER"), ("Hamas", "ORG")][..],
            ),
            (
                "Khaled Meshaal, Hamas's former leader, said",
                &[("Khaled Meshaal", "PER"), ("Hamas", "ORG")][..],
            ),
        ] {
            assert_eq!(found(text, names), vec![], "{text}");
        }
    }

    #[test]
    fn the_role_in_a_clause() {
        let text =
            "Ahmad Massoud, who leads the National Resistance Front, said his fighters held the valley.";
        assert_eq!(
            found(
                text,
                &[("Ahmad Massoud", "PER"), ("National Resistance Front", "ORG")]
            ),
            one(LeaderOf, "Ahmad Massoud", "National Resistance Front")
        );
        let text = "Hayat Tahrir al-Sham, led by Abu Mohammed al-Jolani, took control of Aleppo.";
        assert_eq!(
            found(
                text,
                &[("Hayat Tahrir al-Sham", "ORG"), ("Abu Mohammed al-Jolani", "PER")]
            ),
            one(LeaderOf, "Abu Mohammed al-Jolani", "Hayat Tahrir al-Sham")
        );
        let text = "Talks with the Rapid Support Forces commanded by Mohamed Hamdan Dagalo failed.";
        assert_eq!(
            found(
                text,
                &[("Rapid Support Forces", "ORG"), ("Mohamed Hamdan Dagalo", "PER")]
            ),
            one(LeaderOf, "Mohamed Hamdan Dagalo", "Rapid Support Forces")
        );
        let text = "Ahmed Diriye, who heads the militant group al-Shabaab, has evaded capture.";
        assert_eq!(
            found(text, &[("Ahmed Diriye", "PER"), ("al-Shabaab", "ORG")]),
            one(LeaderOf, "Ahmed Diriye", "al-Shabaab")
        );
        let text = "Tehreek-e-Taliban Pakistan (TTP), led by Noor Wali Mehsud, claimed the bombing.";
        assert_eq!(
            found(
                text,
                &[
                    ("Tehreek-e-Taliban Pakistan", "ORG"),
                    ("TTP", "ORG"),
                    ("Noor Wali Mehsud", "PER")
                ]
            ),
            one(LeaderOf, "Noor Wali Mehsud", "Tehreek-e-Taliban Pakistan")
        );
        let text = "Antonio Garcia, the top commander of the National Liberation Army, said";
        assert_eq!(
            found(
                text,
                &[("Antonio Garcia", "PER"), ("National Liberation Army", "ORG")]
            ),
            one(LeaderOf, "Antonio Garcia", "National Liberation Army")
        );
        let text = "Fighters loyal to Mohamed Hamdan Dagalo, the Rapid Support Forces' commander, carried out executions.";
        assert_eq!(
            found(
                text,
                &[("Mohamed Hamdan Dagalo", "PER"), ("Rapid Support Forces", "ORG")]
            ),
            one(LeaderOf, "Mohamed Hamdan Dagalo", "Rapid Support Forces")
        );
        let text = "McCaul, who chairs the House's Homeland Security Committee, said";
        assert_eq!(found(text, &[("McCaul", "PER"), ("House", "ORG")]), vec![]);
        let text = "Ayman al-Zawahiri, who led al-Qaeda after 2011, was killed.";
        assert_eq!(
            found(text, &[("Ayman al-Zawahiri", "PER"), ("al-Qaeda", "ORG")]),
            vec![]
        );
    }

    #[test]
    fn a_person_then_the_role() {
        let text = "Abu Bakr al-Baghdadi, the leader of the Islamic State, was killed.";
        assert_eq!(
            found(text, &[("Abu Bakr al-Baghdadi", "PER"), ("Islamic State", "ORG")]),
            one(LeaderOf, "Abu Bakr al-Baghdadi", "Islamic State")
        );
        let text = "Zabihullah Mujahid, a spokesman for the Taliban, said the group would investigate.";
        assert_eq!(
            found(text, &[("Zabihullah Mujahid", "PER"), ("Taliban", "ORG")]),
            one(SpokespersonOf, "Zabihullah Mujahid", "Taliban")
        );
        let text = "Omer Celik, spokesman for Turkey's ruling AK Party, said the PKK was behind it.";
        assert_eq!(
            found(
                text,
                &[("Omer Celik", "PER"), ("Turkey", "LOC"), ("AK Party", "ORG")]
            ),
            one(SpokespersonOf, "Omer Celik", "AK Party")
        );
        let text = "Mullah Omar, the founder of the Taliban, died in 2013.";
        assert_eq!(
            found(text, &[("Mullah Omar", "PER"), ("Taliban", "ORG")]),
            one(FoundedBy, "Taliban", "Mullah Omar")
        );
    }

    #[test]
    fn lesser_and_past_roles() {
        let text = "Abu Mohammed, a senior leader of al-Shabaab, was arrested.";
        assert_eq!(
            found(text, &[("Abu Mohammed", "PER"), ("al-Shabaab", "ORG")]),
            one(MemberOf, "Abu Mohammed", "al-Shabaab")
        );
        let text = "Abu Mohammed, the deputy head of al-Shabaab, was arrested.";
        assert_eq!(
            found(text, &[("Abu Mohammed", "PER"), ("al-Shabaab", "ORG")]),
            one(MemberOf, "Abu Mohammed", "al-Shabaab")
        );
        let text = "John Smith, the former head of Acme Corp, spoke.";
        assert!(found(text, &[("John Smith", "PER"), ("Acme Corp", "ORG")]).is_empty());
        let text = "Former White House spokesman Larry Speakes said so.";
        assert!(found(text, &[("White House", "ORG"), ("Larry Speakes", "PER")]).is_empty());
        let text = "Tom Cook, director of industry affairs for the Cattlemens Association, said.";
        assert!(found(text, &[("Tom Cook", "PER"), ("Cattlemens Association", "ORG")]).is_empty());
        let text = "Irwin Guttag, chairman of the NYSE special committee, said.";
        assert!(found(text, &[("Irwin Guttag", "PER"), ("NYSE", "ORG")]).is_empty());
        let text = "Robert Bretz, chairman of the NAPM's business survey committee, said.";
        assert!(found(text, &[("Robert Bretz", "PER"), ("NAPM", "ORG")]).is_empty());
        let text = "Koichi Kimura, managing director of Daiwa Securities, said.";
        assert_eq!(
            found(text, &[("Koichi Kimura", "PER"), ("Daiwa Securities", "ORG")]),
            one(EmployeeOf, "Koichi Kimura", "Daiwa Securities")
        );
        let text = "ICI financial director Alan Clements said so.";
        assert_eq!(
            found(text, &[("ICI", "ORG"), ("Alan Clements", "PER")]),
            one(EmployeeOf, "Alan Clements", "ICI")
        );
        let text = "William Burns, the director of the CIA, said so.";
        assert_eq!(
            found(text, &[("William Burns", "PER"), ("CIA", "ORG")]),
            one(LeaderOf, "William Burns", "CIA")
        );
        let text = "James Fry, vice-president of GM Overseas, said.";
        assert_eq!(
            found(text, &[("James Fry", "PER"), ("GM Overseas", "ORG")]),
            one(MemberOf, "James Fry", "GM Overseas")
        );
        let text = "John Smith, who met the leader of Hamas, spoke.";
        assert!(found(text, &[("John Smith", "PER"), ("Hamas", "ORG")]).is_empty());
        let text = "John Smith, head of security for the stadium run by Acme Corp, spoke.";
        assert!(found(text, &[("John Smith", "PER"), ("Acme Corp", "ORG")]).is_empty());
    }

    #[test]
    fn the_group_then_the_role_then_the_person() {
        let text = "Hamas political chief Ismail Haniyeh was killed in Tehran.";
        assert_eq!(
            found(
                text,
                &[("Hamas", "ORG"), ("Ismail Haniyeh", "PER"), ("Tehran", "LOC")]
            ),
            one(LeaderOf, "Ismail Haniyeh", "Hamas")
        );
        let text = "The Taliban's chief spokesman, Zabihullah Mujahid, denied it.";
        assert_eq!(
            found(text, &[("Taliban", "ORG"), ("Zabihullah Mujahid", "PER")]),
            one(SpokespersonOf, "Zabihullah Mujahid", "Taliban")
        );
        let text = "Hamas fighters and Ismail Haniyeh were named.";
        assert!(found(text, &[("Hamas", "ORG"), ("Ismail Haniyeh", "PER")]).is_empty());
        let text = "Hamas said Ismail Haniyeh was killed.";
        assert!(found(text, &[("Hamas", "ORG"), ("Ismail Haniyeh", "PER")]).is_empty());
    }

    #[test]
    fn affiliates() {
        let text = "ISKP, the Afghan affiliate of the Islamic State, has carried out dozens of attacks.";
        assert_eq!(
            found(text, &[("ISKP", "ORG"), ("Islamic State", "ORG")]),
            one(PartOf, "ISKP", "Islamic State")
        );
        let text = "The Islamic State's Afghan affiliate, ISKP, claimed the attack.";
        assert_eq!(
            found(text, &[("Islamic State", "ORG"), ("ISKP", "ORG")]),
            one(PartOf, "ISKP", "Islamic State")
        );
        let text = "ISKP, the leader of the Islamic State, spoke.";
        assert!(found(text, &[("ISKP", "ORG"), ("Islamic State", "ORG")]).is_empty());
    }

    #[test]
    fn only_within_one_sentence() {
        let text = "He met Ismail Haniyeh. Hamas leader Yahya Sinwar was there.";
        let mut entities = vec![
            EntityMention::found_in(text, "Ismail Haniyeh", "PER", 0.9),
            EntityMention::found_in(text, "Hamas", "ORG", 0.9),
            EntityMention::found_in(text, "Yahya Sinwar", "PER", 0.9),
        ];
        entities.sort_by_key(|entity| entity.start);
        let found = role_relations(text, &[0..23, 23..text.len()], &entities);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].kind, found[0].head, found[0].tail, found[0].sentence),
            (LeaderOf, 2, 1, 1)
        );
    }
}
