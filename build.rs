//! Build script: makes the ONNX Runtime shared library available.
//!
//! newsgrist links ONNX Runtime at run time (`ort`'s `load-dynamic`), because
//! `ort`'s default build downloads binaries from a host that build machines
//! here cannot reach. The library comes from the PyPI wheel
//! `onnxruntime==1.31.1` (it needs only glibc and libstdc++): when
//! `.cache/onnxruntime/libonnxruntime.so.1.31.1` is missing, this script runs
//! `python3 -m pip download` and extracts that one file. It never fails the
//! build: offline, it prints a `cargo:warning` naming the command to run by
//! hand (`scripts/setup-onnxruntime.sh`).
//!
//! The library's absolute path is handed to the crate as
//! `NEWSGRIST_DEFAULT_ORT_DYLIB`; at run time `ORT_DYLIB_PATH` overrides it.
use std::path::{Path, PathBuf};
use std::process::Command;

const VERSION: &str = "1.31.1";

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dir = manifest_dir.join(".cache").join("onnxruntime");
    let library = dir.join(format!("libonnxruntime.so.{VERSION}"));

    // Watching the folder (not the file: a missing file would rerun the script
    // on every build) reruns the script when the library appears or goes.
    let _ = std::fs::create_dir_all(&dir);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-env-changed=NEWSGRIST_SKIP_ORT_DOWNLOAD");
    println!(
        "cargo:rustc-env=NEWSGRIST_DEFAULT_ORT_DYLIB={}",
        library.display()
    );

    if library.is_file() || std::env::var_os("NEWSGRIST_SKIP_ORT_DOWNLOAD").is_some() {
        return;
    }
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("linux") {
        println!(
            "cargo:warning=no ONNX Runtime download for this OS; install onnxruntime {VERSION} and set ORT_DYLIB_PATH"
        );
        return;
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(reason) = fetch(&out_dir.join("onnxruntime-wheel"), &library) {
        println!(
            "cargo:warning=ONNX Runtime {VERSION} was not downloaded ({reason}); the NER model will not run until \
             you run scripts/setup-onnxruntime.sh (needs python3 with pip and access to PyPI) or set ORT_DYLIB_PATH"
        );
    }
}

/// Downloads the wheel into `download` (a scratch folder in `OUT_DIR`) and
/// extracts the library to `library`.
fn fetch(download: &Path, library: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(download);
    let result = fetch_into(download, library);
    let _ = std::fs::remove_dir_all(download);
    result
}

fn fetch_into(download: &Path, library: &Path) -> Result<(), String> {
    let status = Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
        ])
        // Offline, fail in seconds rather than minutes.
        .args(["--retries", "1", "--timeout", "20", "--disable-pip-version-check"])
        .arg(format!("onnxruntime=={VERSION}"))
        .arg("-d")
        .arg(download)
        .status()
        .map_err(|err| format!("cannot run python3: {err}"))?;
    if !status.success() {
        return Err(format!("pip download failed ({status})"));
    }
    let wheel = std::fs::read_dir(download)
        .map_err(|err| format!("cannot list {}: {err}", download.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "whl"))
        .ok_or_else(|| "pip downloaded no wheel".to_owned())?;
    // Extract next to the wheel, then move: a half-written library is never left in place.
    let partial = download.join("libonnxruntime.so.partial");
    let script = format!(
        "import shutil, sys, zipfile\n\
         with zipfile.ZipFile(sys.argv[1]) as z, z.open('onnxruntime/capi/libonnxruntime.so.{VERSION}') as src, \
         open(sys.argv[2], 'wb') as dst:\n    shutil.copyfileobj(src, dst)\n"
    );
    let status = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&wheel)
        .arg(&partial)
        .status()
        .map_err(|err| format!("cannot run python3: {err}"))?;
    if !status.success() {
        let _ = std::fs::remove_file(&partial);
        return Err(format!("cannot extract the library from {}", wheel.display()));
    }
    if let Some(dir) = library.parent() {
        std::fs::create_dir_all(dir).map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    }
    let staged = library.with_file_name(format!("libonnxruntime.so.{VERSION}.partial"));
    std::fs::copy(&partial, &staged)
        .and_then(|_| std::fs::rename(&staged, library))
        .map_err(|err| format!("cannot move the library into place: {err}"))
}
