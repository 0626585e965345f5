//! JSON Schemas of every record type, generated from the Rust types so they
//! cannot drift from what is written.
use schemars::schema_for;
use serde_json::{json, Value};

use super::extractions::{
    ActorRecord, ActorRegistryRecord, CasualtyRecord, ClaimRecord, EntityRecord, RelationRecord, TollRecord,
};
use super::records::{DocumentRecord, RejectRecord, SCHEMA_VERSION};
use super::report::RunReport;
use super::stdout_sink::StdoutLine;

/// Record type names, as accepted by `newsgrist schema TYPE`, with the file each describes.
pub const RECORD_TYPES: [(&str, &str); 11] = [
    ("document", "documents.jsonl"),
    ("entity", "entities.jsonl"),
    ("actor", "actors.jsonl"),
    ("actor_registry", "actors_registry.jsonl"),
    ("claim", "claims.jsonl"),
    ("casualty", "casualties.jsonl"),
    ("toll", "tolls.jsonl"),
    ("relation", "relations.jsonl"),
    ("reject", "rejects.jsonl"),
    ("run", "run.json"),
    ("stdout", "lines of `run --stdout`"),
];

/// The schema of one record type.
pub fn schema_of(record_type: &str) -> Option<Value> {
    let schema = match record_type {
        "document" => schema_for!(DocumentRecord),
        "entity" => schema_for!(EntityRecord),
        "actor" => schema_for!(ActorRecord),
        "actor_registry" => schema_for!(ActorRegistryRecord),
        "claim" => schema_for!(ClaimRecord),
        "casualty" => schema_for!(CasualtyRecord),
        "toll" => schema_for!(TollRecord),
        "relation" => schema_for!(RelationRecord),
        "reject" => schema_for!(RejectRecord),
        "run" => schema_for!(RunReport),
        "stdout" => schema_for!(StdoutLine<'static>),
        _ => return None,
    };
    serde_json::to_value(schema).ok()
}

/// All schemas in one object, keyed by record type.
pub fn all_schemas() -> Value {
    let mut records = serde_json::Map::new();
    for (name, file) in RECORD_TYPES {
        let mut schema = schema_of(name).unwrap_or(Value::Null);
        if let Some(object) = schema.as_object_mut() {
            object.insert("description".into(), Value::String(format!("Records of {file}")));
        }
        records.insert(name.to_owned(), schema);
    }
    json!({ "schema_version": SCHEMA_VERSION, "records": records })
}
