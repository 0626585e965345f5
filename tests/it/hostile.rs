//! The hostile corpus of `scripts/hostile-inputs.py`, scaled down (a 2 MB
//! line against a 1 MiB `--max-doc-bytes`, a 50 MB gzip bomb, 10,000 tiny
//! documents): every case ends as the reject or the document its manifest
//! names, nothing else is rejected, the rest of the corpus is processed, and
//! the run exits 3. The full-size corpus and its memory bound are measured by
//! hand (README, "Inputs"); `inputs.rs` covers the single broken files.
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// Runs the generator; `None` when python3 is missing.
fn generate(corpus: &Path, manifest: &Path) -> Option<()> {
    let status = Command::new("python3")
        .arg(repo().join("scripts/hostile-inputs.py"))
        .arg(corpus)
        .args(["--line-mb", "2", "--bomb-mb", "50", "--tiny-docs", "10000"])
        .args(["--near-limit-mb", "0.9", "--manifest"])
        .arg(manifest)
        .stdout(Stdio::null())
        .status()
        .ok()?;
    assert!(status.success(), "the generator failed");
    Some(())
}

/// The outcomes seen per (path relative to the corpus, line).
type Outcomes = BTreeMap<(String, Option<u64>), Vec<String>>;

fn outcomes(corpus: &Path, out: &Path) -> Outcomes {
    let prefix = format!("{}/", corpus.to_str().expect("utf-8"));
    let mut seen = Outcomes::new();
    let mut add = |source: &serde_json::Value, outcome: String| {
        let path = source["path"].as_str().expect("source path");
        let relative = path.strip_prefix(&prefix).unwrap_or(path);
        // The tiny files count as one case.
        let relative = if relative.starts_with("tiny/") {
            "tiny"
        } else {
            relative
        };
        seen.entry((relative.to_owned(), source["line"].as_u64()))
            .or_default()
            .push(outcome);
    };
    for document in jsonl(&out.join("documents.jsonl")) {
        add(&document["source"], "document".to_owned());
    }
    for reject in jsonl(&out.join("rejects.jsonl")) {
        add(
            &reject["source"],
            reject["reason"].as_str().expect("reason").to_owned(),
        );
    }
    seen
}

#[test]
fn every_hostile_input_ends_as_a_reject_or_a_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("hostile");
    let manifest = dir.path().join("manifest.jsonl");
    if generate(&corpus, &manifest).is_none() {
        eprintln!("skipping: python3 is not available to run scripts/hostile-inputs.py");
        return;
    }
    let out = dir.path().join("out");
    let mut child = newsgrist()
        .args([
            "run",
            corpus.to_str().expect("utf-8"),
            "--out",
            out.to_str().expect("utf-8"),
        ])
        .args(["--max-doc-bytes", "1048576", "--no-ner", "--no-attribution"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn newsgrist");
    // No input may hang the run (a named pipe once did).
    let began = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll") {
            break status;
        }
        if began.elapsed() > Duration::from_secs(120) {
            child.kill().ok();
            panic!("newsgrist hung on the hostile corpus");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(3), "finished, with rejects");

    let mut seen = outcomes(&corpus, &out);
    let mut entries = jsonl(&manifest);
    // Cases for one line first; a case without a line takes all of its file.
    entries.sort_by_key(|entry| entry["line"].is_null());
    let mut documents = 0;
    for entry in entries {
        let path = entry["path"].as_str().expect("path").to_owned();
        let line = entry["line"].as_u64();
        let expected = entry["expect"].as_str().expect("expect");
        let count = entry["count"].as_u64().expect("count") as usize;
        let keys: Vec<_> = seen
            .keys()
            .filter(|(p, l)| *p == path && (line.is_none() || *l == line))
            .cloned()
            .collect();
        let got: Vec<String> = keys
            .iter()
            .flat_map(|key| seen.remove(key).unwrap_or_default())
            .collect();
        assert_eq!(
            got,
            vec![expected.to_owned(); count],
            "{path:?} line {line:?}: expected {count} x {expected}"
        );
        if expected == "document" {
            documents += count as u64;
        }
    }
    assert!(seen.is_empty(), "outcomes the manifest does not name: {seen:?}");

    let report: serde_json::Value = serde_json::from_str(&read(&out.join("run.json"))).expect("run.json");
    assert_eq!(
        report["counts"]["documents"].as_u64(),
        Some(documents),
        "{report}"
    );
}
