//! `relations.jsonl` records: the model's relations between entities,
//! `claimed_responsibility_for` from the claims stage, and `attacked` and
//! `arrested` from casualty figures with a perpetrator.
//!
//! Runs after actors are attached, so heads and tails carry the actor ids
//! of their entities. Ids (`r1`, `r2`, ...) follow the order of sentences,
//! then of pairs, then claims, then casualty figures: stable for a given text.
use crate::output::extractions::{
    ActorRecord, CasualtyKind, CasualtyRecord, ClaimRecord, ClaimType, EntityRecord, Mention, RelationRecord,
};
use crate::output::records::{round_confidence, Extractor, Span, SCHEMA_VERSION};

use super::model::RelationMention;
use super::schema::RelationType;

/// Where the records of one document come from.
pub struct RelationDocument<'a> {
    pub doc_id: &'a str,
    pub revision: u32,
    /// The document's entity records (actor ids attached), by entity index.
    pub entities: &'a [EntityRecord],
    /// The document's sentences as character ranges of the original text
    /// (as in documents.jsonl), by index.
    pub sentences: &'a [[usize; 2]],
    /// A sentence as a span with its text, for evidence; made only for the
    /// sentences that state a model relation.
    pub sentence_span: &'a dyn Fn(usize) -> Option<Span>,
    /// The document's actors (to check model relations against the gazetteer).
    pub actors: &'a [ActorRecord],
    /// Responsibility claims give claimed_responsibility_for.
    pub claims: &'a [ClaimRecord],
    /// Casualty figures with a perpetrator give attacked and arrested.
    pub casualties: &'a [CasualtyRecord],
}

/// Records of the model's relations, then of the role rules' (`roles`),
/// then of responsibility claims, then of casualty figures with a
/// perpetrator. A role relation replaces the model's relation of the same
/// two entities ("Omer Celik, spokesman for the AK Party" is no
/// `leader_of`).
pub fn relation_records(
    doc: &RelationDocument<'_>,
    mentions: &[RelationMention],
    model: &Extractor,
    roles: &[RelationMention],
) -> Vec<RelationRecord> {
    let mut out: Vec<RelationRecord> = Vec::new();
    let by_rule = |mention: &RelationMention| {
        roles.iter().any(|role| {
            (role.head, role.tail) == (mention.head, mention.tail)
                || (role.head, role.tail) == (mention.tail, mention.head)
        })
    };
    let rules = Extractor {
        name: super::RULES_EXTRACTOR.to_owned(),
        version: super::RULES_VERSION.to_owned(),
    };
    let model_mentions = mentions
        .iter()
        .filter(|mention| !by_rule(mention))
        .map(|mention| (mention, model));
    for (mention, extractor) in model_mentions.chain(roles.iter().map(|mention| (mention, &rules))) {
        let (Some(head), Some(tail)) = (doc.entities.get(mention.head), doc.entities.get(mention.tail))
        else {
            continue;
        };
        if contradicts_gazetteer(doc, mention.kind, head, tail) {
            continue;
        }
        let Some(evidence) = (doc.sentence_span)(mention.sentence) else {
            continue;
        };
        out.push(RelationRecord {
            head_entity_id: Some(head.entity_id.clone()),
            tail_entity_id: Some(tail.entity_id.clone()),
            sentence: Some(mention.sentence),
            confidence: round_confidence(mention.confidence),
            source_label: mention.model_label.clone(),
            ..new_record(
                doc,
                mention.kind,
                entity_mention(head),
                entity_mention(tail),
                &evidence,
                extractor,
            )
        });
    }
    for claim in doc
        .claims
        .iter()
        .filter(|claim| claim.claim_type == ClaimType::Responsibility)
    {
        let (Some(claimant), Some(event)) = (&claim.claimant, &claim.event) else {
            continue;
        };
        let event = Mention {
            span: event.clone(),
            actor_id: None,
        };
        let kind = RelationType::ClaimedResponsibilityFor;
        out.push(RelationRecord {
            head_entity_id: entity_at(doc.entities, &claimant.span),
            sentence: sentence_of(doc.sentences, &claimant.span),
            confidence: claim.confidence,
            source_label: format!("claim:{}", claim.claim_id),
            ..new_record(
                doc,
                kind,
                claimant.clone(),
                event,
                &claim.content,
                &claim.extractor,
            )
        });
    }
    // a headline's spans count into the title, which relations do not read
    for casualty in doc
        .casualties
        .iter()
        .filter(|casualty| casualty.evidence.in_text())
    {
        let kind = match casualty.kind {
            CasualtyKind::Arrested => RelationType::Arrested,
            CasualtyKind::Killed
            | CasualtyKind::Injured
            | CasualtyKind::KilledOrInjured
            | CasualtyKind::Kidnapped => RelationType::Attacked,
            CasualtyKind::Missing => continue,
        };
        let (Some(perpetrator), Some(victims)) = (&casualty.perpetrator, &casualty.victims) else {
            continue;
        };
        if casualty.count.value == 0 {
            continue;
        }
        let victim_group = Mention {
            span: victims.clone(),
            actor_id: None,
        };
        out.push(RelationRecord {
            head_entity_id: entity_at(doc.entities, &perpetrator.span),
            tail_entity_id: entity_at(doc.entities, victims),
            sentence: sentence_of(doc.sentences, &casualty.evidence),
            confidence: casualty.confidence,
            source_label: format!("casualty:{}", casualty.casualty_id),
            ..new_record(
                doc,
                kind,
                perpetrator.clone(),
                victim_group,
                &casualty.evidence,
                &casualty.extractor,
            )
        });
    }
    for (index, record) in out.iter_mut().enumerate() {
        record.relation_id = format!("r{}", index + 1);
    }
    out
}

/// Whether the gazetteer already says the relation is false: two names of
/// two different gazetteer actors are no aliases of each other.
fn contradicts_gazetteer(
    doc: &RelationDocument<'_>,
    kind: RelationType,
    head: &EntityRecord,
    tail: &EntityRecord,
) -> bool {
    if kind != RelationType::AliasOf {
        return false;
    }
    let known =
        |entity: &EntityRecord| gazetteer_actor(doc.actors, entity).map(|actor| actor.actor_id.as_str());
    matches!((known(head), known(tail)), (Some(a), Some(b)) if a != b)
}

/// The gazetteer actor an entity was resolved to, if any.
pub fn gazetteer_actor<'a>(actors: &'a [ActorRecord], entity: &EntityRecord) -> Option<&'a ActorRecord> {
    let id = entity.actor_id.as_deref()?;
    actors
        .iter()
        .find(|actor| actor.actor_id == id && actor.gazetteer)
}

/// A record of `kind` between `head` and `tail`, without entity ids,
/// sentence, confidence or label (each source fills those in).
fn new_record(
    doc: &RelationDocument<'_>,
    kind: RelationType,
    head: Mention,
    tail: Mention,
    evidence: &Span,
    extractor: &Extractor,
) -> RelationRecord {
    RelationRecord {
        schema_version: SCHEMA_VERSION.to_owned(),
        doc_id: doc.doc_id.to_owned(),
        revision: doc.revision,
        relation_id: String::new(),
        relation: kind.as_str().to_owned(),
        head,
        tail,
        head_entity_id: None,
        tail_entity_id: None,
        directed: !kind.is_symmetric(),
        sentence: None,
        evidence: evidence.clone(),
        confidence: 0.0,
        source_label: String::new(),
        extractor: extractor.clone(),
    }
}

fn entity_mention(entity: &EntityRecord) -> Mention {
    Mention {
        span: entity.span.clone(),
        actor_id: entity.actor_id.clone(),
    }
}

fn entity_at(entities: &[EntityRecord], span: &Span) -> Option<String> {
    entities
        .iter()
        .find(|entity| entity.span.start == span.start && entity.span.end == span.end)
        .map(|entity| entity.entity_id.clone())
}

fn sentence_of(sentences: &[[usize; 2]], span: &Span) -> Option<usize> {
    // sentences are in text order: the first that ends at or after the span
    let index = sentences.partition_point(|&[_, end]| end < span.end);
    sentences
        .get(index)
        .is_some_and(|&[start, end]| start <= span.start && span.end <= end)
        .then_some(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, start: usize) -> Span {
        Span {
            start,
            end: start + text.chars().count(),
            text: text.to_owned(),
            field: None,
        }
    }

    fn entity(id: &str, label: &str, span: Span, actor: Option<&str>) -> EntityRecord {
        EntityRecord {
            schema_version: SCHEMA_VERSION.to_owned(),
            doc_id: "d".into(),
            revision: 1,
            entity_id: id.into(),
            label: label.into(),
            span,
            sentence: 0,
            confidence: 0.9,
            model_span: None,
            actor_id: actor.map(str::to_owned),
            extractor: Extractor {
                name: "ner".into(),
                version: "test".into(),
            },
        }
    }

    #[test]
    fn model_relations_carry_entities_actors_and_their_sentence() {
        let text = "Sanaullah Ghafari leads ISIS-K.";
        let entities = [
            entity(
                "e1",
                "PER",
                span("Sanaullah Ghafari", 0),
                Some("ng:person/sanaullah-ghafari"),
            ),
            entity("e2", "ORG", span("ISIS-K", 24), Some("ng:armed_group/iskp")),
        ];
        let sentences = [[0, text.chars().count()]];
        let sentence_span = |index: usize| (index == 0).then(|| span(text, 0));
        let doc = RelationDocument {
            doc_id: "d",
            revision: 1,
            entities: &entities,
            sentences: &sentences,
            sentence_span: &sentence_span,
            actors: &[],
            claims: &[],
            casualties: &[],
        };
        let mention = RelationMention {
            kind: RelationType::LeaderOf,
            head: 0,
            tail: 1,
            sentence: 0,
            confidence: 0.91234,
            model_label: "kbp37:org:top_members/employees".into(),
        };
        let model = Extractor {
            name: "relations".into(),
            version: "m".into(),
        };
        let records = relation_records(&doc, &[mention], &model, &[]);
        assert_eq!(records.len(), 1);
        let record = &records[0];
        assert_eq!(
            (record.relation_id.as_str(), record.relation.as_str()),
            ("r1", "leader_of")
        );
        assert_eq!(
            record.head.actor_id.as_deref(),
            Some("ng:person/sanaullah-ghafari")
        );
        assert_eq!(record.tail_entity_id.as_deref(), Some("e2"));
        assert!(record.directed);
        assert_eq!(record.evidence.text, text);
    }
}
