//! The relation types of `relations.jsonl` and how the model's training
//! labels (KBP37, CrossRE) map onto them.
//!
//! Types are chosen for conflict reporting: who leads or belongs to which
//! group, which group is part of which, who speaks for whom, where a group
//! is based, who opposed or defeated whom, who claimed which attack. Each
//! mapping also says which entity types may fill head and tail: a model
//! label whose arguments have other NER types is dropped, which removes most
//! of the model's errors on pairs unlike its training data.
//!
//! This module holds no rules about text; see [`super::decide`] for how a
//! pair's scores become a relation.
use serde::{Deserialize, Serialize};

/// A relation type of the output schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationType {
    /// A person leads an organisation (KBP37 org:top_members/employees).
    LeaderOf,
    /// A person works for an organisation (per:employee_of).
    EmployeeOf,
    /// A person speaks for an organisation ("a spokesman for the Taliban";
    /// from the role rules, `super::roles`).
    SpokespersonOf,
    /// A person or organisation belongs to an organisation (org:members).
    MemberOf,
    /// An organisation is part of, or an affiliate of, another
    /// (org:subsidiaries, CrossRE part-of).
    PartOf,
    /// An organisation founded by a person (org:founded_by).
    FoundedBy,
    /// Two names of one actor (org:/per:alternate_names, CrossRE named).
    AliasOf,
    /// An organisation's seat (org:*_of_headquarters).
    BasedIn,
    /// Where a person lives or an actor is (per:*_of_residence, CrossRE physical).
    LocatedIn,
    /// Where a person was born (per:country_of_birth).
    BornIn,
    /// A person's nationality or origin (per:origin, CrossRE origin).
    OriginFrom,
    /// Spouses (per:spouse).
    SpouseOf,
    /// An actor affiliated with a place, group or cause (CrossRE general-affiliation).
    AffiliatedWith,
    /// Actors opposed to each other (CrossRE opposite).
    OpposedTo,
    /// One actor defeated another (CrossRE win-defeat).
    Defeated,
    /// A group claimed an attack (from the claims stage).
    ClaimedResponsibilityFor,
    /// A perpetrator killed, wounded or kidnapped a victim group (from the
    /// casualty stage).
    Attacked,
    /// An authority arrested a group (from the casualty stage).
    Arrested,
}

/// Entity types a relation's head and tail may have (NER labels).
#[derive(Debug, Clone, Copy)]
pub struct Signature {
    pub head: &'static [&'static str],
    pub tail: &'static [&'static str],
}

const PER: &[&str] = &["PER"];
const ORG: &[&str] = &["ORG"];
const LOC: &[&str] = &["LOC"];
const PER_ORG: &[&str] = &["PER", "ORG"];
const ACTOR: &[&str] = &["PER", "ORG", "LOC"];
const PLACE_OR_GROUP: &[&str] = &["ORG", "LOC", "MISC"];

impl RelationType {
    /// The name written in `relations.jsonl`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::LeaderOf => "leader_of",
            Self::EmployeeOf => "employee_of",
            Self::SpokespersonOf => "spokesperson_of",
            Self::MemberOf => "member_of",
            Self::PartOf => "part_of",
            Self::FoundedBy => "founded_by",
            Self::AliasOf => "alias_of",
            Self::BasedIn => "based_in",
            Self::LocatedIn => "located_in",
            Self::BornIn => "born_in",
            Self::OriginFrom => "origin_from",
            Self::SpouseOf => "spouse_of",
            Self::AffiliatedWith => "affiliated_with",
            Self::OpposedTo => "opposed_to",
            Self::Defeated => "defeated",
            Self::ClaimedResponsibilityFor => "claimed_responsibility_for",
            Self::Attacked => "attacked",
            Self::Arrested => "arrested",
        }
    }

    /// Whether head and tail may be swapped without changing the meaning.
    pub fn is_symmetric(self) -> bool {
        matches!(self, Self::AliasOf | Self::SpouseOf | Self::OpposedTo)
    }

    /// The entity types head and tail may have, for model relations.
    pub fn signature(self) -> Signature {
        let (head, tail) = match self {
            Self::LeaderOf | Self::EmployeeOf | Self::SpokespersonOf => (PER, ORG),
            Self::MemberOf => (PER_ORG, ORG),
            Self::PartOf => (ORG, ORG),
            Self::FoundedBy => (ORG, PER),
            Self::AliasOf => (PER_ORG, PER_ORG),
            Self::BasedIn => (ORG, LOC),
            Self::LocatedIn | Self::BornIn => (PER, LOC),
            Self::OriginFrom => (PER, &["LOC", "MISC"][..]),
            Self::SpouseOf => (PER, PER),
            Self::AffiliatedWith => (PER_ORG, PLACE_OR_GROUP),
            Self::OpposedTo | Self::Defeated => (ACTOR, ACTOR),
            // from the claims and casualty stages, never from the model
            Self::ClaimedResponsibilityFor | Self::Attacked | Self::Arrested => (&[][..], &[][..]),
        };
        Signature { head, tail }
    }

    /// Whether entities labelled `head` and `tail` may fill this relation.
    pub fn fits(self, head: &str, tail: &str) -> bool {
        let signature = self.signature();
        let same_type_only = self == Self::AliasOf;
        signature.head.contains(&head) && signature.tail.contains(&tail) && (!same_type_only || head == tail)
    }
}

/// The schema relation of a KBP37 type holding as `type(a, b)`, with
/// whether the schema's head is `b` (`swap`). None for types the schema
/// leaves out (titles, founding dates).
pub fn from_kbp37(label: &str) -> Option<(RelationType, bool)> {
    use RelationType::*;
    Some(match label {
        "org:top_members/employees" => (LeaderOf, true),
        "per:employee_of" => (EmployeeOf, false),
        "org:members" => (MemberOf, true),
        "org:subsidiaries" => (PartOf, true),
        "org:founded_by" => (FoundedBy, false),
        "org:alternate_names" | "per:alternate_names" => (AliasOf, false),
        "org:city_of_headquarters"
        | "org:country_of_headquarters"
        | "org:stateorprovince_of_headquarters" => (BasedIn, false),
        "per:cities_of_residence" | "per:countries_of_residence" | "per:stateorprovinces_of_residence" => {
            (LocatedIn, false)
        }
        "per:country_of_birth" => (BornIn, false),
        "per:origin" => (OriginFrom, false),
        "per:spouse" => (SpouseOf, false),
        _ => return None,
    })
}

/// The schema relation of a CrossRE label holding as `label(a, b)`. None
/// for labels outside conflict reporting (topic, usage, artifact, ...) and
/// for `role`, which CrossRE uses for both membership and meetings.
pub fn from_crossre(label: &str) -> Option<(RelationType, bool)> {
    use RelationType::*;
    Some(match label {
        "part-of" => (PartOf, false),
        "physical" => (LocatedIn, false),
        "named" => (AliasOf, false),
        "origin" => (OriginFrom, false),
        "general-affiliation" => (AffiliatedWith, false),
        "opposite" => (OpposedTo, false),
        "win-defeat" => (Defeated, false),
        _ => return None,
    })
}

/// Every type with its mapping sources, for `README.md` and `--help`.
pub const ALL: [RelationType; 17] = [
    RelationType::LeaderOf,
    RelationType::EmployeeOf,
    RelationType::MemberOf,
    RelationType::PartOf,
    RelationType::FoundedBy,
    RelationType::AliasOf,
    RelationType::BasedIn,
    RelationType::LocatedIn,
    RelationType::BornIn,
    RelationType::OriginFrom,
    RelationType::SpouseOf,
    RelationType::AffiliatedWith,
    RelationType::OpposedTo,
    RelationType::Defeated,
    RelationType::ClaimedResponsibilityFor,
    RelationType::Attacked,
    RelationType::Arrested,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_members_point_from_the_person_to_the_group() {
        assert_eq!(
            from_kbp37("org:top_members/employees"),
            Some((RelationType::LeaderOf, true))
        );
        assert_eq!(from_kbp37("org:subsidiaries"), Some((RelationType::PartOf, true)));
        assert_eq!(from_kbp37("per:title"), None);
        assert_eq!(from_crossre("topic"), None);
    }

    #[test]
    fn signatures_keep_arguments_of_the_right_kind() {
        assert!(RelationType::LeaderOf.fits("PER", "ORG"));
        assert!(!RelationType::LeaderOf.fits("ORG", "PER"));
        assert!(RelationType::BasedIn.fits("ORG", "LOC"));
        assert!(!RelationType::AliasOf.fits("PER", "ORG"));
        assert!(RelationType::AliasOf.fits("ORG", "ORG"));
    }

    #[test]
    fn names_are_snake_case_and_unique() {
        let names: std::collections::BTreeSet<&str> = ALL.iter().map(|kind| kind.as_str()).collect();
        assert_eq!(names.len(), ALL.len());
        assert!(names
            .iter()
            .all(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
    }
}
