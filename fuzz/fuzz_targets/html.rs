//! The HTML reader (`src/corpus/html.rs`): metadata and main text from raw
//! bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgrist::corpus::fuzzing::{decode_text, parse_html};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = decode_text(bytes.to_vec()) {
        let _ = parse_html(&text);
    }
});
