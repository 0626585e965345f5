//! Which JSON fields hold an article's text, title, url, date and id.
//!
//! Scrapers disagree on names (`text`, `body`, `content`, `article`,
//! `maintext`, ...). The defaults cover common scraper output (news-please,
//! newspaper3k, trafilatura, GDELT-style dumps); flags replace them. A name
//! may be a dotted path (`article.body`) into nested objects.
use serde_json::{Map, Value};

use super::document::Metadata;

/// Candidate field names per role, tried in order; the first present wins.
#[derive(Debug, Clone)]
pub struct FieldNames {
    pub text: Vec<String>,
    pub title: Vec<String>,
    pub url: Vec<String>,
    pub date: Vec<String>,
    pub id: Vec<String>,
}

fn owned(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| (*name).to_owned()).collect()
}

impl Default for FieldNames {
    fn default() -> Self {
        Self {
            text: owned(&[
                "text",
                "body",
                "content",
                "article",
                "maintext",
                "full_text",
                "article_text",
                "story",
            ]),
            title: owned(&["title", "headline", "heading"]),
            url: owned(&["url", "link", "source_url", "canonical_url", "uri"]),
            date: owned(&[
                "date",
                "published",
                "dct",
                "date_publish",
                "published_at",
                "publish_date",
                "pubDate",
                "datetime",
                "timestamp",
            ]),
            id: owned(&["id", "doc_id", "_id", "uuid", "guid", "article_id"]),
        }
    }
}

/// The fields of one JSON article.
pub struct ExtractedFields {
    pub id: Option<String>,
    pub text: Option<String>,
    pub meta: Metadata,
}

impl FieldNames {
    /// Picks the article's fields out of a JSON object.
    pub fn extract(&self, object: &Map<String, Value>) -> ExtractedFields {
        ExtractedFields {
            id: first_scalar(object, &self.id),
            text: first_text(object, &self.text),
            meta: Metadata {
                url: first_scalar(object, &self.url),
                title: first_scalar(object, &self.title),
                date: first_scalar(object, &self.date),
            },
        }
    }

    /// The text field names, for the message when none is found.
    pub fn text_names(&self) -> String {
        self.text.join(", ")
    }
}

fn lookup<'a>(object: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let mut value = object.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

/// Strings and numbers as strings; empty strings count as absent.
fn first_scalar(object: &Map<String, Value>, names: &[String]) -> Option<String> {
    names.iter().find_map(|name| match lookup(object, name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// A string, or an array of paragraph strings joined by blank lines.
fn first_text(object: &Map<String, Value>, names: &[String]) -> Option<String> {
    names.iter().find_map(|name| match lookup(object, name)? {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) => {
            let paragraphs: Vec<&str> = parts.iter().filter_map(Value::as_str).collect();
            (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"))
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => unreachable!("test builds objects"),
        }
    }

    #[test]
    fn recognises_common_scraper_names() {
        let fields = FieldNames::default().extract(&object(json!({
            "headline": "Blast in Kabul", "body": "Text.", "link": "https://x", "published": "2021-08-26", "_id": 42
        })));
        assert_eq!(fields.text.as_deref(), Some("Text."));
        assert_eq!(fields.meta.title.as_deref(), Some("Blast in Kabul"));
        assert_eq!(fields.meta.url.as_deref(), Some("https://x"));
        assert_eq!(fields.meta.date.as_deref(), Some("2021-08-26"));
        assert_eq!(fields.id.as_deref(), Some("42"));
    }

    #[test]
    fn dotted_paths_and_paragraph_arrays() {
        let names = FieldNames {
            text: vec!["article.paragraphs".into()],
            ..FieldNames::default()
        };
        let fields = names.extract(&object(json!({"article": {"paragraphs": ["One.", "Two."]}})));
        assert_eq!(fields.text.as_deref(), Some("One.\n\nTwo."));
    }

    #[test]
    fn first_present_name_wins_and_empty_is_absent() {
        let fields =
            FieldNames::default().extract(&object(json!({"title": " ", "headline": "H", "text": "t"})));
        assert_eq!(fields.meta.title.as_deref(), Some("H"));
    }
}
