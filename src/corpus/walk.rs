//! Turning command-line inputs into a sorted, lazy sequence of files.
//!
//! Directories are walked with `walkdir`, sorted by file name so every run
//! sees the same order, following symbolic links (loops are reported, not
//! followed forever). Files with extensions newsgrist does not read are
//! counted and skipped; a file named explicitly with such an extension is a
//! reject, since the user asked for it. A walk reads regular files only: a
//! named pipe, socket or device met on the way is a reject (a pipe without a
//! writer would block the run), while one named on the command line is read.
use std::path::{Path, PathBuf};

use super::document::{Reject, RejectReason, SourceRef};
use super::format::FileKind;

/// What a walk step yields.
pub enum Found {
    File { path: PathBuf, kind: FileKind },
    Ignored,
    Reject(Reject),
}

/// Walks one command-line path lazily.
pub fn walk(root: &Path) -> Box<dyn Iterator<Item = Found> + Send> {
    let metadata = match std::fs::metadata(root) {
        Ok(metadata) => metadata,
        Err(err) => {
            let reject = Reject::new(
                SourceRef::file(display(root)),
                RejectReason::Unreadable,
                format!("cannot read {}: {err}", display(root)),
            );
            return Box::new(std::iter::once(Found::Reject(reject)));
        }
    };
    if !metadata.is_dir() {
        let found = match FileKind::from_path(root) {
            Some(kind) => Found::File {
                path: root.to_path_buf(),
                kind,
            },
            None => Found::Reject(Reject::new(
                SourceRef::file(display(root)),
                RejectReason::UnsupportedFormat,
                "unsupported file type: newsgrist reads .txt, .md, .html, .htm, .json, .jsonl, \
                 .ndjson and the same with .gz",
            )),
        };
        return Box::new(std::iter::once(found));
    }
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|entry| match entry {
            Ok(entry) if entry.file_type().is_dir() => None,
            Ok(entry) => Some(match FileKind::from_path(entry.path()) {
                // A FIFO, socket or device found by a walk is not an article:
                // opening a FIFO without a writer would block the run forever.
                Some(_) if !entry.file_type().is_file() => Found::Reject(not_regular(entry.path())),
                Some(kind) => Found::File {
                    path: entry.into_path(),
                    kind,
                },
                None => Found::Ignored,
            }),
            Err(err) => Some(Found::Reject(walk_error(&err))),
        });
    Box::new(walker)
}

fn not_regular(path: &Path) -> Reject {
    Reject::new(
        SourceRef::file(display(path)),
        RejectReason::Unreadable,
        format!(
            "{} is not a regular file (a named pipe, socket or device); not read",
            display(path)
        ),
    )
}

fn walk_error(err: &walkdir::Error) -> Reject {
    let path = err.path().map(display).unwrap_or_default();
    let message = match err.loop_ancestor() {
        Some(ancestor) => format!(
            "symbolic link loop: {path} points back to {}; not followed",
            display(ancestor)
        ),
        None => format!("cannot walk {path}: {err}"),
    };
    Reject::new(SourceRef::file(path), RejectReason::WalkError, message)
}

/// Paths as text for records; names that are not UTF-8 are shown lossily.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
