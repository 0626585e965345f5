//! Bad input never stops a run: every problem is one reject with its path,
//! line and reason, and the good documents are still processed.
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command;

use crate::common::*;

fn gzip(path: &Path, bytes: &[u8]) {
    let file = std::fs::File::create(path).expect("create");
    let mut encoder = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip finish");
}

#[test]
fn broken_files_become_rejects_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("broken");
    std::fs::create_dir_all(corpus.join("loop")).expect("mkdir");
    std::fs::write(corpus.join("good.txt"), "Title\n\nA good article.").expect("write");
    std::fs::write(corpus.join("latin1.txt"), b"Caf\xe9 bombing").expect("write");
    std::fs::write(corpus.join("empty.txt"), "  \n").expect("write");
    std::fs::write(corpus.join("binary.txt"), b"\x7fELF\x00\x00\x01").expect("write");
    std::fs::write(corpus.join("big.txt"), "x".repeat(5000)).expect("write");
    std::fs::write(
        corpus.join("mixed.jsonl"),
        "{\"id\": \"ok1\", \"text\": \"Fine.\"}\n{not json}\n[1, 2]\n{\"title\": \"no text\"}\n\n{\"id\": \"ok2\", \"text\": \"Also fine.\"}\n",
    )
    .expect("write");
    std::fs::write(corpus.join("truncated.json.gz"), b"\x1f\x8b\x08\x00garbage").expect("write");
    gzip(&corpus.join("bomb.txt.gz"), &vec![b'a'; 1_000_000]);
    std::fs::write(
        corpus.join("unterminated.html"),
        "<html><body><p>Unclosed <b>text",
    )
    .expect("write");
    std::fs::write(corpus.join("new\nline.txt"), "A file name with a newline.").expect("write");
    // A name that is not UTF-8 is still read (it was once skipped as "ignored").
    let latin1_name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(corpus.join(latin1_name), "A file name in Latin-1.").expect("write");
    // A named pipe without a writer: opening it would block the run forever.
    let fifo = Command::new("mkfifo")
        .arg(corpus.join("pipe.jsonl"))
        .status()
        .is_ok_and(|status| status.success());
    std::fs::write(corpus.join("photo.jpg"), b"\xff\xd8\xff").expect("write");
    std::os::unix::fs::symlink(&corpus, corpus.join("loop/back")).expect("symlink");
    std::os::unix::fs::symlink(corpus.join("missing.txt"), corpus.join("dangling.txt")).expect("symlink");

    let out = dir.path().join("out");
    let output = run(&[
        "run",
        corpus.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
        "--max-doc-bytes",
        "4096",
    ]);
    assert_eq!(
        code(&output),
        3,
        "exit code 3 means finished with rejects: {}",
        stderr(&output)
    );

    let rejects = jsonl(&out.join("rejects.jsonl"));
    let reason_of = |suffix: &str| -> Vec<String> {
        rejects
            .iter()
            .filter(|reject| {
                let source = &reject["source"];
                let place = format!(
                    "{}:{}",
                    source["path"].as_str().unwrap_or_default(),
                    source["line"]
                );
                place.contains(suffix)
            })
            .map(|reject| reject["reason"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(reason_of("latin1.txt"), ["invalid_utf8"]);
    assert_eq!(reason_of("empty.txt"), ["empty_text"]);
    assert_eq!(reason_of("binary.txt"), ["binary"]);
    assert_eq!(reason_of("big.txt"), ["too_large"]);
    assert_eq!(reason_of("mixed.jsonl:2"), ["malformed_json"]);
    assert_eq!(reason_of("mixed.jsonl:3"), ["malformed_json"]);
    assert_eq!(reason_of("mixed.jsonl:4"), ["missing_text"]);
    assert_eq!(reason_of("truncated.json.gz"), ["unreadable"]);
    assert_eq!(reason_of("bomb.txt.gz"), ["too_large"]);
    assert_eq!(reason_of("dangling.txt"), ["walk_error"]);
    assert_eq!(reason_of("loop/back"), ["walk_error"]);
    if fifo {
        assert_eq!(reason_of("pipe.jsonl"), ["unreadable"]);
    }
    for reject in &rejects {
        assert!(!reject["message"].as_str().unwrap_or_default().is_empty());
    }

    let documents = jsonl(&out.join("documents.jsonl"));
    let texts: Vec<&str> = documents.iter().filter_map(|doc| doc["text"].as_str()).collect();
    assert!(texts.contains(&"A good article."));
    assert!(texts.contains(&"Fine."));
    assert!(texts.contains(&"Also fine."));
    assert!(texts.contains(&"Unclosed text"));
    assert!(texts.contains(&"A file name with a newline."));
    assert!(texts.contains(&"A file name in Latin-1."));
    let report: serde_json::Value = serde_json::from_str(&read(&out.join("run.json"))).expect("run.json");
    assert_eq!(report["ignored_files"], 1, "photo.jpg");
    assert_eq!(report["counts"]["rejects"].as_u64(), Some(rejects.len() as u64));
}

#[test]
fn long_documents_are_never_truncated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("long.txt");
    let sentence = "Officials said at least 12 people were killed in the attack on the market. ";
    let text = sentence.repeat(30_000);
    std::fs::write(&path, &text).expect("write");
    let out = dir.path().join("out");
    let output = run(&[
        "run",
        path.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
        // the model stages' windowing of long texts is tested in src/model
        "--no-ner",
        "--no-attribution",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let documents = jsonl(&out.join("documents.jsonl"));
    assert_eq!(documents[0]["chars"].as_u64(), Some(text.chars().count() as u64));
    assert_eq!(documents[0]["sentences"].as_array().map(Vec::len), Some(30_000));
}

#[test]
fn explicit_files_of_unknown_type_and_missing_paths_are_rejected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let jpg = dir.path().join("photo.jpg");
    std::fs::write(&jpg, b"\xff\xd8").expect("write");
    let output = run(&["run", jpg.to_str().expect("utf-8"), "no/such/dir", "--stdout"]);
    assert_eq!(code(&output), 3, "{}", stderr(&output));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("json line"))
        .collect();
    let reasons: Vec<&str> = lines
        .iter()
        .filter_map(|line| line["reject"]["reason"].as_str())
        .collect();
    assert_eq!(reasons, ["unsupported_format", "unreadable"]);
}

#[test]
fn usage_errors_exit_with_2() {
    let output = run(&["run", "corpus", "--out", "/tmp/unused", "--shard", "5/4"]);
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert!(stderr(&output).contains("--shard expects K/N"));
    let output = run(&["run", "corpus"]);
    assert_eq!(code(&output), 2, "--out or --stdout is required");
}
