//! `newsgrist eval attribution FILE.jsonl`: source, cue and content spans
//! of the attribution model against PolNeAR-shaped gold, exact and
//! overlapping, as a table or one JSON object (`--json`).
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use newsgrist::claims::eval::{disagreements, read_gold, AttributionScores, GoldDocument, Prf};
use newsgrist::claims::{AttributionModel, Role};
use newsgrist::model::TextInput;
use newsgrist::text::{split_sentences, NormalizedText};
use serde_json::json;

use super::args::EvalAttributionArgs;
use super::run_command::model_dir;

/// A predicted span: its role and character range.
type RoleSpan = (Role, usize, usize);

pub fn run(args: &EvalAttributionArgs) -> anyhow::Result<ExitCode> {
    let threads = super::thread_count(args.options.threads)?;
    let gold = read_gold(&args.file)?;
    let dir = model_dir(args.options.model.as_deref(), "attribution");
    let model = AttributionModel::load(&dir).with_context(|| {
        format!(
            "cannot load the attribution model from {} (--model DIR)",
            dir.display()
        )
    })?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let start = Instant::now();
    let predicted = pool
        .install(|| predict(&model, &gold))
        .context("the evaluation failed")?;
    let seconds = start.elapsed().as_secs_f64();
    let mut scores = AttributionScores::default();
    for (doc, spans) in gold.iter().zip(&predicted) {
        scores.add(doc, spans);
    }
    if let Some(path) = &args.mismatches {
        write_mismatches(path, &gold, &predicted)
            .with_context(|| format!("cannot write the mismatches to {}", path.display()))?;
    }
    let model_id = model.model_id().unwrap_or("unnamed");
    let mut out = std::io::stdout().lock();
    if args.options.json {
        serde_json::to_writer(&mut out, &report_json(&scores, model_id, seconds))?;
        writeln!(out)?;
    } else {
        write_table(
            &mut out,
            &scores,
            model_id,
            seconds,
            &args.file.display().to_string(),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Predicted spans of every document as character ranges of its text.
fn predict(
    model: &AttributionModel,
    gold: &[GoldDocument],
) -> Result<Vec<Vec<RoleSpan>>, newsgrist::model::ModelError> {
    let normalized: Vec<NormalizedText> = gold.iter().map(|doc| NormalizedText::new(&doc.text)).collect();
    let sentences: Vec<_> = normalized
        .iter()
        .map(|text| split_sentences(text.as_str()))
        .collect();
    let inputs: Vec<TextInput<'_>> = normalized
        .iter()
        .zip(&sentences)
        .map(|(text, sentences)| TextInput {
            text: text.as_str(),
            sentences,
        })
        .collect();
    let tagged = model.tag(&inputs)?;
    Ok(tagged
        .iter()
        .zip(&normalized)
        .map(|(spans, text)| {
            spans
                .iter()
                .map(|span| {
                    let chars = text.to_original(span.range.start, span.range.end);
                    (span.role, chars.start, chars.end)
                })
                .collect()
        })
        .collect())
}

/// One line per disagreement: document line, role, side, the span's text
/// and the sentence around it.
fn write_mismatches(path: &Path, gold: &[GoldDocument], predicted: &[Vec<RoleSpan>]) -> anyhow::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    for (doc, spans) in gold.iter().zip(predicted) {
        let chars: Vec<char> = doc.text.chars().collect();
        let slice = |start: usize, end: usize| -> String {
            let end = end.min(chars.len());
            chars[start.min(end)..end].iter().collect()
        };
        for found in disagreements(doc, spans) {
            // the context: from the sentence end or line break before to the one after
            let is_break = |c: &char| matches!(c, '\n' | '.' | '?' | '!');
            let (start, end) = (found.start.min(chars.len()), found.end.min(chars.len()));
            let from = chars[..start].iter().rposition(is_break).map_or(0, |at| at + 1);
            let to = chars[end..]
                .iter()
                .position(is_break)
                .map_or(chars.len(), |at| end + at + 1);
            serde_json::to_writer(
                &mut out,
                &json!({
                    "line": doc.line,
                    "role": found.role.name(),
                    "side": if found.missed { "missed" } else { "spurious" },
                    "start": found.start,
                    "end": found.end,
                    "text": slice(found.start, found.end),
                    "context": slice(from, to).trim(),
                }),
            )?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn micro(scores: &AttributionScores, overlap: bool) -> Prf {
    let total = scores.total();
    if overlap {
        total.overlap()
    } else {
        total.exact()
    }
}

fn report_json(scores: &AttributionScores, model: &str, seconds: f64) -> serde_json::Value {
    let overall = micro(scores, true);
    let per_role: serde_json::Map<String, serde_json::Value> = Role::ALL
        .iter()
        .map(|&role| {
            let counts = scores.role(role);
            (
                role.name().to_owned(),
                json!({
                    "overlap": counts.overlap(),
                    "exact": counts.exact(),
                    "predicted": counts.predicted,
                    "gold": counts.gold,
                }),
            )
        })
        .collect();
    json!({
        "precision": overall.precision,
        "recall": overall.recall,
        "f1": overall.f1,
        "matching": "overlap, micro-averaged over source, cue and content",
        "exact": micro(scores, false),
        "per_type": per_role,
        "model": model,
        "documents": scores.documents,
        "seconds": seconds,
    })
}

fn write_table(
    out: &mut impl Write,
    scores: &AttributionScores,
    model: &str,
    seconds: f64,
    file: &str,
) -> std::io::Result<()> {
    writeln!(
        out,
        "attribution spans: {file} ({} documents, model {model}, {seconds:.1} s)",
        scores.documents
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<9} {:>9} {:>6}   {:>7} {:>6} {:>6}   {:>9} {:>6} {:>6}",
        "role", "predicted", "gold", "exact P", "R", "F1", "overlap P", "R", "F1"
    )?;
    let row = |out: &mut dyn Write, name: &str, predicted: usize, gold: usize, exact: Prf, overlap: Prf| {
        writeln!(
            out,
            "{name:<9} {predicted:>9} {gold:>6}   {:>7.1} {:>6.1} {:>6.1}   {:>9.1} {:>6.1} {:>6.1}",
            exact.precision * 100.0,
            exact.recall * 100.0,
            exact.f1 * 100.0,
            overlap.precision * 100.0,
            overlap.recall * 100.0,
            overlap.f1 * 100.0
        )
    };
    let (mut predicted, mut gold) = (0, 0);
    for role in Role::ALL {
        let counts = scores.role(role);
        predicted += counts.predicted;
        gold += counts.gold;
        row(
            out,
            role.name(),
            counts.predicted,
            counts.gold,
            counts.exact(),
            counts.overlap(),
        )?;
    }
    row(
        out,
        "all",
        predicted,
        gold,
        micro(scores, false),
        micro(scores, true),
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "exact: same span once characters other than letters and digits are trimmed from both ends; overlap: at least one shared character"
    )
}
