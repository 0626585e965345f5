//! What incremental and resumed runs need to know: the commit record and the
//! index of texts already processed.
//!
//! Layout in `OUT/.newsgrist/`:
//! - `commit.json`: the last commit point, replaced atomically (write a
//!   temporary file, fsync, rename, fsync the directory). It holds the length
//!   of every output file at that point; bytes past those lengths were never
//!   committed and are cut off when the next run starts, so a run killed at
//!   any moment resumes from a consistent point.
//! - `seen.jsonl`: one line per processed text (hash, id, run, revision),
//!   appended and committed with the outputs. Its in-memory index costs about
//!   200 bytes per distinct text in the directory's history (measured).
use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// State format version, checked on load.
pub const STATE_FORMAT: u32 = 1;

/// Counts of what a run did, kept across resumes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Counts {
    /// Items read from the inputs: documents and rejects.
    pub items: u64,
    /// Documents processed by the stages.
    pub documents: u64,
    /// Documents whose text was already processed in this run.
    pub duplicates: u64,
    /// Documents already processed by an earlier run (skipped).
    pub unchanged: u64,
    /// Documents that belong to another shard.
    pub other_shard: u64,
    pub rejects: u64,
    /// Records written per output file name.
    pub records: BTreeMap<String, u64>,
}

/// The last commit point.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Commit {
    pub format: u32,
    /// Number of the latest run in this directory, from 1.
    pub run: u32,
    /// Whether that run finished.
    pub complete: bool,
    /// Hash of the run's inputs and options, to refuse resuming a different run.
    pub fingerprint: String,
    /// Items of the input stream consumed and written.
    pub cursor: u64,
    /// Source of the last consumed item, checked on resume.
    pub last_source: Option<String>,
    /// Committed byte length of each file in the output directory.
    pub lengths: BTreeMap<String, u64>,
    pub counts: Counts,
    /// Wall-clock milliseconds spent by the run before this commit.
    pub elapsed_ms: u64,
    pub started_at: String,
}

/// Paths of the state files of one output directory.
#[derive(Debug, Clone)]
pub struct StatePaths {
    pub dir: PathBuf,
}

impl StatePaths {
    pub fn new(out: &Path) -> Self {
        Self {
            dir: out.join(".newsgrist"),
        }
    }

    pub fn commit(&self) -> PathBuf {
        self.dir.join("commit.json")
    }

    pub fn lock(&self) -> PathBuf {
        self.dir.join("lock")
    }

    pub fn seen(&self) -> PathBuf {
        self.dir.join("seen.jsonl")
    }
}

/// Reads the commit record, if any.
pub fn load_commit(paths: &StatePaths) -> Result<Option<Commit>> {
    let path = paths.commit();
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(Error::io("read", path, err)),
    };
    let commit: Commit = serde_json::from_str(&text).map_err(|err| Error::CorruptState {
        path: path.clone(),
        reason: err.to_string(),
    })?;
    if commit.format != STATE_FORMAT {
        return Err(Error::CorruptState {
            path,
            reason: format!(
                "state format {} (this newsgrist writes {STATE_FORMAT})",
                commit.format
            ),
        });
    }
    Ok(Some(commit))
}

/// Replaces a file atomically: temporary file, fsync, rename, fsync of the directory.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.tmp"));
    let mut file = File::create(&tmp).map_err(|err| Error::io("create", &tmp, err))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|err| Error::io("write", &tmp, err))?;
    fs::rename(&tmp, path).map_err(|err| Error::io("rename into place", path, err))?;
    sync_dir(dir)
}

/// Makes a rename durable.
pub fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|handle| handle.sync_all())
        .map_err(|err| Error::io("sync directory", dir, err))
}

pub fn save_commit(paths: &StatePaths, commit: &Commit) -> Result<()> {
    let bytes = serde_json::to_vec_pretty(commit)?;
    write_atomic(&paths.commit(), &bytes)
}

/// One line of `seen.jsonl`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SeenLine {
    /// First 32 hex digits of the text's SHA-256.
    pub sha256: String,
    pub doc_id: String,
    pub run: u32,
    pub revision: u32,
}

/// What is known of a processed text.
#[derive(Debug, Clone)]
pub struct SeenEntry {
    pub doc_id: Box<str>,
    pub run: u32,
}

/// Texts and ids processed in this output directory.
#[derive(Debug, Default)]
pub struct SeenIndex {
    by_text: HashMap<u128, SeenEntry>,
    revisions: HashMap<u64, u32>,
}

fn text_key(sha256_hex: &str) -> u128 {
    u128::from_str_radix(sha256_hex.get(..32).unwrap_or(sha256_hex), 16).unwrap_or_default()
}

fn id_key(doc_id: &str) -> u64 {
    let digest = crate::corpus::content_hash(doc_id);
    u64::from_str_radix(&digest[..16], 16).unwrap_or_default()
}

impl SeenIndex {
    /// Loads `seen.jsonl` up to `committed` bytes (later bytes were never committed).
    pub fn load(path: &Path, committed: u64) -> Result<Self> {
        let mut index = Self::default();
        let file = match File::open(path) {
            Ok(file) => file,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(index),
            Err(err) => return Err(Error::io("open", path, err)),
        };
        let reader = BufReader::new(std::io::Read::take(file, committed));
        for (number, line) in reader.lines().enumerate() {
            let line = line.map_err(|err| Error::io("read", path, err))?;
            let seen: SeenLine = serde_json::from_str(&line).map_err(|err| Error::CorruptState {
                path: path.to_path_buf(),
                reason: format!("line {}: {err}", number + 1),
            })?;
            index.insert(&seen);
        }
        Ok(index)
    }

    pub fn get(&self, sha256_hex: &str) -> Option<&SeenEntry> {
        self.by_text.get(&text_key(sha256_hex))
    }

    /// The revision the next text under `doc_id` gets.
    pub fn next_revision(&self, doc_id: &str) -> u32 {
        self.revisions.get(&id_key(doc_id)).copied().unwrap_or(0) + 1
    }

    pub fn insert(&mut self, seen: &SeenLine) {
        // The first document with a text stays its owner; duplicates only
        // claim a revision of their own id.
        self.by_text
            .entry(text_key(&seen.sha256))
            .or_insert_with(|| SeenEntry {
                doc_id: seen.doc_id.clone().into_boxed_str(),
                run: seen.run,
            });
        let revision = self.revisions.entry(id_key(&seen.doc_id)).or_insert(0);
        *revision = (*revision).max(seen.revision);
    }
}
