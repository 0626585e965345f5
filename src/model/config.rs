//! `config.json` of a token-classification model: the label set, and the
//! `newsgrist` object our exports add (window length, extra inputs).
//!
//! A plain Hugging Face / optimum export works too: only `id2label` is
//! required; the window length then comes from `max_position_embeddings`
//! (at most 512).
//!
//! A head on another model's encoder has a `config.json` and no graph:
//! `newsgrist.shared_encoder` names the directory of the model whose graph
//! computes it (relative to its own), that model's id, and the output that
//! holds its logits ([`SharedEncoder`]).
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::ModelError;

/// Window length when the config gives none.
const DEFAULT_MAX_LENGTH: usize = 512;

/// How an extra model input is computed from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtraFeature {
    /// One casing class per token: see [`super::casing`].
    CasingV1,
}

impl ExtraFeature {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "casing_v1" => Some(Self::CasingV1),
            _ => None,
        }
    }
}

/// The parts of `config.json` the runner uses, checked.
#[derive(Debug, Clone)]
pub struct ModelConfig {
    /// Label per class index, in index order.
    pub labels: Vec<String>,
    /// Most tokens in one model call, special tokens included.
    pub max_length: usize,
    /// Most tokens whose labels one window decides (the rest is context).
    pub target_budget: Option<usize>,
    /// Most context tokens on each side of a long text's window (none: fill
    /// the window).
    pub max_context: Option<usize>,
    /// Extra input name -> how to compute it.
    pub extra_inputs: BTreeMap<String, ExtraFeature>,
    /// Name of the logits output, when the config names it.
    pub output: Option<String>,
    /// Identifier for run reports.
    pub model_id: Option<String>,
    /// The decoding the model's authors recommend (`newsgrist.decoding`,
    /// free text such as "iob2_viterbi ..."), for the stage on top to read.
    pub decoding: Option<String>,
    /// Where the graph is, when this model is an output of another's.
    pub shared_encoder: Option<SharedEncoder>,
}

/// The model whose graph computes a head's logits (`newsgrist.shared_encoder`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SharedEncoder {
    /// Its directory, relative to the head's.
    pub model_dir: PathBuf,
    /// Its `newsgrist.model_id`: the head was trained with that encoder.
    pub model_id: String,
    /// The graph output with the head's logits.
    pub onnx_output: String,
}

#[derive(Deserialize)]
struct RawConfig {
    id2label: Option<BTreeMap<String, String>>,
    max_position_embeddings: Option<usize>,
    #[serde(rename = "_name_or_path")]
    name_or_path: Option<String>,
    #[serde(default)]
    newsgrist: RawNewsgrist,
}

#[derive(Deserialize, Default)]
struct RawNewsgrist {
    model_id: Option<String>,
    max_length: Option<usize>,
    target_budget: Option<usize>,
    max_context: Option<usize>,
    #[serde(default)]
    extra_inputs: BTreeMap<String, String>,
    onnx_output: Option<String>,
    decoding: Option<String>,
    shared_encoder: Option<SharedEncoder>,
}

impl ModelConfig {
    /// Reads and checks `path`.
    pub fn load(path: &Path) -> Result<Self, ModelError> {
        Self::parse(&super::model_dir::read_text(path)?, path)
    }

    /// Parses config text; `path` is for messages.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ModelError> {
        let bad = |reason: String| ModelError::BadConfig {
            path: PathBuf::from(path),
            reason,
        };
        let raw: RawConfig =
            serde_json::from_str(text).map_err(|err| bad(format!("not valid JSON: {err}")))?;
        let id2label = raw.id2label.ok_or_else(|| {
            bad("no `id2label`: a token-classification config maps class indices to labels".into())
        })?;
        let mut indexed = Vec::with_capacity(id2label.len());
        for (key, label) in id2label {
            let index: usize = key
                .parse()
                .map_err(|_| bad(format!("`id2label` key {key:?} is not a class index")))?;
            indexed.push((index, label));
        }
        indexed.sort();
        if indexed.is_empty()
            || indexed
                .iter()
                .enumerate()
                .any(|(position, (index, _))| position != *index)
        {
            return Err(bad(
                "`id2label` must number its classes 0, 1, 2, ... without gaps".into(),
            ));
        }
        let labels: Vec<String> = indexed.into_iter().map(|(_, label)| label).collect();

        let newsgrist = raw.newsgrist;
        let max_length = newsgrist
            .max_length
            .or(raw
                .max_position_embeddings
                .map(|positions| positions.min(DEFAULT_MAX_LENGTH)))
            .unwrap_or(DEFAULT_MAX_LENGTH);
        if max_length < 8 {
            return Err(bad(format!("max_length {max_length} is too small for a window")));
        }
        if let Some(budget) = newsgrist.target_budget {
            if budget == 0 || budget >= max_length {
                return Err(bad(format!(
                    "target_budget {budget} must be between 1 and max_length {max_length}"
                )));
            }
        }
        let mut extra_inputs = BTreeMap::new();
        for (name, feature) in newsgrist.extra_inputs {
            let parsed = ExtraFeature::parse(&feature).ok_or_else(|| {
                bad(format!("extra input {name:?} asks for feature {feature:?}, which this newsgrist does not know (known: casing_v1)"))
            })?;
            extra_inputs.insert(name, parsed);
        }
        if let Some(shared) = &newsgrist.shared_encoder {
            if newsgrist
                .onnx_output
                .as_ref()
                .is_some_and(|output| *output != shared.onnx_output)
            {
                return Err(bad(format!(
                    "`onnx_output` and `shared_encoder.onnx_output` differ; a head reads {:?}",
                    shared.onnx_output
                )));
            }
        }
        let output = match &newsgrist.shared_encoder {
            Some(shared) => Some(shared.onnx_output.clone()),
            None => newsgrist.onnx_output,
        };
        Ok(Self {
            labels,
            max_length,
            target_budget: newsgrist.target_budget,
            max_context: newsgrist.max_context,
            extra_inputs,
            output,
            model_id: newsgrist.model_id.or(raw.name_or_path),
            decoding: newsgrist.decoding,
            shared_encoder: newsgrist.shared_encoder,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ModelConfig, ModelError> {
        ModelConfig::parse(text, Path::new("config.json"))
    }

    #[test]
    fn reads_our_export() {
        let config = parse(
            r#"{"id2label": {"0": "O", "1": "B-PER", "2": "I-PER"}, "max_position_embeddings": 512,
                "newsgrist": {"model_id": "m1", "max_length": 256, "target_budget": 128,
                              "extra_inputs": {"shape_ids": "casing_v1"}, "onnx_output": "logits"}}"#,
        )
        .expect("valid config");
        assert_eq!(config.labels, ["O", "B-PER", "I-PER"]);
        assert_eq!(config.max_length, 256);
        assert_eq!(config.target_budget, Some(128));
        assert_eq!(
            config.extra_inputs.get("shape_ids"),
            Some(&ExtraFeature::CasingV1)
        );
        assert_eq!(config.model_id.as_deref(), Some("m1"));
    }

    #[test]
    fn reads_a_head_on_a_shared_encoder() {
        let config = parse(
            r#"{"id2label": {"0": "O", "1": "B-CUE"},
                "newsgrist": {"model_id": "head", "shared_encoder":
                    {"model_dir": "../ner", "model_id": "encoder", "onnx_output": "cue_logits"}}}"#,
        )
        .expect("valid config");
        let shared = config.shared_encoder.expect("a head");
        assert_eq!(shared.model_dir, Path::new("../ner"));
        assert_eq!(shared.model_id, "encoder");
        assert_eq!(config.output.as_deref(), Some("cue_logits"));
    }

    #[test]
    fn plain_hugging_face_config() {
        let config = parse(r#"{"id2label": {"1": "B-LOC", "0": "O", "10": "X", "2": "a", "3": "b", "4": "c", "5": "d", "6": "e", "7": "f", "8": "g", "9": "h"}, "max_position_embeddings": 514}"#)
            .expect("valid config");
        assert_eq!(config.labels.len(), 11);
        assert_eq!(config.labels[10], "X");
        assert_eq!(config.max_length, 512);
        assert!(config.extra_inputs.is_empty());
    }

    #[test]
    fn rejects_broken_configs() {
        for text in [
            "{",
            r#"{"num_labels": 3}"#,
            r#"{"id2label": {"0": "O", "2": "B-PER"}}"#,
            r#"{"id2label": {"x": "O"}}"#,
            r#"{"id2label": {"0": "O"}, "newsgrist": {"extra_inputs": {"shape_ids": "casing_v9"}}}"#,
            r#"{"id2label": {"0": "O"}, "newsgrist": {"max_length": 64, "target_budget": 64}}"#,
            r#"{"id2label": {"0": "O"}, "newsgrist": {"shared_encoder": {"model_dir": "../ner"}}}"#,
            r#"{"id2label": {"0": "O"}, "newsgrist": {"onnx_output": "a", "shared_encoder":
                {"model_dir": "../ner", "model_id": "m", "onnx_output": "b"}}}"#,
        ] {
            let err = parse(text).expect_err(text);
            assert!(matches!(err, ModelError::BadConfig { .. }), "{text}: {err}");
        }
    }
}
