//! `newsgrist eval casualties FILE.jsonl`: document-level scores of the
//! casualty rules on articles with gold counts, as a table or one JSON
//! object (`--json`); `--mismatches` writes the documents it got wrong
//! (a count, or the event's day). The rules read the named-entity model's
//! entities, as in `newsgrist run`, unless `--no-ner`.
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use newsgrist::actors::ActorStage;
use newsgrist::casualties::eval::{
    document_text, evaluate, report, DocResult, EvalReport, KindScores, LabelledDoc, Score,
};
use newsgrist::model::TextInput;
use newsgrist::ner::{EntityMention, NerStage};
use newsgrist::output::extractions::DatePrecision;
use rayon::prelude::*;
use serde_json::json;

use super::args::EvalCasualtiesArgs;
use super::run_command::model_dir;

pub fn run(args: &EvalCasualtiesArgs) -> anyhow::Result<ExitCode> {
    let threads = super::thread_count(args.threads)?;
    let docs = read_docs(&args.file)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let start = Instant::now();
    let (entities, ner_model) = if args.no_ner {
        (Vec::new(), None)
    } else {
        let dir = model_dir(args.ner_model.as_deref(), "ner");
        let ner = NerStage::load(&dir).with_context(|| {
            format!(
                "cannot load the named-entity model from {} (--ner-model DIR, or --no-ner to score the rules without it)",
                dir.display()
            )
        })?;
        let entities = pool.install(|| named_entities(&docs, &ner))?;
        let id = ner
            .model_id()
            .map_or_else(|| dir.display().to_string(), str::to_owned);
        (entities, Some(id))
    };
    let results = pool.install(|| evaluate(&docs, &entities));
    let report = report(&results, start.elapsed().as_secs_f64(), ner_model);
    if let Some(path) = &args.mismatches {
        write_mismatches(path, &docs, &results)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write_table(&mut out, &report, &args.file)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Each document's named entities, as `newsgrist run` gives them to the
/// casualty rules: the model's, then parts of known names widened to the
/// whole name. Documents go to the model a chunk at a time, so windows
/// are batched across documents as in a run.
fn named_entities(docs: &[LabelledDoc], ner: &NerStage) -> anyhow::Result<Vec<Vec<EntityMention>>> {
    const CHUNK: usize = 64;
    let actors = ActorStage::default();
    let mut all = Vec::with_capacity(docs.len());
    for chunk in docs.chunks(CHUNK) {
        let texts: Vec<_> = chunk.par_iter().map(document_text).collect();
        let inputs: Vec<TextInput<'_>> = texts
            .iter()
            .map(|(text, sentences)| TextInput {
                text: text.as_str(),
                sentences,
            })
            .collect();
        let found = ner
            .extract_documents(&inputs)
            .context("the named-entity model failed (--no-ner scores the rules without it)")?;
        let completed: Vec<Vec<EntityMention>> = texts
            .par_iter()
            .zip(found.into_par_iter())
            .map(|((text, sentences), found)| actors.complete_spans(text.as_str(), sentences, found).entities)
            .collect();
        all.extend(completed);
    }
    Ok(all)
}

fn read_docs(path: &Path) -> anyhow::Result<Vec<LabelledDoc>> {
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut docs = Vec::new();
    for (index, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: LabelledDoc = serde_json::from_str(&line).with_context(|| {
            format!(
                "{}:{}: not an article with gold counts",
                path.display(),
                index + 1
            )
        })?;
        docs.push(doc);
    }
    Ok(docs)
}

fn write_mismatches(path: &Path, docs: &[LabelledDoc], results: &[DocResult]) -> anyhow::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    for (doc, result) in docs.iter().zip(results) {
        let date_wrong = result.gold_date.is_some_and(|gold| {
            result
                .event_date
                .is_some_and(|date| date.precision == DatePrecision::Day && date.first_day != gold)
        });
        if result.predicted == result.gold && !date_wrong {
            continue;
        }
        let text = result.text.as_str();
        let slice = |range: &std::ops::Range<usize>| text.get(range.clone()).unwrap_or_default();
        let mentions: Vec<_> = result
            .mentions
            .iter()
            .map(|mention| {
                json!({
                    "kind": mention.kind,
                    "count": mention.count,
                    "count_text": slice(&mention.count_span),
                    "victims": mention.victims.as_ref().map(slice),
                    "cue": slice(&mention.cue),
                    "scope": format!("{:?}", mention.scope),
                    "year": mention.year,
                    "date": mention.date.as_ref().map(slice),
                    "group": mention.group,
                    "hedges": mention.hedges,
                    "sentence": slice(&mention.evidence),
                })
            })
            .collect();
        let line = json!({
            "doc_id": doc.doc_id,
            "half": result.half,
            "predicted": result.predicted,
            "gold": result.gold,
            "written": result.written,
            "event_date": result.event_date.map(|date| date.iso()),
            "gold_date": result.gold_date.map(|date| date.to_string()),
            "dct": doc.dct,
            "mentions": mentions,
            "text": text,
        });
        serde_json::to_writer(&mut out, &line)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

fn write_table(out: &mut impl Write, report: &EvalReport, file: &Path) -> std::io::Result<()> {
    writeln!(
        out,
        "{} on {}: {} documents",
        report.rules,
        file.display(),
        report.documents
    )?;
    match &report.ner_model {
        Some(model) => writeln!(out, "named entities from {model}, as `newsgrist run` reads them")?,
        None => writeln!(
            out,
            "rules on the text alone (--no-ner): capitalised words stand in for names"
        )?,
    }
    writeln!(
        out,
        "titles read before the text (as `newsgrist run` reads them): {} of {} documents",
        report.titles_read, report.documents
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<9} {:<18} {:>6} {:>6} {:>9} {:>6} {:>6} {:>7}",
        "kind", "documents", "count", "exact", "accuracy", "over", "under", "missed"
    )?;
    for (kind, scores) in &report.kinds {
        for (subset, score) in subsets(scores) {
            writeln!(
                out,
                "{kind:<9} {subset:<18} {:>6} {:>6} {:>9.3} {:>6} {:>6} {:>7}",
                score.documents, score.exact, score.accuracy, score.over, score.under, score.missed
            )?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "accuracy by half of the incidents (even: developed on; odd: held back)"
    )?;
    writeln!(
        out,
        "{:<9} {:<18} {:>9} {:>9}",
        "kind", "documents", "even", "odd"
    )?;
    for kind in report.kinds.keys() {
        let half = |name: &str| {
            report
                .halves
                .get(name)
                .and_then(|scores| scores.get(kind))
                .cloned()
        };
        let (even, odd) = (half("even").unwrap_or_default(), half("odd").unwrap_or_default());
        for ((subset, even), (_, odd)) in subsets(&even).into_iter().zip(subsets(&odd)) {
            writeln!(
                out,
                "{kind:<9} {subset:<18} {:>9.3} {:>9.3}",
                even.accuracy, odd.accuracy
            )?;
        }
    }
    writeln!(out)?;
    let dates = &report.event_date;
    if dates.documents > 0 {
        writeln!(
            out,
            "event date (the main event's toll date against gold.date, {} documents with one)",
            dates.documents
        )?;
        writeln!(
            out,
            "{:<14} {:>9} {:>6} {:>10} {:>9} {:>7}",
            "precision", "predicted", "exact", "within 1 d", "precision", "recall"
        )?;
        writeln!(
            out,
            "{:<14} {:>9} {:>6} {:>10} {:>9.3} {:>7.3}",
            "day", dates.predicted_day, dates.exact, dates.within_one_day, dates.precision, dates.recall
        )?;
        writeln!(
            out,
            "{:<14} {:>9} {:>6}",
            "week/month/yr", dates.predicted_coarser, dates.coarser_consistent
        )?;
        writeln!(out)?;
    }
    writeln!(out, "{:.1} s", report.seconds)
}

fn subsets(scores: &KindScores) -> [(&'static str, &Score); 3] {
    [
        ("all", &scores.all),
        ("gold >= 1", &scores.gold_positive),
        ("gold >= 1, written", &scores.written),
    ]
}
