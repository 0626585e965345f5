//! The short form of `scripts/fault-campaign.sh`: SIGKILL at seeded random
//! moments with the state checked after every kill, and a full disk (a
//! file-size limit) that must stop the run with a clear error and leave no
//! uncommitted byte behind. `resume.rs` covers fixed kill points and the lock.
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// xorshift64*: reproducible delays without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound.max(1)
    }
}

/// The committed state of `out`: `commit.json` parses, and each file's
/// committed prefix is whole JSON lines. Returns the committed lengths.
fn check_committed_state(out: &Path) -> serde_json::Map<String, serde_json::Value> {
    let commit_path = out.join(".newsgrist/commit.json");
    if !commit_path.exists() {
        return serde_json::Map::new();
    }
    let commit: serde_json::Value =
        serde_json::from_str(&read(&commit_path)).expect("commit.json parses after a kill");
    let lengths = commit["lengths"].as_object().expect("lengths").clone();
    for (name, length) in &lengths {
        let bytes = std::fs::read(out.join(name)).expect("committed file exists");
        let length = usize::try_from(length.as_u64().expect("length")).expect("usize");
        assert!(bytes.len() >= length, "{name} is shorter than its commit point");
        let committed = &bytes[..length];
        assert!(
            committed.is_empty() || committed.ends_with(b"\n"),
            "{name}: the commit point is mid-line"
        );
        for line in committed.split(|&b| b == b'\n').filter(|line| !line.is_empty()) {
            serde_json::from_slice::<serde_json::Value>(line)
                .unwrap_or_else(|err| panic!("{name}: committed line does not parse: {err}"));
        }
    }
    lengths
}

fn assert_same_state(reference: &Path, out: &Path) {
    assert_same_outputs(reference, out);
    let seen = ".newsgrist/seen.jsonl";
    assert!(
        read(&reference.join(seen)) == read(&out.join(seen)),
        "{seen} differs"
    );
}

#[test]
fn seeded_random_kills_resume_to_the_uninterrupted_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus.jsonl");
    synthetic_jsonl(&corpus, 3000);
    let reference = dir.path().join("reference");
    let began = Instant::now();
    assert_eq!(
        start_crashable(&corpus, &reference).wait().expect("wait").code(),
        Some(0)
    );
    let span = began.elapsed().as_millis() as u64;

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut interrupted = 0;
    for case in 0..3 {
        let out = dir.path().join(format!("killed-{case}"));
        let delay = 5 + rng.below(span);
        let mut child = start_crashable(&corpus, &out);
        std::thread::sleep(Duration::from_millis(delay));
        if child.try_wait().expect("poll").is_none() {
            interrupted += 1;
        }
        child.kill().ok(); // SIGKILL
        child.wait().expect("reap");
        check_committed_state(&out);
        let status = start_crashable(&corpus, &out).wait().expect("wait");
        assert_eq!(status.code(), Some(0), "case {case} (kill at {delay} ms)");
        assert_same_state(&reference, &out);
    }
    // The delays are drawn below the reference run's length, so on a machine
    // where a rerun is much faster than the reference every run can finish
    // first; that proves nothing, but is not a failure of newsgrist.
    if interrupted == 0 {
        eprintln!("warning: no run was killed before it finished");
    }
}

#[test]
fn a_full_disk_stops_the_run_cleanly_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus.jsonl");
    synthetic_jsonl(&corpus, 3000);
    let reference = dir.path().join("reference");
    assert_eq!(
        start_crashable(&corpus, &reference).wait().expect("wait").code(),
        Some(0)
    );
    let documents_bytes = std::fs::metadata(reference.join("documents.jsonl"))
        .expect("documents.jsonl")
        .len();

    // A file-size limit a quarter of documents.jsonl (in 1024-byte units, or
    // 512 where the shell counts so): the run hits it after some commits.
    // newsgrist handles SIGXFSZ, so the write fails with EFBIG instead of the
    // signal killing the process.
    let out = dir.path().join("out");
    let limit = (documents_bytes / 4 / 1024).max(8);
    let binary = env!("CARGO_BIN_EXE_newsgrist");
    let script = format!("ulimit -f {limit} && exec \"$0\" \"$@\"");
    let output = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(binary)
        .args(crashable_run_args(&corpus, &out))
        .current_dir(repo())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .output()
        .expect("run under a file-size limit");
    let message = stderr(&output);
    assert_eq!(code(&output), 1, "{message}");
    assert!(message.contains("documents.jsonl"), "names the file: {message}");
    assert!(message.contains("file too large"), "says why: {message}");

    // No half-written record: every file ends exactly at its commit point
    // (regression: buffered records used to be flushed after the cut).
    let lengths = check_committed_state(&out);
    assert!(!lengths.is_empty(), "some commits happened before the limit");
    for name in OUTPUT_FILES.iter().chain([&".newsgrist/seen.jsonl"]) {
        let size = std::fs::metadata(out.join(name)).expect("file").len();
        let committed = lengths
            .get(*name)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0);
        assert_eq!(size, committed, "{name} holds bytes past its commit point");
        jsonl(&out.join(name));
    }

    let status = start_crashable(&corpus, &out).wait().expect("wait");
    assert_eq!(status.code(), Some(0), "the rerun with room completes");
    assert_same_state(&reference, &out);
}
