//! Time spent per stage, summed across threads, and what each model stage
//! processed (tokens), for `run.json` and benchmarks.
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Accumulated durations per stage name.
#[derive(Debug, Default)]
pub struct StageTimings {
    totals: Mutex<BTreeMap<&'static str, Duration>>,
    counts: Mutex<BTreeMap<&'static str, u64>>,
}

impl StageTimings {
    pub fn add(&self, stage: &'static str, elapsed: Duration) {
        if let Ok(mut totals) = self.totals.lock() {
            *totals.entry(stage).or_default() += elapsed;
        }
    }

    /// Runs `work`, charging its time to `stage`.
    pub fn time<T>(&self, stage: &'static str, work: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let value = work();
        self.add(stage, start.elapsed());
        value
    }

    /// Adds `amount` to the counter `name` (e.g. `ner.tokens`).
    pub fn count(&self, name: &'static str, amount: u64) {
        if let Ok(mut counts) = self.counts.lock() {
            *counts.entry(name).or_default() += amount;
        }
    }

    /// The counters, by name.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.counts
            .lock()
            .map(|counts| {
                counts
                    .iter()
                    .map(|(name, count)| ((*name).to_owned(), *count))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Milliseconds per stage.
    pub fn to_millis(&self) -> BTreeMap<String, u64> {
        let totals = self
            .totals
            .lock()
            .map(|totals| totals.clone())
            .unwrap_or_default();
        totals
            .into_iter()
            .map(|(stage, elapsed)| (stage.to_owned(), elapsed.as_millis() as u64))
            .collect()
    }
}
