//! Library errors, one enum with the facts a user needs to act on.
//!
//! Per-document problems are not errors here: they become reject records
//! (see [`crate::corpus::Reject`]) and the run goes on. This type is for what
//! stops a run: an output directory that cannot be written, a lock held by
//! another run, a corrupt state file, a bad argument.
use std::path::PathBuf;

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot {action} {path}: {source}{}", space_hint(.source))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "another newsgrist run holds the lock on {dir} ({holder}); wait for it to finish, \
         or if no such process is running, the lock is released automatically: rerun"
    )]
    Locked { dir: PathBuf, holder: String },

    #[error("state file {path} is unreadable ({reason}); rerun with --full to rebuild the output directory from scratch")]
    CorruptState { path: PathBuf, reason: String },

    #[error("the interrupted run in {dir} cannot be resumed: {reason}; rerun with --full to start over")]
    CannotResume { dir: PathBuf, reason: String },

    #[error("invalid argument: {0}")]
    InvalidArgument(String),

    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Says in words what a full disk or a file-size limit means for the run.
fn space_hint(source: &std::io::Error) -> &'static str {
    match source.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            " (disk full; the committed output is intact: free space and rerun the same command to resume)"
        }
        std::io::ErrorKind::FileTooLarge => {
            " (file too large for the file-size limit, `ulimit -f`; the committed output is intact: raise the limit and rerun the same command to resume)"
        }
        _ => "",
    }
}

impl Error {
    /// Wraps an I/O error with what was being done and to which path.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
