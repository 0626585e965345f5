//! Log set-up: `tracing` to stderr, text or JSON lines, level from `RUST_LOG`
//! (default `info`, `warn` with `--quiet`).
use tracing_subscriber::EnvFilter;

use super::args::{GlobalArgs, LogFormat};

pub fn init(global: &GlobalArgs) {
    let default = if global.quiet { "warn" } else { "info" };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let _ = match global.log_format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}
