//! Relations between actors: who leads or belongs to which group, which
//! group is part of which, where a group is based, who opposed whom, who
//! claimed which attack.
//!
//! A trained entity-pair classifier (`models/relations`, two heads: KBP37's
//! 18 types and CrossRE's 17 labels) reads the pairs of named entities
//! inside a sentence; `claimed_responsibility_for` comes from the claims
//! stage's responsibility claims. The parts:
//! - [`schema`]: the relation types and how training labels map onto them;
//! - [`candidates`]: which pairs are scored (bounded per sentence);
//! - [`decide`]: scores to relations, with direction;
//! - [`evidence`]: the wording a model relation needs to be kept (and so
//!   which sentences need no model call at all);
//! - [`stance`]: the wording of opposition, defeat and affiliation;
//! - [`roles`]: role appositions read by rules ("X, the leader of Y",
//!   "Y spokesman X", "X, the Afghan affiliate of Y");
//! - [`aliases`]: aliases the text states ("X (ACRONYM)", "X, also known
//!   as Y"), read by rules;
//! - [`model`]: the stage over a chunk of documents;
//! - [`records`]: `relations.jsonl` records;
//! - [`eval`]: KBP37 and CrossRE scoring for `newsgrist eval relations`.
//!
//! Relations across sentences, and events as relation arguments (beyond
//! claimed attacks), are not extracted.
pub mod aliases;
pub mod candidates;
pub mod decide;
pub mod eval;
pub mod evidence;
pub mod model;
pub mod records;
pub mod roles;
pub mod schema;
pub mod stance;

pub use aliases::alias_relations;
pub use candidates::{candidate_pairs, reading_range, PairLimits, SentencePairs};
pub use model::{RelationInput, RelationMention, RelationModel};
pub use records::{relation_records, RelationDocument};
pub use roles::{role_relations, with_known_groups, RULES_EXTRACTOR, RULES_VERSION};
pub use schema::RelationType;

/// Extractor name of the relation model's records.
pub const EXTRACTOR: &str = "relations";
