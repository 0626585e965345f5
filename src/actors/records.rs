//! Resolved actors as `actors.jsonl` records, and the actor id of each
//! entity mention.
//!
//! Spans are made by the caller's function (normalised byte range to a
//! span of the document text as read), so this file needs nothing of the
//! pipeline's document types. [`attach_actors`] is what the pipeline
//! calls: records, links and roles ([`super::roles`]) for one bundle.
use std::ops::Range;

use crate::ner::EntityMention;
use crate::output::extractions::ActorRecord;
use crate::output::records::{Extractor, Span, SCHEMA_VERSION};
use crate::output::RecordBundle;

use super::resolve::DocumentActors;
use super::roles;

/// The records of a document's actors, in order of first mention, and the
/// actor id of each entity (in the entities' order).
pub fn actor_records(
    doc_id: &str,
    revision: u32,
    entities: &[EntityMention],
    resolved: &DocumentActors,
    extractor: &Extractor,
    span: impl Fn(Range<usize>) -> Span,
) -> (Vec<ActorRecord>, Vec<Option<String>>) {
    let records = resolved
        .actors
        .iter()
        .map(|actor| {
            let mentions: Vec<Span> = actor
                .mentions
                .iter()
                .filter_map(|&index| entities.get(index))
                .map(|entity| span(entity.start..entity.end))
                .collect();
            let mut aliases: Vec<String> = Vec::new();
            let written = mentions
                .iter()
                .map(|mention| &mention.text)
                .chain(&actor.extra_aliases);
            for alias in written {
                if !aliases.contains(alias) {
                    aliases.push(alias.clone());
                }
            }
            ActorRecord {
                schema_version: SCHEMA_VERSION.to_owned(),
                doc_id: doc_id.to_owned(),
                revision,
                actor_id: actor.id.clone(),
                canonical_name: actor.name.clone(),
                actor_type: actor.actor_type,
                gazetteer: actor.gazetteer,
                part_of: actor.part_of.clone(),
                aliases,
                mentions,
                roles: Vec::new(),
                description: actor.description.clone(),
                extractor: extractor.clone(),
            }
        })
        .collect();
    let links = resolved
        .entity_actor
        .iter()
        .map(|actor| {
            actor
                .and_then(|index| resolved.actors.get(index))
                .map(|actor| actor.id.clone())
        })
        .collect();
    (records, links)
}

/// Adds a document's actors to its bundle: `actors.jsonl` records, the
/// actor id of every entity, of casualty and claim mentions, and roles
/// from casualties and claims. Needs the bundle's entities, casualties and
/// claims already built; does nothing without entities.
pub fn attach_actors(
    stage: &super::ActorStage,
    input: &super::ActorInput<'_>,
    bundle: &mut RecordBundle,
    span: impl Fn(Range<usize>) -> Span,
) {
    if bundle.entities.is_empty() || input.entities.is_empty() {
        return;
    }
    let resolved = stage.resolve(input);
    let (records, links) = actor_records(
        &bundle.document.doc_id,
        bundle.document.revision,
        input.entities,
        &resolved,
        &stage.extractor(),
        span,
    );
    for (entity, actor_id) in bundle.entities.iter_mut().zip(links) {
        entity.actor_id = actor_id;
    }
    bundle.actors = records;
    let mut hints = roles::casualty_hints(&bundle.casualties);
    hints.extend(roles::claim_hints(&bundle.claims));
    roles::apply_role_hints(&mut bundle.actors, &hints);
    roles::link_casualties(&mut bundle.casualties, &bundle.actors);
    roles::link_claims(&mut bundle.claims, &bundle.actors);
}
