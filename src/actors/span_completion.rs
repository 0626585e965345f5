//! Entity spans completed from the gazetteer.
//!
//! The NER model learnt its names from CoNLL-2003 newswire; long
//! transliterated names of armed groups are rare there, and it often tags a
//! part of one: "Jama'at" of "Jama'at Nusrat al-Islam wal-Muslimin",
//! "Tehreek-e-Taliban" of "Tehreek-e-Taliban Pakistan". Where a known alias
//! (gazetteer or `--aliases`) is written around an entity, of the same kind
//! of actor as the entity's own name if that is known, the entity becomes
//! the whole alias, and the entities inside it fold into it. Claims,
//! relations and actors then see the name as written; the entity record
//! keeps the model's span in `model_span`.
//!
//! Nothing is tagged here that the model did not tag at least in part: the
//! gazetteer widens entities, it does not find new ones.
use std::collections::BTreeMap;
use std::ops::Range;

use crate::ner::EntityMention;
use crate::output::extractions::ActorType;

use super::gazetteer::{Gazetteer, GazetteerEntry};
use super::resolve::{clean_surface, longer_alias, sentence_of, word_ranges};

/// A document's entities after completion, with the model's own span of
/// each entity the gazetteer widened.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompletedEntities {
    pub entities: Vec<EntityMention>,
    /// Per entity: the span the model tagged, when it was widened.
    pub model_spans: Vec<Option<Range<usize>>>,
}

impl CompletedEntities {
    /// Entities as the model gave them.
    pub fn unchanged(entities: Vec<EntityMention>) -> Self {
        let model_spans = vec![None; entities.len()];
        Self {
            entities,
            model_spans,
        }
    }
}

/// The CoNLL label of a kind of actor.
fn label_of(actor_type: ActorType) -> &'static str {
    match actor_type {
        ActorType::Person => "PER",
        ActorType::Location => "LOC",
        _ => "ORG",
    }
}

/// Whether `written` spells the name with no punctuation the gazetteer's
/// names lack and in as many words as one of them: matching ignores
/// punctuation and spacing, so "(World) Bank" or "U.S., A" in wire copy
/// would otherwise pass for "World Bank" and "USA".
fn written_like(written: &str, entry: &GazetteerEntry) -> bool {
    let names = || std::iter::once(&entry.name).chain(&entry.aliases);
    let starts_well = written.starts_with(char::is_alphanumeric);
    let stray = |mark: char| written.contains(mark) && !names().any(|name| name.contains(mark));
    // as many words as one of its names: "an 'A" is not "ANA"
    let words = written.split_whitespace().count();
    let same_words = names().any(|name| name.split_whitespace().count() == words);
    starts_well
        && same_words
        && !['(', ')', ',', ';', ':', '"', '\'', '\u{2019}']
            .into_iter()
            .any(stray)
}

/// The entities at the end of `kept` (sorted, not overlapping) that end
/// after `start`.
fn tail(
    kept: &[(EntityMention, Option<Range<usize>>)],
    start: usize,
) -> impl Iterator<Item = &EntityMention> {
    kept.iter()
        .rev()
        .take_while(move |(entity, _)| entity.end > start)
        .map(|(entity, _)| entity)
}

/// Widens `entities` (byte ranges of `text`, in order and not
/// overlapping, as the NER stage gives them) to the gazetteer aliases
/// written around them. Linear in the entities: a widened span is checked
/// against its neighbours only.
pub fn complete_spans(
    text: &str,
    sentences: &[Range<usize>],
    entities: Vec<EntityMention>,
    gazetteer: &Gazetteer,
) -> CompletedEntities {
    let containing_sentence = |byte: usize| {
        let index = sentence_of(sentences, byte);
        sentences
            .get(index)
            .is_some_and(|sentence| sentence.contains(&byte))
            .then_some(index)
    };
    let mut words_of: BTreeMap<usize, Vec<Range<usize>>> = BTreeMap::new();
    let mut widened: Vec<Option<(Range<usize>, &'static str)>> = Vec::with_capacity(entities.len());
    for entity in &entities {
        let range = entity.start..entity.end;
        let found = containing_sentence(entity.start).and_then(|index| {
            let words = words_of
                .entry(index)
                .or_insert_with(|| word_ranges(text, &sentences[index]));
            let own = text
                .get(range.clone())
                .and_then(|surface| gazetteer.lookup(clean_surface(surface)));
            longer_alias(text, words, &range, own, gazetteer)
        });
        // only a strictly longer name widens ("the Islamic State" is
        // "Islamic State" again), written as the gazetteer writes it
        let longer = found.filter(|(alias, entry)| {
            alias.start <= range.start
                && range.end <= alias.end
                && alias.len() > range.len()
                && text
                    .get(alias.clone())
                    .is_some_and(|written| written_like(written, entry))
        });
        widened.push(longer.map(|(alias, entry)| (alias, label_of(entry.actor_type))));
    }
    // A widened span must not cut another entity in two: look left and
    // right from the entity for neighbours that reach into the span.
    for index in 0..entities.len() {
        let Some((alias, _)) = &widened[index] else {
            continue;
        };
        let cut = |other: &EntityMention| {
            let inside = other.start >= alias.start && other.end <= alias.end;
            let apart = other.end <= alias.start || other.start >= alias.end;
            !inside && !apart
        };
        let left = entities[..index]
            .iter()
            .rev()
            .take_while(|other| other.end > alias.start)
            .any(cut);
        let right = entities[index + 1..]
            .iter()
            .take_while(|other| other.start < alias.end)
            .any(cut);
        if left || right {
            widened[index] = None;
        }
    }
    let inside =
        |outer: &EntityMention, inner: &EntityMention| outer.start <= inner.start && inner.end <= outer.end;
    // `kept` stays sorted and without overlaps, so only its tail can meet
    // a new span
    let mut kept: Vec<(EntityMention, Option<Range<usize>>)> = Vec::with_capacity(entities.len());
    for (entity, widened) in entities.into_iter().zip(widened) {
        let candidate = match &widened {
            Some((alias, label)) => (
                EntityMention {
                    start: alias.start,
                    end: alias.end,
                    label: (*label).to_owned(),
                    confidence: entity.confidence,
                },
                Some(entity.start..entity.end),
            ),
            None => (entity.clone(), None),
        };
        if tail(&kept, candidate.0.start).any(|k| inside(k, &candidate.0)) {
            continue;
        }
        let held = tail(&kept, candidate.0.start).count();
        if tail(&kept, candidate.0.start).all(|k| inside(&candidate.0, k)) {
            // what the new span holds folds into it
            kept.truncate(kept.len() - held);
            kept.push(candidate);
        } else if !tail(&kept, entity.start).any(|k| inside(k, &entity)) {
            // two widened names overlap: the later one stays as tagged
            kept.push((entity, None));
        }
    }
    let (entities, model_spans) = kept.into_iter().unzip();
    CompletedEntities {
        entities,
        model_spans,
    }
}

/// `entities` with the label ORG for every name the gazetteer knows as a
/// group, party, agency, government, medium or other organisation. The NER
/// model tags "Islamic State" a place, "Boko Haram" a person and "Houthis"
/// MISC about as often as ORG, and a stage that checks entity types (which
/// relations can join two entities) should know the group; entity records
/// keep the model's label. Known persons and places keep theirs: a
/// nationality word ("Japanese") resolved to its country stays MISC, or
/// every one of them would be paired with every company of its sentence.
pub fn with_known_organisations(
    text: &str,
    entities: &[EntityMention],
    gazetteer: &Gazetteer,
) -> Vec<EntityMention> {
    entities
        .iter()
        .map(|entity| {
            let known = text
                .get(entity.start..entity.end)
                .and_then(|surface| gazetteer.lookup(clean_surface(surface)));
            let mut entity = entity.clone();
            if known.is_some_and(|entry| label_of(entry.actor_type) == "ORG") {
                entity.label = "ORG".to_owned();
            }
            entity
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(text: &str, name: &str, label: &str) -> EntityMention {
        EntityMention::found_in(text, name, label, 0.74)
    }

    #[test]
    fn known_organisations_are_labelled_org() {
        let text = "Boko Haram fighters attacked Maiduguri, Japanese officials said.";
        let gazetteer = Gazetteer::builtin().expect("built-in gazetteer");
        let found = vec![
            entity(text, "Boko Haram", "PER"),
            entity(text, "Maiduguri", "LOC"),
            entity(text, "Japanese", "MISC"),
        ];
        let labels: Vec<String> = with_known_organisations(text, &found, &gazetteer)
            .into_iter()
            .map(|e| e.label)
            .collect();
        assert_eq!(labels, ["ORG", "LOC", "MISC"]);
    }

    fn complete(text: &str, entities: Vec<EntityMention>) -> CompletedEntities {
        let gazetteer = Gazetteer::builtin().expect("built-in gazetteer");
        let whole = std::iter::once(0..text.len()).collect::<Vec<_>>();
        complete_spans(text, &whole, entities, &gazetteer)
    }

    #[test]
    fn a_fragment_of_a_known_name_becomes_the_name() {
        let text = "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) claimed the ambush.";
        let done = complete(
            text,
            vec![entity(text, "Jama'at", "MISC"), entity(text, "JNIM", "ORG")],
        );
        let names: Vec<&str> = done.entities.iter().map(|e| &text[e.start..e.end]).collect();
        assert_eq!(names, ["Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"]);
        assert_eq!(done.entities[0].label, "ORG");
        assert_eq!(done.model_spans, [Some(0..7), None]);
    }

    #[test]
    fn entities_inside_the_name_fold_into_it() {
        let text = "Fighters of Islamic State Khorasan Province attacked the checkpoint.";
        let done = complete(
            text,
            vec![
                entity(text, "Islamic State", "ORG"),
                entity(text, "Khorasan", "LOC"),
            ],
        );
        let names: Vec<&str> = done.entities.iter().map(|e| &text[e.start..e.end]).collect();
        assert_eq!(names, ["Islamic State Khorasan Province"]);
        assert_eq!(done.model_spans.len(), 1);
    }

    #[test]
    fn articles_possessives_and_adjective_suffixes_never_widen() {
        let text = "The Islamic State's fighters and the al-Qaeda-linked group fought.";
        let tagged = vec![
            entity(text, "Islamic State", "ORG"),
            entity(text, "al-Qaeda", "ORG"),
        ];
        let done = complete(text, tagged.clone());
        assert_eq!(done.entities, tagged);
    }

    #[test]
    fn stray_punctuation_and_line_breaks_in_wire_copy() {
        let text = "Talks with the (World)\nBank and the\nUnited States resumed.";
        let tagged = vec![entity(text, "Bank", "ORG"), entity(text, "United States", "LOC")];
        let done = complete(text, tagged.clone());
        assert_eq!(done.entities, tagged);
    }

    #[test]
    fn every_repetition_of_a_long_text_is_widened() {
        let sentence = "Jama'at Nusrat al-Islam wal-Muslimin said so. ";
        let text = sentence.repeat(5_000);
        let sentences: Vec<Range<usize>> = (0..5_000)
            .map(|n| n * sentence.len()..(n + 1) * sentence.len() - 1)
            .collect();
        let entities = (0..5_000)
            .map(|n| EntityMention {
                start: n * sentence.len(),
                end: n * sentence.len() + "Jama'at".len(),
                label: "MISC".to_owned(),
                confidence: 0.7,
            })
            .collect();
        let gazetteer = Gazetteer::builtin().expect("built-in gazetteer");
        let done = complete_spans(&text, &sentences, entities, &gazetteer);
        assert_eq!(done.entities.len(), 5_000);
        assert!(done.model_spans.iter().all(Option::is_some));
        assert!(done.entities.windows(2).all(|pair| pair[0].end <= pair[1].start));
    }

    #[test]
    fn whole_names_and_unknown_names_stay_as_tagged() {
        let text = "Reuters spoke to Ahmed Ali in Kabul.";
        let tagged = vec![entity(text, "Reuters", "ORG"), entity(text, "Ahmed Ali", "PER")];
        let done = complete(text, tagged.clone());
        assert_eq!(done.entities, tagged);
        assert_eq!(done.model_spans, [None, None]);
    }

    #[test]
    fn a_country_is_not_widened_into_a_group_named_after_it() {
        // "Afghanistan" alone is a country; the alias around it names another kind of actor
        let text = "The Islamic Emirate of Afghanistan said the border was closed.";
        let done = complete(text, vec![entity(text, "Afghanistan", "LOC")]);
        assert_eq!(&text[done.entities[0].start..done.entities[0].end], "Afghanistan");
    }
}
