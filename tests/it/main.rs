//! Integration tests: the real `newsgrist` binary on real files.
//!
//! One test binary (as in uv and ripgrep) so the binary is built once.
mod actors;
mod casualties;
mod claims;
mod common;
mod corpus_run;
mod faults;
mod hostile;
mod incremental;
mod inputs;
mod relations;
mod resume;
mod schema;
mod streaming;
