//! A validated run configuration, built by the CLI from its flags.
use std::path::PathBuf;

use crate::corpus::{Input, ReadOptions};

use super::shard::Shard;

/// Where a run writes.
#[derive(Debug, Clone)]
pub enum OutputTarget {
    /// An output directory with state; `full` discards earlier results first.
    Dir { path: PathBuf, full: bool },
    /// One JSON object per input document on stdout; no state.
    Stdout,
}

/// Everything a run needs besides the stages.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub inputs: Vec<Input>,
    pub read: ReadOptions,
    pub output: OutputTarget,
    /// Worker threads for the stages (the reader has its own thread).
    pub threads: usize,
    pub shard: Option<Shard>,
    /// The command line, recorded in `run.json`.
    pub arguments: Vec<String>,
    /// Most documents analysed between two writes.
    pub chunk_documents: usize,
    /// Most text bytes held in one chunk (one more document may cross it),
    /// bounding memory: every record of a chunk is held until the chunk is
    /// written, and a text built to give a record per sentence costs about
    /// 90 bytes of records per byte of text (measured; README, "Inputs").
    pub chunk_bytes: usize,
    /// Least time between two commits, in milliseconds (0 commits every chunk).
    pub commit_interval_ms: u64,
}

impl RunConfig {
    pub fn new(inputs: Vec<Input>, output: OutputTarget) -> Self {
        Self {
            inputs,
            read: ReadOptions::default(),
            output,
            threads: std::thread::available_parallelism().map_or(1, usize::from),
            shard: None,
            arguments: Vec::new(),
            chunk_documents: 256,
            chunk_bytes: 16 * 1024 * 1024,
            commit_interval_ms: 1000,
        }
    }

    /// The output directory, or `-` for stdout, for messages.
    pub fn output_name(&self) -> PathBuf {
        match &self.output {
            OutputTarget::Dir { path, .. } => path.clone(),
            OutputTarget::Stdout => PathBuf::from("-"),
        }
    }

    /// What must match for an interrupted run to be resumed.
    pub fn fingerprint(&self) -> String {
        let description = format!(
            "{:?}|{:?}|{}|{:?}",
            self.inputs, self.read.fields, self.read.max_doc_bytes, self.shard
        );
        crate::corpus::content_hash(&description)
    }
}
