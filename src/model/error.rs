//! Errors of the model layer: each variant says which file or input and what
//! to do about it, so a caller can tell a missing model from a broken one or
//! from a missing runtime.
use std::path::PathBuf;

/// What can go wrong loading or running a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("no {what} at {path}; {hint}")]
    MissingFile {
        what: &'static str,
        path: PathBuf,
        hint: String,
    },

    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("bad model configuration in {path}: {reason}")]
    BadConfig { path: PathBuf, reason: String },

    #[error("cannot load the tokenizer {path}: {reason}")]
    Tokenizer { path: PathBuf, reason: String },

    #[error(
        "the ONNX Runtime library was not found (looked for {searched}); run `{setup}` \
         (downloads onnxruntime {version} from PyPI), or set ORT_DYLIB_PATH to a \
         libonnxruntime.so of version {version}"
    )]
    RuntimeMissing {
        searched: String,
        setup: String,
        version: &'static str,
    },

    #[error("cannot start ONNX Runtime from {path}: {reason}")]
    Runtime { path: PathBuf, reason: String },

    #[error("cannot load the ONNX model {path}: {reason}")]
    Session { path: PathBuf, reason: String },

    #[error("the ONNX model {path} does not fit this runner: {reason}")]
    UnsupportedModel { path: PathBuf, reason: String },

    #[error("cannot tokenize document {document}: {reason}")]
    Tokenize { document: usize, reason: String },

    #[error("inference failed: {reason}")]
    Inference { reason: String },

    #[error("invalid option: {0}")]
    InvalidOption(String),
}
