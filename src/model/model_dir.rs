//! What a model directory must hold, checked before anything loads, so that
//! a missing file is named together with what to do about it; and reading
//! its small text files with the path in the error.
use std::path::Path;

use super::error::ModelError;

/// Fails on the first of `files` (what it is, its path) that is not a file.
pub(crate) fn require_files(files: &[(&'static str, &Path)], hint: &str) -> Result<(), ModelError> {
    match files.iter().find(|(_, path)| !path.is_file()) {
        Some((what, path)) => Err(ModelError::MissingFile {
            what,
            path: path.to_path_buf(),
            hint: hint.to_owned(),
        }),
        None => Ok(()),
    }
}

/// The text of `path`.
pub(crate) fn read_text(path: &Path) -> Result<String, ModelError> {
    std::fs::read_to_string(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })
}
