//! The output directory: eight JSONL files plus the state, committed together.
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::records::RejectRecord;
use super::state::{save_commit, Commit, SeenLine, StatePaths};
use super::{RecordBundle, Sink};
use crate::error::{Error, Result};

/// The JSONL files of an output directory, in the order of [`DirSink`]'s files.
pub const OUTPUT_FILES: [&str; 8] = [
    "documents.jsonl",
    "entities.jsonl",
    "actors.jsonl",
    "claims.jsonl",
    "casualties.jsonl",
    "relations.jsonl",
    "rejects.jsonl",
    "tolls.jsonl",
];

const SEEN_KEY: &str = ".newsgrist/seen.jsonl";

struct TrackedFile {
    key: &'static str,
    path: PathBuf,
    writer: BufWriter<File>,
    committed: u64,
}

impl TrackedFile {
    fn open(key: &'static str, path: PathBuf, committed: u64) -> Result<Self> {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|err| Error::io("open", &path, err))?;
        // Bytes past the last commit point belong to a run that died; cut them.
        file.set_len(committed)
            .and_then(|()| file.seek(SeekFrom::End(0)).map(drop))
            .map_err(|err| Error::io("truncate to the last commit point", &path, err))?;
        Ok(Self {
            key,
            path,
            writer: BufWriter::with_capacity(1 << 20, file),
            committed,
        })
    }

    fn write_line(&mut self, value: &impl Serialize) -> Result<()> {
        serde_json::to_writer(&mut self.writer, value).map_err(|err| {
            // A failed write (a full disk) must name the file, not just "JSON".
            if err.is_io() {
                Error::io("write", &self.path, std::io::Error::from(err))
            } else {
                Error::Json(err)
            }
        })?;
        self.writer
            .write_all(b"\n")
            .map_err(|err| Error::io("write", &self.path, err))
    }

    /// Drops the buffered, uncommitted bytes without writing them and cuts
    /// the file back to its last commit point.
    fn discard(self) {
        // `into_parts` does not flush: dropping the `BufWriter` would write
        // its buffer after the cut, past the committed length.
        let (file, _unwritten) = self.writer.into_parts();
        let _ = file.set_len(self.committed);
        let _ = file.sync_data();
    }

    /// Flushes and fsyncs; returns the durable length.
    fn sync(&mut self) -> Result<u64> {
        self.writer
            .flush()
            .map_err(|err| Error::io("write", &self.path, err))?;
        let file = self.writer.get_mut();
        file.sync_data()
            .and_then(|()| file.stream_position())
            .map_err(|err| Error::io("sync", &self.path, err))
    }
}

/// Writes an output directory with commit points.
pub struct DirSink {
    files: Vec<TrackedFile>,
    state: StatePaths,
}

impl DirSink {
    /// Opens every file, cutting each back to its committed length.
    pub fn open(out: &Path, state: &StatePaths, committed: &BTreeMap<String, u64>) -> Result<Self> {
        let length = |key: &str| committed.get(key).copied().unwrap_or(0);
        let mut files = Vec::with_capacity(OUTPUT_FILES.len() + 1);
        for name in OUTPUT_FILES {
            files.push(TrackedFile::open(name, out.join(name), length(name))?);
        }
        files.push(TrackedFile::open(SEEN_KEY, state.seen(), length(SEEN_KEY))?);
        Ok(Self {
            files,
            state: state.clone(),
        })
    }

    /// Removes outputs and state, for `--full`.
    pub fn reset(out: &Path, state: &StatePaths) -> Result<()> {
        let mut paths: Vec<PathBuf> = OUTPUT_FILES.iter().map(|name| out.join(name)).collect();
        paths.extend([
            state.commit(),
            state.seen(),
            out.join("run.json"),
            out.join(super::registry::REGISTRY_FILE),
        ]);
        for path in paths {
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => return Err(Error::io("remove", &path, err)),
            }
        }
        Ok(())
    }

    /// The file at `index`; an error once [`Sink::abort`] has run.
    fn file(&mut self, index: usize) -> Result<&mut TrackedFile> {
        let aborted = self.aborted_error();
        self.files.get_mut(index).ok_or(aborted)
    }

    fn aborted_error(&self) -> Error {
        Error::io(
            "write to",
            &self.state.dir,
            std::io::Error::other("the output was aborted after an earlier error"),
        )
    }

    fn lines<T: Serialize>(&mut self, index: usize, records: &[T]) -> Result<()> {
        let file = self.file(index)?;
        records.iter().try_for_each(|record| file.write_line(record))
    }
}

impl Sink for DirSink {
    fn write_document(&mut self, bundle: &RecordBundle) -> Result<()> {
        self.file(0)?.write_line(&bundle.document)?;
        self.lines(1, &bundle.entities)?;
        self.lines(2, &bundle.actors)?;
        self.lines(3, &bundle.claims)?;
        self.lines(4, &bundle.casualties)?;
        self.lines(5, &bundle.relations)?;
        self.lines(7, &bundle.tolls)
    }

    fn write_reject(&mut self, reject: &RejectRecord) -> Result<()> {
        self.file(6)?.write_line(reject)
    }

    fn record_seen(&mut self, seen: &SeenLine) -> Result<()> {
        self.file(8)?.write_line(seen)
    }

    /// Cuts every file back to its last commit point, so that a failed run
    /// (a full disk, say) leaves no half-written record behind. The sink
    /// writes nothing more afterwards.
    fn abort(&mut self) {
        for file in std::mem::take(&mut self.files) {
            file.discard();
        }
    }

    fn commit(&mut self, commit: &mut Commit) -> Result<()> {
        let result = self.commit_inner(commit);
        if result.is_err() {
            self.abort();
        }
        result
    }
}

impl DirSink {
    fn commit_inner(&mut self, commit: &mut Commit) -> Result<()> {
        if self.files.is_empty() {
            // Aborted: committing now would record empty lengths.
            return Err(self.aborted_error());
        }
        let mut lengths = BTreeMap::new();
        for file in &mut self.files {
            lengths.insert(file.key.to_owned(), file.sync()?);
        }
        commit.lengths = lengths;
        save_commit(&self.state, commit)?;
        for file in &mut self.files {
            file.committed = commit.lengths.get(file.key).copied().unwrap_or(0);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::state::{Counts, STATE_FORMAT};

    fn seen(n: u32) -> SeenLine {
        SeenLine {
            sha256: format!("{n:032x}"),
            doc_id: format!("doc-{n}"),
            run: 1,
            revision: 1,
        }
    }

    fn commit() -> Commit {
        Commit {
            format: STATE_FORMAT,
            run: 1,
            complete: false,
            fingerprint: String::new(),
            cursor: 0,
            last_source: None,
            lengths: BTreeMap::new(),
            counts: Counts::default(),
            elapsed_ms: 0,
            started_at: String::new(),
        }
    }

    /// Regression: `abort` cut the files back, then dropping the sink
    /// flushed the buffered records after the cut, past the commit point.
    #[test]
    fn abort_leaves_every_file_at_its_commit_point() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = StatePaths::new(dir.path());
        fs::create_dir_all(&state.dir).expect("state dir");
        let mut sink = DirSink::open(dir.path(), &state, &BTreeMap::new()).expect("open");
        sink.record_seen(&seen(1)).expect("write");
        let mut point = commit();
        sink.commit(&mut point).expect("commit");
        let committed = point.lengths[SEEN_KEY];
        assert!(committed > 0);
        sink.record_seen(&seen(2)).expect("buffered write");
        sink.abort();
        assert!(
            sink.record_seen(&seen(3)).is_err(),
            "nothing is written after abort"
        );
        assert!(sink.commit(&mut commit()).is_err(), "nor committed");
        drop(sink);
        let bytes = fs::read(state.seen()).expect("seen.jsonl");
        assert_eq!(bytes.len() as u64, committed);
        for name in OUTPUT_FILES {
            assert_eq!(fs::metadata(dir.path().join(name)).expect("file").len(), 0);
        }
    }
}
