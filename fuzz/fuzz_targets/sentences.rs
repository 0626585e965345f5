//! The sentence splitter (`src/text/sentences.rs`) on raw and normalised
//! text: ranges in order, on character boundaries, mapping back to the
//! original.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgrist::text::{split_sentences, NormalizedText};

fn check(text: &str) {
    let mut last_end = 0;
    for range in split_sentences(text) {
        assert!(range.start >= last_end, "{text:?}: overlapping {range:?}");
        assert!(range.start < range.end, "{text:?}: empty {range:?}");
        assert!(
            text.get(range.clone()).is_some(),
            "{text:?}: not on char boundaries {range:?}"
        );
        last_end = range.end;
    }
}

fuzz_target!(|text: &str| {
    check(text);
    let normalized = NormalizedText::new(text);
    check(normalized.as_str());
    for range in split_sentences(normalized.as_str()) {
        let span = normalized.to_original(range.start, range.end);
        let _ = normalized.original_slice(text, span);
    }
});
