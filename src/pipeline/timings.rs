//! Time spent per stage, summed across threads.
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Accumulated durations per stage name.
#[derive(Debug, Default)]
pub struct StageTimings {
    totals: Mutex<BTreeMap<&'static str, Duration>>,
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
