//! In-document resolution: which entity mentions of one document name the
//! same actor.
//!
//! Mentions are clustered with a union-find in a fixed order of rules, each
//! rule only joining clusters that do not carry two different gazetteer
//! actors, and people only with people unless the text itself says so (an
//! alias statement or an acronym definition):
//! 1. the gazetteer, by the name as written, or by a longer alias of the
//!    same kind of actor around it in the sentence ("Greater Sahara" in
//!    "Islamic State in the Greater Sahara"; "Taliban" in "Pakistani
//!    Taliban"), or by a transliteration variant of a known alias;
//! 2. the same folded name ("ISTANBUL", "Istanbul");
//! 3. acronyms defined in parentheses ("Voice of America (VOA)") and pairs
//!    written "X (Y)";
//! 4. aliases introduced by "also known as", "alias", "a.k.a.", "known
//!    as", "calls itself" ([`super::aliases`]);
//! 5. an acronym and a longer name it abbreviates ("CTD", "Counter
//!    Terrorism Department");
//! 6. part of a person's name and the full name ("Ghafari", "Sanaullah
//!    Ghafari"), the nearest full name before it when several fit;
//! 7. a place and its longer form ("Euphrates", "Euphrates River"), an
//!    organisation and its name with a country or more words in front
//!    ("Air Force", "U.S. Air Force"; "Elections Council", "National
//!    Elections Council").
//!
//! Each cluster becomes an actor: the gazetteer's id, type and name when it
//! matched, else the type of its mentions' labels, the fullest name written
//! and an id from that name ([`super::ids`]). Clusters of MISC mentions
//! that the gazetteer does not know ("Turkish" aside, demonyms are in it)
//! are not actors. Roles in the document come later ([`super::roles`]).
//!
//! Input and output are plain data: the normalised text, its sentences and
//! the NER mentions in; actors with mention indices out. Nothing here
//! builds records or reads files.
use std::collections::BTreeMap;
use std::ops::Range;

use crate::ner::EntityMention;
use crate::output::extractions::ActorType;

use super::aliases::{alias_cues, AliasHead};
use super::gazetteer::{Gazetteer, GazetteerEntry};
use super::{acronyms, appositions, fold, ids, names};

/// What the stage reads of a document.
#[derive(Debug, Clone, Copy)]
pub struct ActorInput<'a> {
    /// The normalised text.
    pub text: &'a str,
    /// Sentences as byte ranges of `text`, in order.
    pub sentences: &'a [Range<usize>],
    /// Entity mentions, byte ranges of `text`, in order.
    pub entities: &'a [EntityMention],
}

/// One actor of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedActor {
    pub id: String,
    pub name: String,
    pub actor_type: ActorType,
    /// Whether the gazetteer knows the actor.
    pub gazetteer: bool,
    pub part_of: Option<String>,
    /// Indices into the input's entities, in order.
    pub mentions: Vec<usize>,
    /// Names the text gives the actor without an entity mention (an acronym
    /// in parentheses, an alias after "also known as").
    pub extra_aliases: Vec<String>,
    /// Role or title given by an apposition or a title before the name.
    pub description: Option<String>,
}

/// The actors of a document and, per entity, the index of its actor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentActors {
    pub actors: Vec<ResolvedActor>,
    pub entity_actor: Vec<Option<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Person,
    Other,
    /// MISC and unknown labels: joins either, is an actor only with help.
    Misc,
}

#[derive(Debug)]
struct Item<'g> {
    range: Range<usize>,
    sentence: usize,
    surface: String,
    key: String,
    words: Vec<String>,
    class: Class,
    label_type: Option<ActorType>,
    entry: Option<&'g GazetteerEntry>,
    acronym: bool,
}

/// Suffixes that make a name an adjective: "al-Qaeda-linked", "US-backed".
const ADJECTIVE_SUFFIXES: [&str; 12] = [
    "-linked",
    "-backed",
    "-led",
    "-affiliated",
    "-aligned",
    "-allied",
    "-inspired",
    "-controlled",
    "-held",
    "-run",
    "-based",
    "-",
];

fn label_class(label: &str) -> (Class, Option<ActorType>) {
    match label.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => (Class::Person, Some(ActorType::Person)),
        "ORG" | "ORGANIZATION" | "ORGANISATION" => (Class::Other, Some(ActorType::Organisation)),
        "LOC" | "GPE" | "FAC" | "LOCATION" => (Class::Other, Some(ActorType::Location)),
        _ => (Class::Misc, None),
    }
}

fn entry_class(entry: &GazetteerEntry) -> Class {
    if entry.actor_type == ActorType::Person {
        Class::Person
    } else {
        Class::Other
    }
}

/// The name without a leading "the", a possessive or an adjective suffix.
pub(super) fn clean_surface(surface: &str) -> &str {
    let mut name = surface.trim();
    for article in ["the", "The", "THE"] {
        // "the U.S.", and "the\nU.S." in hard-wrapped wire copy
        if let Some(rest) = name.strip_prefix(article) {
            if rest.starts_with(char::is_whitespace) {
                name = rest.trim_start();
            }
        }
    }
    name = fold::strip_possessive(name);
    for suffix in ADJECTIVE_SUFFIXES {
        if let Some(rest) = name.strip_suffix(suffix) {
            if !rest.is_empty() {
                name = rest;
                break;
            }
        }
    }
    name.trim()
}

struct Clusters<'g> {
    parent: Vec<usize>,
    entry: Vec<Option<&'g GazetteerEntry>>,
    class: Vec<Class>,
}

impl<'g> Clusters<'g> {
    fn new(items: &[Item<'g>]) -> Self {
        Self {
            parent: (0..items.len()).collect(),
            entry: items.iter().map(|item| item.entry).collect(),
            class: items.iter().map(|item| item.class).collect(),
        }
    }

    fn find(&mut self, mut index: usize) -> usize {
        while self.parent[index] != index {
            self.parent[index] = self.parent[self.parent[index]];
            index = self.parent[index];
        }
        index
    }

    /// Joins two clusters unless they hold different gazetteer actors, or a
    /// person and a non-person (unless `forced` by the text).
    fn union(&mut self, a: usize, b: usize, forced: bool) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        if let (Some(x), Some(y)) = (self.entry[ra], self.entry[rb]) {
            if x.id != y.id {
                return false;
            }
        }
        let (ca, cb) = (self.class[ra], self.class[rb]);
        if !(ca == cb || ca == Class::Misc || cb == Class::Misc || forced) {
            return false;
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        self.entry[root] = self.entry[root].or(self.entry[child]);
        let known = self.entry[root].map(entry_class);
        self.class[root] = match (known, self.class[root], self.class[child]) {
            (Some(class), _, _) => class,
            (None, Class::Misc, other) => other,
            (None, class, _) => class,
        };
        true
    }

    fn adopt(&mut self, index: usize, entry: &'g GazetteerEntry) {
        let root = self.find(index);
        if self.entry[root].is_none() {
            self.entry[root] = Some(entry);
            self.class[root] = entry_class(entry);
        }
    }
}

/// Word ranges of a sentence: whitespace-separated, outer punctuation off.
pub(super) fn word_ranges(text: &str, sentence: &Range<usize>) -> Vec<Range<usize>> {
    let Some(slice) = text.get(sentence.clone()) else {
        return Vec::new();
    };
    let mut words = Vec::new();
    let mut offset = 0;
    for chunk in slice.split_inclusive(char::is_whitespace) {
        let start = sentence.start + offset;
        offset += chunk.len();
        let trimmed_start = chunk.trim_start_matches(|ch: char| !ch.is_alphanumeric());
        let trimmed = trimmed_start.trim_end_matches(|ch: char| !ch.is_alphanumeric());
        if trimmed.is_empty() {
            continue;
        }
        let lead = chunk.len() - trimmed_start.len();
        // Keep the final period of abbreviations ("U.S.") in the word.
        let mut end = start + lead + trimmed.len();
        if text[end..].starts_with('.') && trimmed.contains('.') {
            end += 1;
        }
        words.push(start + lead..end);
    }
    words
}

/// The longest gazetteer alias around a mention's `range` in its sentence
/// (`words`: the sentence's word ranges), longer than the mention, of the
/// same kind of actor as `own` (the mention's own entry) if that is known:
/// the alias's byte range (without a leading "the", a possessive or an
/// adjective suffix such as "-linked") and entry.
pub(super) fn longer_alias<'g>(
    text: &str,
    words: &[Range<usize>],
    range: &Range<usize>,
    own: Option<&GazetteerEntry>,
    gazetteer: &'g Gazetteer,
) -> Option<(Range<usize>, &'g GazetteerEntry)> {
    let first = words.iter().position(|word| word.end > range.start)?;
    let last = words.iter().rposition(|word| word.start < range.end)?;
    let span = last.saturating_sub(first) + 1;
    let longest = gazetteer.max_words().min(span + 6);
    for length in (span + 1..=longest).rev() {
        let lowest = (last + 1).saturating_sub(length);
        for start in lowest..=first {
            let end = start + length - 1;
            if end >= words.len() {
                continue;
            }
            let bytes = words[start].start..words[end].end;
            let Some(candidate) = text.get(bytes.clone()) else {
                continue;
            };
            let cleaned = clean_surface(candidate);
            if let Some(entry) = gazetteer.lookup(cleaned) {
                if own.is_none_or(|own| own.actor_type == entry.actor_type) {
                    // `cleaned` is a slice of `candidate`
                    let offset = cleaned.as_ptr() as usize - candidate.as_ptr() as usize;
                    let start = bytes.start + offset;
                    return Some((start..start + cleaned.len(), entry));
                }
            }
        }
    }
    None
}

/// The gazetteer actor of a mention: a longer alias around it in its
/// sentence (of the same kind of actor as the name itself, if that is
/// known), else the name, else a transliteration variant of an alias.
fn gazetteer_match<'g>(
    text: &str,
    words: &[Range<usize>],
    range: &Range<usize>,
    surface: &str,
    gazetteer: &'g Gazetteer,
) -> Option<&'g GazetteerEntry> {
    let own = gazetteer.lookup(surface);
    if let Some((_, entry)) = longer_alias(text, words, range, own, gazetteer) {
        return Some(entry);
    }
    own.or_else(|| {
        if acronyms::is_acronym(surface) {
            None
        } else {
            gazetteer.lookup_variant(surface)
        }
    })
}

/// The sentence holding `byte` (the last one for a byte past them all).
pub(super) fn sentence_of(sentences: &[Range<usize>], byte: usize) -> usize {
    sentences
        .partition_point(|sentence| sentence.end <= byte)
        .min(sentences.len().saturating_sub(1))
}

fn build_items<'g>(input: &ActorInput<'_>, gazetteer: &'g Gazetteer) -> Vec<Item<'g>> {
    let mut sentence_words: BTreeMap<usize, Vec<Range<usize>>> = BTreeMap::new();
    input
        .entities
        .iter()
        .map(|entity| {
            let range = entity.start..entity.end;
            let raw = input.text.get(range.clone()).unwrap_or_default();
            let surface = clean_surface(raw).to_owned();
            let sentence = sentence_of(input.sentences, entity.start);
            let words = sentence_words.entry(sentence).or_insert_with(|| {
                input
                    .sentences
                    .get(sentence)
                    .map(|range| word_ranges(input.text, range))
                    .unwrap_or_default()
            });
            let (label_classed, label_type) = label_class(&entity.label);
            let key = fold::key(&surface);
            let entry = if key.is_empty() {
                None
            } else {
                gazetteer_match(input.text, words, &range, &surface, gazetteer)
            };
            let class = entry.map_or(label_classed, entry_class);
            let words = if class == Class::Person {
                names::person_words(&surface)
            } else {
                fold::words(&surface)
            };
            Item {
                acronym: acronyms::is_acronym(&surface),
                range,
                sentence,
                surface,
                key,
                words,
                class,
                label_type,
                entry,
            }
        })
        .collect()
}

/// Among candidate items, the nearest one before `index`, else the nearest after.
fn nearest(candidates: &[usize], index: usize) -> Option<usize> {
    candidates
        .iter()
        .copied()
        .filter(|&other| other < index)
        .max()
        .or_else(|| candidates.iter().copied().filter(|&other| other > index).min())
}

/// Resolves a document's mentions into actors.
pub fn resolve(input: &ActorInput<'_>, gazetteer: &Gazetteer) -> DocumentActors {
    let items = build_items(input, gazetteer);
    let mut clusters = Clusters::new(&items);
    let mut extra: Vec<(usize, String)> = Vec::new();
    join_gazetteer_and_names(&items, &mut clusters);
    join_definitions(input, gazetteer, &items, &mut clusters, &mut extra);
    join_acronyms(&items, &mut clusters);
    let with_word = WithWord::new(&items);
    join_person_parts(&items, &with_word, &mut clusters);
    join_longer_names(gazetteer, &items, &with_word, &mut clusters);
    build_actors(input, &items, &mut clusters, &extra)
}

fn join_gazetteer_and_names(items: &[Item<'_>], clusters: &mut Clusters<'_>) {
    let mut by_entry: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, item) in items.iter().enumerate() {
        if item.key.is_empty() {
            continue;
        }
        if let Some(entry) = item.entry {
            let first = *by_entry.entry(entry.id.as_str()).or_insert(index);
            clusters.union(first, index, false);
        }
        let same = by_key.entry(item.key.as_str()).or_default();
        for &earlier in same.iter() {
            if clusters.union(earlier, index, false) {
                break;
            }
        }
        same.push(index);
    }
}

fn join_definitions<'g>(
    input: &ActorInput<'_>,
    gazetteer: &'g Gazetteer,
    items: &[Item<'g>],
    clusters: &mut Clusters<'g>,
    extra: &mut Vec<(usize, String)>,
) {
    let text = input.text;
    let mut first_at: BTreeMap<usize, usize> = BTreeMap::new();
    for (index, item) in items.iter().enumerate() {
        first_at.entry(item.range.start).or_insert(index);
    }
    let starting_at = |at: usize| first_at.get(&at).copied();
    let mut defined: Vec<(String, usize)> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if item.key.is_empty() {
            continue;
        }
        // "X (ACRONYM)" and "X (Y)".
        if let Some(acronym) = acronyms::parenthesised_after(text, item.range.end) {
            match starting_at(acronym.start) {
                Some(other) => {
                    clusters.union(index, other, true);
                }
                None if item.class != Class::Person => {
                    let written = text[acronym].to_owned();
                    defined.push((fold::key(&written), index));
                    if let Some(entry) = gazetteer.lookup(&written) {
                        clusters.adopt(index, entry);
                    }
                    extra.push((index, written));
                }
                None => {}
            }
        } else if item.acronym {
            let rest = &text[item.range.end..];
            let inner = rest.trim_start().strip_prefix('(');
            if let Some(inner) = inner {
                let at = text.len() - inner.len();
                if let Some(other) = starting_at(at) {
                    if text[items[other].range.end..].starts_with(')') {
                        clusters.union(index, other, true);
                    }
                }
            }
        }
    }
    for (sentence_index, sentence) in input.sentences.iter().enumerate() {
        for cue in alias_cues(text, sentence.clone()) {
            let head = match cue.head {
                AliasHead::EndsAt(at) => items.iter().rposition(|item| {
                    item.range.end <= at
                        && text[item.range.end..at]
                            .chars()
                            .all(|ch| matches!(ch, ')' | ' ' | '"' | '\'' | '\u{201d}'))
                }),
                AliasHead::Anaphor(at) => organisation_before(items, sentence_index, at),
            };
            let Some(head) = head else { continue };
            let written = text[cue.alias.clone()].to_owned();
            match starting_at(cue.alias.start) {
                Some(other) => {
                    clusters.union(head, other, true);
                }
                None => {
                    defined.push((fold::key(&written), head));
                    if let Some(entry) = gazetteer.lookup(&written) {
                        clusters.adopt(head, entry);
                    }
                    extra.push((head, written));
                }
            }
        }
    }
    let mut owners: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (key, owner) in &defined {
        owners.entry(key.as_str()).or_default().push(*owner);
    }
    for (index, item) in items.iter().enumerate() {
        for &owner in owners.get(item.key.as_str()).map_or(&[][..], Vec::as_slice) {
            if owner != index {
                clusters.union(owner, index, true);
            }
        }
    }
}

/// The organisation an anaphor ("the group") points to: the first
/// organisation named in its sentence before it, else in the nearest
/// sentence before that names one.
fn organisation_before(items: &[Item<'_>], sentence: usize, at: usize) -> Option<usize> {
    let is_organisation = |item: &Item<'_>| match item.entry {
        Some(entry) => !matches!(
            entry.actor_type,
            ActorType::Person | ActorType::Location | ActorType::Media
        ),
        None => item.label_type == Some(ActorType::Organisation),
    };
    let same = items
        .iter()
        .position(|item| item.sentence == sentence && item.range.end <= at && is_organisation(item));
    // else the first organisation of the latest earlier sentence with one
    same.or_else(|| {
        let mut latest: Option<(usize, usize)> = None;
        for (index, item) in items.iter().enumerate() {
            if item.sentence < sentence
                && latest.is_none_or(|(earlier, _)| item.sentence > earlier)
                && is_organisation(item)
            {
                latest = Some((item.sentence, index));
            }
        }
        latest.map(|(_, index)| index)
    })
}

fn join_acronyms(items: &[Item<'_>], clusters: &mut Clusters<'_>) {
    // every name's readings once, not once per acronym: a long document has
    // thousands of both
    let mut by_reading: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut readings_of_surface: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (index, other) in items.iter().enumerate() {
        if other.class == Class::Person || other.acronym || other.words.len() < 2 {
            continue;
        }
        let readings = readings_of_surface
            .entry(other.surface.as_str())
            .or_insert_with(|| acronyms::readings(&other.surface));
        for reading in readings.iter() {
            by_reading.entry(reading.clone()).or_default().push(index);
        }
    }
    for (index, item) in items.iter().enumerate() {
        if !item.acronym || item.class == Class::Person {
            continue;
        }
        let candidates = acronyms::acronym_key(&item.surface)
            .and_then(|key| by_reading.get(&key))
            .map_or(&[][..], Vec::as_slice);
        if let Some(other) = nearest(candidates, index) {
            clusters.union(index, other, false);
        }
    }
}

/// The items whose words include a given word, in item order: the only
/// places a name made of that word and others can be found, without reading
/// every pair of a long document's names.
struct WithWord<'i> {
    items: BTreeMap<&'i str, Vec<usize>>,
}

impl<'i> WithWord<'i> {
    fn new(items: &'i [Item<'_>]) -> Self {
        let mut by_word: BTreeMap<&'i str, Vec<usize>> = BTreeMap::new();
        for (index, item) in items.iter().enumerate() {
            for word in &item.words {
                let list = by_word.entry(word.as_str()).or_default();
                if list.last() != Some(&index) {
                    list.push(index);
                }
            }
        }
        Self { items: by_word }
    }

    /// The items that have `words`' first word among theirs.
    fn sharing_first_word(&self, words: &[String]) -> &[usize] {
        words
            .first()
            .and_then(|word| self.items.get(word.as_str()))
            .map_or(&[], Vec::as_slice)
    }
}

fn join_person_parts(items: &[Item<'_>], with_word: &WithWord<'_>, clusters: &mut Clusters<'_>) {
    for (index, item) in items.iter().enumerate() {
        let single_name_of_other_label =
            item.class != Class::Person && item.entry.is_none() && item.words.len() == 1 && !item.acronym;
        if item.class != Class::Person && !single_name_of_other_label {
            continue;
        }
        let words = if item.class == Class::Person {
            item.words.clone()
        } else {
            names::person_words(&item.surface)
        };
        let candidates: Vec<usize> = with_word
            .sharing_first_word(&words)
            .iter()
            .copied()
            .filter(|&other| {
                items[other].class == Class::Person && names::is_part_of(&words, &items[other].words)
            })
            .collect();
        let mut roots: Vec<usize> = candidates.iter().map(|&other| clusters.find(other)).collect();
        roots.dedup();
        let target = if roots.len() == 1 {
            candidates.first().copied()
        } else {
            nearest(&candidates, index)
        };
        if let Some(other) = target {
            clusters.union(index, other, single_name_of_other_label);
        }
    }
}

fn join_longer_names(
    gazetteer: &Gazetteer,
    items: &[Item<'_>],
    with_word: &WithWord<'_>,
    clusters: &mut Clusters<'_>,
) {
    for (index, item) in items.iter().enumerate() {
        if item.class == Class::Person || item.entry.is_some() || item.words.is_empty() {
            continue;
        }
        // a longer name that starts or ends with this one has its first word
        let candidates: Vec<usize> = with_word
            .sharing_first_word(&item.words)
            .iter()
            .map(|&other| (other, &items[other]))
            .filter(|(_, other)| {
                if other.class == Class::Person || other.words.len() <= item.words.len() {
                    return false;
                }
                if names::is_place_head_variant(&item.words, &other.words) {
                    return true;
                }
                if !other.words.ends_with(&item.words) {
                    return false;
                }
                let prefix = other.words[..other.words.len() - item.words.len()].concat();
                let country = gazetteer
                    .lookup_key(&prefix)
                    .is_some_and(|entry| entry.actor_type == ActorType::Location);
                country || (item.words.len() >= 2 && other.label_type == item.label_type)
            })
            .map(|(other, _)| other)
            .collect();
        if let Some(other) = nearest(&candidates, index) {
            clusters.union(index, other, false);
        }
    }
}

/// The name an actor outside the gazetteer goes by: the fullest name
/// written (most words, an expansion before an acronym, mixed case before
/// capitals), the first such.
fn canonical_name(items: &[Item<'_>], members: &[usize]) -> String {
    let score = |item: &Item<'_>| {
        let all_caps = item.surface.chars().any(char::is_lowercase);
        (!item.acronym, item.words.len(), all_caps)
    };
    let mut best: Option<usize> = None;
    for &member in members {
        if best.is_none_or(|best| score(&items[member]) > score(&items[best])) {
            best = Some(member);
        }
    }
    let Some(best) = best else {
        return String::new();
    };
    let item = &items[best];
    // A place written only in capitals is a dateline ("KABUL"): "Kabul".
    if item.label_type == Some(ActorType::Location)
        && !item.acronym
        && !item.surface.chars().any(char::is_lowercase)
    {
        return title_case(&item.surface);
    }
    item.surface.clone()
}

/// "NEW YORK" as "New York".
fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for ch in name.chars() {
        if start {
            out.push(ch);
        } else {
            out.extend(ch.to_lowercase());
        }
        start = !ch.is_alphanumeric() && ch != '\'';
    }
    out
}

fn actor_type_of(items: &[Item<'_>], members: &[usize], class: Class) -> Option<ActorType> {
    if class == Class::Person {
        return Some(ActorType::Person);
    }
    let mut counts: BTreeMap<u8, (usize, usize, ActorType)> = BTreeMap::new();
    for (order, &member) in members.iter().enumerate() {
        let Some(actor_type) = items[member].label_type.filter(|kind| *kind != ActorType::Person) else {
            continue;
        };
        let code = actor_type as u8;
        let count = counts.entry(code).or_insert((0, usize::MAX - order, actor_type));
        count.0 += 1;
    }
    counts
        .values()
        .max_by_key(|(count, first, _)| (*count, *first))
        .map(|(_, _, kind)| *kind)
}

fn description(input: &ActorInput<'_>, items: &[Item<'_>], members: &[usize]) -> Option<String> {
    let sentence = |item: &Item<'_>| input.sentences.get(item.sentence).cloned();
    let appositions = members.iter().find_map(|&member| {
        let item = &items[member];
        let sentence = sentence(item)?;
        appositions::after(input.text, &sentence, item.range.end)
            .or_else(|| appositions::before(input.text, &sentence, item.range.start, item.range.end))
    });
    appositions.or_else(|| {
        members.iter().find_map(|&member| {
            let item = &items[member];
            appositions::title(input.text, &sentence(item)?, item.range.start)
        })
    })
}

fn build_actors(
    input: &ActorInput<'_>,
    items: &[Item<'_>],
    clusters: &mut Clusters<'_>,
    extra: &[(usize, String)],
) -> DocumentActors {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (index, item) in items.iter().enumerate() {
        if item.key.is_empty() {
            continue;
        }
        let root = clusters.find(index);
        groups.entry(root).or_default().push(index);
    }
    let mut actors: Vec<ResolvedActor> = Vec::new();
    let mut entity_actor = vec![None; items.len()];
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut ordered: Vec<(usize, Vec<usize>)> = groups.into_iter().collect();
    ordered.sort_by_key(|(_, members)| members.first().copied());
    for (root, members) in ordered {
        let entry = clusters.entry[root];
        let class = clusters.class[root];
        let (id, name, actor_type) = match entry {
            Some(entry) => (entry.id.clone(), entry.name.clone(), entry.actor_type),
            None => {
                let Some(actor_type) = actor_type_of(items, &members, class) else {
                    continue;
                };
                let name = canonical_name(items, &members);
                (ids::derived_id(actor_type, &name), name, actor_type)
            }
        };
        let mut aliases: Vec<String> = Vec::new();
        for (owner, written) in extra {
            if clusters.find(*owner) == root && !aliases.contains(written) {
                aliases.push(written.clone());
            }
        }
        let described = if actor_type == ActorType::Person {
            description(input, items, &members)
        } else {
            None
        };
        let position = match by_id.get(&id) {
            Some(&position) => position,
            None => {
                by_id.insert(id.clone(), actors.len());
                actors.push(ResolvedActor {
                    id,
                    name,
                    actor_type,
                    gazetteer: entry.is_some(),
                    part_of: entry.and_then(|entry| entry.part_of.clone()),
                    mentions: Vec::new(),
                    extra_aliases: Vec::new(),
                    description: None,
                });
                actors.len() - 1
            }
        };
        let actor = &mut actors[position];
        actor.mentions.extend(&members);
        actor.mentions.sort_unstable();
        for alias in aliases {
            if !actor.extra_aliases.contains(&alias) {
                actor.extra_aliases.push(alias);
            }
        }
        if actor.description.is_none() {
            actor.description = described;
        }
        for &member in &members {
            entity_actor[member] = Some(position);
        }
    }
    DocumentActors { actors, entity_actor }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions given by their text and label, found in order in `text`.
    fn input_mentions(text: &str, mentions: &[(&str, &str)]) -> Vec<EntityMention> {
        let mut from = 0;
        mentions
            .iter()
            .map(|(surface, label)| {
                let start = from
                    + text[from..]
                        .find(surface)
                        .unwrap_or_else(|| panic!("{surface} in text"));
                from = start + surface.len();
                EntityMention {
                    start,
                    end: start + surface.len(),
                    label: (*label).to_owned(),
                    confidence: 0.9,
                }
            })
            .collect()
    }

    fn resolve_text(text: &str, mentions: &[(&str, &str)]) -> (DocumentActors, Vec<EntityMention>) {
        let entities = input_mentions(text, mentions);
        let sentences = crate::text::split_sentences(text);
        let gazetteer = Gazetteer::builtin().expect("gazetteer");
        let input = ActorInput {
            text,
            sentences: &sentences,
            entities: &entities,
        };
        (resolve(&input, &gazetteer), entities)
    }

    /// The actor id of each mention.
    fn ids_of(text: &str, mentions: &[(&str, &str)]) -> Vec<Option<String>> {
        let (actors, _) = resolve_text(text, mentions);
        actors
            .entity_actor
            .iter()
            .map(|actor| actor.map(|index| actors.actors[index].id.clone()))
            .collect()
    }

    fn all_same(ids: &[Option<String>]) -> bool {
        ids.iter().all(|id| id.is_some() && id == &ids[0])
    }

    #[test]
    fn islamic_state_khorasan_in_every_spelling() {
        let text =
            "ISIS-K claimed it. Isis-K fighters, ISKP and IS-K were blamed. The Islamic State Khorasan \
                    Province, or Wilayat Khorasan, is also called Islamic State Khorasan.";
        let ids = ids_of(
            text,
            &[
                ("ISIS-K", "ORG"),
                ("Isis-K", "ORG"),
                ("ISKP", "ORG"),
                ("IS-K", "ORG"),
                ("Islamic State Khorasan Province", "ORG"),
                ("Wilayat Khorasan", "LOC"),
                ("Islamic State Khorasan", "ORG"),
            ],
        );
        assert!(all_same(&ids), "{ids:?}");
        assert_eq!(ids[0].as_deref(), Some("ng:armed_group/islamic-state-khorasan"));
    }

    #[test]
    fn partial_person_names_and_diacritics() {
        let text =
            "Sanaullah Ghafari leads the group. Ghafari was not seen. Ömer Çelik spoke. Omer Celik and \
                    Celik later told reporters.";
        let ids = ids_of(
            text,
            &[
                ("Sanaullah Ghafari", "PER"),
                ("Ghafari", "PER"),
                ("Ömer Çelik", "PER"),
                ("Omer Celik", "PER"),
                ("Celik", "PER"),
            ],
        );
        assert_eq!(ids[0].as_deref(), Some("ng:person/sanaullah-ghafari"));
        assert_eq!(ids[0], ids[1]);
        assert!(all_same(&ids[2..]), "{ids:?}");
        assert_ne!(ids[0], ids[2]);
    }

    #[test]
    fn surname_goes_to_the_nearest_full_name_before_it() {
        let text =
            "Tamerlan Tsarnaev died. Dzhokhar Tsarnaev fled. Tsarnaev was caught. Tamerlan had planned it.";
        let ids = ids_of(
            text,
            &[
                ("Tamerlan Tsarnaev", "PER"),
                ("Dzhokhar Tsarnaev", "PER"),
                ("Tsarnaev", "PER"),
                ("Tamerlan", "PER"),
            ],
        );
        assert_eq!(ids[2], ids[1]);
        assert_eq!(ids[3], ids[0]);
        assert_ne!(ids[0], ids[1]);
    }

    #[test]
    fn acronym_defined_in_the_text() {
        let text = "Voice of America (VOA) reported it. VOA said more.";
        let (actors, _) = resolve_text(text, &[("Voice of America", "ORG"), ("VOA", "ORG")]);
        assert_eq!(actors.actors.len(), 1);
        let text = "The Counter Terrorism Department (CTD) raided a house. The CTD said two were held.";
        let (actors, _) = resolve_text(text, &[("Counter Terrorism Department", "ORG"), ("CTD", "ORG")]);
        assert_eq!(actors.actors.len(), 1);
        let text = "The Rural Defence Brigade (RDB) attacked. Later the RDB withdrew.";
        let (actors, _) = resolve_text(text, &[("Rural Defence Brigade", "ORG"), ("RDB", "ORG")]);
        assert_eq!(
            actors.actors.len(),
            1,
            "unknown to the gazetteer, defined in the text"
        );
        assert_eq!(actors.actors[0].id, "ng:organisation/rural-defence-brigade");
        assert_eq!(actors.actors[0].name, "Rural Defence Brigade");
    }

    #[test]
    fn acronym_matches_its_expansion_without_a_definition() {
        let text = "The Sindh Rangers Task Force said it. Later SRTF officials denied it.";
        let (actors, _) = resolve_text(text, &[("Sindh Rangers Task Force", "ORG"), ("SRTF", "ORG")]);
        assert_eq!(actors.actors.len(), 1);
    }

    #[test]
    fn aliases_introduced_by_the_text() {
        let text = "Abdul Wahid Rahimi, also known as Qari Wahid, was killed. Qari Wahid had led raids.";
        let ids = ids_of(
            text,
            &[
                ("Abdul Wahid Rahimi", "PER"),
                ("Qari Wahid", "PER"),
                ("Qari Wahid", "PER"),
            ],
        );
        assert!(all_same(&ids), "{ids:?}");
        let text = "Police arrested Hamza Khan, alias Abu Talha. Abu Talha had fled.";
        let ids = ids_of(
            text,
            &[("Hamza Khan", "PER"), ("Abu Talha", "PER"), ("Abu Talha", "PER")],
        );
        assert!(all_same(&ids), "{ids:?}");
        let text = "Joaquin Guzman (a.k.a. El Chapo) was moved. El Chapo is 68.";
        let ids = ids_of(text, &[("Joaquin Guzman", "PER"), ("El Chapo", "PER")]);
        assert!(all_same(&ids), "{ids:?}");
        let text = "The Rural Defence Brigade, known as Difaa, attacked. Difaa fighters withdrew.";
        let ids = ids_of(text, &[("Rural Defence Brigade", "ORG"), ("Difaa", "ORG")]);
        assert!(all_same(&ids), "{ids:?}");
    }

    #[test]
    fn alias_without_a_mention_is_kept_as_an_alias() {
        let text = "Sanaullah Ghafari, also known as Shahab al-Muhajir, leads the group.";
        let (actors, _) = resolve_text(text, &[("Sanaullah Ghafari", "PER")]);
        assert_eq!(actors.actors[0].extra_aliases, ["Shahab al-Muhajir"]);
    }

    #[test]
    fn apposition_gives_the_description() {
        let text = "Ömer Çelik, spokesperson for the AKP, wrote on Twitter. Celik later spoke.";
        let (actors, _) = resolve_text(text, &[("Ömer Çelik", "PER"), ("AKP", "ORG"), ("Celik", "PER")]);
        let celik = &actors.actors[0];
        assert_eq!(celik.description.as_deref(), Some("spokesperson for the AKP"));
        assert_eq!(celik.mentions, [0, 2]);
        assert_eq!(actors.actors[1].id, "ng:political_party/akp");
    }

    #[test]
    fn gazetteer_name_around_split_mentions() {
        let text =
            "The Islamic State in the Greater Sahara (ISGS), which also calls itself the Islamic State \
                    Sahel Province, is active.";
        let ids = ids_of(
            text,
            &[
                ("Islamic State", "LOC"),
                ("Greater Sahara", "LOC"),
                ("ISGS", "LOC"),
                ("Islamic State Sahel Province", "LOC"),
            ],
        );
        assert!(all_same(&ids), "{ids:?}");
        assert_eq!(ids[0].as_deref(), Some("ng:armed_group/islamic-state-sahel"));
        let text = "U.S. Central Command said so.";
        let ids = ids_of(text, &[("U.S.", "LOC"), ("Central Command", "ORG")]);
        assert_eq!(
            ids[0].as_deref(),
            Some("ng:location/united-states"),
            "not swallowed"
        );
        assert_eq!(ids[1].as_deref(), Some("ng:security_agency/us-central-command"));
        let text = "The Pakistani Taliban claimed it; the Taliban in Kabul did not.";
        let ids = ids_of(text, &[("Taliban", "ORG"), ("Taliban", "ORG"), ("Kabul", "LOC")]);
        assert_eq!(
            ids[0].as_deref(),
            Some("ng:armed_group/tehrik-i-taliban-pakistan")
        );
        assert_eq!(ids[1].as_deref(), Some("ng:armed_group/taliban"));
    }

    #[test]
    fn possessives_leading_the_and_case() {
        let text =
            "ISTANBUL - Istanbul's mayor spoke. The Taliban and Taliban's fighters left. Soylu's aide spoke.";
        let ids = ids_of(
            text,
            &[
                ("ISTANBUL", "LOC"),
                ("Istanbul", "LOC"),
                ("The Taliban", "ORG"),
                ("Taliban", "ORG"),
            ],
        );
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[2], ids[3]);
        let (actors, _) = resolve_text("NEW YORK - Markets fell.", &[("NEW YORK", "LOC")]);
        assert_eq!(actors.actors[0].name, "New York", "a dateline in capitals");
        assert_eq!(actors.actors[0].id, "ng:location/new-york");
    }

    #[test]
    fn transliteration_variant_confirmed_by_the_gazetteer() {
        let text = "Al-Shabab fighters attacked. Al-Shabaab said so.";
        let ids = ids_of(text, &[("Al-Shabab", "ORG"), ("Al-Shabaab", "ORG")]);
        assert!(all_same(&ids), "{ids:?}");
        assert_eq!(ids[0].as_deref(), Some("ng:armed_group/al-shabaab"));
        let text = "Omar Haidari spoke. Omer Haidari left.";
        let ids = ids_of(text, &[("Omar Haidari", "PER"), ("Omer Haidari", "PER")]);
        assert_ne!(ids[0], ids[1], "no alias confirms the variant");
    }

    #[test]
    fn misc_mentions_are_actors_only_when_known() {
        let text = "Turkish officials and Afghan forces met Shiite clerics.";
        let ids = ids_of(
            text,
            &[("Turkish", "MISC"), ("Afghan", "MISC"), ("Shiite", "MISC")],
        );
        assert_eq!(ids[0].as_deref(), Some("ng:location/turkey"));
        assert_eq!(ids[1].as_deref(), Some("ng:location/afghanistan"));
        assert_eq!(ids[2], None);
    }

    #[test]
    fn place_and_organisation_variants() {
        let text = "The Euphrates River rose. The Euphrates flooded. The U.S. Air Force said the Air Force would help.";
        let ids = ids_of(
            text,
            &[
                ("Euphrates River", "LOC"),
                ("Euphrates", "LOC"),
                ("U.S. Air Force", "ORG"),
                ("Air Force", "ORG"),
            ],
        );
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[2], ids[3]);
        let text = "The National Elections Council met. The Elections Council said no.";
        let ids = ids_of(
            text,
            &[
                ("National Elections Council", "ORG"),
                ("Elections Council", "ORG"),
            ],
        );
        assert_eq!(ids[0], ids[1]);
    }
}
