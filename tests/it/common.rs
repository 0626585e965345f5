//! Helpers: running the binary, reading output files, making corpora.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub use newsgrist::output::OUTPUT_FILES;

/// Runs the binary on `texts`, one document each (ids `wire-0`, `wire-1`,
/// ...), with `flags`, and returns the temporary directory (keep it alive)
/// and the output directory inside it.
pub fn run_on_texts<'a>(
    texts: impl Iterator<Item = &'a str>,
    flags: &[&str],
) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("wire.jsonl");
    let body: String = texts
        .enumerate()
        .map(|(i, text)| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("wire-{i}"), "text": text})
            )
        })
        .collect();
    std::fs::write(&input, body).expect("write input");
    let out = dir.path().join("out");
    let mut args = vec![
        "run",
        input.to_str().expect("utf-8 path"),
        "--quiet",
        "--out",
        out.to_str().expect("utf-8 path"),
    ];
    args.extend_from_slice(flags);
    let output = run(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    (dir, out)
}

/// One line of a hand-checked fixture: `TEXT ||| EXPECTED [||| known miss: why]`
/// (lines starting with `#` and blank lines are skipped).
pub struct FixtureLine {
    pub text: String,
    /// The expectation as written, for the test to parse.
    pub expected: String,
    pub known_miss: Option<String>,
}

/// The lines of `tests/fixtures/{name}`.
pub fn fixture_lines(name: &str) -> Vec<FixtureLine> {
    let body = read(&repo().join("tests/fixtures").join(name));
    body.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let mut parts = line.split("|||").map(str::trim);
            let text = parts.next().unwrap_or_default().to_owned();
            let expected = parts
                .next()
                .unwrap_or_else(|| panic!("no expectation in {line:?}"))
                .to_owned();
            let known_miss = parts.next().map(|why| {
                why.strip_prefix("known miss:")
                    .unwrap_or_else(|| panic!("third field must be `known miss: why` in {line:?}"))
                    .trim()
                    .to_owned()
            });
            FixtureLine {
                text,
                expected,
                known_miss,
            }
        })
        .collect()
}

/// Checks a fixture's outcomes, each a line and, when the binary got it
/// wrong, what was wrong: every wrong line must be a marked known miss, and
/// a marked line that is now right must lose its mark.
pub fn assert_fixture<'a>(what: &str, outcomes: impl Iterator<Item = (&'a FixtureLine, Option<String>)>) {
    let (mut wrong, mut fixed) = (Vec::new(), Vec::new());
    for (line, failure) in outcomes {
        match (&line.known_miss, failure) {
            (None, Some(failure)) => wrong.push(failure),
            (Some(_), None) => fixed.push(line.text.clone()),
            _ => {}
        }
    }
    assert!(wrong.is_empty(), "wrong {what}:\n{}", wrong.join("\n"));
    assert!(
        fixed.is_empty(),
        "now right, remove their `known miss` marks: {fixed:?}"
    );
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A `newsgrist` command run from the repository root.
pub fn newsgrist() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsgrist"));
    command
        .current_dir(repo())
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null());
    command
}

/// Runs and returns the output; panics with stderr when it cannot start.
pub fn run(args: &[&str]) -> Output {
    newsgrist().args(args).output().expect("start newsgrist")
}

pub fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| panic!("read {}: {err}", path.display()))
}

/// Parses a JSONL file.
pub fn jsonl(path: &Path) -> Vec<serde_json::Value> {
    read(path)
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|err| panic!("{}: {err}: {line}", path.display()))
        })
        .collect()
}

/// Asserts two output directories hold byte-identical JSONL files.
pub fn assert_same_outputs(left: &Path, right: &Path) {
    for name in OUTPUT_FILES {
        let (a, b) = (read(&left.join(name)), read(&right.join(name)));
        assert!(
            a == b,
            "{name} differs between {} and {}",
            left.display(),
            right.display()
        );
    }
}

/// A JSONL corpus of `count` synthetic articles with varied lengths, ids and
/// a few exact duplicates.
pub fn synthetic_jsonl(path: &Path, count: usize) {
    let mut lines = String::new();
    for n in 0..count {
        let body = if n % 97 == 5 {
            "This text appears twice in the corpus. It is a duplicate.".to_owned()
        } else {
            let sentences: Vec<String> = (0..(n % 7 + 1))
                .map(|s| {
                    format!(
                        "Sentence {s} of article {n} says Dr. Smith met U.S. officials in Kabul on Sept. {}.",
                        s + 1
                    )
                })
                .collect();
            sentences.join(" ")
        };
        let record =
            serde_json::json!({"id": format!("a{n:05}"), "title": format!("Article {n}"), "text": body});
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    std::fs::write(path, lines).expect("write synthetic corpus");
}

/// Flags for runs that get killed: a commit after every small chunk, so
/// kills land between many commit points, and no models, so runs are fast.
pub const CRASHABLE_FLAGS: [&str; 8] = [
    "--chunk-docs",
    "8",
    "--commit-interval",
    "0",
    "--threads",
    "2",
    "--no-ner",
    "--no-attribution",
];

/// `run CORPUS --out OUT` with [`CRASHABLE_FLAGS`].
pub fn crashable_run_args<'a>(corpus: &'a Path, out: &'a Path) -> Vec<&'a str> {
    let mut args = vec![
        "run",
        corpus.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ];
    args.extend(CRASHABLE_FLAGS);
    args
}

/// Starts such a run in the background, output silenced.
pub fn start_crashable(corpus: &Path, out: &Path) -> std::process::Child {
    newsgrist()
        .args(crashable_run_args(corpus, out))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn newsgrist")
}
