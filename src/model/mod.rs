//! Token-classification and entity-pair models served by ONNX Runtime.
//!
//! [`TokenClassifier`] loads a model directory (`model.onnx`,
//! `tokenizer.json`, `config.json` with `id2label`), the layout Hugging Face
//! exports (optimum) use, so other token-classification models can be
//! dropped in. It takes many texts at once and returns one label
//! distribution per word, with byte offsets into each text.
//!
//! The parts, in pipeline order:
//! - [`runtime`]: finds the ONNX Runtime library and starts it once;
//! - [`config`]: reads `config.json`;
//! - [`encode`]: tokenizes, with byte offsets;
//! - [`casing`]: the `casing_v1` extra input of our NER model;
//! - [`windows`]: splits long texts into overlapping windows (never truncates);
//! - [`session`]: feeds the graph the inputs it declares, one session per worker;
//! - [`words`]: groups subword tokens into words;
//! - [`runner`]: puts them together; its doc says why each window runs as its
//!   own model call;
//! - [`head`]: a model that is one output of another's graph (our
//!   attribution model on the NER model's encoder), run in the same calls.
//!
//! The other kind of model, entity-pair classifiers (relations), shares the
//! runtime, tokenizer and casing: [`pair_config`] reads its `config.json`,
//! [`markers`] wraps a sentence's entities in marker tokens, and [`pairs`]
//! runs one call per sentence for all its pairs.
pub mod casing;
pub mod config;
pub mod encode;
pub mod error;
pub mod head;
pub mod markers;
mod model_dir;
pub mod pair_config;
pub mod pairs;
pub mod runner;
pub mod runtime;
pub mod session;
pub mod windows;
pub mod words;

#[cfg(test)]
mod tests;

pub use config::ModelConfig;
pub use error::ModelError;
pub use head::OutputHead;
pub use pair_config::{PairConfig, PairHead};
pub use pairs::{PairClassifier, PairInput, ScoredPair};
pub use runner::{ClassifiedText, RunnerOptions, TextInput, TokenClassifier, TokenCounts, WordPrediction};
pub use words::WordRule;
