//! The `newsgrist` command: parses flags, builds a checked configuration,
//! runs the library, and maps the outcome to an exit code a scheduler can
//! act on.
mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::main() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newsgrist: error: {err:#}");
            ExitCode::from(cli::exit_code_for(&err))
        }
    }
}
