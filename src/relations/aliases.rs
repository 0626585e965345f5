//! `alias_of` that a text states itself, read by rules: a name and the
//! acronym it defines in parentheses ("Tehreek-e-Taliban Pakistan (TTP)",
//! "al-Qaeda in the Islamic Maghreb (AQIM)"), and a name and the alias an
//! alias cue introduces ("The Houthis, formally known as Ansar Allah",
//! "ISKP, also known as ISIS-K").
//!
//! The model misses many of these (KBP37 has few armed groups), and the
//! wording leaves no doubt, so a rule relation stands for them as for the
//! role appositions of [`super::roles`]. Both names must be named entities
//! of one sentence, persons or organisations; which words are cues and
//! which acronyms abbreviate which names is the actor stage's reading
//! ([`crate::actors::aliases`], [`crate::actors::acronyms`]).
use std::ops::Range;

use crate::actors::acronyms::{abbreviates, parenthesised_after};
use crate::actors::aliases::{alias_cues, AliasHead};
use crate::ner::EntityMention;

use super::model::RelationMention;
use super::schema::RelationType;

/// The confidence given to a stated alias.
const ALIAS_CONFIDENCE: f32 = 0.9;

/// The entity whose span is `range`, if one is.
fn entity_at(entities: &[EntityMention], range: &Range<usize>) -> Option<usize> {
    entities
        .iter()
        .position(|entity| entity.start == range.start && entity.end == range.end)
}

/// Whether `acronym` stands in parentheses right after `name` and
/// abbreviates it ("Tehreek-e-Taliban Pakistan (TTP)"); the role rules
/// read a relation of the acronym as one of the name.
pub(super) fn defines_acronym(text: &str, name: &EntityMention, acronym: &EntityMention) -> bool {
    let placed =
        parenthesised_after(text, name.end).is_some_and(|range| range == (acronym.start..acronym.end));
    placed
        && text
            .get(name.start..name.end)
            .zip(text.get(acronym.start..acronym.end))
            .is_some_and(|(name, acronym)| abbreviates(acronym, name))
}

/// The stated aliases of a document: `text` and `sentences` as the NER
/// stage saw them, `entities` sorted by start (byte offsets of `text`),
/// labelled as the gazetteer knows them ([`super::with_known_groups`]).
pub fn alias_relations(
    text: &str,
    sentences: &[Range<usize>],
    entities: &[EntityMention],
) -> Vec<RelationMention> {
    let mut pairs: Vec<(usize, usize, usize, &str)> = Vec::new();
    for (sentence, range) in sentences.iter().enumerate() {
        let inside = |entity: &EntityMention| range.start <= entity.start && entity.end <= range.end;
        for (index, entity) in entities.iter().enumerate().filter(|(_, entity)| inside(entity)) {
            // only " (" stands between the two, so the acronym is the next entity
            if entities
                .get(index + 1)
                .is_some_and(|next| defines_acronym(text, entity, next))
            {
                pairs.push((index, index + 1, sentence, "rule:acronym"));
            }
        }
        for cue in alias_cues(text, range.clone()) {
            let AliasHead::EndsAt(end) = cue.head else {
                continue;
            };
            let named = entities
                .iter()
                .position(|entity| entity.end == end && inside(entity));
            if let Some((name, alias)) = named.zip(entity_at(entities, &cue.alias)) {
                pairs.push((name, alias, sentence, "rule:alias"));
            }
        }
    }
    pairs
        .into_iter()
        .filter(|&(a, b, _, _)| a != b && RelationType::AliasOf.fits(&entities[a].label, &entities[b].label))
        .map(|(head, tail, sentence, label)| RelationMention {
            kind: RelationType::AliasOf,
            head,
            tail,
            sentence,
            confidence: ALIAS_CONFIDENCE,
            model_label: label.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aliases(text: &str, names: &[(&str, &str)]) -> Vec<(String, String)> {
        let entities: Vec<EntityMention> = names
            .iter()
            .map(|(name, label)| EntityMention::found_in(text, name, label, 0.9))
            .collect();
        alias_relations(text, std::slice::from_ref(&(0..text.len())), &entities)
            .into_iter()
            .map(|found| {
                let name = |index: usize| text[entities[index].start..entities[index].end].to_owned();
                (name(found.head), name(found.tail))
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> Vec<(String, String)> {
        vec![(a.to_owned(), b.to_owned())]
    }

    #[test]
    fn a_defined_acronym() {
        let text = "The Pakistani Taliban, or Tehreek-e-Taliban Pakistan (TTP), is a separate group.";
        assert_eq!(
            aliases(text, &[("Tehreek-e-Taliban Pakistan", "ORG"), ("TTP", "ORG")]),
            pair("Tehreek-e-Taliban Pakistan", "TTP")
        );
        let text = "the leader of al-Qaeda in the Islamic Maghreb (AQIM) called for attacks";
        assert_eq!(
            aliases(
                text,
                &[("al-Qaeda in the Islamic Maghreb", "ORG"), ("AQIM", "ORG")]
            ),
            pair("al-Qaeda in the Islamic Maghreb", "AQIM")
        );
    }

    #[test]
    fn a_cued_alias() {
        let text = "The Houthis, formally known as Ansar Allah, are backed by Iran.";
        assert_eq!(
            aliases(
                text,
                &[("Houthis", "ORG"), ("Ansar Allah", "ORG"), ("Iran", "LOC")]
            ),
            pair("Houthis", "Ansar Allah")
        );
    }

    #[test]
    fn no_alias_without_the_wording() {
        // a bracketed acronym of another name, a place's acronym, two names
        let text = "Officials of the Kurdistan Workers' Party (YPG) met.";
        assert_eq!(
            aliases(text, &[("Kurdistan Workers' Party", "ORG"), ("YPG", "ORG")]),
            vec![]
        );
        let text = "The United Arab Emirates (UAE) said.";
        assert_eq!(
            aliases(text, &[("United Arab Emirates", "LOC"), ("UAE", "LOC")]),
            vec![]
        );
        let text = "Hamas and the Palestinian Islamic Jihad (PIJ) fired rockets.";
        assert_eq!(
            aliases(
                text,
                &[
                    ("Hamas", "ORG"),
                    ("Palestinian Islamic Jihad", "ORG"),
                    ("PIJ", "ORG")
                ]
            ),
            pair("Palestinian Islamic Jihad", "PIJ")
        );
    }
}
