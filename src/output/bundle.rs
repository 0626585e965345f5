//! All records of one document, as one stage hands them to the writer.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::extractions::{
    ActorRecord, CasualtyRecord, ClaimRecord, EntityRecord, RelationRecord, TollRecord,
};
use super::records::DocumentRecord;

/// One document and everything extracted from it. With `--stdout` this is
/// the line written per document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RecordBundle {
    pub document: DocumentRecord,
    pub entities: Vec<EntityRecord>,
    pub actors: Vec<ActorRecord>,
    pub claims: Vec<ClaimRecord>,
    pub casualties: Vec<CasualtyRecord>,
    pub relations: Vec<RelationRecord>,
    /// The best casualty figures per event (`tolls.jsonl`).
    pub tolls: Vec<TollRecord>,
}

impl RecordBundle {
    /// A document with no extractions (a duplicate, or before any stage ran).
    pub fn document_only(document: DocumentRecord) -> Self {
        Self {
            document,
            entities: Vec::new(),
            actors: Vec::new(),
            claims: Vec::new(),
            casualties: Vec::new(),
            relations: Vec::new(),
            tolls: Vec::new(),
        }
    }
}
