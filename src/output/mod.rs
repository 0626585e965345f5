//! Writing results: the record types (the wire format), the JSONL files of an
//! output directory with atomic commit points, the stdout stream for
//! Spark/Hadoop-style piping, the lock, the state for incremental runs,
//! the cross-document actor registry and the run report.
//!
//! This module decides nothing about documents (which are new, duplicate or
//! skipped: see [`crate::pipeline`]); it writes what it is given, in the
//! order given, and makes it durable.
mod bundle;
mod dir_sink;
pub mod extractions;
mod lock;
pub mod records;
pub mod registry;
pub mod report;
pub mod schema;
pub mod state;
mod stdout_sink;

pub use bundle::RecordBundle;
pub use dir_sink::{DirSink, OUTPUT_FILES};
pub use lock::DirLock;
pub use stdout_sink::StdoutSink;

use crate::error::Result;
use records::RejectRecord;
use state::{Commit, SeenLine};

/// Where records go. Writes are buffered until [`Sink::commit`].
pub trait Sink {
    fn write_document(&mut self, bundle: &RecordBundle) -> Result<()>;
    fn write_reject(&mut self, reject: &RejectRecord) -> Result<()>;
    /// Records a processed text in the state, committed with the outputs.
    fn record_seen(&mut self, seen: &SeenLine) -> Result<()>;
    /// Makes everything written so far durable, together with `commit`.
    fn commit(&mut self, commit: &mut Commit) -> Result<()>;
    /// Called after a failure: drop what was not committed, as far as possible.
    fn abort(&mut self) {}
}
