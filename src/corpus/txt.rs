//! Plain-text articles: an optional title line, then the body.
use super::document::Metadata;

/// Splits off the first line as the title when a blank line follows it;
/// otherwise the whole file is the body and there is no title.
pub fn parse_text(content: &str) -> (Metadata, String) {
    let content = content.trim_start_matches(['\n', '\r']);
    let mut lines = content.splitn(3, '\n');
    let first = lines.next().unwrap_or_default();
    let second = lines.next();
    let rest = lines.next();
    match (second, rest) {
        (Some(blank), Some(body)) if blank.trim().is_empty() && !first.trim().is_empty() => {
            let meta = Metadata {
                title: Some(first.trim().to_owned()),
                ..Metadata::default()
            };
            (meta, body.trim_start_matches(['\n', '\r']).to_owned())
        }
        _ => (Metadata::default(), content.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_title_when_blank_line_follows() {
        let (meta, body) = parse_text("Blast kills 12\n\nAt least 12 people died.\nMore text.");
        assert_eq!(meta.title.as_deref(), Some("Blast kills 12"));
        assert_eq!(body, "At least 12 people died.\nMore text.");
    }

    #[test]
    fn no_title_without_blank_line() {
        let (meta, body) = parse_text("At least 12 people died.\nMore text.");
        assert_eq!(meta.title, None);
        assert_eq!(body, "At least 12 people died.\nMore text.");
    }

    #[test]
    fn crlf_files() {
        let (meta, body) = parse_text("Title\r\n\r\nBody.\r\n");
        assert_eq!(meta.title.as_deref(), Some("Title"));
        assert_eq!(body, "Body.\r\n");
    }
}
