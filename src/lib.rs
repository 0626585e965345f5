//! newsgrist: a batch pipeline from news corpora to JSONL records of actors,
//! claims and casualty figures.
//!
//! The modules follow the pipeline, each stage taking and returning plain data:
//! [`corpus`] reads files into [`corpus::Document`]s, [`text`] normalises them
//! and finds sentences, [`pipeline`] runs the stages over a stream of
//! documents in parallel, and [`output`] writes the versioned JSONL records,
//! the state for incremental runs and the run report. [`model`] serves
//! token-classification models with ONNX Runtime and [`ner`] turns their
//! labels into entity mentions. [`actors`] resolves them into actors with
//! stable ids. [`casualties`] finds casualty figures and
//! each event's toll. [`claims`] finds who claimed, said or denied what.
//! [`relations`] links actors to each other and to the attacks they claim.
pub mod actors;
pub mod casualties;
pub mod claims;
pub mod corpus;
pub mod error;
pub mod model;
pub mod ner;
pub mod output;
pub mod pipeline;
pub mod relations;
pub mod scores;
pub mod text;

pub use error::{Error, Result};
