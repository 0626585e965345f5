//! `--stdout`: one JSON object per input document on standard output, for
//! Spark `rdd.pipe`, Hadoop streaming or Beam. Nothing is kept between runs.
use std::io::{BufWriter, Write};

use serde::Serialize;

use super::records::RejectRecord;
use super::state::{Commit, SeenLine};
use super::{RecordBundle, Sink};
use crate::error::{Error, Result};

/// Writes bundles and rejects as JSON lines to any writer (stdout in the CLI).
pub struct StdoutSink<W: Write> {
    out: BufWriter<W>,
}

/// One line of `--stdout` output.
#[derive(Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum StdoutLine<'a> {
    /// A document with all its records.
    Document(&'a RecordBundle),
    /// An input that produced no document.
    Reject { reject: &'a RejectRecord },
}

impl<W: Write> StdoutSink<W> {
    pub fn new(out: W) -> Self {
        Self {
            out: BufWriter::new(out),
        }
    }

    fn line(&mut self, value: &impl Serialize) -> Result<()> {
        serde_json::to_writer(&mut self.out, value).map_err(|err| {
            if err.is_io() {
                Error::io("write", "standard output", std::io::Error::from(err))
            } else {
                Error::Json(err)
            }
        })?;
        self.out
            .write_all(b"\n")
            .map_err(|err| Error::io("write", "standard output", err))
    }
}

impl<W: Write> Sink for StdoutSink<W> {
    fn write_document(&mut self, bundle: &RecordBundle) -> Result<()> {
        self.line(&StdoutLine::Document(bundle))
    }

    fn write_reject(&mut self, reject: &RejectRecord) -> Result<()> {
        self.line(&StdoutLine::Reject { reject })
    }

    fn record_seen(&mut self, _seen: &SeenLine) -> Result<()> {
        Ok(())
    }

    fn commit(&mut self, _commit: &mut Commit) -> Result<()> {
        self.out
            .flush()
            .map_err(|err| Error::io("write", "standard output", err))
    }
}
