//! One run per output directory, enforced with an OS file lock.
//!
//! The lock is `flock`-style (`File::try_lock`): the kernel releases it when
//! the process dies, SIGKILL included, so a crashed run never leaves a stale
//! lock behind. The file also records the holder's pid and start time for the
//! message the second run prints.
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Held for the lifetime of a run; dropping it releases the lock.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

impl DirLock {
    /// Takes the lock at `path` or fails with [`Error::Locked`] naming the holder.
    pub fn acquire(path: &Path, dir: &Path) -> Result<Self> {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|err| Error::io("open lock file", path, err))?;
        if file.try_lock().is_err() {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = match holder.trim() {
                "" => "holder unknown".to_owned(),
                text => text.to_owned(),
            };
            return Err(Error::Locked {
                dir: dir.to_path_buf(),
                holder,
            });
        }
        let note = format!(
            "pid {}, started {}",
            std::process::id(),
            crate::output::report::now_rfc3339()
        );
        let written = file
            .set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| file.write_all(note.as_bytes()));
        written.map_err(|err| Error::io("write lock file", path, err))?;
        Ok(Self { _file: file })
    }
}
