//! Roles an actor plays in a document (perpetrator, victim, claimant,
//! reporter, authority), from what other stages say about spans of text.
//!
//! Other stages hand [`RoleHint`]s: a character span of the document text
//! and a role. An actor takes the role when one of its mentions overlaps
//! the span. [`casualty_hints`] reads casualty records: the perpetrator of
//! a killing is a perpetrator, of an arrest an authority; the victims a
//! victim; the source of a figure a reporter (an authority when it is a
//! government, security agency or place: "Turkish officials said").
//! [`claim_hints`] reads claim records: the claimant is a claimant (and,
//! of a responsibility claim, a perpetrator), the medium a reporter. Any other stage can add hints the same way through
//! [`apply_role_hints`].
//!
//! [`link_casualties`] and [`link_claims`] also fill the `actor_id` of
//! casualty and claim mentions.
//! This file does not resolve names: [`super::resolve`] does.
use crate::output::extractions::{
    ActorRecord, ActorRole, ActorType, CasualtyKind, CasualtyRecord, ClaimRecord, ClaimType, Mention,
};
use crate::output::records::Span;

/// A role for whichever actor is mentioned inside a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleHint {
    /// Character offsets into the document text, end exclusive (as in records).
    pub start: usize,
    pub end: usize,
    pub role: ActorRole,
}

impl RoleHint {
    pub fn new(span: &Span, role: ActorRole) -> Self {
        Self {
            start: span.start,
            end: span.end,
            role,
        }
    }
}

fn overlaps(span: &Span, start: usize, end: usize) -> bool {
    span.start < end && start < span.end
}

/// Role hints from casualty records.
pub fn casualty_hints(casualties: &[CasualtyRecord]) -> Vec<RoleHint> {
    let mut hints = Vec::new();
    for casualty in casualties {
        if let Some(perpetrator) = &casualty.perpetrator {
            let role = if casualty.kind == CasualtyKind::Arrested {
                ActorRole::Authority
            } else {
                ActorRole::Perpetrator
            };
            hints.push(RoleHint::new(&perpetrator.span, role));
        }
        if let Some(victims) = &casualty.victims {
            if casualty.kind != CasualtyKind::Arrested {
                hints.push(RoleHint::new(victims, ActorRole::Victim));
            }
        }
        if let Some(source) = &casualty.reported_by {
            hints.push(RoleHint::new(&source.span, ActorRole::Reporter));
        }
    }
    hints
}

/// Role hints from claim records: the claimant is a claimant, the medium
/// a reporter.
pub fn claim_hints(claims: &[ClaimRecord]) -> Vec<RoleHint> {
    let mut hints = Vec::new();
    for claim in claims {
        if let Some(claimant) = &claim.claimant {
            hints.push(RoleHint::new(&claimant.span, ActorRole::Claimant));
            // a group that claims an attack names itself its perpetrator
            if claim.claim_type == ClaimType::Responsibility {
                hints.push(RoleHint::new(&claimant.span, ActorRole::Perpetrator));
            }
        }
        if let Some(medium) = &claim.medium {
            hints.push(RoleHint::new(&medium.span, ActorRole::Reporter));
        }
    }
    hints
}

/// Gives each actor the roles of the hints its mentions overlap. A
/// reporter that is a government, security agency or place is an
/// authority. Roles stay sorted and unique.
pub fn apply_role_hints(actors: &mut [ActorRecord], hints: &[RoleHint]) {
    for actor in actors.iter_mut() {
        for hint in hints {
            if !actor
                .mentions
                .iter()
                .any(|span| overlaps(span, hint.start, hint.end))
            {
                continue;
            }
            let role = match (hint.role, actor.actor_type) {
                (
                    ActorRole::Reporter,
                    ActorType::Government | ActorType::SecurityAgency | ActorType::Location,
                ) => ActorRole::Authority,
                (role, _) => role,
            };
            if !actor.roles.contains(&role) {
                actor.roles.push(role);
            }
        }
        actor.roles.sort_by_key(|role| *role as u8);
    }
}

/// The actor whose mention lies inside (or overlaps) a span: the first
/// actor with the longest overlap.
pub fn actor_for(span: &Span, actors: &[ActorRecord]) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for actor in actors {
        for mention in &actor.mentions {
            let overlap = mention
                .end
                .min(span.end)
                .saturating_sub(mention.start.max(span.start));
            if overlap > 0 && best.is_none_or(|(length, _)| overlap > length) {
                best = Some((overlap, &actor.actor_id));
            }
        }
    }
    best.map(|(_, id)| id.to_owned())
}

fn link(mention: &mut Option<Mention>, actors: &[ActorRecord]) {
    if let Some(mention) = mention {
        mention.actor_id = actor_for(&mention.span, actors);
    }
}

/// Fills the `actor_id` of each casualty record's perpetrator, place and source.
pub fn link_casualties(casualties: &mut [CasualtyRecord], actors: &[ActorRecord]) {
    for casualty in casualties {
        link(&mut casualty.perpetrator, actors);
        link(&mut casualty.place, actors);
        link(&mut casualty.reported_by, actors);
    }
}

/// Fills the `actor_id` of each claim's claimant and medium.
pub fn link_claims(claims: &mut [ClaimRecord], actors: &[ActorRecord]) {
    for claim in claims {
        link(&mut claim.claimant, actors);
        link(&mut claim.medium, actors);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::records::Extractor;

    fn span(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            text: String::new(),
        }
    }

    fn actor(id: &str, actor_type: ActorType, mentions: Vec<Span>) -> ActorRecord {
        ActorRecord {
            schema_version: crate::output::records::SCHEMA_VERSION.to_owned(),
            doc_id: "d".to_owned(),
            revision: 1,
            actor_id: id.to_owned(),
            canonical_name: id.to_owned(),
            actor_type,
            gazetteer: false,
            part_of: None,
            aliases: Vec::new(),
            mentions,
            roles: Vec::new(),
            description: None,
            extractor: Extractor {
                name: "actor-rules".to_owned(),
                version: "test".to_owned(),
            },
        }
    }

    #[test]
    fn hints_give_roles_by_overlap() {
        let mut actors = vec![
            actor(
                "ng:armed_group/islamic-state-khorasan",
                ActorType::ArmedGroup,
                vec![span(10, 16)],
            ),
            actor("ng:location/turkey", ActorType::Location, vec![span(40, 47)]),
            actor("ng:media/reuters", ActorType::Media, vec![span(60, 67)]),
        ];
        let hints = [
            RoleHint {
                start: 10,
                end: 16,
                role: ActorRole::Claimant,
            },
            RoleHint {
                start: 8,
                end: 30,
                role: ActorRole::Perpetrator,
            },
            RoleHint {
                start: 40,
                end: 57,
                role: ActorRole::Reporter,
            },
            RoleHint {
                start: 60,
                end: 67,
                role: ActorRole::Reporter,
            },
        ];
        apply_role_hints(&mut actors, &hints);
        assert_eq!(actors[0].roles, [ActorRole::Perpetrator, ActorRole::Claimant]);
        assert_eq!(
            actors[1].roles,
            [ActorRole::Authority],
            "\"Turkish officials said\""
        );
        assert_eq!(actors[2].roles, [ActorRole::Reporter]);
        assert_eq!(
            actor_for(&span(41, 45), &actors).as_deref(),
            Some("ng:location/turkey")
        );
        assert_eq!(actor_for(&span(0, 5), &actors), None);
    }
}
