//! Actors end to end: `actors.jsonl` on the sample corpus, entity links,
//! the cross-document registry over incremental runs, `--aliases`, and
//! `newsgrist eval actors` on WikiEvents when the shared data is present.
use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::common::*;

fn run_corpus(inputs: &[&Path], out: &Path, extra: &[&str]) {
    let mut args: Vec<&str> = vec!["run"];
    args.extend(inputs.iter().map(|path| path.to_str().expect("utf-8")));
    args.extend(["--out", out.to_str().expect("utf-8"), "--no-attribution"]);
    args.extend_from_slice(extra);
    let output = run(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
}

fn actor<'a>(actors: &'a [Value], doc_prefix: &str, id: &str) -> &'a Value {
    actors
        .iter()
        .find(|actor| {
            actor["actor_id"] == id
                && actor["doc_id"]
                    .as_str()
                    .is_some_and(|doc| doc.starts_with(doc_prefix))
        })
        .unwrap_or_else(|| panic!("no actor {id} in {doc_prefix}"))
}

#[test]
fn sample_corpus_fills_actors_and_links_entities() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    run_corpus(&[Path::new("corpus")], &out, &[]);
    let actors = jsonl(&out.join("actors.jsonl"));
    assert!(actors.len() >= 50, "{} actors", actors.len());
    let iskp = actor(
        &actors,
        "sha256:dc86874f",
        "ng:armed_group/islamic-state-khorasan",
    );
    let aliases: BTreeSet<&str> = iskp["aliases"]
        .as_array()
        .expect("aliases")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for alias in ["Islamic State Khorasan Province", "ISKP", "ISIS-K", "IS-K"] {
        assert!(aliases.contains(alias), "{alias} in {aliases:?}");
    }
    assert_eq!(iskp["part_of"], "ng:armed_group/islamic-state");
    let celik = actor(&actors, "sample-istanbul", "ng:person/omer-celik");
    assert_eq!(celik["description"], "spokesperson for the AKP");
    assert_eq!(
        celik["mentions"].as_array().map(Vec::len),
        Some(2),
        "Ömer Çelik and Celik"
    );
    let mujahid = actor(&actors, "sha256:dc86874f", "ng:person/zabihullah-mujahid");
    assert_eq!(
        mujahid["mentions"].as_array().map(Vec::len),
        Some(2),
        "and Mujahid"
    );

    // Every linked entity points to an actor of its document, at one of its mentions.
    let entities = jsonl(&out.join("entities.jsonl"));
    let mut linked = 0;
    for entity in &entities {
        let Some(id) = entity["actor_id"].as_str() else {
            continue;
        };
        linked += 1;
        let owner = actors
            .iter()
            .find(|actor| actor["actor_id"] == id && actor["doc_id"] == entity["doc_id"])
            .unwrap_or_else(|| panic!("entity {entity} links to a missing actor"));
        assert!(owner["mentions"]
            .as_array()
            .expect("mentions")
            .contains(&entity["span"]));
    }
    assert!(
        linked * 10 >= entities.len() * 9,
        "{linked} of {} entities linked",
        entities.len()
    );
}

#[test]
fn registry_accumulates_across_incremental_runs_without_duplicates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (stepwise, whole) = (dir.path().join("stepwise"), dir.path().join("whole"));
    let first = Path::new("corpus/kabul-airport-attack.txt");
    run_corpus(&[first], &stepwise, &[]);
    let registry = jsonl(&stepwise.join("actors_registry.jsonl"));
    assert!(registry
        .iter()
        .any(|actor| actor["actor_id"] == "ng:armed_group/islamic-state-khorasan"));
    run_corpus(&[first, Path::new("corpus")], &stepwise, &[]);
    run_corpus(&[first, Path::new("corpus")], &whole, &[]);
    let stepwise_registry = read(&stepwise.join("actors_registry.jsonl"));
    assert_eq!(stepwise_registry, read(&whole.join("actors_registry.jsonl")));
    let registry = jsonl(&stepwise.join("actors_registry.jsonl"));
    let ids: Vec<&str> = registry
        .iter()
        .filter_map(|actor| actor["actor_id"].as_str())
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "one line per actor");
    let islamic_state = registry
        .iter()
        .find(|actor| actor["actor_id"] == "ng:armed_group/islamic-state")
        .expect("Islamic State");
    assert_eq!(islamic_state["document_count"], 2, "Kabul and Paris articles");
    let report: Value = serde_json::from_str(&read(&stepwise.join("run.json"))).expect("run.json");
    assert_eq!(
        report["counts"]["unchanged"], 2,
        "the Kabul article (named alone and in corpus/) was not reprocessed"
    );
}

#[test]
fn aliases_file_extends_the_gazetteer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("a.txt");
    std::fs::write(
        &corpus,
        "Fighters of the Rural Defence Brigade attacked a convoy near Gao, the Rural Defence Brigade said.",
    )
    .expect("write");
    let aliases = dir.path().join("aliases.tsv");
    std::fs::write(
        &aliases,
        "# my actors\nng:armed_group/rdb\tarmed_group\tRural Defence Brigade\tRDB|Difaa\n",
    )
    .expect("write");
    let out = dir.path().join("out");
    run_corpus(&[&corpus], &out, &["--aliases", aliases.to_str().expect("utf-8")]);
    let actors = jsonl(&out.join("actors.jsonl"));
    assert!(
        actors
            .iter()
            .any(|actor| actor["actor_id"] == "ng:armed_group/rdb" && actor["gazetteer"] == true),
        "{actors:?}"
    );
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "ng:x/y\tnot_a_type\tName\n").expect("write");
    let output = run(&[
        "run",
        corpus.to_str().expect("utf-8"),
        "--stdout",
        "--aliases",
        bad.to_str().expect("utf-8"),
    ]);
    assert_ne!(code(&output), 0);
    assert!(stderr(&output).contains("bad.tsv:1"), "{}", stderr(&output));
}

/// Within-document clustering on WikiEvents dev meets the target
/// (F1 >= 0.85 on named mentions); skips with a message when the shared
/// data is absent.
#[test]
fn eval_on_wikievents_dev_when_present() {
    let path = repo().join("../shared/data/wikievents/dev.jsonl");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let output = run(&["eval", "actors", path.to_str().expect("utf-8"), "--json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(report["documents"], 20);
    let f1 = report["f1"].as_f64().expect("f1");
    assert!(f1 >= 0.85, "B-cubed F1 {f1}");
    let pairwise = report["metrics"]["pairwise"]["f1"].as_f64().expect("pairwise f1");
    assert!(pairwise >= 0.85, "pairwise F1 {pairwise}");
    let output = run(&["eval", "actors", "/nonexistent/dev.jsonl"]);
    assert_ne!(code(&output), 0);
    assert!(stderr(&output).contains("absent"), "{}", stderr(&output));
}
