//! The number grammar (`src/casualties/numbers.rs`) over arbitrary text, and
//! the casualty rules that consume its phrases.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgrist::casualties::{extract, numbers, tokens};
use newsgrist::text::split_sentences;

fuzz_target!(|text: &str| {
    let tokens = tokens::tokenize(text, 0..text.len());
    let mut last_end = 0;
    for phrase in numbers::find_numbers(&tokens) {
        assert!(phrase.start >= last_end && phrase.start < phrase.end && phrase.end <= tokens.len());
        last_end = phrase.end;
        if let (Some(min), Some(max)) = (phrase.count.min, phrase.count.max) {
            assert!(min <= max, "{text:?}: {:?}", phrase.count);
        }
    }
    for i in 0..tokens.len() {
        let _ = numbers::parse_at(&tokens, i);
    }
    let sentences = split_sentences(text);
    let _ = extract(text, &sentences, &[]);
});
