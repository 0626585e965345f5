//! The run loop.
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::time::Instant;

use crate::corpus::{CorpusReader, Document, Item, ReaderStats, Reject, RejectReason};
use crate::error::{Error, Result};
use crate::output::records::{RejectRecord, SourceRecord, SCHEMA_VERSION};
use crate::output::report::{now_rfc3339, RunReport};
use crate::output::state::{
    load_commit, write_atomic, Commit, Counts, SeenIndex, SeenLine, StatePaths, STATE_FORMAT,
};
use crate::output::{DirLock, DirSink, RecordBundle, Sink, StdoutSink};

use super::analyze::{document_record, Analyzer};
use super::config::{OutputTarget, RunConfig};
use super::progress::Progress;
use super::timings::StageTimings;

/// Items the reader may run ahead of the workers.
const READ_AHEAD: usize = 512;

/// What to do with one item, decided in input order.
enum Work {
    Analyze {
        doc: Document,
        revision: u32,
    },
    Duplicate {
        doc: Document,
        revision: u32,
        of: String,
    },
    Reject(Reject),
}

/// Runs the pipeline and returns the run report (also written to
/// `run.json` in directory mode).
pub fn run(config: &RunConfig, analyzer: &Analyzer, progress: &dyn Progress) -> Result<RunReport> {
    match &config.output {
        OutputTarget::Dir { path, full } => run_to_dir(config, analyzer, progress, path, *full),
        OutputTarget::Stdout => {
            let mut sink = StdoutSink::new(std::io::stdout().lock());
            let start = Start::fresh(fingerprint(config, analyzer), 1);
            run_loop(config, analyzer, progress, &mut sink, SeenIndex::default(), start)
        }
    }
}

/// Where a run starts: fresh, or in the middle of an interrupted run.
struct Start {
    commit: Commit,
    resumed: bool,
}

impl Start {
    fn fresh(fingerprint: String, run: u32) -> Self {
        Self {
            commit: Commit {
                format: STATE_FORMAT,
                run,
                complete: false,
                fingerprint,
                cursor: 0,
                last_source: None,
                lengths: Default::default(),
                counts: Counts::default(),
                elapsed_ms: 0,
                started_at: now_rfc3339(),
            },
            resumed: false,
        }
    }
}

fn run_to_dir(
    config: &RunConfig,
    analyzer: &Analyzer,
    progress: &dyn Progress,
    out: &Path,
    full: bool,
) -> Result<RunReport> {
    let paths = StatePaths::new(out);
    std::fs::create_dir_all(&paths.dir).map_err(|err| Error::io("create output directory", out, err))?;
    let _lock = DirLock::acquire(&paths.lock(), out)?;
    if full {
        DirSink::reset(out, &paths)?;
    }
    let start = match load_commit(&paths)? {
        None => Start::fresh(fingerprint(config, analyzer), 1),
        Some(previous) if previous.complete => {
            let mut start = Start::fresh(fingerprint(config, analyzer), previous.run + 1);
            start.commit.lengths = previous.lengths;
            start
        }
        Some(previous) if previous.fingerprint != fingerprint(config, analyzer) => {
            return Err(Error::CannotResume {
                dir: out.to_path_buf(),
                reason: "it was started with other inputs or options; rerun that command to finish it"
                    .to_owned(),
            })
        }
        Some(previous) => {
            tracing::info!(
                run = previous.run,
                cursor = previous.cursor,
                "resuming the interrupted run"
            );
            Start {
                commit: previous,
                resumed: true,
            }
        }
    };
    let mut sink = DirSink::open(out, &paths, &start.commit.lengths)?;
    let seen_length = start
        .commit
        .lengths
        .get(".newsgrist/seen.jsonl")
        .copied()
        .unwrap_or(0);
    let seen = SeenIndex::load(&paths.seen(), seen_length)?;
    let report = run_loop(config, analyzer, progress, &mut sink, seen, start)?;
    // The actor registry, rebuilt from the committed actors.jsonl (src/output/registry.rs).
    let actors = crate::output::registry::rebuild(out, &paths)?;
    tracing::debug!(actors, "actor registry rebuilt");
    let json = serde_json::to_vec_pretty(&report)?;
    write_atomic(&out.join("run.json"), &json)?;
    Ok(report)
}

/// What must match for an interrupted run to be resumed: inputs, reading
/// options and the models, so one run never mixes two configurations.
fn fingerprint(config: &RunConfig, analyzer: &Analyzer) -> String {
    crate::corpus::content_hash(&format!("{}|{:?}", config.fingerprint(), analyzer.model_ids()))
}

fn spawn_reader(config: &RunConfig, stats: Arc<ReaderStats>) -> Receiver<Item> {
    let (sender, receiver) = sync_channel(READ_AHEAD);
    let reader = CorpusReader::new(config.inputs.clone(), config.read.clone(), stats);
    std::thread::Builder::new()
        .name("newsgrist-reader".to_owned())
        .spawn(move || {
            for item in reader {
                if sender.send(item).is_err() {
                    break;
                }
            }
        })
        .ok();
    receiver
}

fn run_loop(
    config: &RunConfig,
    analyzer: &Analyzer,
    progress: &dyn Progress,
    sink: &mut dyn Sink,
    mut seen: SeenIndex,
    start: Start,
) -> Result<RunReport> {
    let result = run_loop_inner(config, analyzer, progress, sink, &mut seen, start);
    if result.is_err() {
        sink.abort();
    }
    result
}

fn run_loop_inner(
    config: &RunConfig,
    analyzer: &Analyzer,
    progress: &dyn Progress,
    sink: &mut dyn Sink,
    seen: &mut SeenIndex,
    start: Start,
) -> Result<RunReport> {
    let wall = Instant::now();
    let Start { mut commit, resumed } = start;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.max(1))
        .thread_name(|index| format!("newsgrist-worker-{index}"))
        .build()
        .map_err(|err| {
            Error::InvalidArgument(format!("cannot start {} worker threads: {err}", config.threads))
        })?;
    let stats = Arc::new(ReaderStats::default());
    let items = spawn_reader(config, stats.clone());
    let timings = StageTimings::default();
    let skip = commit.cursor;
    let run = commit.run;
    let mut position: u64 = 0;
    let mut last_commit = Instant::now();
    let mut finished = false;
    while !finished {
        let mut work: Vec<Work> = Vec::new();
        let mut chunk_bytes = 0usize;
        let read_start = Instant::now();
        while work.len() < config.chunk_documents && chunk_bytes < config.chunk_bytes {
            let Ok(item) = items.recv() else {
                finished = true;
                break;
            };
            position += 1;
            if position <= skip {
                if position == skip {
                    check_resume_point(&item, &commit, config)?;
                }
                continue;
            }
            commit.cursor = position;
            commit.last_source = Some(item_source(&item));
            commit.counts.items += 1;
            if let Some(next) = decide(item, config, seen, run, &mut commit.counts) {
                if let Work::Analyze { doc, .. } = &next {
                    chunk_bytes += doc.text.len();
                }
                work.push(next);
            }
        }
        if finished && position < skip {
            return Err(Error::CannotResume {
                dir: config.output_name(),
                reason: format!(
                    "the inputs now hold {position} items but the interrupted run had consumed {skip}; they changed since"
                ),
            });
        }
        timings.add("read", read_start.elapsed());
        let outputs: Vec<Output> = pool.install(|| process_chunk(work, analyzer, &timings));
        let write_start = Instant::now();
        for output in &outputs {
            write_output(output, sink, run, &mut commit.counts)?;
        }
        let due = last_commit.elapsed().as_millis() as u64 >= config.commit_interval_ms;
        if finished || due {
            commit.complete = finished;
            commit.elapsed_ms += last_commit_elapsed(&mut last_commit);
            sink.commit(&mut commit)?;
        }
        timings.add("write", write_start.elapsed());
        progress.update(&commit.counts, stats.bytes_read.load(Ordering::Relaxed));
    }
    progress.finish(&commit.counts);
    let mut timings_ms = timings.to_millis();
    timings_ms.insert("wall".to_owned(), wall.elapsed().as_millis() as u64);
    let seconds = commit.elapsed_ms as f64 / 1000.0;
    let (tool, tool_version, schema_version) = RunReport::new_header();
    Ok(RunReport {
        tool,
        tool_version,
        schema_version,
        run,
        resumed,
        started_at: commit.started_at.clone(),
        finished_at: now_rfc3339(),
        arguments: config.arguments.clone(),
        models: analyzer.model_ids(),
        threads: config.threads,
        shard: config.shard.map(|shard| shard.to_string()),
        documents_per_second: if seconds > 0.0 {
            commit.counts.documents as f64 / seconds
        } else {
            0.0
        },
        counts: commit.counts,
        ignored_files: stats.ignored_files.load(Ordering::Relaxed),
        bytes_read: stats.bytes_read.load(Ordering::Relaxed),
        timings_ms,
        model_tokens: timings.counts(),
    })
}

fn last_commit_elapsed(last_commit: &mut Instant) -> u64 {
    let elapsed = last_commit.elapsed().as_millis() as u64;
    *last_commit = Instant::now();
    elapsed
}

fn item_source(item: &Item) -> String {
    match item {
        Item::Document(doc) => format!("{} {}", doc.source.describe(), doc.sha256),
        Item::Reject(reject) => reject.source.describe(),
    }
}

fn check_resume_point(item: &Item, commit: &Commit, config: &RunConfig) -> Result<()> {
    if commit.last_source.as_deref() == Some(item_source(item).as_str()) {
        return Ok(());
    }
    Err(Error::CannotResume {
        dir: config.output_name(),
        reason: format!(
            "the inputs changed since it was interrupted (item {} was {:?}, is now {:?})",
            commit.cursor,
            commit.last_source.as_deref().unwrap_or("?"),
            item_source(item)
        ),
    })
}

/// Sorts an item into work, in input order; updates the seen index so later
/// items see earlier ones.
fn decide(
    item: Item,
    config: &RunConfig,
    seen: &mut SeenIndex,
    run: u32,
    counts: &mut Counts,
) -> Option<Work> {
    let owned = |key: &str| config.shard.is_none_or(|shard| shard.owns(key));
    match item {
        Item::Reject(reject) => {
            if !owned(&reject.source.describe()) {
                return None;
            }
            Some(Work::Reject(reject))
        }
        Item::Document(doc) => {
            if !owned(&doc.id) {
                counts.other_shard += 1;
                return None;
            }
            if let Some(entry) = seen.get(&doc.sha256) {
                if entry.run < run {
                    counts.unchanged += 1;
                    return None;
                }
                let of = entry.doc_id.to_string();
                let revision = seen.next_revision(&doc.id);
                seen.insert(&seen_line(&doc, run, revision));
                return Some(Work::Duplicate { doc, revision, of });
            }
            let revision = seen.next_revision(&doc.id);
            seen.insert(&seen_line(&doc, run, revision));
            Some(Work::Analyze { doc, revision })
        }
    }
}

fn seen_line(doc: &Document, run: u32, revision: u32) -> SeenLine {
    SeenLine {
        sha256: doc.sha256[..32].to_owned(),
        doc_id: doc.id.clone(),
        run,
        revision,
    }
}

enum Output {
    Bundle {
        bundle: Box<RecordBundle>,
        duplicate: bool,
    },
    Reject(RejectRecord),
}

/// Analyses the chunk's documents together and puts every item's output back
/// in input order.
fn process_chunk(work: Vec<Work>, analyzer: &Analyzer, timings: &StageTimings) -> Vec<Output> {
    let docs: Vec<(&Document, u32)> = work
        .iter()
        .filter_map(|work| match work {
            Work::Analyze { doc, revision } => Some((doc, *revision)),
            _ => None,
        })
        .collect();
    let mut analyzed = analyzer.analyze_chunk(&docs, timings).into_iter();
    work.into_iter()
        .map(|work| match work {
            Work::Reject(reject) => Output::Reject(reject_record(&reject)),
            Work::Duplicate { doc, revision, of } => Output::Bundle {
                bundle: Box::new(RecordBundle::document_only(document_record(
                    &doc,
                    revision,
                    Vec::new(),
                    Some(of),
                ))),
                duplicate: true,
            },
            Work::Analyze { doc, .. } => match analyzed.next() {
                Some(Ok(bundle)) => Output::Bundle {
                    bundle: Box::new(bundle),
                    duplicate: false,
                },
                Some(Err(reason)) => Output::Reject(reject_record(&Reject::new(
                    doc.source.clone(),
                    RejectReason::InternalError,
                    format!("document {}: {reason}", doc.id),
                ))),
                None => Output::Reject(reject_record(&Reject::new(
                    doc.source.clone(),
                    RejectReason::InternalError,
                    format!("document {}: the stages returned no output", doc.id),
                ))),
            },
        })
        .collect()
}

fn reject_record(reject: &Reject) -> RejectRecord {
    RejectRecord {
        schema_version: SCHEMA_VERSION.to_owned(),
        source: SourceRecord {
            path: reject.source.path.clone(),
            line: reject.source.line,
            item: reject.source.item,
        },
        reason: reject.reason,
        message: reject.message.clone(),
    }
}

fn write_output(output: &Output, sink: &mut dyn Sink, run: u32, counts: &mut Counts) -> Result<()> {
    match output {
        Output::Reject(reject) => {
            counts.rejects += 1;
            *counts.records.entry("rejects.jsonl".to_owned()).or_default() += 1;
            sink.write_reject(reject)
        }
        Output::Bundle { bundle, duplicate } => {
            if *duplicate {
                counts.duplicates += 1;
            } else {
                counts.documents += 1;
            }
            let document = &bundle.document;
            let record_counts = [
                ("documents.jsonl", 1),
                ("entities.jsonl", bundle.entities.len()),
                ("actors.jsonl", bundle.actors.len()),
                ("claims.jsonl", bundle.claims.len()),
                ("casualties.jsonl", bundle.casualties.len()),
                ("relations.jsonl", bundle.relations.len()),
                ("tolls.jsonl", bundle.tolls.len()),
            ];
            for (file, count) in record_counts {
                *counts.records.entry(file.to_owned()).or_default() += count as u64;
            }
            sink.record_seen(&SeenLine {
                sha256: document.sha256[..32].to_owned(),
                doc_id: document.doc_id.clone(),
                run,
                revision: document.revision,
            })?;
            sink.write_document(bundle)
        }
    }
}
