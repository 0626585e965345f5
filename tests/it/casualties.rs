//! Casualty figures end to end: the exact records of the sample corpus, and
//! the precision of the rules on 100 mentions checked by hand.
use std::collections::BTreeMap;

use newsgrist::casualties::{extract_with, DocumentContext};
use newsgrist::text::NormalizedText;
use serde_json::Value;

use crate::common::*;

/// Runs the sample corpus without the NER model (the rules' own fallbacks
/// name perpetrators, places and sources), so the records do not depend on
/// a model being installed.
fn corpus_output() -> (tempfile::TempDir, Vec<Value>, Vec<Value>) {
    let out = tempfile::tempdir().expect("tempdir");
    let output = run(&[
        "run",
        "corpus",
        "--no-ner",
        "--no-attribution",
        "--out",
        out.path().to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let casualties = jsonl(&out.path().join("casualties.jsonl"));
    let tolls = jsonl(&out.path().join("tolls.jsonl"));
    (out, casualties, tolls)
}

fn text(value: &Value) -> String {
    value
        .get("text")
        .or_else(|| value.pointer("/span/text"))
        .and_then(Value::as_str)
        .unwrap_or("-")
        .to_owned()
}

/// One casualty record as `id kind value qualifier "count" "victims" perpetrator place source hedges`.
fn line(record: &Value) -> String {
    let doc = record["doc_id"].as_str().unwrap_or_default();
    let short = doc.strip_prefix("sample-").unwrap_or(doc);
    // a figure read from the headline: its spans count into the title
    let title = if record["evidence"]["field"] == "title" {
        " title"
    } else {
        ""
    };
    format!(
        "{}{} {} {} {} {} \"{}\" \"{}\" perp={} place={} source={} hedges={}",
        &short[..short.len().min(16)],
        title,
        record["casualty_id"].as_str().unwrap_or_default(),
        record["kind"].as_str().unwrap_or_default(),
        record["count"]["value"],
        record["count"]["qualifier"].as_str().unwrap_or_default(),
        text(&record["count_span"]),
        text(&record["victims"]),
        text(&record["perpetrator"]),
        text(&record["place"]),
        text(&record["reported_by"]),
        record["hedges"],
    )
}

#[test]
fn sample_corpus_casualty_records() {
    let (_out, casualties, _) = corpus_output();
    let actual: Vec<String> = casualties.iter().map(line).collect();
    let expected = [
        // headlines the body does not repeat are read first (title spans)
        "burkina-attack title c1 killed 24 vague \"Dozens\" \"-\" perp=- place=- source=- hedges=[]",
        "burkina-attack c2 killed 24 vague \"Dozens\" \"civilians\" perp=- place=OUAGADOUGOU source=residents hedges=[]",
        "burkina-attack c3 killed 30 range \"between 30 and 40\" \"people\" perp=- place=- source=A local official hedges=[]",
        "burkina-attack c4 kidnapped 3 vague \"several\" \"women\" perp=- place=- source=A local official hedges=[]",
        "burkina-attack c5 arrested 5 exact \"five\" \"suspects\" perp=- place=- source=The government hedges=[]",
        "istanbul-2022-11 title c1 killed 6 exact \"six\" \"-\" perp=- place=- source=- hedges=[]",
        "istanbul-2022-11 c2 killed 6 exact \"six\" \"people\" perp=- place=ISTANBUL source=Turkish officials hedges=[]",
        "istanbul-2022-11 c3 injured 81 exact \"81\" \"-\" perp=- place=ISTANBUL source=Turkish officials hedges=[]",
        "istanbul-2022-11 c4 arrested 22 exact \"22\" \"people\" perp=police place=- \
         source=Interior Minister Süleyman Soylu hedges=[]",
        "paris-arrests c1 arrested 4 exact \"four\" \"men\" perp=French anti-terrorism police place=PARIS \
         source=the interior ministry hedges=[]",
        "paris-arrests c2 arrested 4 exact \"four\" \"-\" perp=- place=- source=- hedges=[]",
        "zamfara-kidnappi c1 kidnapped 38 at_least \"at least 38\" \"students\" perp=Gunmen place=GUSAU \
         source=police hedges=[]",
        "zamfara-kidnappi c2 killed 1 exact \"one\" \"security guard\" perp=- place=- source=Mohammed Shehu hedges=[]",
        "zamfara-kidnappi c3 injured 2 exact \"two\" \"teachers\" perp=- place=- source=Mohammed Shehu hedges=[]",
        "mali-ambush title c1 killed 24 exact \"two dozen\" \"soldiers\" perp=- place=- source=- hedges=[\"claims\"]",
        "mali-ambush c2 killed 24 exact \"two dozen\" \"soldiers\" perp=- place=BAMAKO source=a statement \
         hedges=[\"according to\"]",
        "mali-ambush c3 killed 17 exact \"17\" \"soldiers\" perp=- place=- source=The Malian army hedges=[]",
        "mali-ambush c4 missing 9 exact \"nine\" \"-\" perp=- place=- source=The Malian army hedges=[]",
        "mali-ambush c5 injured 3 vague \"several\" \"others\" perp=- place=- source=The Malian army hedges=[]",
        // football: "Police reported no arrests."; "12 supporters were treated" is no casualty.
        "sha256:f7ef4c64a c1 arrested 0 exact \"no\" \"-\" perp=- place=- source=Police hedges=[]",
        "sha256:74c46bc39 c1 arrested 9 exact \"nine\" \"suspected members\" perp=- place=KARACHI \
         source=a security source hedges=[]",
        "sha256:74c46bc39 c2 arrested 2 exact \"Two\" \"suspects\" perp=- place=Orangi Town source=- hedges=[]",
        "sha256:74c46bc39 c3 arrested 7 exact \"seven\" \"others\" perp=- place=Orangi Town source=- hedges=[]",
        // Mogadishu: "106 people ... had been rescued" is no casualty.
        "sha256:6d2642dc1 c1 killed 21 at_least \"at least 21\" \"people\" perp=- place=- \
         source=Health Minister Ali Haji Adam hedges=[]",
        "sha256:6d2642dc1 c2 injured 117 exact \"117\" \"others\" perp=- place=- \
         source=Health Minister Ali Haji Adam hedges=[]",
        "sha256:6d2642dc1 c3 missing 3 vague \"Several\" \"people\" perp=- place=- source=- hedges=[\"reportedly\"]",
        "sha256:dc86874f8 title c1 killed 24 vague \"dozens\" \"-\" perp=- place=- source=ISIS-K hedges=[\"claims\"]",
        "sha256:dc86874f8 c2 killed 13 at_least \"At least 13\" \"U.S. service members\" perp=- place=KABUL \
         source=officials hedges=[]",
        "sha256:dc86874f8 c3 killed 100 more_than \"more than one hundred\" \"Afghan civilians\" perp=- place=KABUL \
         source=officials hedges=[]",
        "sha256:dc86874f8 c4 injured 18 exact \"18\" \"other service members\" perp=- place=- source=Pentagon hedges=[]",
        "sha256:dc86874f8 c5 injured 200 vague \"hundreds\" \"wounded people\" perp=- place=- \
         source=The Afghan health ministry hedges=[]",
        "sha256:dc86874f8 c6 killed 170 exact \"170\" \"-\" perp=- place=- source=The Afghan health ministry hedges=[]",
        "sha256:dc86874f8 c7 killed 2 exact \"two\" \"Taliban guards\" perp=- place=- source=Mujahid hedges=[]",
    ];
    let expected: Vec<String> = expected
        .iter()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let actual: Vec<String> = actual
        .iter()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn sample_corpus_tolls() {
    let (_out, casualties, tolls) = corpus_output();
    let mut by_doc: BTreeMap<String, String> = BTreeMap::new();
    for toll in &tolls {
        let figures: Vec<String> = [
            "killed",
            "injured",
            "killed_or_injured",
            "missing",
            "arrested",
            "kidnapped",
        ]
        .iter()
        .filter(|kind| !toll[**kind].is_null())
        .map(|kind| {
            let figure = &toll[*kind];
            format!(
                "{kind}={} {} {}",
                figure["count"]["value"],
                figure["rule"].as_str().unwrap_or_default(),
                figure["casualty_ids"]
            )
        })
        .collect();
        let key = format!(
            "{} {} {}",
            toll["doc_id"].as_str().unwrap_or_default(),
            toll["toll_id"],
            toll["event"]
        );
        by_doc.insert(key, figures.join("; "));
    }
    let expected = BTreeMap::from([
        (
            r#"sample-burkina-attack "t1" "main""#,
            r#"killed=30 highest ["c3"]; arrested=5 highest ["c5"]; kidnapped=3 highest ["c4"]"#,
        ),
        (
            r#"sample-istanbul-2022-11-13 "t1" "main""#,
            r#"killed=6 highest ["c1","c2"]; injured=81 highest ["c3"]; arrested=22 highest ["c4"]"#,
        ),
        (
            r#"sample-paris-arrests "t1" "main""#,
            r#"arrested=4 highest ["c1","c2"]"#,
        ),
        (
            r#"sample-zamfara-kidnapping "t1" "main""#,
            r#"killed=1 highest ["c2"]; injured=2 highest ["c3"]; kidnapped=38 highest ["c1"]"#,
        ),
        // JNIM's claim (24, also the headline's) is higher than the army's figure (17): the rule takes the highest.
        (
            r#"sample-mali-ambush "t1" "main""#,
            r#"killed=24 highest ["c1","c2"]; injured=3 highest ["c5"]; missing=9 highest ["c4"]"#,
        ),
        (
            r#"sha256:f7ef4c64a16cbcd8 "t1" "main""#,
            r#"arrested=0 zero ["c1"]"#,
        ),
        (
            r#"sha256:74c46bc39f6301bb "t1" "main""#,
            r#"arrested=9 highest ["c1"]"#,
        ),
        (
            r#"sha256:6d2642dc14efd7e1 "t1" "main""#,
            r#"killed=21 highest ["c1"]; injured=117 highest ["c2"]; missing=3 highest ["c3"]"#,
        ),
        // "the death toll rose to 170" updates "at least 13 ... and more than one hundred".
        (
            r#"sha256:dc86874f89e82d2c "t1" "main""#,
            r#"killed=170 update ["c6"]; injured=200 highest ["c5"]"#,
        ),
    ]);
    let expected: BTreeMap<String, String> = expected
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .collect();
    assert_eq!(by_doc, expected);
    // Every id a toll names is a casualty record of its document.
    for toll in &tolls {
        for id in ["killed", "injured", "missing", "arrested", "kidnapped"]
            .iter()
            .filter_map(|kind| toll[*kind]["casualty_ids"].as_array())
            .flatten()
        {
            assert!(
                casualties
                    .iter()
                    .any(|record| record["doc_id"] == toll["doc_id"] && &record["casualty_id"] == id),
                "{id} of {} is no casualty record",
                toll["doc_id"]
            );
        }
    }
}

#[test]
fn casualty_spans_are_the_text_they_say() {
    let (out, casualties, _) = corpus_output();
    let documents: BTreeMap<String, Value> = jsonl(&out.path().join("documents.jsonl"))
        .into_iter()
        .map(|doc| (doc["doc_id"].as_str().unwrap_or_default().to_owned(), doc))
        .collect();
    let mut in_title = 0;
    for record in &casualties {
        let doc = &documents[record["doc_id"].as_str().unwrap_or_default()];
        // a headline's spans count into the title, every other span into the text
        let field = if record["evidence"]["field"] == "title" {
            in_title += 1;
            "title"
        } else {
            "text"
        };
        let chars: Vec<char> = doc[field].as_str().unwrap_or_default().chars().collect();
        for span in [
            &record["count_span"],
            &record["evidence"],
            &record["victims"],
            &record["place"]["span"],
        ] {
            if span.is_null() {
                continue;
            }
            let (start, end) = (
                span["start"].as_u64().unwrap_or(0) as usize,
                span["end"].as_u64().unwrap_or(0) as usize,
            );
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(slice, span["text"].as_str().unwrap_or_default());
            assert_eq!(span["field"], record["evidence"]["field"], "{record}");
        }
    }
    assert_eq!(in_title, 4, "the sample corpus has four headline figures");
}

/// The fixture holds 100 mentions drawn by `scripts/sample_casualty_mentions.py`
/// from the news and GVA sets, each with a judgement and its reason. The rules
/// must still produce each of them (else the fixture is stale and must be
/// drawn and checked again), and at least 95 must be correct.
#[test]
fn hand_checked_mentions_are_at_least_95_percent_correct() {
    let path = repo().join("tests/fixtures/casualty_mentions_checked.jsonl");
    let items = jsonl(&path);
    assert_eq!(items.len(), 100);
    let mut stale = Vec::new();
    let mut correct = 0;
    for item in &items {
        let sentence = item["sentence"].as_str().unwrap_or_default();
        let normalized = NormalizedText::new(sentence);
        let text = normalized.as_str();
        // The sampled documents spoke of violence, which single deaths need.
        let whole = 0..text.len();
        let mentions = extract_with(
            text,
            std::slice::from_ref(&whole),
            &[],
            &DocumentContext { violent: true },
        );
        let reproduced = mentions.iter().any(|mention| {
            let span = normalized.to_original(mention.count_span.start, mention.count_span.end);
            serde_json::to_value(mention.kind).ok().as_ref() == Some(&item["kind"])
                && Some(mention.count.value) == item["value"].as_u64()
                && Some(normalized.original_slice(sentence, span)) == item["count_text"].as_str()
        });
        if !reproduced {
            stale.push(item["id"].clone());
        }
        if item["correct"].as_bool() == Some(true) {
            correct += 1;
        }
        assert!(
            item["reason"].as_str().is_some_and(|reason| !reason.is_empty()),
            "item {} has no reason",
            item["id"]
        );
    }
    assert!(
        stale.is_empty(),
        "the rules no longer produce fixture mentions {stale:?}; draw and check the sample again"
    );
    let precision = correct as f64 / items.len() as f64;
    assert!(
        precision >= 0.95,
        "precision {precision} on the hand-checked sample"
    );
}

/// `newsgrist eval casualties` on a small file shaped like gva_news/dev.jsonl.
#[test]
fn eval_casualties_scores_a_labelled_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("labelled.jsonl");
    let lines = [
        serde_json::json!({"incident_id": "1", "text": "Two people were shot, one fatally. Police arrested a man.",
            "gold": {"num_killed": 1, "num_injured": 1, "participants_arrested": 1}}),
        serde_json::json!({"incident_id": "2", "text": "Three men were killed on Sunday.",
            "gold": {"num_killed": 4, "num_injured": 0, "participants_arrested": 0}}),
    ];
    let body: String = lines.iter().map(|line| format!("{line}\n")).collect();
    std::fs::write(&file, body).expect("write labelled file");
    let output = run(&["eval", "casualties", file.to_str().expect("utf-8"), "--json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(report["documents"], 2);
    assert_eq!(report["kinds"]["killed"]["all"]["exact"], 1);
    assert_eq!(report["kinds"]["killed"]["all"]["under"], 1);
    assert_eq!(report["kinds"]["killed"]["written"]["documents"], 1);
    assert_eq!(report["kinds"]["injured"]["all"]["accuracy"], 1.0);
    assert_eq!(report["kinds"]["arrested"]["gold_positive"]["exact"], 1);
    let halves = report["halves"].as_object().expect("halves");
    assert!(halves.contains_key("even") && halves.contains_key("odd"));
    // the rules read the named-entity model's entities, as in a run
    let ner_model = report["ner_model"].as_str().expect("the NER model's id");
    assert!(ner_model.starts_with("newsgrist-ner"), "{ner_model}");

    let rules_only = run(&[
        "eval",
        "casualties",
        file.to_str().expect("utf-8"),
        "--json",
        "--no-ner",
    ]);
    assert_eq!(code(&rules_only), 0, "{}", stderr(&rules_only));
    let rules_only: Value = serde_json::from_slice(&rules_only.stdout).expect("one JSON object");
    assert_eq!(rules_only["ner_model"], Value::Null);
    assert_eq!(rules_only["kinds"], report["kinds"]);

    let table = run(&["eval", "casualties", file.to_str().expect("utf-8")]);
    assert_eq!(code(&table), 0, "{}", stderr(&table));
    assert!(String::from_utf8_lossy(&table.stdout).contains("gold >= 1, written"));
}

/// The dev set, when present: prints the scores (the report in the README
/// comes from `newsgrist eval casualties`), skips with a message otherwise.
#[test]
fn eval_on_gva_dev_when_present() {
    let path = repo().join("../shared/data/gva_news/dev.jsonl");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    // without the NER model: seconds instead of minutes, for a floor test
    let output = run(&[
        "eval",
        "casualties",
        path.to_str().expect("utf-8"),
        "--json",
        "--no-ner",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(report["documents"], 4079);
    let killed = report["kinds"]["killed"]["written"]["accuracy"]
        .as_f64()
        .unwrap_or(0.0);
    // A floor against regressions, well under the current score.
    assert!(killed > 0.7, "killed accuracy on written counts fell to {killed}");
}

/// The expected tolls of a line of `tests/fixtures/conflict_sentences.txt`:
/// `kind=count` pairs (none: no toll).
fn expected_tolls(line: &FixtureLine) -> BTreeMap<String, u64> {
    line.expected
        .split_whitespace()
        .map(|pair| {
            let (kind, count) = pair
                .split_once('=')
                .unwrap_or_else(|| panic!("bad pair {pair:?}"));
            (
                kind.to_owned(),
                count.parse().unwrap_or_else(|_| panic!("bad count {pair:?}")),
            )
        })
        .collect()
}

/// Hand-written conflict-wire sentences and short articles (bombings,
/// abductions, communiqués, mass arrests, tolls that rise, earlier incidents
/// and war totals recalled): the binary's tolls for each document's own
/// event must equal the expected ones, except on the lines
/// marked as known misses, which must still miss (so a fix removes the mark).
#[test]
fn conflict_wire_sentences() {
    let sentences = fixture_lines("conflict_sentences.txt");
    assert!(sentences.len() >= 100, "{} sentences", sentences.len());
    let unique: std::collections::HashSet<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        unique.len(),
        sentences.len(),
        "a sentence is repeated: repeats are dropped as duplicates"
    );

    let (_dir, out) = run_on_texts(
        sentences.iter().map(|s| s.text.as_str()),
        &["--no-ner", "--no-attribution", "--no-relations"],
    );

    let mut got: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for toll in jsonl(&out.join("tolls.jsonl")) {
        // the article's own event; the years it recalls are other events
        if toll["event"] != "main" {
            continue;
        }
        let doc = toll["doc_id"].as_str().unwrap_or_default().to_owned();
        for kind in ["killed", "injured", "missing", "arrested", "kidnapped"] {
            if let Some(value) = toll[kind]["count"]["value"].as_u64() {
                *got.entry(doc.clone())
                    .or_default()
                    .entry(kind.to_owned())
                    .or_default() += value;
            }
        }
    }
    let outcomes = sentences.iter().enumerate().map(|(i, sentence)| {
        let tolls = got.remove(&format!("wire-{i}")).unwrap_or_default();
        let expected = expected_tolls(sentence);
        let failure = (tolls != expected)
            .then(|| format!("{:?}: expected {:?}, got {:?}", sentence.text, expected, tolls));
        (sentence, failure)
    });
    assert_fixture("tolls", outcomes);
}
