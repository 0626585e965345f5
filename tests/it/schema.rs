//! `newsgrist schema` describes the real output.
use crate::common::*;

fn validator(schema: &serde_json::Value, record_type: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&schema["records"][record_type])
        .unwrap_or_else(|err| panic!("schema of {record_type}: {err}"))
}

#[test]
fn real_output_validates_against_the_printed_schema() {
    let output = run(&["schema"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).expect("schema is JSON");
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.jsonl");
    std::fs::write(&broken, "{oops\n").expect("write");
    let out = dir.path().join("out");
    let output = run(&[
        "run",
        "corpus",
        broken.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(code(&output), 3, "{}", stderr(&output));

    let checks = newsgrist::output::schema::RECORD_TYPES
        .iter()
        .filter(|(_, file)| file.ends_with(".jsonl"));
    let mut validated = 0;
    for &(record_type, file) in checks {
        let validator = validator(&schema, record_type);
        for record in jsonl(&out.join(file)) {
            let errors: Vec<String> = validator
                .iter_errors(&record)
                .map(|err| err.to_string())
                .collect();
            assert!(errors.is_empty(), "{file}: {errors:?}");
            validated += 1;
        }
    }
    assert!(validated >= 12, "documents and the reject were validated");
    let report: serde_json::Value = serde_json::from_str(&read(&out.join("run.json"))).expect("run.json");
    assert!(validator(&schema, "run").is_valid(&report));

    let bad = serde_json::json!({"schema_version": "0.1.0", "doc_id": 5});
    assert!(
        !validator(&schema, "document").is_valid(&bad),
        "the schema rejects wrong records"
    );
}

#[test]
fn one_record_type_and_unknown_types() {
    let output = run(&["schema", "casualty"]);
    assert_eq!(code(&output), 0);
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(schema["properties"]["count"].is_object());
    let output = run(&["schema", "nonsense"]);
    assert_ne!(code(&output), 0);
    assert!(stderr(&output).contains("choose one of"));
}
