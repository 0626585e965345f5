//! A head on another model's encoder: a `config.json` (labels, windows,
//! decoding, id) whose logits are one output of that model's graph
//! (`newsgrist.shared_encoder`, see [`super::config`]).
//!
//! Where the pipeline runs the encoder's own model anyway, one model call
//! per window gives both label sets ([`super::TokenClassifier::classify_with_heads`]);
//! alone, [`super::TokenClassifier::load`] on the head's directory opens the
//! encoder's graph and reads the head's output. This module only reads and
//! checks the head's files; it runs nothing.
use std::path::{Path, PathBuf};

use super::config::{ModelConfig, SharedEncoder};
use super::error::ModelError;

/// A loaded head: its configuration and where its encoder is.
#[derive(Debug, Clone)]
pub struct OutputHead {
    dir: PathBuf,
    config: ModelConfig,
    shared: SharedEncoder,
}

impl OutputHead {
    /// Whether `dir`'s `config.json` names a shared encoder (the head has no
    /// graph of its own). Only the key is looked at: [`Self::load`] reports
    /// what is wrong with a head's configuration.
    pub fn is_head(dir: &Path) -> bool {
        std::fs::read_to_string(dir.join("config.json"))
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .is_some_and(|config| config["newsgrist"].get("shared_encoder").is_some())
    }

    /// Reads `dir/config.json`; fails when it names no shared encoder.
    pub fn load(dir: &Path) -> Result<Self, ModelError> {
        let path = dir.join("config.json");
        super::model_dir::require_files(&[("model configuration", &path)], HINT)?;
        let config = ModelConfig::load(&path)?;
        let shared = config
            .shared_encoder
            .clone()
            .ok_or_else(|| ModelError::BadConfig {
                path: path.clone(),
                reason: "it names no `newsgrist.shared_encoder`, so it is a model of its own, not a head"
                    .into(),
            })?;
        Ok(Self {
            dir: dir.to_path_buf(),
            config,
            shared,
        })
    }

    /// The head's directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The head's configuration (labels, windows, id, decoding).
    pub fn config(&self) -> &ModelConfig {
        &self.config
    }

    /// The encoder model's directory.
    pub fn encoder_dir(&self) -> PathBuf {
        self.dir.join(&self.shared.model_dir)
    }

    /// The encoder model's id the head was trained with.
    pub fn encoder_id(&self) -> &str {
        &self.shared.model_id
    }

    /// The graph output holding the head's logits.
    pub fn output(&self) -> &str {
        &self.shared.onnx_output
    }

    /// The encoder model's `config.json`; fails unless its id is the one
    /// the head was trained with.
    pub fn encoder_config(&self) -> Result<ModelConfig, ModelError> {
        let config = ModelConfig::load(&self.encoder_dir().join("config.json"))?;
        self.check_encoder_id(config.model_id.as_deref())?;
        Ok(config)
    }

    /// Fails unless `found` (the encoder directory's model id) is the one
    /// the head was trained with.
    pub(crate) fn check_encoder_id(&self, found: Option<&str>) -> Result<(), ModelError> {
        if found == Some(self.encoder_id()) {
            return Ok(());
        }
        Err(ModelError::UnsupportedModel {
            path: self.dir.clone(),
            reason: format!(
                "it is a head on the encoder {:?}, but {} holds {:?}; use the models of one newsgrist \
                 release together",
                self.encoder_id(),
                self.encoder_dir().display(),
                found.unwrap_or("a model without an id")
            ),
        })
    }
}

const HINT: &str = "a head's directory holds config.json naming its encoder's directory \
                    (`newsgrist.shared_encoder`); scripts/export_shared_onnx.py writes it";
