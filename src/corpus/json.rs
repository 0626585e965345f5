//! JSON articles: one object per `.json` file (or an array of objects), one
//! object per JSONL line.
use serde_json::Value;

use super::document::{Document, Item, Reject, RejectReason, SourceRef};
use super::fields::FieldNames;

/// Turns one parsed JSON value into a document or a reject.
pub fn object_to_item(value: Value, source: SourceRef, fields: &FieldNames) -> Item {
    let Value::Object(object) = value else {
        return Item::Reject(Reject::new(
            source,
            RejectReason::MalformedJson,
            format!("expected a JSON object, found {}", kind_of(&value)),
        ));
    };
    let extracted = fields.extract(&object);
    match extracted.text {
        None => Item::Reject(Reject::new(
            source,
            RejectReason::MissingText,
            format!(
                "no text field (looked for: {}); name yours with --text-field",
                fields.text_names()
            ),
        )),
        Some(text) if text.trim().is_empty() => Item::Reject(Reject::new(
            source,
            RejectReason::EmptyText,
            "the text field is empty",
        )),
        Some(text) => Item::Document(Document::new(extracted.id, source, extracted.meta, text)),
    }
}

/// Parses one JSON text (a JSONL line or a `.json` file).
pub fn parse(text: &str, source: &SourceRef) -> Result<Value, Reject> {
    serde_json::from_str(text).map_err(|err| {
        Reject::new(
            source.clone(),
            RejectReason::MalformedJson,
            format!("invalid JSON: {err}"),
        )
    })
}

/// A `.json` file: an object is one article, an array is many.
pub fn file_to_items(text: &str, path: &str, fields: &FieldNames) -> Vec<Item> {
    let source = SourceRef::file(path);
    match parse(text, &source) {
        Err(reject) => vec![Item::Reject(reject)],
        Ok(Value::Array(values)) => values
            .into_iter()
            .enumerate()
            .map(|(index, value)| {
                let source = SourceRef {
                    item: Some(index as u64),
                    ..SourceRef::file(path)
                };
                object_to_item(value, source, fields)
            })
            .collect(),
        Ok(value) => vec![object_to_item(value, source, fields)],
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(items: &[Item]) -> Vec<Option<RejectReason>> {
        items
            .iter()
            .map(|item| match item {
                Item::Document(_) => None,
                Item::Reject(reject) => Some(reject.reason),
            })
            .collect()
    }

    #[test]
    fn array_files_give_one_item_each() {
        let items = file_to_items(
            r#"[{"text": "a"}, {"title": "no text"}, 3, {"text": "  "}]"#,
            "f.json",
            &FieldNames::default(),
        );
        assert_eq!(
            reasons(&items),
            [
                None,
                Some(RejectReason::MissingText),
                Some(RejectReason::MalformedJson),
                Some(RejectReason::EmptyText)
            ]
        );
    }

    #[test]
    fn deeply_nested_json_is_a_reject_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let items = file_to_items(&deep, "deep.json", &FieldNames::default());
        assert_eq!(reasons(&items), [Some(RejectReason::MalformedJson)]);
    }

    #[test]
    fn given_id_or_hash_id() {
        let items = file_to_items(r#"{"id": 7, "text": "x"}"#, "f.json", &FieldNames::default());
        let Item::Document(doc) = &items[0] else {
            panic!("document expected")
        };
        assert_eq!(doc.id, "7");
        let items = file_to_items(r#"{"text": "x"}"#, "f.json", &FieldNames::default());
        let Item::Document(doc) = &items[0] else {
            panic!("document expected")
        };
        assert_eq!(doc.id, format!("sha256:{}", &doc.sha256[..16]));
    }
}
