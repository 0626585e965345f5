//! Crash safety: a run killed with SIGKILL at any moment, then rerun, ends
//! with exactly the output of an uninterrupted run; a second run on a busy
//! output directory is refused.
use std::time::Duration;

use crate::common::*;

#[test]
fn killed_runs_resume_to_the_uninterrupted_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus.jsonl");
    synthetic_jsonl(&corpus, 4000);
    let reference = dir.path().join("reference");
    let status = start_crashable(&corpus, &reference).wait().expect("wait");
    assert_eq!(status.code(), Some(0));

    let mut interrupted_at_least_once = false;
    // Several kill points, some landing mid-commit; each directory is killed
    // twice before it is allowed to finish.
    for (case, delays) in [[15u64, 40], [60, 5], [120, 90], [200, 30], [35, 250]]
        .iter()
        .enumerate()
    {
        let out = dir.path().join(format!("killed-{case}"));
        for delay in delays {
            let mut child = start_crashable(&corpus, &out);
            std::thread::sleep(Duration::from_millis(*delay));
            if child.try_wait().expect("poll").is_none() {
                interrupted_at_least_once = true;
            }
            child.kill().ok();
            child.wait().expect("reap");
        }
        let status = start_crashable(&corpus, &out).wait().expect("wait");
        assert_eq!(status.code(), Some(0), "case {case}: the resumed run finishes");
        assert_same_outputs(&reference, &out);
        let report: serde_json::Value = serde_json::from_str(&read(&out.join("run.json"))).expect("run.json");
        let reference_report: serde_json::Value =
            serde_json::from_str(&read(&reference.join("run.json"))).expect("run.json");
        assert_eq!(report["counts"], reference_report["counts"], "case {case}");
    }
    assert!(
        interrupted_at_least_once,
        "no run was killed before it finished; the test proves nothing"
    );
}

#[test]
fn a_second_run_on_a_locked_directory_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join(".newsgrist")).expect("mkdir");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(".newsgrist/lock"))
        .expect("open lock");
    lock.lock().expect("hold the lock as another run would");
    let output = run(&["run", "corpus", "--out", out.to_str().expect("utf-8")]);
    assert_eq!(code(&output), 75, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("another newsgrist run holds the lock"),
        "{}",
        stderr(&output)
    );
    drop(lock);
    let output = run(&["run", "corpus", "--out", out.to_str().expect("utf-8")]);
    assert_eq!(code(&output), 0, "the lock is free again: {}", stderr(&output));
}

#[test]
fn an_interrupted_run_is_not_resumed_with_other_inputs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("corpus.jsonl");
    synthetic_jsonl(&corpus, 4000);
    let out = dir.path().join("out");
    let mut child = start_crashable(&corpus, &out);
    // Wait for a first commit, then kill before the end.
    let commit = out.join(".newsgrist/commit.json");
    for _ in 0..400 {
        if commit.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().ok();
    child.wait().expect("reap");
    let state: serde_json::Value = serde_json::from_str(&read(&commit)).expect("commit.json");
    if state["complete"] == true {
        eprintln!("skipping: the run finished before it could be killed");
        return;
    }
    let output = run(&["run", "corpus", "--out", out.to_str().expect("utf-8")]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot be resumed"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("--full"), "{}", stderr(&output));
}
