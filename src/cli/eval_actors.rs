//! `newsgrist eval actors FILE`: within-document clustering scores of the
//! actor rules on WikiEvents, as a table or one JSON object (`--json`);
//! `--errors` writes the gold clusters the rules got wrong.
use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use newsgrist::actors::eval::{coref_path, evaluate, EvalReport, Prf};
use newsgrist::actors::ActorStage;

use super::args::EvalActorsArgs;

pub fn run(args: &EvalActorsArgs) -> anyhow::Result<ExitCode> {
    for path in [args.file.clone(), coref_path(&args.file)] {
        anyhow::ensure!(
            path.exists(),
            "{} is absent (WikiEvents: ../shared/data/wikievents/dev.jsonl and coref_dev.jsonlines next to it)",
            path.display()
        );
    }
    let stage = ActorStage::with_alias_files(&args.aliases).context("cannot load --aliases")?;
    let report = evaluate(&args.file, stage.gazetteer())
        .with_context(|| format!("cannot evaluate on {}", args.file.display()))?;
    if let Some(path) = &args.errors {
        let write = || -> anyhow::Result<()> {
            let mut out = BufWriter::new(File::create(path)?);
            for error in &report.errors {
                serde_json::to_writer(&mut out, error)?;
                writeln!(out)?;
            }
            out.flush()?;
            Ok(())
        };
        write().with_context(|| format!("cannot write {}", path.display()))?;
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write_table(&mut out, &report, &args.file.display().to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_table(out: &mut impl Write, report: &EvalReport, file: &str) -> std::io::Result<()> {
    writeln!(out, "{} on {file}", report.rules)?;
    writeln!(out, "method: {}", report.method)?;
    writeln!(
        out,
        "{} documents, {} named mentions, {} gold clusters, {} predicted clusters",
        report.documents, report.named_mentions, report.gold_clusters, report.metrics.predicted_clusters
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<10} {:>9} {:>9} {:>9}   {:>22}",
        "metric", "precision", "recall", "F1", "exact-name baseline F1"
    )?;
    let rows: [(&str, &Prf, &Prf); 3] = [
        (
            "B-cubed",
            &report.metrics.b_cubed,
            &report.baseline_exact_name.b_cubed,
        ),
        (
            "pairwise",
            &report.metrics.pairwise,
            &report.baseline_exact_name.pairwise,
        ),
        ("MUC", &report.metrics.muc, &report.baseline_exact_name.muc),
    ];
    for (name, prf, baseline) in rows {
        writeln!(
            out,
            "{name:<10} {:>9.3} {:>9.3} {:>9.3}   {:>22.3}",
            prf.precision, prf.recall, prf.f1, baseline.f1
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "precision, recall and F1 in --json are B-cubed's; {:.2} s",
        report.seconds
    )
}
