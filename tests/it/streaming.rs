//! Scale-out hooks: JSONL on stdin with `--stdout`, and `--shard K/N`.
use std::io::Write;
use std::process::Stdio;

use crate::common::*;

#[test]
fn stdin_to_stdout_gives_one_object_per_input_line() {
    let input = "{\"id\": \"x1\", \"text\": \"Police said two men were arrested.\"}\nnot json\n{\"id\": \"x2\", \"body\": \"Second.\"}\n";
    let mut child = newsgrist()
        .args(["run", "-", "--stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let output = child.wait_with_output().expect("wait");
    assert_eq!(code(&output), 3, "{}", stderr(&output));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["document"]["doc_id"], "x1");
    assert!(lines[0]["entities"].is_array());
    assert_eq!(lines[1]["reject"]["source"]["path"], "-");
    assert_eq!(lines[1]["reject"]["source"]["line"], 2);
    assert_eq!(lines[2]["document"]["text"], "Second.");
}

#[test]
fn shards_split_the_corpus_without_overlap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus.jsonl");
    synthetic_jsonl(&corpus, 300);
    let ids = |args: &[&str]| -> Vec<String> {
        let output = run(args);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(|line| serde_json::from_str::<serde_json::Value>(line).expect("json"))
            .map(|line| line["document"]["doc_id"].as_str().expect("id").to_owned())
            .collect()
    };
    let path = corpus.to_str().expect("utf-8");
    // Duplicates are found within a shard only (documented), so compare all
    // document records, duplicates included.
    let mut all = ids(&["run", path, "--stdout"]);
    let mut union = Vec::new();
    for shard in ["0/3", "1/3", "2/3"] {
        let part = ids(&["run", path, "--stdout", "--shard", shard]);
        assert!(part.len() > 50 && part.len() < 150, "{shard}: {}", part.len());
        union.extend(part);
    }
    all.sort();
    union.sort();
    assert_eq!(all, union);
}
