//! The `newsgrist` command: parses flags, builds a checked configuration,
//! runs the library, and maps the outcome to an exit code a scheduler can
//! act on.
mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    catch_file_size_signal();
    match cli::main() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newsgrist: error: {}", error_chain(&err));
            ExitCode::from(cli::exit_code_for(&err))
        }
    }
}

/// The error and its causes, like `{:#}`, but without a cause whose text the
/// message before it already holds (library errors name their I/O cause).
fn error_chain(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
    }
    message
}

/// Under a file-size limit (`ulimit -f`, `RLIMIT_FSIZE`) the kernel answers a
/// write past the limit with SIGXFSZ, whose default action kills the process
/// before it can say why or cut its files back to the last commit point.
/// With a handler installed the write fails with `EFBIG` instead, and the run
/// stops with a message naming the file, as on a full disk. The handler only
/// sets a flag nobody reads; `signal-hook` keeps this free of `unsafe`.
fn catch_file_size_signal() {
    let caught = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    if let Err(err) = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, caught) {
        eprintln!("newsgrist: warning: cannot handle SIGXFSZ ({err}); a file-size limit will kill the run");
    }
}
