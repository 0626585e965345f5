//! `newsgrist eval relations FILE`: the relation model on KBP37 or CrossRE
//! gold, given the gold entities; a table per type, or one JSON object
//! (`--json`).
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use newsgrist::model::{PairInput, ScoredPair};
use newsgrist::ner::NerStage;
use newsgrist::relations::decide::{kbp37_reading, NONE};
use newsgrist::relations::eval::{
    entity_types, kbp37_scores, read_gold, triple_scores, GoldFormat, GoldSentence, RelationScores, Triple,
    TypeScore,
};
use newsgrist::relations::RelationModel;
use serde_json::json;

use super::args::EvalRelationsArgs;
use super::run_command::model_dir;

pub fn run(args: &EvalRelationsArgs) -> anyhow::Result<ExitCode> {
    let threads = super::thread_count(args.options.threads)?;
    let (format, mut gold) = read_gold(&args.file)?;
    let dir = model_dir(args.options.model.as_deref(), "relations");
    let model = RelationModel::load(&dir).with_context(|| {
        format!(
            "cannot load the relation model from {} (--model DIR)",
            dir.display()
        )
    })?;
    let context_bytes = match (args.whole_sentences, args.context_bytes) {
        (true, _) => None,
        (false, Some(context)) => Some(context),
        (false, None) => Some(model.limits().context_bytes),
    };
    if let Some(context) = context_bytes {
        gold.iter_mut().for_each(|sentence| sentence.crop(context));
    }
    let classifier = model.classifier();
    let head_name = match format {
        GoldFormat::Kbp37 => "kbp37",
        GoldFormat::CrossRe => "crossre",
    };
    let head = classifier.head(head_name).with_context(|| {
        format!(
            "the model in {} has no {head_name} head to score this file with",
            dir.display()
        )
    })?;
    let labels = classifier.heads()[head].labels.clone();
    let pairs: Vec<Vec<(usize, usize)>> = gold
        .iter()
        .map(|sentence| match format {
            GoldFormat::Kbp37 => vec![(0, 1), (1, 0)],
            GoldFormat::CrossRe => ordered_pairs(sentence.entities.len()),
        })
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start worker threads")?;
    let start = Instant::now();
    let types = if classifier.typed_markers() {
        pool.install(|| gold_entity_types(&gold, args.ner_model.as_deref()))?
    } else {
        vec![Vec::new(); gold.len()]
    };
    let type_refs: Vec<Vec<Option<&str>>> = types
        .iter()
        .map(|types| types.iter().map(Option::as_deref).collect())
        .collect();
    let inputs: Vec<PairInput<'_>> = gold
        .iter()
        .zip(&pairs)
        .zip(&type_refs)
        .map(|((sentence, pairs), types)| PairInput {
            text: &sentence.text,
            entities: &sentence.entities,
            types,
            pairs,
        })
        .collect();
    let (scored, counts) = pool
        .install(|| classifier.classify(&inputs))
        .context("the evaluation failed")?;
    let seconds = start.elapsed().as_secs_f64();
    let bias = args
        .no_relation_bias
        .unwrap_or_else(|| classifier.no_relation_bias());
    let scores = match format {
        GoldFormat::Kbp37 => score_kbp37(&gold, &scored, head, &labels, bias),
        GoldFormat::CrossRe => score_crossre(&gold, &scored, head, &labels),
    };
    let model_id = model.model_id().unwrap_or("unnamed");
    let mut out = std::io::stdout().lock();
    if args.options.json {
        let report = json!({
            "format": head_name,
            "measure": measure(format),
            "precision": headline(&scores, format).0,
            "recall": headline(&scores, format).1,
            "f1": headline(&scores, format).2,
            "macro_f1": scores.macro_f1,
            "micro": prf_json(&scores.micro),
            "per_type": scores.per_type.iter().map(|(name, prf)| (name.clone(), prf_json(prf))).collect::<serde_json::Map<_, _>>(),
            "sentences": gold.len(),
            "context_bytes": context_bytes,
            "no_relation_bias": bias,
            "model": model_id,
            "model_tokens": counts.model_tokens,
            "seconds": seconds,
        });
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "relations: {} ({} sentences, {head_name} head of {model_id}, {seconds:.1} s, {:.0} model tokens/s)",
            args.file.display(),
            gold.len(),
            counts.model_tokens as f64 / seconds.max(1e-9)
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "{:<40} {:>6} {:>9} {:>7}   {:>6} {:>6} {:>6}",
            "type", "gold", "predicted", "correct", "P", "R", "F1"
        )?;
        for (name, prf) in &scores.per_type {
            row(&mut out, name, prf)?;
        }
        writeln!(out)?;
        row(&mut out, "micro", &scores.micro)?;
        writeln!(out, "{:<40} {:>56.1}", "macro F1", scores.macro_f1 * 100.0)?;
        writeln!(out)?;
        writeln!(out, "{}", measure(format))?;
        match context_bytes {
            Some(context) => writeln!(
                out,
                "Sentences cut to their entities and {context} bytes around them, as `newsgrist run` reads them \
                 (--whole-sentences for the published benchmark's whole sentences)."
            )?,
            None => writeln!(out, "Whole sentences (the pipeline reads less: see --context-bytes).")?,
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Types of the gold entities from the NER model, for a relation model
/// with typed markers.
fn gold_entity_types(
    gold: &[GoldSentence],
    ner_model: Option<&Path>,
) -> anyhow::Result<Vec<Vec<Option<String>>>> {
    let dir = model_dir(ner_model, "ner");
    let ner = NerStage::load(&dir).with_context(|| {
        format!(
            "the relation model marks entity types, found by the named-entity model; cannot load it from {} (--ner-model DIR)",
            dir.display()
        )
    })?;
    let texts: Vec<&str> = gold.iter().map(|sentence| sentence.text.as_str()).collect();
    let found = ner
        .extract(&texts)
        .context("the named-entity model failed on the gold sentences")?;
    Ok(gold
        .iter()
        .zip(&found)
        .map(|(sentence, found)| entity_types(&sentence.entities, found))
        .collect())
}

fn ordered_pairs(n: usize) -> Vec<(usize, usize)> {
    (0..n)
        .flat_map(|a| (0..n).filter(move |&b| b != a).map(move |b| (a, b)))
        .collect()
}

fn find(scored: &[ScoredPair], head: usize, tail: usize) -> Option<&ScoredPair> {
    scored.iter().find(|pair| pair.head == head && pair.tail == tail)
}

fn score_kbp37(
    gold: &[GoldSentence],
    scored: &[Vec<ScoredPair>],
    head: usize,
    labels: &[String],
    bias: f32,
) -> RelationScores {
    let gold_labels: Vec<String> = gold
        .iter()
        .map(|sentence| {
            sentence
                .kbp37_label
                .clone()
                .unwrap_or_else(|| "no_relation".to_owned())
        })
        .collect();
    let predicted: Vec<String> = scored
        .iter()
        .map(|pairs| {
            let (Some(ab), Some(ba)) = (find(pairs, 0, 1), find(pairs, 1, 0)) else {
                return "no_relation".to_owned();
            };
            match kbp37_reading(labels, &ab.log_probs[head], &ba.log_probs[head], bias) {
                Some((class, true, _)) => format!("{}(e1,e2)", labels[class]),
                Some((class, false, _)) => format!("{}(e2,e1)", labels[class]),
                None => "no_relation".to_owned(),
            }
        })
        .collect();
    let types: Vec<String> = labels.iter().filter(|label| *label != NONE).cloned().collect();
    kbp37_scores(&gold_labels, &predicted, &types)
}

fn score_crossre(
    gold: &[GoldSentence],
    scored: &[Vec<ScoredPair>],
    head: usize,
    labels: &[String],
) -> RelationScores {
    let mut gold_triples: BTreeSet<Triple> = BTreeSet::new();
    let mut predicted: BTreeSet<Triple> = BTreeSet::new();
    for (index, (sentence, pairs)) in gold.iter().zip(scored).enumerate() {
        for (&(a, b), label) in &sentence.relations {
            gold_triples.insert((index, a, b, label.clone()));
        }
        for pair in pairs {
            let scores = &pair.log_probs[head];
            let best = (0..scores.len()).fold(
                0,
                |best, class| if scores[class] > scores[best] { class } else { best },
            );
            if labels[best] != NONE {
                predicted.insert((index, pair.head, pair.tail, labels[best].clone()));
            }
        }
    }
    triple_scores(&gold_triples, &predicted)
}

fn measure(format: GoldFormat) -> &'static str {
    match format {
        GoldFormat::Kbp37 => {
            "KBP37 measure: F1 per type (no_relation excluded; right only with the right argument order), macro-averaged over the 18 types; gold entities given"
        }
        GoldFormat::CrossRe => {
            "CrossRE measure: micro P/R/F1 over (head, tail, label) triples of all ordered gold-entity pairs; gold entities given"
        }
    }
}

/// The headline precision, recall and F1: KBP37's macro figures, CrossRE's micro.
fn headline(scores: &RelationScores, format: GoldFormat) -> (f64, f64, f64) {
    match format {
        GoldFormat::Kbp37 => {
            let n = scores.per_type.len().max(1) as f64;
            (
                scores
                    .per_type
                    .values()
                    .map(|score| score.prf.precision)
                    .sum::<f64>()
                    / n,
                scores
                    .per_type
                    .values()
                    .map(|score| score.prf.recall)
                    .sum::<f64>()
                    / n,
                scores.macro_f1,
            )
        }
        GoldFormat::CrossRe => (
            scores.micro.prf.precision,
            scores.micro.prf.recall,
            scores.micro.prf.f1,
        ),
    }
}

fn prf_json(score: &TypeScore) -> serde_json::Value {
    json!({
        "precision": score.prf.precision,
        "recall": score.prf.recall,
        "f1": score.prf.f1,
        "gold": score.gold,
        "predicted": score.predicted,
        "correct": score.correct,
    })
}

fn row(out: &mut impl Write, name: &str, score: &TypeScore) -> std::io::Result<()> {
    writeln!(
        out,
        "{name:<40} {:>6} {:>9} {:>7}   {:>6.1} {:>6.1} {:>6.1}",
        score.gold,
        score.predicted,
        score.correct,
        score.prf.precision * 100.0,
        score.prf.recall * 100.0,
        score.prf.f1 * 100.0
    )
}
