//! Actors: one identity per real-world actor, across the mentions of a
//! document and across documents.
//!
//! The stage takes a document's normalised text, sentences and entity
//! mentions ([`ActorInput`]) and returns its actors with the mentions that
//! name each ([`DocumentActors`]); ids are stable across documents and runs
//! without stored state (gazetteer ids, or ids derived from the folded
//! name). The cross-document registry is written by the output layer
//! (`src/output/registry.rs`) from `actors.jsonl`.
//!
//! - [`fold`]: surface normalisation (case, diacritics, punctuation,
//!   possessives, "the"), transliteration variants, slugs;
//! - [`gazetteer`]: known actors (`gazetteer.tsv`, `--aliases FILE`);
//! - [`acronyms`]: acronyms, their expansions and definitions in the text;
//! - [`aliases`]: "also known as", "alias", "a.k.a.", "known as";
//! - [`appositions`]: roles and titles next to a person's name;
//! - [`names`]: partial person names, titles, place-name heads;
//! - [`resolve`](mod@resolve): in-document clustering into actors;
//! - [`span_completion`]: entities that tag part of a known name widened
//!   to the whole name, before other stages read them;
//! - [`ids`]: ids of actors outside the gazetteer;
//! - [`records`]: actors as `actors.jsonl` records;
//! - [`roles`]: roles from other stages' hints (casualties now, claims later);
//! - [`eval`]: within-document clustering scores on WikiEvents.
pub mod acronyms;
pub mod aliases;
pub mod appositions;
pub mod eval;
pub mod fold;
pub mod gazetteer;
pub mod ids;
pub mod names;
pub mod records;
pub mod resolve;
pub mod roles;
pub mod span_completion;

use std::path::Path;

pub use gazetteer::{Gazetteer, GazetteerEntry, GazetteerError};
pub use resolve::{resolve, ActorInput, DocumentActors, ResolvedActor};
pub use roles::{apply_role_hints, casualty_hints, link_casualties, RoleHint};
pub use span_completion::CompletedEntities;

use crate::output::records::Extractor;

/// The extractor name of actor records.
pub const EXTRACTOR_NAME: &str = "actor-rules";

/// The rule set's version, bumped whenever a rule changes its output.
pub const RULES_VERSION: &str = "actor-rules-0.2.1";

/// The actor stage: the gazetteer (built in, plus alias files) and the rules.
#[derive(Debug, Clone)]
pub struct ActorStage {
    gazetteer: Gazetteer,
}

impl Default for ActorStage {
    /// The built-in gazetteer (a unit test checks that it parses).
    fn default() -> Self {
        Self {
            gazetteer: Gazetteer::builtin().unwrap_or_default(),
        }
    }
}

impl ActorStage {
    /// The built-in gazetteer extended by alias files, in order.
    pub fn with_alias_files(paths: &[impl AsRef<Path>]) -> Result<Self, GazetteerError> {
        let mut gazetteer = Gazetteer::builtin()?;
        for path in paths {
            gazetteer.add_file(path.as_ref())?;
        }
        Ok(Self { gazetteer })
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// A document's entities with parts of known names widened to the
    /// whole name ([`span_completion`]).
    pub fn complete_spans(
        &self,
        text: &str,
        sentences: &[std::ops::Range<usize>],
        entities: Vec<crate::ner::EntityMention>,
    ) -> CompletedEntities {
        span_completion::complete_spans(text, sentences, entities, &self.gazetteer)
    }

    /// `entities` with the label ORG for every name the gazetteer knows as
    /// an organisation ([`span_completion::with_known_organisations`]), for
    /// type checks.
    pub fn with_known_organisations(
        &self,
        text: &str,
        entities: &[crate::ner::EntityMention],
    ) -> Vec<crate::ner::EntityMention> {
        span_completion::with_known_organisations(text, entities, &self.gazetteer)
    }

    /// Rules and gazetteer version, for `run.json` and records.
    pub fn version(&self) -> String {
        format!("{RULES_VERSION}+{}", self.gazetteer.version())
    }

    pub fn extractor(&self) -> Extractor {
        Extractor {
            name: EXTRACTOR_NAME.to_owned(),
            version: self.version(),
        }
    }

    /// Resolves one document's mentions into actors.
    pub fn resolve(&self, input: &ActorInput<'_>) -> DocumentActors {
        resolve::resolve(input, &self.gazetteer)
    }
}
