//! Cron-style reruns: only new or changed documents are processed.
use std::path::Path;

use crate::common::*;

fn run_dir(corpus: &Path, out: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec![
        "run",
        corpus.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    let output = run(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    serde_json::from_str(&read(&out.join("run.json"))).expect("run.json")
}

#[test]
fn rerun_processes_only_new_and_changed_documents() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::write(corpus.join("a.txt"), "First article about a blast.").expect("write");
    std::fs::write(
        corpus.join("b.jsonl"),
        "{\"id\": \"b1\", \"text\": \"Second article.\"}\n",
    )
    .expect("write");
    let out = dir.path().join("out");

    let first = run_dir(&corpus, &out, &[]);
    assert_eq!(first["run"], 1);
    assert_eq!(first["counts"]["documents"], 2);

    let again = run_dir(&corpus, &out, &[]);
    assert_eq!(again["run"], 2);
    assert_eq!(again["counts"]["documents"], 0);
    assert_eq!(again["counts"]["unchanged"], 2);
    assert_eq!(jsonl(&out.join("documents.jsonl")).len(), 2);

    std::fs::write(corpus.join("c.txt"), "A new article arrived overnight.").expect("write");
    std::fs::write(
        corpus.join("b.jsonl"),
        "{\"id\": \"b1\", \"text\": \"Second article, corrected.\"}\n",
    )
    .expect("write");
    let grown = run_dir(&corpus, &out, &[]);
    assert_eq!(
        grown["counts"]["documents"], 2,
        "the new and the changed document"
    );
    assert_eq!(grown["counts"]["unchanged"], 1);
    let documents = jsonl(&out.join("documents.jsonl"));
    assert_eq!(documents.len(), 4);
    let revisions: Vec<(String, u64)> = documents
        .iter()
        .map(|doc| {
            (
                doc["doc_id"].as_str().expect("id").to_owned(),
                doc["revision"].as_u64().expect("revision"),
            )
        })
        .collect();
    assert!(revisions.contains(&("b1".to_owned(), 1)));
    assert!(revisions.contains(&("b1".to_owned(), 2)), "{revisions:?}");
}

#[test]
fn full_reprocesses_everything_and_equals_a_fresh_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let fresh = dir.path().join("fresh");
    run_dir(Path::new("corpus"), &out, &[]);
    let report = run_dir(Path::new("corpus"), &out, &["--full"]);
    assert_eq!(report["run"], 1, "--full starts the directory over");
    assert_eq!(report["counts"]["documents"], 10);
    run_dir(Path::new("corpus"), &fresh, &[]);
    assert_same_outputs(&out, &fresh);
}
