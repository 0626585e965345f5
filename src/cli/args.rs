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
    /// Types: document, entity, actor, actor_registry, claim, casualty, relation, reject, run, stdout.
    Schema {
        /// One record type; all when omitted.
        record_type: Option<String>,
    },
    /// Measure a stage on labelled data.
    ///
    /// Examples:
    ///   newsgrist eval ner conll2003/valid.txt
    ///   newsgrist eval ner test.txt --model models/ner --json
    #[command(verbatim_doc_comment)]
    Eval(EvalArgs),
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

    /// The named-entity model directory (model.onnx, tokenizer.json,
    /// config.json). Default: models/ner in the current directory, else in
    /// the newsgrist source tree.
    #[arg(long, value_name = "DIR")]
    pub ner_model: Option<PathBuf>,

    /// Run without the named-entity model (no entities; documents and the
    /// rule stages only).
    #[arg(long, conflicts_with = "ner_model")]
    pub no_ner: bool,

    /// The attribution model directory (source, cue and content spans of
    /// claims). Default: models/attribution, found like models/ner. Ours
    /// is a second output of the NER model's graph (its config.json names
    /// that directory): with that NER model it costs no model calls of its
    /// own; with another, it runs its own.
    #[arg(long, value_name = "DIR")]
    pub attribution_model: Option<PathBuf>,

    /// Run without the attribution model: claims then come only from
    /// quotations with a cue word ("said", "told") in their sentence.
    #[arg(long, conflicts_with = "attribution_model")]
    pub no_attribution: bool,

    /// The relation model directory (pairs of named entities in a
    /// sentence: leader_of, member_of, based_in, opposed_to, ...). Default:
    /// models/relations, found like models/ner. Needs the named-entity model.
    #[arg(long, value_name = "DIR")]
    pub relation_model: Option<PathBuf>,

    /// Run without the relation model: relations.jsonl then holds only
    /// claimed_responsibility_for relations from responsibility claims.
    #[arg(long, conflicts_with = "relation_model")]
    pub no_relations: bool,

    /// Extra gazetteer entries for actors, in the format of the built-in
    /// src/actors/gazetteer.tsv: one actor per line, tab-separated `id`
    /// (ng:<type>/<slug>), `type` (person, armed_group, government,
    /// security_agency, political_party, media, igo, organisation,
    /// location), `name`, aliases separated by `|`, and optionally the id
    /// of the actor it belongs to. An entry with a known id adds its
    /// aliases to that actor. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub aliases: Vec<PathBuf>,

    /// Least seconds between two commit points (a killed run loses at most
    /// this much work).
    #[arg(long, value_name = "SECONDS", default_value_t = 1.0)]
    pub commit_interval: f64,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub target: EvalTarget,
}

/// What `newsgrist eval` measures.
#[derive(Debug, Subcommand)]
pub enum EvalTarget {
    /// Entity-level precision, recall and F1 (conlleval, strict) of the NER
    /// model on a CoNLL file, per type and overall, and its speed.
    Ner(EvalNerArgs),
    /// Document-level exact-match accuracy of the casualty rules (killed,
    /// injured, arrested) on JSONL articles with gold counts, shaped like
    /// gva_news/dev.jsonl.
    Casualties(EvalCasualtiesArgs),
    /// Within-document clustering of named mentions by the actor rules
    /// (B-cubed, pairwise and MUC precision, recall and F1) on WikiEvents
    /// (`dev.jsonl` with `coref_dev.jsonlines` next to it). Gold mention
    /// spans are resolved: the score is the resolution's, not the NER's.
    Actors(EvalActorsArgs),
    /// Precision, recall and F1 of the attribution model's source, cue and
    /// content spans, exact and overlapping, on PolNeAR-shaped JSONL
    /// (`text` and `attributions` with character spans).
    Attribution(EvalAttributionArgs),
    /// Relation classification given gold entities: KBP37 files (macro-F1
    /// over the 18 types, direction counted, no_relation excluded) or
    /// CrossRE JSON files (micro-F1 over head, tail, label triples).
    Relations(EvalRelationsArgs),
}

#[derive(Debug, Args)]
pub struct EvalRelationsArgs {
    /// A KBP37 file (e.g. ../shared/data/kbp37/dev.txt) or a CrossRE file
    /// (e.g. ../shared/data/crossre/crossre_data/news-dev.json); the format
    /// is read from the file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Named-entity model that types the gold entities for a relation model
    /// with typed entity markers [default: models/ner]. The gold files give
    /// spans without types; each span takes the type of the entity the NER
    /// finds over most of it, as in training.
    #[arg(long, value_name = "DIR")]
    pub ner_model: Option<PathBuf>,

    /// Read each sentence's entities and this many bytes around them, cut
    /// at a space. By default the model reads what `newsgrist run` reads:
    /// the model's `reading_context_bytes` (32 for the shipped model, else
    /// 40), so the score is the pipeline's.
    #[arg(long, value_name = "BYTES", conflicts_with = "whole_sentences")]
    pub context_bytes: Option<usize>,

    /// Read whole sentences, as the published KBP37 and CrossRE benchmarks
    /// give them, instead of what `newsgrist run` reads.
    #[arg(long)]
    pub whole_sentences: bool,

    /// Score KBP37 with this bias against the no_relation reading instead
    /// of the model's `kbp37_no_relation_bias` (larger: more relations,
    /// higher recall, lower precision). For sweeps on a split you tune on;
    /// `newsgrist run` always uses the model's value.
    #[arg(long, value_name = "LOGPROB", allow_hyphen_values = true)]
    pub no_relation_bias: Option<f32>,

    #[command(flatten)]
    pub options: ModelEvalOptions,
}

#[derive(Debug, Args)]
pub struct EvalAttributionArgs {
    /// JSONL file: one article per line with `text` and `attributions`,
    /// each with `source`, `cue` and `content` lists of `[start, end,
    /// text]` character spans (e.g. ../shared/data/polnear/dev.jsonl).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Also write every span the model and the gold disagree on (a predicted
    /// span that overlaps no gold span of its role, or a gold span no
    /// prediction overlaps), with its sentence, one JSON object per line.
    #[arg(long, value_name = "FILE")]
    pub mismatches: Option<PathBuf>,

    #[command(flatten)]
    pub options: ModelEvalOptions,
}

/// Options of the `eval` commands that run a model.
#[derive(Debug, Args)]
pub struct ModelEvalOptions {
    /// Model directory [default: the model under models/ that the command scores].
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,

    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,

    /// Worker threads (default: all cores). Scores do not depend on it.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
pub struct EvalActorsArgs {
    /// WikiEvents JSONL file (e.g. ../shared/data/wikievents/dev.jsonl);
    /// its coreference clusters are read from coref_<stem>.jsonlines next to it.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,

    /// Extra gazetteer files, as for `run --aliases`.
    #[arg(long, value_name = "FILE")]
    pub aliases: Vec<PathBuf>,

    /// Also write each gold cluster the rules split or joined, one JSON
    /// object per line, to this file.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EvalCasualtiesArgs {
    /// JSONL file: one object per line with `text` and `gold.num_killed`,
    /// `gold.num_injured`, `gold.participants_arrested` (and `incident_id`,
    /// which splits the scores into two halves).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,

    /// Worker threads (default: all cores). Scores do not depend on it.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,

    /// Also write every document whose prediction differs from gold, with
    /// its casualty mentions, to this JSONL file.
    #[arg(long, value_name = "FILE")]
    pub mismatches: Option<PathBuf>,

    /// Score the rules on the text alone, without the named-entity model
    /// (as `newsgrist run --no-ner`): capitalised words stand in for names.
    /// Seconds instead of minutes; the default scores what `newsgrist run`
    /// writes.
    #[arg(long)]
    pub no_ner: bool,

    /// Named-entity model directory [default: models/ner].
    #[arg(long, value_name = "DIR", conflicts_with = "no_ner")]
    pub ner_model: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EvalNerArgs {
    /// CoNLL-format file: `word POS chunk TAG` or `word TAG` per line, blank
    /// lines between sentences, `-DOCSTART-` between documents.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Model directory (model.onnx, tokenizer.json, config.json).
    #[arg(long, value_name = "DIR", default_value = "models/ner")]
    pub model: PathBuf,

    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,

    /// Worker threads (default: all cores). Scores do not depend on it.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,

    /// Windows per model call. 1 (the default) keeps results independent
    /// of batching; larger batches change an int8 model's results.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub batch_size: usize,

    /// Window length in tokens (default: the model's, from config.json).
    #[arg(long, value_name = "TOKENS")]
    pub max_length: Option<usize>,

    /// Tokens a long text's window labels, the rest being context on both
    /// sides (default: the model's `target_budget` from config.json).
    #[arg(long, value_name = "TOKENS")]
    pub target_budget: Option<usize>,

    /// Most context tokens on each side of a long text's window (default:
    /// the model's `max_context` from config.json, else as many as fit).
    #[arg(long, value_name = "TOKENS")]
    pub max_context: Option<usize>,

    /// Also write `word gold predicted` lines (conlleval's input) to FILE.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,

    /// How word labels are chosen: each word's most probable label
    /// (greedy), or the most probable valid IOB2 sequence (viterbi).
    /// Default: what the model's config.json recommends, as in `run`
    /// (viterbi for newsgrist's model).
    #[arg(long, value_enum)]
    pub decode: Option<DecodeArg>,
}

/// `--decode` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DecodeArg {
    Greedy,
    Viterbi,
}
