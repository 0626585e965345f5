//! `config.json` of an entity-pair classifier (our relation model): the
//! marker tokens, the window length and, per head, the output name and
//! labels.
//!
//! Token classifiers use [`super::ModelConfig`]; this is the other kind of
//! model the runner serves. What the config does not say (how the stage
//! maps labels to relations) belongs to the stage.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::ModelError;

/// One classification head: its graph output and labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairHead {
    pub name: String,
    pub output: String,
    pub labels: Vec<String>,
}

/// The checked parts of a pair classifier's `config.json`.
#[derive(Debug, Clone)]
pub struct PairConfig {
    /// Token id placed before each entity's first subword.
    pub entity_start_id: i64,
    /// Token id placed after each entity's last subword.
    pub entity_end_id: i64,
    /// Start markers that name the entity's type (`PER` -> `[unused3]`);
    /// an entity of another or no type opens with `entity_start_id`. Empty
    /// for a model trained with untyped markers.
    pub typed_start_ids: BTreeMap<String, i64>,
    /// Most tokens in one model call, special tokens and markers included.
    pub max_length: usize,
    /// Tokens kept before the first marker when a sentence must be cut.
    pub crop_margin: usize,
    /// Whether the graph takes `casing_v1` classes (`shape_ids`).
    pub casing: bool,
    /// Heads in a fixed order (by name).
    pub heads: Vec<PairHead>,
    /// Subtracted from the score of "no relation" when a KBP37-style head
    /// decides a pair (`newsgrist.kbp37_no_relation_bias`; 0 when absent).
    pub no_relation_bias: f32,
    /// Bytes of a sentence read on each side of a pair's entities
    /// (`newsgrist.reading_context_bytes`): a model trained on sentences cut
    /// this way reads them so (see `relations::PairLimits`); absent for a
    /// model trained on whole sentences only.
    pub reading_context_bytes: Option<usize>,
    pub model_id: Option<String>,
}

#[derive(Deserialize)]
struct Raw {
    newsgrist: Option<RawNewsgrist>,
}

#[derive(Deserialize)]
struct RawNewsgrist {
    task: String,
    model_id: Option<String>,
    max_length: usize,
    entity_start_id: i64,
    entity_end_id: i64,
    #[serde(default)]
    entity_start_ids_by_type: BTreeMap<String, i64>,
    #[serde(default = "default_margin")]
    crop_margin: usize,
    #[serde(default)]
    extra_inputs: BTreeMap<String, String>,
    heads: BTreeMap<String, RawHead>,
    #[serde(default)]
    kbp37_no_relation_bias: f32,
    reading_context_bytes: Option<usize>,
}

#[derive(Deserialize)]
struct RawHead {
    output: String,
    labels: Vec<String>,
}

fn default_margin() -> usize {
    16
}

impl PairConfig {
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
        let raw: Raw =
            serde_json::from_str(text).map_err(|err| bad(format!("not a pair-classifier config: {err}")))?;
        let raw = raw.newsgrist.ok_or_else(|| {
            bad(
                "no `newsgrist` object: pair classifiers are exported by scripts/export_relations_onnx.py"
                    .into(),
            )
        })?;
        if raw.task != "pair_classification" {
            return Err(bad(format!(
                "`newsgrist.task` is {:?}; a relation model has \"pair_classification\"",
                raw.task
            )));
        }
        if raw.heads.is_empty() || raw.heads.values().any(|head| head.labels.is_empty()) {
            return Err(bad("`newsgrist.heads` needs at least one head with labels".into()));
        }
        if raw.max_length < 8 {
            return Err(bad(format!("`max_length` {} is too small", raw.max_length)));
        }
        let mut casing = false;
        for (name, feature) in &raw.extra_inputs {
            match (name.as_str(), feature.as_str()) {
                ("shape_ids", "casing_v1") => casing = true,
                _ => return Err(bad(format!("unknown extra input {name:?}: {feature:?}"))),
            }
        }
        Ok(Self {
            entity_start_id: raw.entity_start_id,
            entity_end_id: raw.entity_end_id,
            typed_start_ids: raw.entity_start_ids_by_type,
            max_length: raw.max_length,
            crop_margin: raw.crop_margin,
            casing,
            heads: raw
                .heads
                .into_iter()
                .map(|(name, head)| PairHead {
                    name,
                    output: head.output,
                    labels: head.labels,
                })
                .collect(),
            model_id: raw.model_id,
            no_relation_bias: raw.kbp37_no_relation_bias,
            reading_context_bytes: raw.reading_context_bytes,
        })
    }

    /// Index of the head called `name`.
    pub fn head(&self, name: &str) -> Option<usize> {
        self.heads.iter().position(|head| head.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"newsgrist": {"task": "pair_classification", "max_length": 192,
        "entity_start_id": 2, "entity_end_id": 3, "extra_inputs": {"shape_ids": "casing_v1"},
        "heads": {"kbp37": {"output": "kbp_logits", "labels": ["NONE", "per:title"]}}}}"#;

    #[test]
    fn reads_heads_and_markers() {
        let config = PairConfig::parse(GOOD, Path::new("config.json")).expect("valid");
        assert_eq!(
            (config.entity_start_id, config.entity_end_id, config.max_length),
            (2, 3, 192)
        );
        assert!(config.casing);
        assert_eq!(config.head("kbp37"), Some(0));
        assert_eq!(config.heads[0].labels, ["NONE", "per:title"]);
        assert_eq!(config.reading_context_bytes, None);
        let cut = GOOD.replacen(
            "\"max_length\"",
            "\"reading_context_bytes\": 24, \"max_length\"",
            1,
        );
        let config = PairConfig::parse(&cut, Path::new("config.json")).expect("valid");
        assert_eq!(config.reading_context_bytes, Some(24));
    }

    #[test]
    fn a_token_classifier_config_is_refused_with_the_reason() {
        let err = PairConfig::parse(r#"{"id2label": {"0": "O"}}"#, Path::new("models/ner/config.json"))
            .expect_err("not a pair model");
        assert!(err.to_string().contains("models/ner/config.json"), "{err}");
        assert!(err.to_string().contains("export_relations_onnx.py"), "{err}");
    }
}
