//! `actors_registry.jsonl`: every actor of an output directory once, with
//! the names, mentions, documents and roles seen across all runs.
//!
//! The registry is derived data: at the end of every run into a directory
//! it is rebuilt from the committed part of `actors.jsonl` (bytes up to the
//! length in `commit.json`) and replaced atomically (temporary file, fsync,
//! rename). So incremental cron runs accumulate into it without duplicating
//! an actor (ids are stable, see [`crate::actors::ids`]), a killed run
//! leaves the previous registry in place, and the next finished run, resumed
//! or not, writes exactly what an uninterrupted one would have. Lines are
//! sorted by actor id.
//!
//! Cost: one streaming read of `actors.jsonl` per run (only the fields
//! needed are parsed) and memory per distinct actor, not per mention:
//! document ids are listed up to [`REGISTRY_DOCUMENTS`] per actor and
//! counted beyond. The registry does not decide identities; it trusts the
//! ids in `actors.jsonl`.
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::extractions::{ActorRegistryRecord, ActorRole, ActorType, REGISTRY_DOCUMENTS};
use super::records::SCHEMA_VERSION;
use super::state::{load_commit, write_atomic, StatePaths};
use crate::error::{Error, Result};

/// The registry's file name in the output directory.
pub const REGISTRY_FILE: &str = "actors_registry.jsonl";

/// The fields of an `actors.jsonl` line the registry reads.
#[derive(Deserialize)]
struct ActorLine {
    doc_id: String,
    actor_id: String,
    canonical_name: String,
    actor_type: ActorType,
    #[serde(default)]
    gazetteer: bool,
    #[serde(default)]
    part_of: Option<String>,
    aliases: Vec<String>,
    mentions: Vec<IgnoredAny>,
    roles: Vec<ActorRole>,
}

struct Entry {
    record: ActorRegistryRecord,
    aliases: BTreeSet<String>,
    roles: BTreeSet<u8>,
}

/// Aggregates `actors.jsonl` lines into registry records, sorted by id.
pub fn aggregate(reader: impl BufRead, path: &Path) -> Result<Vec<ActorRegistryRecord>> {
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    let mut roles_by_code: BTreeMap<u8, ActorRole> = BTreeMap::new();
    for (number, line) in reader.lines().enumerate() {
        let line = line.map_err(|err| Error::io("read", path, err))?;
        if line.trim().is_empty() {
            continue;
        }
        let actor: ActorLine = serde_json::from_str(&line).map_err(|err| Error::CorruptState {
            path: path.to_path_buf(),
            reason: format!("line {}: {err}", number + 1),
        })?;
        let entry = entries.entry(actor.actor_id.clone()).or_insert_with(|| Entry {
            record: ActorRegistryRecord {
                schema_version: SCHEMA_VERSION.to_owned(),
                actor_id: actor.actor_id.clone(),
                canonical_name: actor.canonical_name.clone(),
                actor_type: actor.actor_type,
                gazetteer: actor.gazetteer,
                part_of: actor.part_of.clone(),
                aliases: Vec::new(),
                mention_count: 0,
                document_count: 0,
                documents: Vec::new(),
                roles: Vec::new(),
            },
            aliases: BTreeSet::new(),
            roles: BTreeSet::new(),
        });
        let record = &mut entry.record;
        record.mention_count += actor.mentions.len() as u64;
        record.document_count += 1;
        if record.documents.len() < REGISTRY_DOCUMENTS && !record.documents.contains(&actor.doc_id) {
            record.documents.push(actor.doc_id);
        }
        entry.aliases.extend(actor.aliases);
        for role in actor.roles {
            roles_by_code.insert(role as u8, role);
            entry.roles.insert(role as u8);
        }
    }
    Ok(entries
        .into_values()
        .map(|entry| {
            let mut record = entry.record;
            record.aliases = entry.aliases.into_iter().collect();
            record.roles = entry
                .roles
                .iter()
                .filter_map(|code| roles_by_code.get(code).copied())
                .collect();
            record
        })
        .collect())
}

/// Rebuilds `OUT/actors_registry.jsonl` from the committed `actors.jsonl`.
/// Returns the number of actors.
pub fn rebuild(out: &Path, paths: &StatePaths) -> Result<usize> {
    let committed = load_commit(paths)?
        .and_then(|commit| commit.lengths.get("actors.jsonl").copied())
        .unwrap_or(0);
    let path = out.join("actors.jsonl");
    let records = match File::open(&path) {
        Ok(file) => aggregate(BufReader::new(file.take(committed)), &path)?,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(err) => return Err(Error::io("open", &path, err)),
    };
    let mut bytes = Vec::new();
    for record in &records {
        serde_json::to_writer(&mut bytes, record)?;
        bytes.push(b'\n');
    }
    write_atomic(&out.join(REGISTRY_FILE), &bytes)?;
    Ok(records.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(doc: &str, id: &str, alias: &str, mentions: usize, roles: &str) -> String {
        let mentions: Vec<String> = (0..mentions)
            .map(|i| format!("{{\"start\":{i},\"end\":{i},\"text\":\"\"}}"))
            .collect();
        format!(
            "{{\"schema_version\":\"0.1.0\",\"doc_id\":\"{doc}\",\"revision\":1,\"actor_id\":\"{id}\",\"canonical_name\":\"{alias}\",\"actor_type\":\"armed_group\",\"gazetteer\":true,\"part_of\":null,\"aliases\":[\"{alias}\"],\"mentions\":[{}],\"roles\":[{roles}],\"description\":null,\"extractor\":{{\"name\":\"actor-rules\",\"version\":\"x\"}}}}\n",
            mentions.join(",")
        )
    }

    #[test]
    fn one_record_per_actor_across_documents() {
        let text = [
            line(
                "d1",
                "ng:armed_group/islamic-state-khorasan",
                "ISKP",
                2,
                "\"perpetrator\"",
            ),
            line("d1", "ng:media/amaq", "Amaq", 1, ""),
            line(
                "d2",
                "ng:armed_group/islamic-state-khorasan",
                "IS-K",
                1,
                "\"claimant\"",
            ),
        ]
        .concat();
        let records = aggregate(text.as_bytes(), Path::new("actors.jsonl")).expect("aggregates");
        assert_eq!(records.len(), 2);
        let iskp = &records[0];
        assert_eq!(iskp.actor_id, "ng:armed_group/islamic-state-khorasan");
        assert_eq!(iskp.aliases, ["IS-K", "ISKP"]);
        assert_eq!(iskp.mention_count, 3);
        assert_eq!(iskp.document_count, 2);
        assert_eq!(iskp.documents, ["d1", "d2"]);
        assert_eq!(iskp.roles, [ActorRole::Perpetrator, ActorRole::Claimant]);
        assert_eq!(records[1].actor_id, "ng:media/amaq");
    }

    #[test]
    fn a_corrupt_line_is_named() {
        let err = aggregate("{oops\n".as_bytes(), Path::new("actors.jsonl")).expect_err("corrupt");
        assert!(err.to_string().contains("line 1"), "{err}");
    }
}
