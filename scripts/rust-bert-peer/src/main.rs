//! rust-bert's NER pipeline (`NERModel::predict_full_entities`, libtorch fp32)
//! timed over a JSONL slice of news articles: the baseline issue #3 sets
//! newsgrist's NER throughput against.
//!
//! usage: rust-bert-peer MODEL_DIR SLICE.jsonl [BATCH_SIZE]
//! MODEL_DIR holds `rust_model.safetensors`, `config.json` and `vocab.txt`
//! (scripts/rust_bert_weights.py writes them). Prints one JSON line:
//! documents, subword tokens (the same tokenizer count newsgrist reports),
//! entities, seconds (model load excluded), batch size, torch threads.
use std::io::BufRead;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use rust_bert::pipelines::common::{ModelResource, ModelType};
use rust_bert::pipelines::ner::NERModel;
use rust_bert::pipelines::token_classification::{LabelAggregationOption, TokenClassificationConfig};
use rust_bert::resources::LocalResource;
use tch::Device;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (dir, slice) = match (args.get(1), args.get(2)) {
        (Some(dir), Some(slice)) => (PathBuf::from(dir), PathBuf::from(slice)),
        _ => anyhow::bail!("usage: rust-bert-peer MODEL_DIR SLICE.jsonl [BATCH_SIZE]"),
    };
    let batch_size: usize = args.get(3).map(|b| b.parse()).transpose()?.unwrap_or(64);

    let texts = read_texts(&slice)?;
    let mut config = TokenClassificationConfig::new(
        ModelType::Bert,
        ModelResource::Torch(Box::new(LocalResource::from(dir.join("rust_model.safetensors")))),
        LocalResource::from(dir.join("config.json")),
        LocalResource::from(dir.join("vocab.txt")),
        None,
        true,
        None,
        None,
        LabelAggregationOption::First,
    );
    config.device = Device::Cpu;
    config.batch_size = batch_size;
    let model = NERModel::new(config).context("loading the rust-bert model")?;
    let lengths = token_counts(&dir, &texts)?;
    let groups = feature_groups(&lengths, batch_size);
    let max_features = lengths.iter().map(|&len| features(len)).max().unwrap_or(0);
    anyhow::ensure!(
        max_features <= batch_size,
        "a document needs {max_features} windows, more than the batch size {batch_size}"
    );

    let start = Instant::now();
    let mut entities = 0usize;
    for group in &groups {
        let refs: Vec<&str> = texts[group.clone()].iter().map(String::as_str).collect();
        entities += model
            .predict_full_entities(&refs)
            .iter()
            .map(Vec::len)
            .sum::<usize>();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "documents": texts.len(),
            "tokens": lengths.iter().sum::<usize>(),
            "windows": lengths.iter().map(|&len| features(len)).sum::<usize>(),
            "calls": groups.len(),
            "entities": entities,
            "seconds": seconds,
            "batch_size": batch_size,
            "torch_threads": tch::get_num_threads(),
        })
    );
    Ok(())
}

fn read_texts(path: &PathBuf) -> Result<Vec<String>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut texts = Vec::new();
    for (number, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        let value: serde_json::Value =
            serde_json::from_str(&line).with_context(|| format!("{}:{}", path.display(), number + 1))?;
        let text = value.get("text").and_then(|t| t.as_str()).unwrap_or_default();
        texts.push(text.to_string());
    }
    Ok(texts)
}

/// Consecutive runs of documents whose windows fill at most one batch.
///
/// rust-bert 0.23's `TokenClassificationModel::predict` reads the features of
/// its first batch for every later batch (`features[sentence_idx]` where
/// `features[start + sentence_idx]` is meant): given more windows than its
/// batch size, it mislabels them or panics. One batch per call avoids that
/// without changing how each batch is built and run.
fn feature_groups(lengths: &[usize], batch_size: usize) -> Vec<std::ops::Range<usize>> {
    let mut groups = Vec::new();
    let (mut start, mut windows) = (0, 0);
    for (index, &len) in lengths.iter().enumerate() {
        let needed = features(len);
        if windows + needed > batch_size && index > start {
            groups.push(start..index);
            start = index;
            windows = 0;
        }
        windows += needed;
    }
    if start < lengths.len() {
        groups.push(start..lengths.len());
    }
    groups
}

/// Windows rust-bert cuts a text of `len` subword tokens into
/// (`generate_features`: 254 content tokens, stride 256 / 4).
fn features(len: usize) -> usize {
    const CONTENT: usize = 254;
    const STRIDE: usize = 64;
    let (mut spans, mut start) = (0, 0);
    while spans * STRIDE < len {
        let end = (start + CONTENT).min(len);
        spans += 1;
        if end == len {
            break;
        }
        start = end - STRIDE;
    }
    spans
}

/// Subword tokens of each text, without special tokens: newsgrist's "tokens".
fn token_counts(dir: &std::path::Path, texts: &[String]) -> Result<Vec<usize>> {
    use rust_bert::pipelines::common::TokenizerOption;
    let tokenizer = TokenizerOption::from_file(
        ModelType::Bert,
        dir.join("vocab.txt")
            .to_str()
            .context("model path is not UTF-8")?,
        None,
        true,
        None,
        None,
    )?;
    Ok(texts.iter().map(|t| tokenizer.tokenize(t).len()).collect())
}
