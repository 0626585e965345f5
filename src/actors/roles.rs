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
//! This file does not resolve names: [`super::resolve`](mod@super::resolve) does.
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
    // a headline's spans count into the title, where no actor is mentioned
    for casualty in casualties.iter().filter(|casualty| casualty.evidence.in_text()) {
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
    let mut given: Vec<(usize, ActorRole)> = Vec::new();
    {
        let mentions = MentionIndex::new(actors);
        for hint in hints {
            for (_, actor, _) in mentions.overlapping(hint.start, hint.end) {
                let role = match (hint.role, actors[actor].actor_type) {
                    (
                        ActorRole::Reporter,
                        ActorType::Government | ActorType::SecurityAgency | ActorType::Location,
                    ) => ActorRole::Authority,
                    (role, _) => role,
                };
                given.push((actor, role));
            }
        }
    }
    for (actor, role) in given {
        if !actors[actor].roles.contains(&role) {
            actors[actor].roles.push(role);
        }
    }
    for actor in actors.iter_mut() {
        actor.roles.sort_by_key(|role| *role as u8);
    }
}

/// Every actor's mentions sorted by start, so that the mentions overlapping
/// a span are found without reading all of them: a long document has
/// thousands of actors and as many claims and casualty figures to link.
struct MentionIndex<'a> {
    /// (mention, actor index, mention index), by start.
    sorted: Vec<(&'a Span, usize, usize)>,
    longest: usize,
}

impl<'a> MentionIndex<'a> {
    fn new(actors: &'a [ActorRecord]) -> Self {
        let mut sorted: Vec<(&Span, usize, usize)> = actors
            .iter()
            .enumerate()
            .flat_map(|(actor, record)| {
                record
                    .mentions
                    .iter()
                    .enumerate()
                    .map(move |(mention, span)| (span, actor, mention))
            })
            .collect();
        sorted.sort_by_key(|&(span, actor, mention)| (span.start, actor, mention));
        let longest = sorted
            .iter()
            .map(|(span, _, _)| span.end.saturating_sub(span.start))
            .max()
            .unwrap_or(0);
        Self { sorted, longest }
    }

    /// The mentions that share a character with `start..end`.
    fn overlapping(&self, start: usize, end: usize) -> impl Iterator<Item = (&'a Span, usize, usize)> + '_ {
        // an overlapping mention starts at most `longest` before `start`
        let first = self
            .sorted
            .partition_point(|(span, _, _)| span.start < start.saturating_sub(self.longest));
        self.sorted[first..]
            .iter()
            .take_while(move |(span, _, _)| span.start < end)
            .filter(move |(span, _, _)| overlaps(span, start, end))
            .copied()
    }

    /// The actor whose mention lies inside (or overlaps) a span: the
    /// longest overlap, the first actor (then the first mention) on ties.
    fn actor_for(&self, span: &Span, actors: &[ActorRecord]) -> Option<String> {
        self.overlapping(span.start, span.end)
            .map(|(mention, actor, index)| {
                let overlap = mention
                    .end
                    .min(span.end)
                    .saturating_sub(mention.start.max(span.start));
                (overlap, std::cmp::Reverse((actor, index)))
            })
            .filter(|(overlap, _)| *overlap > 0)
            .max()
            .map(|(_, std::cmp::Reverse((actor, _)))| actors[actor].actor_id.clone())
    }
}

fn link(mention: &mut Option<Mention>, mentions: &MentionIndex<'_>, actors: &[ActorRecord]) {
    if let Some(mention) = mention {
        mention.actor_id = mentions.actor_for(&mention.span, actors);
    }
}

/// Fills the `actor_id` of each casualty record's perpetrator, place and source.
pub fn link_casualties(casualties: &mut [CasualtyRecord], actors: &[ActorRecord]) {
    let mentions = MentionIndex::new(actors);
    for casualty in casualties
        .iter_mut()
        .filter(|casualty| casualty.evidence.in_text())
    {
        link(&mut casualty.perpetrator, &mentions, actors);
        link(&mut casualty.place, &mentions, actors);
        link(&mut casualty.reported_by, &mentions, actors);
    }
}

/// Fills the `actor_id` of each claim's claimant and medium.
pub fn link_claims(claims: &mut [ClaimRecord], actors: &[ActorRecord]) {
    let mentions = MentionIndex::new(actors);
    for claim in claims {
        link(&mut claim.claimant, &mentions, actors);
        link(&mut claim.medium, &mentions, actors);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::records::Extractor;

    fn span(start: usize, end: usize) -> Span {
        Span::at(start, end)
    }

    fn actor_for(span: &Span, actors: &[ActorRecord]) -> Option<String> {
        MentionIndex::new(actors).actor_for(span, actors)
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

    #[test]
    fn the_longest_overlap_wins_then_the_first_actor() {
        // a long mention far before the span must still be found
        let actors = vec![
            actor("a", ActorType::Person, vec![span(0, 100)]),
            actor("b", ActorType::Person, vec![span(50, 60), span(90, 95)]),
            actor("c", ActorType::Person, vec![span(52, 58)]),
        ];
        assert_eq!(actor_for(&span(55, 58), &actors).as_deref(), Some("a"));
        assert_eq!(actor_for(&span(99, 120), &actors).as_deref(), Some("a"));
        assert_eq!(actor_for(&span(100, 120), &actors), None);
        let actors = vec![
            actor("b", ActorType::Person, vec![span(50, 60)]),
            actor("c", ActorType::Person, vec![span(52, 58)]),
        ];
        // overlaps of 6 and 6: the first actor
        assert_eq!(actor_for(&span(52, 58), &actors).as_deref(), Some("b"));
        assert_eq!(actor_for(&span(40, 51), &actors).as_deref(), Some("b"));
    }
}
