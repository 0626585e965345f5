//! Running the stages over a corpus: streaming, parallel, deterministic,
//! incremental and resumable.
//!
//! [`runner::run`] reads items from [`crate::corpus::CorpusReader`] on a
//! reader thread, decides for each (process, duplicate, already done, other
//! shard, reject) in input order, analyses a bounded chunk of documents in
//! parallel with rayon, and hands the results, in input order, to an
//! [`crate::output::Sink`]. Thread count and chunking therefore never change
//! the output. [`analyze::Analyzer`] holds the per-document stages.
pub mod analyze;
pub mod config;
pub mod progress;
pub mod runner;
pub mod shard;
pub mod timings;

pub use analyze::Analyzer;
pub use config::{OutputTarget, RunConfig};
pub use progress::{NoProgress, Progress};
pub use runner::run;
pub use shard::Shard;
