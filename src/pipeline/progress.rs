//! How a run reports progress; the CLI plugs in a progress bar or log lines.
use crate::output::state::Counts;

/// Called from the run loop after each chunk.
pub trait Progress: Sync {
    fn update(&self, _counts: &Counts, _bytes_read: u64) {}
    fn finish(&self, _counts: &Counts) {}
}

/// Reports nothing.
pub struct NoProgress;

impl Progress for NoProgress {}
