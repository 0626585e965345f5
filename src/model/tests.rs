//! Runner tests on `testdata/tiny-token-classifier` (made by
//! `scripts/make_tiny_test_model.py`): a context-free model, so windows,
//! batches and threads must not change a single number. They need the ONNX
//! Runtime library and skip, saying so, without it.
use std::path::{Path, PathBuf};

use super::*;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join("tiny-token-classifier")
}

/// The tiny model, or `None` (with a message) when ONNX Runtime is missing.
fn tiny(options: RunnerOptions) -> Option<TokenClassifier> {
    if let Err(err) = runtime::library_path() {
        eprintln!("skipping: {err}");
        return None;
    }
    Some(TokenClassifier::load(&fixture(), options).expect("the tiny model loads"))
}

/// `(word text, best label)` of every word of `text`.
fn labelled<'a>(classifier: &TokenClassifier, text: &'a str) -> Vec<(&'a str, String)> {
    let classified = classifier.classify(&[TextInput::from(text)]).expect("classifies");
    classified[0]
        .words
        .iter()
        .map(|word| {
            (
                &text[word.start..word.end],
                classifier.labels()[word.best().0].clone(),
            )
        })
        .collect()
}

fn entity_words<'a>(classifier: &TokenClassifier, text: &'a str) -> Vec<(&'a str, String)> {
    labelled(classifier, text)
        .into_iter()
        .filter(|(_, label)| label != "O")
        .collect()
}

fn long_text() -> (String, Vec<std::ops::Range<usize>>) {
    let sentences = [
        "Barack Obama visited Paris on Monday.",
        "It was Acme Corp, the man from New York said.",
        "Angela Merkel met a German man in Berlin (Reuters).",
        "The U.S. and Obama's Germany said it.",
    ];
    let mut text = String::new();
    let mut ranges = Vec::new();
    for index in 0..60 {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(sentences[index % sentences.len()]);
        ranges.push(start..text.len());
    }
    (text, ranges)
}

#[test]
fn feeds_the_inputs_the_graph_declares() {
    let Some(full) = tiny(RunnerOptions::default()) else {
        return;
    };
    assert_eq!(
        full.input_names(),
        ["input_ids", "attention_mask", "token_type_ids", "shape_ids"]
    );
    let plain = RunnerOptions {
        model_file: Some("model_plain.onnx".into()),
        ..RunnerOptions::default()
    };
    let Some(plain) = tiny(plain) else { return };
    assert_eq!(plain.input_names(), ["input_ids", "attention_mask"]);
    // The casing input decides "paris" vs "Paris" in the full model only.
    assert_eq!(
        entity_words(&full, "paris and Paris"),
        [("Paris", "B-LOC".to_owned())]
    );
    assert_eq!(
        entity_words(&plain, "paris and Paris"),
        [("paris", "B-LOC".to_owned()), ("Paris", "B-LOC".to_owned())]
    );
}

#[test]
fn words_take_their_first_subword_and_keep_byte_offsets() {
    let Some(classifier) = tiny(RunnerOptions::default()) else {
        return;
    };
    // "Obama" is ob + ##ama, "Germany" german + ##y; "Ça" is [UNK] and shifts bytes.
    let text = "Ça, Barack Obama visited Paris, the U.S. and Germany.";
    assert_eq!(
        entity_words(&classifier, text),
        [
            ("Barack", "B-PER".to_owned()),
            ("Obama", "I-PER".to_owned()),
            ("Paris", "B-LOC".to_owned()),
            ("U.S.", "B-LOC".to_owned()),
            ("Germany", "B-MISC".to_owned()),
        ]
    );
    let whitespace = RunnerOptions {
        word_rule: WordRule::Whitespace,
        ..RunnerOptions::default()
    };
    let Some(classifier) = tiny(whitespace) else {
        return;
    };
    let words: Vec<&str> = labelled(&classifier, text)
        .into_iter()
        .map(|(word, _)| word)
        .collect();
    assert_eq!(
        words,
        ["Ça,", "Barack", "Obama", "visited", "Paris,", "the", "U.S.", "and", "Germany."]
    );
}

#[test]
fn empty_and_blank_texts_have_no_words() {
    let Some(classifier) = tiny(RunnerOptions::default()) else {
        return;
    };
    let classified = classifier
        .classify(&[
            TextInput::from(""),
            TextInput::from(" \n\t "),
            TextInput::from("Paris"),
        ])
        .expect("classifies");
    assert!(classified[0].words.is_empty() && classified[1].words.is_empty());
    assert_eq!(classified[0].windows, 0);
    assert_eq!(classified[2].words.len(), 1);
}

#[test]
fn windows_change_nothing_for_a_context_free_model() {
    let (text, sentences) = long_text();
    let run = |max_length: usize, with_sentences: bool| {
        let options = RunnerOptions {
            max_length: Some(max_length),
            ..RunnerOptions::default()
        };
        let classifier = tiny(options)?;
        let input = TextInput {
            text: &text,
            sentences: if with_sentences { &sentences } else { &[] },
        };
        Some(classifier.classify(&[input]).expect("classifies").remove(0))
    };
    let Some(whole) = run(4096, false) else { return };
    assert_eq!(whole.windows, 1, "{} tokens fit in one window", whole.tokens);
    for (max_length, with_sentences) in [(256, false), (256, true), (32, true), (8, false)] {
        let Some(split) = run(max_length, with_sentences) else {
            return;
        };
        assert!(split.windows > 1);
        assert_eq!(
            split.words, whole.words,
            "max_length {max_length}, sentences {with_sentences}"
        );
    }
}

#[test]
fn batching_threads_and_grouping_change_nothing() {
    let (text, _) = long_text();
    let texts: Vec<String> = (0..12)
        .map(|index| text[..(index * 97) % text.len()].to_owned())
        .collect();
    let inputs: Vec<TextInput<'_>> = texts.iter().map(|text| TextInput::from(text.as_str())).collect();
    let run = |batch_size: usize, threads: usize| {
        let options = RunnerOptions {
            batch_size,
            max_length: Some(64),
            ..RunnerOptions::default()
        };
        let classifier = tiny(options)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        Some(pool.install(|| classifier.classify(&inputs).expect("classifies")))
    };
    let Some(reference) = run(1, 1) else { return };
    for (batch_size, threads) in [(1, 2), (3, 1), (8, 2)] {
        assert_eq!(
            run(batch_size, threads),
            Some(reference.clone()),
            "batch {batch_size}, threads {threads}"
        );
    }
    // one call per text gives the same as one call for all
    let Some(classifier) = tiny(RunnerOptions {
        max_length: Some(64),
        ..RunnerOptions::default()
    }) else {
        return;
    };
    for (input, expected) in inputs.iter().zip(&reference) {
        assert_eq!(&classifier.classify(&[*input]).expect("classifies")[0], expected);
    }
}

#[test]
fn missing_files_name_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = TokenClassifier::load(dir.path(), RunnerOptions::default()).expect_err("empty dir");
    let message = err.to_string();
    assert!(matches!(err, ModelError::MissingFile { .. }), "{message}");
    assert!(
        message.contains(&dir.path().join("model.onnx").display().to_string()),
        "{message}"
    );
    assert!(message.starts_with("no ONNX model at"), "{message}");
}

#[test]
fn undeclared_extra_inputs_are_refused() {
    if runtime::library_path().is_err() {
        eprintln!("skipping: no ONNX Runtime library");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for file in ["model.onnx", "tokenizer.json"] {
        std::fs::copy(fixture().join(file), dir.path().join(file)).expect("copy fixture");
    }
    std::fs::write(dir.path().join("config.json"), r#"{"id2label": {"0": "O", "1": "B-PER", "2": "I-PER", "3": "B-ORG", "4": "I-ORG", "5": "B-LOC", "6": "I-LOC", "7": "B-MISC", "8": "I-MISC"}}"#)
        .expect("write config");
    let err = TokenClassifier::load(dir.path(), RunnerOptions::default()).expect_err("shape_ids undeclared");
    assert!(matches!(err, ModelError::UnsupportedModel { .. }), "{err}");
    assert!(err.to_string().contains("shape_ids"), "{err}");
    // a label count that disagrees with the graph
    std::fs::write(dir.path().join("config.json"), r#"{"id2label": {"0": "O", "1": "B-PER"}, "newsgrist": {"extra_inputs": {"shape_ids": "casing_v1"}}}"#)
        .expect("write config");
    let err = TokenClassifier::load(dir.path(), RunnerOptions::default()).expect_err("9 labels in the graph");
    assert!(err.to_string().contains("labels"), "{err}");
}

fn shipped(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("models").join(name)
}

#[test]
fn a_head_read_in_its_encoders_calls_gives_what_it_gives_alone() {
    if let Err(err) = runtime::library_path() {
        eprintln!("skipping: {err}");
        return;
    }
    let ner = TokenClassifier::load(&shipped("ner"), RunnerOptions::default()).expect("NER loads");
    let head = OutputHead::load(&shipped("attribution")).expect("the attribution head loads");
    ner.check_head(&head)
        .expect("the attribution head is an output of the NER graph");
    let alone = TokenClassifier::load(&shipped("attribution"), RunnerOptions::default())
        .expect("the head loads alone, on its encoder's graph");
    let (text, sentences) = long_text();
    let inputs = [
        TextInput {
            text: &text,
            sentences: &sentences,
        },
        TextInput::from("\"We will not negotiate,\" the minister told Reuters on Monday."),
    ];
    let together = ner.classify_with_heads(&inputs, &[&head]).expect("classifies");
    assert_eq!(together.len(), 2);
    assert!(together[0][0].windows > 1, "the long text takes several windows");
    assert_eq!(together[0], ner.classify(&inputs).expect("NER alone"));
    assert_eq!(together[1], alone.classify(&inputs).expect("attribution alone"));
    assert_ne!(
        together[0][1].words[0].probabilities.len(),
        together[1][1].words[0].probabilities.len()
    );

    // other windows than the head was made for: it must run on its own
    let other = TokenClassifier::load(
        &shipped("ner"),
        RunnerOptions {
            max_context: Some(32),
            ..RunnerOptions::default()
        },
    )
    .expect("NER loads");
    let err = other.check_head(&head).expect_err("other windows");
    assert!(err.to_string().contains("windows"), "{err}");
}

#[test]
fn a_head_on_another_encoder_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = serde_json::json!({
        "id2label": {"0": "O", "1": "B-CUE", "2": "I-CUE"},
        "newsgrist": {"shared_encoder": {
            "model_dir": shipped("ner"),
            "model_id": "an-older-ner-model",
            "onnx_output": "attribution_logits"
        }}
    });
    std::fs::write(dir.path().join("config.json"), config.to_string()).expect("write config");
    assert!(OutputHead::is_head(dir.path()));
    let err = TokenClassifier::load(dir.path(), RunnerOptions::default()).expect_err("wrong encoder");
    let message = err.to_string();
    assert!(
        message.contains("an-older-ner-model") && message.contains("one newsgrist release"),
        "{message}"
    );
}
