//! `casing_v1`: the casing class of a token, an extra model input.
//!
//! Our NER model is uncased (its tokenizer lowercases), so it gets each
//! token's casing as a separate input, `shape_ids`. The class is computed
//! from the token's own span of the text given to the tokenizer (cased,
//! before the tokenizer's normalisation). The definition is fixed by the
//! training code, `casing_class` in `scripts/ner_common.py`, and
//! repeated in the model's `config.json` (`newsgrist.casing_v1`); the
//! tests below mirror the Python function's outputs.
//!
//! Classes: 0 special/padding token or empty span; 5 contains an ASCII
//! digit (checked first); then with U uppercase and L lowercase chars
//! (Unicode properties, as Python's `str.isupper`/`str.islower` on one
//! char): 6 no cased letter, 1 no uppercase, 3 no lowercase, 2 first char
//! uppercase and U == 1 (title case), 4 anything else (mixed).

/// Class of special and padding tokens.
pub const SPECIAL: i64 = 0;

/// The `casing_v1` class of one token span.
pub fn casing_v1(span: &str) -> i64 {
    if span.is_empty() {
        return SPECIAL;
    }
    if span.bytes().any(|byte| byte.is_ascii_digit()) {
        return 5;
    }
    let upper = span.chars().filter(|c| c.is_uppercase()).count();
    let lower = span.chars().filter(|c| c.is_lowercase()).count();
    match (upper, lower) {
        (0, 0) => 6,
        (0, _) => 1,
        (_, 0) => 3,
        (1, _) if span.chars().next().is_some_and(char::is_uppercase) => 2,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Outputs of `ner_common.casing_class` (Python 3.11) on the same spans.
    #[test]
    fn matches_the_python_definition() {
        let cases: &[(&str, i64)] = &[
            ("", 0),
            ("obama", 1),
            ("Obama", 2),
            ("OBAMA", 3),
            ("A", 3),
            ("a", 1),
            ("iPhone", 4),
            ("McDonald", 4),
            ("Mc", 2),
            ("##ama", 1),
            ("1996-08-30", 5),
            ("x9", 5),
            (".", 6),
            (",", 6),
            ("\"", 6),
            ("日本", 6),
            ("Ömer", 2),
            ("ÇELIK", 3),
            ("ß", 1),
            ("ǅ", 6),
            ("ǅa", 1),
            ("Ⅻ", 3),
            ("ⓐ", 1),
            ("٣", 6),
            ("Σίσυφος", 2),
            ("ΣΊΣΥΦΟΣ", 3),
            ("e\u{301}", 1),
            ("ﬁrst", 1),
            ("ª", 1),
            ("ʰ", 1),
            ("Ab", 2),
            ("aB", 4),
            ("AbC", 4),
            ("A.", 3),
            ("U.S.", 3),
        ];
        for &(span, class) in cases {
            assert_eq!(casing_v1(span), class, "{span:?}");
        }
    }
}
