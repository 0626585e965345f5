//! `newsgrist eval`: measures a stage on labelled data and prints a table
//! or one JSON object.
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use newsgrist::model::{RunnerOptions, WordRule};
use newsgrist::ner::eval::{evaluate, EvalReport};
use newsgrist::ner::{conll, Decoding, NerStage};

use super::args::{DecodeArg, EvalArgs, EvalNerArgs, EvalTarget, GlobalArgs};
use super::logging;

pub fn run(args: EvalArgs, global: GlobalArgs) -> anyhow::Result<ExitCode> {
    logging::init(&global);
    match args.target {
        EvalTarget::Ner(ner) => eval_ner(&ner),
        EvalTarget::Casualties(casualties) => super::eval_casualties::run(&casualties),
        EvalTarget::Actors(actors) => super::eval_actors::run(&actors),
        EvalTarget::Attribution(attribution) => super::eval_attribution::run(&attribution),
        EvalTarget::Relations(relations) => super::eval_relations::run(&relations),
    }
}

fn eval_ner(args: &EvalNerArgs) -> anyhow::Result<ExitCode> {
    let threads = super::thread_count(args.threads)?;
    anyhow::ensure!(
        args.batch_size > 0,
        newsgrist::Error::InvalidArgument("--batch-size must be at least 1".into())
    );
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let documents =
        conll::parse(&text).with_context(|| format!("{} is not a CoNLL file", args.file.display()))?;
    let options = RunnerOptions {
        // CoNLL words are given: one model word per CoNLL word, as in training.
        word_rule: WordRule::Whitespace,
        batch_size: args.batch_size,
        max_length: args.max_length,
        target_budget: args.target_budget,
        max_context: args.max_context,
        ..RunnerOptions::default()
    };
    let mut stage = NerStage::load_with(&args.model, options)
        .with_context(|| format!("cannot load the NER model (--model {})", args.model.display()))?;
    match args.decode {
        Some(DecodeArg::Greedy) => stage = stage.with_decoding(Decoding::Greedy),
        Some(DecodeArg::Viterbi) => stage = stage.with_decoding(Decoding::Constrained),
        None => {}
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let evaluation = pool
        .install(|| evaluate(&stage, &documents))
        .context("the evaluation failed")?;
    if let Some(path) = &args.predictions {
        write_predictions(path, &documents, &evaluation.predicted_tags)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let report = evaluation.report;
    tracing::info!(
        threads,
        decoding = ?stage.decoding(),
        batch_size = args.batch_size,
        windows = report.windows,
        seconds = report.seconds,
        "evaluated {}",
        args.file.display()
    );
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write_table(&mut out, &report)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_predictions(
    path: &Path,
    documents: &[conll::Document],
    predicted: &[Vec<String>],
) -> std::io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    let sentences = documents.iter().flat_map(|document| &document.sentences);
    for (sentence, tags) in sentences.zip(predicted) {
        for ((word, gold), tag) in sentence.words.iter().zip(&sentence.tags).zip(tags) {
            writeln!(out, "{word} {gold} {tag}")?;
        }
        writeln!(out)?;
    }
    out.flush()
}

fn write_table(out: &mut impl Write, report: &EvalReport) -> std::io::Result<()> {
    writeln!(
        out,
        "model {} ({} decoding): {} documents, {} sentences, {} tokens",
        report.model.as_deref().unwrap_or("(no id)"),
        report.decoding,
        report.documents,
        report.sentences,
        report.tokens
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<8} {:>9} {:>9} {:>9} {:>8} {:>9}",
        "type", "precision", "recall", "F1", "gold", "predicted"
    )?;
    let rows = report.per_type.iter().map(|(kind, prf)| (kind.as_str(), prf));
    for (kind, prf) in rows.chain(std::iter::once(("overall", &report.overall))) {
        writeln!(
            out,
            "{kind:<8} {:>9.2} {:>9.2} {:>9.2} {:>8} {:>9}",
            prf.precision, prf.recall, prf.f1, prf.support, prf.predicted
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:.1} s: {:.0} tokens/s, {:.1} sentences/s ({} subword tokens, {} windows)",
        report.seconds,
        report.tokens_per_second,
        report.sentences_per_second,
        report.subword_tokens,
        report.windows
    )
}
