//! The sample corpus end to end: golden output, determinism across threads
//! and chunk sizes.
use crate::common::*;

/// Rewrite the golden files with `UPDATE_GOLDEN=1 cargo test`.
fn check_golden(actual: &str, name: &str) {
    let path = repo().join("tests/golden/corpus").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().expect("golden dir")).expect("create golden dir");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = read(&path);
    assert!(
        actual == expected,
        "{name} differs from tests/golden/corpus/{name}; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn sample_corpus_matches_golden_output() {
    let out = tempfile::tempdir().expect("tempdir");
    let output = run(&["run", "corpus", "--out", out.path().to_str().expect("utf-8 path")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    for name in OUTPUT_FILES {
        check_golden(&read(&out.path().join(name)), name);
    }
    let documents = jsonl(&out.path().join("documents.jsonl"));
    assert_eq!(documents.len(), 11, "10 articles and one duplicate");
    let duplicates: Vec<_> = documents
        .iter()
        .filter(|doc| doc.get("duplicate_of").is_some())
        .collect();
    assert_eq!(duplicates.len(), 1);
    assert_eq!(duplicates[0]["doc_id"], "sample-duplicate-wire");
    let report: serde_json::Value =
        serde_json::from_str(&read(&out.path().join("run.json"))).expect("run.json");
    assert_eq!(report["counts"]["documents"], 10);
    assert_eq!(report["counts"]["duplicates"], 1);
    // the attribution model is a head on the NER encoder: it makes no model
    // calls of its own, yet tags every token the NER stage read
    let tokens = &report["model_tokens"];
    assert_eq!(tokens["attribution.model_tokens"], 0, "{report}");
    assert_eq!(tokens["attribution.windows"], 0, "{report}");
    assert_eq!(tokens["attribution.tokens"], tokens["ner.tokens"], "{report}");
    assert!(tokens["ner.windows"].as_u64().unwrap_or(0) > 0, "{report}");
}

#[test]
fn the_attribution_head_beside_another_ner_directory_runs_alone_with_the_same_output() {
    let shared = tempfile::tempdir().expect("tempdir");
    let alone = tempfile::tempdir().expect("tempdir");
    let path = |dir: &tempfile::TempDir| dir.path().to_str().expect("utf-8 path").to_owned();
    let output = run(&["run", "corpus", "--out", &path(&shared), "--no-relations"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    // another NER model directory: the head cannot read its calls and runs its own
    let ner_copy = tempfile::tempdir().expect("tempdir");
    for file in ["model.onnx", "tokenizer.json", "config.json"] {
        std::fs::copy(repo().join("models/ner").join(file), ner_copy.path().join(file))
            .expect("copy NER model");
    }
    let output = run(&[
        "run",
        "corpus",
        "--out",
        &path(&alone),
        "--no-relations",
        "--ner-model",
        &path(&ner_copy),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("runs its own model calls"),
        "{}",
        stderr(&output)
    );
    let report: serde_json::Value =
        serde_json::from_str(&read(&alone.path().join("run.json"))).expect("run.json");
    assert!(
        report["model_tokens"]["attribution.model_tokens"]
            .as_u64()
            .unwrap_or(0)
            > 0,
        "{report}"
    );
    for name in ["claims.jsonl", "entities.jsonl"] {
        assert_eq!(
            read(&shared.path().join(name)),
            read(&alone.path().join(name)),
            "{name}: one pass for both heads gives what two passes give"
        );
    }
}

#[test]
fn every_span_points_into_the_text_in_chars() {
    let out = tempfile::tempdir().expect("tempdir");
    let output = run(&["run", "corpus", "--out", out.path().to_str().expect("utf-8 path")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    for doc in jsonl(&out.path().join("documents.jsonl")) {
        let chars: Vec<char> = doc["text"].as_str().expect("text").chars().collect();
        assert_eq!(doc["chars"].as_u64(), Some(chars.len() as u64));
        for sentence in doc["sentences"].as_array().expect("sentences") {
            let (start, end) = (
                sentence[0].as_u64().expect("start") as usize,
                sentence[1].as_u64().expect("end") as usize,
            );
            assert!(start < end && end <= chars.len());
            let text: String = chars[start..end].iter().collect();
            assert_eq!(text.trim(), text, "sentence spans are trimmed: {text:?}");
        }
    }
}

#[test]
fn output_is_identical_for_any_thread_count_and_chunk_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus.jsonl");
    synthetic_jsonl(&corpus, 600);
    let runs = [("1", "256"), ("2", "256"), ("2", "7"), ("3", "1")];
    let mut outs = Vec::new();
    for (threads, chunk) in runs {
        let out = dir.path().join(format!("out-{threads}-{chunk}"));
        let output = run(&[
            "run",
            corpus.to_str().expect("utf-8"),
            "corpus",
            "--out",
            out.to_str().expect("utf-8"),
            "--threads",
            threads,
            "--chunk-docs",
            chunk,
        ]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        outs.push(out);
    }
    for out in &outs[1..] {
        assert_same_outputs(&outs[0], out);
    }
}
