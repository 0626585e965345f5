//! The JSON readers (`src/corpus/json.rs`, `decode.rs`): a `.json` file and
//! JSONL lines, from raw bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgrist::corpus::fuzzing::{decode_text, json_file_items, object_to_item, parse_json};
use newsgrist::corpus::{FieldNames, SourceRef};

fuzz_target!(|bytes: &[u8]| {
    let fields = FieldNames::default();
    let Ok(text) = decode_text(bytes.to_vec()) else {
        return;
    };
    let _ = json_file_items(&text, "fuzz.json", &fields);
    for (number, line) in text.lines().enumerate() {
        let source = SourceRef::line("fuzz.jsonl", number as u64 + 1);
        if let Ok(value) = parse_json(line, &source) {
            let _ = object_to_item(value, source, &fields);
        }
    }
});
