//! HTML articles: the main text, title, date and canonical url.
//!
//! A small readability-style extractor over a real HTML5 parser (`scraper`,
//! built on html5ever, which repairs unterminated markup). It picks the
//! `<article>`, `<main>` or `[role=main]` element when present, else the body,
//! and drops scripts, styles, navigation, headers, footers, asides, forms and
//! elements whose class or id names boilerplate (share bars, cookie notices,
//! related links). It does not score text density: scraped news pages mark
//! their article body well enough, and a wrong guess would silently lose text.
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::document::Metadata;

const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe", "svg", "button",
    "template", "select", "figure", "head",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "br",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "section",
    "article",
    "main",
    "table",
    "hr",
    "address",
];

const BOILERPLATE_MARKERS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "share",
    "social",
    "cookie",
    "subscribe",
    "newsletter",
    "related",
    "comment",
    "advert",
    "promo",
    "sidebar",
    "breadcrumb",
    "popup",
    "banner",
    "paywall",
];

/// Extracts metadata and the article's main text, paragraphs separated by a
/// blank line.
pub fn parse_html(html: &str) -> (Metadata, String) {
    let document = Html::parse_document(html);
    let title = first_attr(
        &document,
        &["meta[property='og:title']", "meta[name='title']"],
        "content",
    )
    .or_else(|| first_text(&document, "title"))
    .or_else(|| first_text(&document, "h1"));
    let date = first_attr(
        &document,
        &[
            "meta[property='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='date']",
            "meta[name='pubdate']",
            "meta[name='publish-date']",
            "meta[name='dc.date']",
            "meta[name='DC.date.issued']",
        ],
        "content",
    )
    .or_else(|| first_attr(&document, &["time[datetime]"], "datetime"));
    let url = first_attr(&document, &["link[rel='canonical']"], "href")
        .or_else(|| first_attr(&document, &["meta[property='og:url']"], "content"));
    let root = ["article", "main", "[role='main']", "body"]
        .iter()
        .find_map(|css| select_first(&document, css))
        .unwrap_or_else(|| document.root_element());
    let mut text = main_text(root);
    if let Some(title) = &title {
        if let Some(rest) = text.strip_prefix(title.as_str()) {
            text = rest.trim_start().to_owned();
        }
    }
    (Metadata { url, title, date }, text)
}

fn select_first<'a>(document: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    let selector = Selector::parse(css).ok()?;
    document.select(&selector).next()
}

fn first_attr(document: &Html, selectors: &[&str], attr: &str) -> Option<String> {
    selectors.iter().find_map(|css| {
        let value = select_first(document, css)?.value().attr(attr)?.trim();
        (!value.is_empty()).then(|| value.to_owned())
    })
}

fn first_text(document: &Html, css: &str) -> Option<String> {
    let text = collapse_spaces(&select_first(document, css)?.text().collect::<String>());
    (!text.is_empty()).then_some(text)
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_skipped(element: &scraper::node::Element) -> bool {
    if SKIPPED_TAGS.contains(&element.name()) {
        return true;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    let names = [element.attr("class"), element.attr("id")];
    names.into_iter().flatten().any(|value| {
        let value = value.to_ascii_lowercase();
        value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| BOILERPLATE_MARKERS.contains(&word))
    })
}

/// Walks the tree without recursion (deeply nested pages cannot overflow the
/// stack), collecting paragraphs.
fn main_text(root: ElementRef<'_>) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut in_pre = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(element) if node.id() != root.id() && is_skipped(element) => {
                        skipping = Some(node.id());
                    }
                    Node::Element(element) if BLOCK_TAGS.contains(&element.name()) => {
                        flush(&mut current, &mut paragraphs);
                        if element.name() == "pre" {
                            in_pre += 1;
                        }
                    }
                    Node::Text(text) if in_pre > 0 => current.push_str(text),
                    Node::Text(text) => push_collapsed(&mut current, text),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none() {
                    if let Node::Element(element) = node.value() {
                        if BLOCK_TAGS.contains(&element.name()) {
                            flush(&mut current, &mut paragraphs);
                            if element.name() == "pre" {
                                in_pre = in_pre.saturating_sub(1);
                            }
                        }
                    }
                }
            }
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

fn push_collapsed(current: &mut String, text: &str) {
    let starts_with_space = text.starts_with(char::is_whitespace);
    let ends_with_space = text.ends_with(char::is_whitespace);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        if !text.is_empty() && !current.is_empty() && !current.ends_with(' ') {
            current.push(' ');
        }
        return;
    }
    if starts_with_space && !current.is_empty() && !current.ends_with(' ') {
        current.push(' ');
    }
    current.push_str(&words.join(" "));
    if ends_with_space {
        current.push(' ');
    }
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let paragraph = current.trim();
    if !paragraph.is_empty() {
        paragraphs.push(paragraph.to_owned());
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
        <title>Site | Blast kills 12</title>
        <meta property="og:title" content="Blast kills 12 in Kabul">
        <meta property="article:published_time" content="2021-08-26T18:00:00Z">
        <link rel="canonical" href="https://example.org/kabul">
        <script>var x = "not text";</script><style>p {}</style></head>
        <body><nav><a href="/">Home</a> World</nav>
        <div class="share-bar">Share on Twitter</div>
        <article><h1>Blast kills 12 in Kabul</h1>
        <p>At least 12 people   were killed,
           officials said.</p><p>Police <b>arrested</b> two men.</p>
        <aside>Related: other story</aside></article>
        <footer>Copyright</footer></body></html>"#;

    #[test]
    fn keeps_article_text_and_metadata() {
        let (meta, text) = parse_html(PAGE);
        assert_eq!(meta.title.as_deref(), Some("Blast kills 12 in Kabul"));
        assert_eq!(meta.date.as_deref(), Some("2021-08-26T18:00:00Z"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/kabul"));
        assert_eq!(
            text,
            "At least 12 people were killed, officials said.\n\nPolice arrested two men."
        );
    }

    #[test]
    fn survives_unterminated_and_deeply_nested_markup() {
        let (_, text) = parse_html("<html><body><p>Unclosed <b>bold <p>Second");
        assert_eq!(text, "Unclosed bold\n\nSecond");
        let deep = format!(
            "{}deep text{}",
            "<div><span>".repeat(5_000),
            "</span></div>".repeat(5_000)
        );
        let (_, text) = parse_html(&deep);
        assert_eq!(text, "deep text");
    }
}
