//! `run.json`: what a run read, wrote, skipped and how long each stage took.
//!
//! Unlike the JSONL files it holds times and timestamps, so it differs from
//! run to run; compare the JSONL files for reproducibility.
use std::collections::BTreeMap;
use std::time::SystemTime;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::records::SCHEMA_VERSION;
use super::state::Counts;

/// The run report.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct RunReport {
    pub tool: String,
    pub tool_version: String,
    pub schema_version: String,
    /// Run number in this output directory, from 1.
    pub run: u32,
    /// True when this run continued an interrupted one.
    pub resumed: bool,
    pub started_at: String,
    pub finished_at: String,
    /// The command line, as given.
    pub arguments: Vec<String>,
    /// Model id per stage; empty until model stages exist.
    pub models: BTreeMap<String, String>,
    pub threads: usize,
    pub shard: Option<String>,
    pub counts: Counts,
    /// Files skipped during directory walks for their extension.
    pub ignored_files: u64,
    /// Bytes read from input files (compressed size for `.gz`), this process.
    pub bytes_read: u64,
    /// Milliseconds per stage: `wall` for the whole run, `read` waiting on
    /// input, `write` writing and committing; other stages sum the time spent
    /// on each document across threads.
    pub timings_ms: BTreeMap<String, u64>,
    /// What the model stages processed, this process: `ner.tokens`
    /// (subword tokens of the documents), `ner.model_tokens` (tokens the
    /// model ran over, window context included), `ner.windows`; the same
    /// for `attribution`.
    pub model_tokens: BTreeMap<String, u64>,
    pub documents_per_second: f64,
}

impl RunReport {
    pub fn new_header() -> (String, String, String) {
        (
            env!("CARGO_PKG_NAME").to_owned(),
            env!("CARGO_PKG_VERSION").to_owned(),
            SCHEMA_VERSION.to_owned(),
        )
    }
}

/// The current time as RFC 3339, UTC, to the second.
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}
