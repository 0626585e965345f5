//! Command-line interface: flags (clap derive), logging and progress set-up,
//! and exit codes.
//!
//! Exit codes: 0 success; 1 fatal error (nothing more was written; what was
//! committed stays); 2 usage error; 3 finished, but some inputs were rejected
//! (see `rejects.jsonl`); 75 another run holds the output directory (try
//! again later, as with sysexits' EX_TEMPFAIL).
mod args;
mod eval_actors;
mod eval_attribution;
mod eval_casualties;
mod eval_command;
mod eval_relations;
mod logging;
mod progress;
mod run_command;

use std::process::ExitCode;

use clap::Parser;

pub use args::Cli;

/// Exit code: finished, with rejected inputs.
pub const EXIT_REJECTS: u8 = 3;
/// Exit code: the output directory is locked by another run.
pub const EXIT_LOCKED: u8 = 75;

pub fn main() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        args::Command::Run(run) => run_command::run(*run, cli.global),
        args::Command::Schema { record_type } => print_schema(record_type.as_deref()),
        args::Command::Eval(eval) => eval_command::run(eval, cli.global),
    }
}

fn print_schema(record_type: Option<&str>) -> anyhow::Result<ExitCode> {
    use newsgrist::output::schema::{all_schemas, schema_of, RECORD_TYPES};
    let schema = match record_type {
        None => all_schemas(),
        Some(name) => schema_of(name).ok_or_else(|| {
            let known: Vec<&str> = RECORD_TYPES.iter().map(|(name, _)| *name).collect();
            anyhow::anyhow!(
                "unknown record type {name:?}; choose one of: {}",
                known.join(", ")
            )
        })?,
    };
    println!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(ExitCode::SUCCESS)
}

/// The exit code for an error that ended the run.
pub fn exit_code_for(err: &anyhow::Error) -> u8 {
    match err.downcast_ref::<newsgrist::Error>() {
        Some(newsgrist::Error::Locked { .. }) => EXIT_LOCKED,
        Some(newsgrist::Error::InvalidArgument(_)) => 2,
        _ => 1,
    }
}

/// `--threads`: the given count (at least 1), or all cores.
pub fn thread_count(given: Option<usize>) -> anyhow::Result<usize> {
    match given {
        Some(0) => Err(newsgrist::Error::InvalidArgument("--threads must be at least 1".into()).into()),
        Some(threads) => Ok(threads),
        None => Ok(std::thread::available_parallelism().map_or(1, usize::from)),
    }
}
