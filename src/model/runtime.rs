//! Finding and starting ONNX Runtime, once per process.
//!
//! newsgrist loads ONNX Runtime at run time (`ort`'s `load-dynamic`): the
//! library is the one in the PyPI wheel `onnxruntime==1.31.1`, which `build.rs`
//! (or `scripts/setup-onnxruntime.sh`) puts in `.cache/onnxruntime/`. It is
//! looked for in `ORT_DYLIB_PATH` first, then at the path the build recorded.
//!
//! `ort` allows one environment per process and loads the library once, so
//! the environment lives in a process-wide cell: the first model to load
//! starts it; later ones share it, or get the same error again.
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ort::environment::Environment;

use super::error::ModelError;

/// The ONNX Runtime version newsgrist is built and tested against.
pub const ORT_VERSION: &str = "1.31.1";

/// Where `build.rs` put the library (absolute; may not exist).
const DEFAULT_LIBRARY: &str = env!("NEWSGRIST_DEFAULT_ORT_DYLIB");

/// The command that installs the library by hand.
fn setup_command() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scripts")
        .join("setup-onnxruntime.sh")
        .display()
        .to_string()
}

/// The library to load: `ORT_DYLIB_PATH` when set, else the built-in default.
/// Errors when the chosen file does not exist.
pub fn library_path() -> Result<PathBuf, ModelError> {
    resolve_library(std::env::var_os("ORT_DYLIB_PATH"), Path::new(DEFAULT_LIBRARY))
}

fn resolve_library(from_env: Option<OsString>, default: &Path) -> Result<PathBuf, ModelError> {
    let (path, source) = match from_env {
        Some(path) if !path.is_empty() => (PathBuf::from(path), "from ORT_DYLIB_PATH"),
        _ => (default.to_path_buf(), "the default"),
    };
    if path.is_file() {
        return Ok(path);
    }
    Err(ModelError::RuntimeMissing {
        searched: format!("{}, {source}", path.display()),
        setup: setup_command(),
        version: ORT_VERSION,
    })
}

/// Whether the library can be found, for tests that skip without it.
pub fn is_available() -> bool {
    library_path().is_ok()
}

type Started = Result<Environment, (PathBuf, String)>;

static ENVIRONMENT: OnceLock<Started> = OnceLock::new();

/// The process's ONNX Runtime environment, started on first use.
pub fn environment() -> Result<Environment, ModelError> {
    if let Some(started) = ENVIRONMENT.get() {
        return cloned(started);
    }
    let path = library_path()?;
    cloned(ENVIRONMENT.get_or_init(|| start(&path)))
}

fn cloned(started: &Started) -> Result<Environment, ModelError> {
    started
        .clone()
        .map_err(|(path, reason)| ModelError::Runtime { path, reason })
}

fn start(path: &Path) -> Started {
    let builder = ort::init_from(path).map_err(|err| (path.to_path_buf(), err.to_string()))?;
    builder
        .with_name("newsgrist")
        .with_telemetry(false)
        .build()
        .map_err(|err| (path.to_path_buf(), err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_library_says_what_to_run() {
        let err = resolve_library(
            Some("/nonexistent/libonnxruntime.so".into()),
            Path::new("/also/missing"),
        )
        .expect_err("missing library");
        let message = err.to_string();
        assert!(
            message.contains("/nonexistent/libonnxruntime.so, from ORT_DYLIB_PATH"),
            "{message}"
        );
        assert!(message.contains("scripts/setup-onnxruntime.sh"), "{message}");
        assert!(message.contains("ORT_DYLIB_PATH"), "{message}");
        let err = resolve_library(None, Path::new("/also/missing")).expect_err("missing library");
        assert!(err.to_string().contains("/also/missing, the default"), "{err}");
    }

    #[test]
    fn the_environment_variable_comes_first() {
        let this_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        let found =
            resolve_library(Some(this_file.clone().into()), Path::new("/also/missing")).expect("exists");
        assert_eq!(found, this_file);
        let found = resolve_library(Some(OsString::new()), &this_file).expect("empty means unset");
        assert_eq!(found, this_file);
    }
}
