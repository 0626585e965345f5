//! Raw flags, exactly as typed; [`super::run_command`] validates them.
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn news corpora into JSONL records of actors, claims and casualty figures.
///
/// newsgrist reads articles (txt, md, html, json, jsonl, each optionally .gz,
/// or JSONL on stdin), normalises their text, finds sentences, runs its
/// extraction stages and writes versioned JSONL with provenance. Runs are
/// deterministic, incremental (a rerun processes only new or changed
/// documents) and resumable (a killed run continues where it stopped).
///
/// Exit codes: 0 success, 1 fatal error, 2 usage error, 3 finished with
/// rejected inputs (see rejects.jsonl), 75 output directory locked by
/// another run.
#[derive(Debug, Parser)]
#[command(name = "newsgrist", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Only warnings and errors on stderr; no progress bar.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Log line format on stderr (`RUST_LOG` sets the level, e.g. `debug`).
    #[arg(long, value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Process a corpus into an output directory (or stdout).
    ///
    /// Examples:
    ///   newsgrist run corpus/ --out out/
    ///   newsgrist run dumps/2026-11-*.jsonl.gz --out /data/newsgrist   (nightly cron: only new documents)
    ///   cat articles.jsonl | newsgrist run - --stdout                   (one JSON object per document)
    ///   newsgrist run big.jsonl --out part3 --shard 3/8                 (machine 3 of 8)
    #[command(verbatim_doc_comment)]
    Run(Box<RunArgs>),
    /// Print the JSON Schema of the output records (all, or one type).
    ///
    /// Types: document, entity, actor, claim, casualty, relation, reject, run, stdout.
    Schema {
        /// One record type; all when omitted.
        record_type: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Files and directories to read; `-` reads JSONL from stdin. Directories
    /// are walked recursively in file-name order.
    #[arg(required = true, value_name = "PATH")]
    pub inputs: Vec<PathBuf>,

    /// Output directory. Created if absent; reruns add only what is new.
    #[arg(
        long,
        short,
        value_name = "DIR",
        required_unless_present = "stdout",
        conflicts_with = "stdout"
    )]
    pub out: Option<PathBuf>,

    /// Write one JSON object per input document to stdout instead (for Spark
    /// `rdd.pipe`, Hadoop streaming, Beam). Keeps no state.
    #[arg(long)]
    pub stdout: bool,

    /// Discard earlier results and state in the output directory and
    /// reprocess everything.
    #[arg(long)]
    pub full: bool,

    /// Worker threads (default: all cores). Output does not depend on it.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,

    /// Process only shard K of N (0-based), chosen by a hash of the document
    /// id, so N machines split a corpus without coordination.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,

    /// Largest input read as one document (a file, or a JSONL line), after
    /// decompression. Larger inputs are rejected, never truncated.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_doc_bytes: usize,

    /// JSON field(s) holding the article text, tried in order; dotted paths
    /// reach into nested objects. Default: text, body, content, article,
    /// maintext, full_text, article_text, story.
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub text_field: Vec<String>,

    /// JSON field(s) holding the title. Default: title, headline, heading.
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub title_field: Vec<String>,

    /// JSON field(s) holding the url. Default: url, link, source_url, canonical_url, uri.
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub url_field: Vec<String>,

    /// JSON field(s) holding the date. Default: date, published, dct,
    /// date_publish, published_at, publish_date, pubDate, datetime, timestamp.
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub date_field: Vec<String>,

    /// JSON field(s) holding the document id. Default: id, doc_id, _id, uuid,
    /// guid, article_id. Without one, the id is derived from the text's hash.
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub id_field: Vec<String>,

    /// Documents analysed together between two writes. Output does not
    /// depend on it; memory grows with it.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub chunk_docs: usize,

    /// Least seconds between two commit points (a killed run loses at most
    /// this much work).
    #[arg(long, value_name = "SECONDS", default_value_t = 1.0)]
    pub commit_interval: f64,
}
