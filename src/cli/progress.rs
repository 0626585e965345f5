//! Progress on stderr: a bar on a terminal, a log line every 30 seconds
//! otherwise (cron, CI, pipes), nothing with `--quiet`.
use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use newsgrist::output::state::Counts;
use newsgrist::pipeline::Progress;

const LOG_EVERY: Duration = Duration::from_secs(30);

/// Chooses the reporter for this process.
pub fn reporter(quiet: bool, total_bytes: impl FnOnce() -> u64) -> Box<dyn Progress> {
    if quiet {
        return Box::new(newsgrist::pipeline::NoProgress);
    }
    if std::io::stderr().is_terminal() {
        return Box::new(Bar::new(total_bytes()));
    }
    Box::new(LogLines {
        start: Instant::now(),
        last: Mutex::new(Instant::now()),
    })
}

struct Bar {
    bar: ProgressBar,
    start: Instant,
}

impl Bar {
    fn new(total_bytes: u64) -> Self {
        let bar = ProgressBar::new(total_bytes);
        let style = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ETA {eta} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(200));
        Self {
            bar,
            start: Instant::now(),
        }
    }
}

fn rate(count: u64, start: Instant) -> f64 {
    count as f64 / start.elapsed().as_secs_f64().max(1e-3)
}

impl Progress for Bar {
    fn update(&self, counts: &Counts, bytes_read: u64) {
        self.bar.set_position(bytes_read);
        self.bar.set_message(format!(
            "{} docs ({:.0}/s), {} rejects",
            counts.documents,
            rate(counts.documents, self.start),
            counts.rejects
        ));
    }

    fn finish(&self, _counts: &Counts) {
        self.bar.finish_and_clear();
    }
}

struct LogLines {
    start: Instant,
    last: Mutex<Instant>,
}

impl Progress for LogLines {
    fn update(&self, counts: &Counts, bytes_read: u64) {
        let Ok(mut last) = self.last.lock() else { return };
        if last.elapsed() < LOG_EVERY {
            return;
        }
        *last = Instant::now();
        tracing::info!(
            documents = counts.documents,
            duplicates = counts.duplicates,
            unchanged = counts.unchanged,
            rejects = counts.rejects,
            bytes_read,
            docs_per_second = rate(counts.documents, self.start).round(),
            "progress"
        );
    }
}
