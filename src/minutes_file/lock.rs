//! One writer per meeting: a lock held while a meeting is open for writing.
//!
//! The lock is an OS file lock on a hidden file beside the minutes file
//! (`.NAME.ron.lock`), so it is released by the kernel when the process dies,
//! even by `kill -9`: an interrupted meeting can be reopened at once.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, IoDoing};

#[derive(Debug)]
pub struct MeetingLock {
    file: File,
    lock_path: PathBuf,
}

/// The hidden lock file of a minutes file.
pub fn lock_path(minutes_path: &Path) -> PathBuf {
    super::paths::hidden_sibling(minutes_path, "lock")
}

impl MeetingLock {
    /// Take the lock of a meeting, or say who holds it.
    pub fn acquire(minutes_path: &Path) -> Result<MeetingLock, Diagnostic> {
        let lock_path = lock_path(minutes_path);
        for _ in 0..3 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock_path)
                .map_err(|e| Diagnostic::io(&lock_path, IoDoing::Create, &e))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    let holder = holder.trim();
                    let holder = if holder.is_empty() { "?" } else { holder };
                    return Err(Diagnostic::new(
                        minutes_path,
                        None,
                        format!(
                            "这次会议正由另一个 yishi 打开（进程 {holder}）。请在那里继续，或先关闭它"
                        ),
                        format!(
                            "this meeting is open in another yishi (process {holder}). Continue there, or close it first"
                        ),
                    ));
                }
                Err(fs::TryLockError::Error(e)) => {
                    return Err(Diagnostic::io(&lock_path, IoDoing::Create, &e));
                }
            }
            // The previous holder may have removed the file between our open
            // and our lock: then we locked a file nobody else can see.
            if !same_file(&file, &lock_path) {
                continue;
            }
            let _ = file.set_len(0);
            let _ = write!(file, "{}", std::process::id());
            let _ = file.sync_all();
            return Ok(MeetingLock { file, lock_path });
        }
        Err(Diagnostic::new(
            &lock_path,
            None,
            "无法取得会议锁（锁文件一直在变化）",
            "could not take the meeting lock (the lock file keeps changing)",
        ))
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

impl Drop for MeetingLock {
    fn drop(&mut self) {
        // Remove while still holding the lock, so that nobody can lock the
        // file we are about to delete and believe they hold the meeting.
        let _ = fs::remove_file(&self.lock_path);
        let _ = self.file.unlock();
    }
}

/// Whether a meeting is open for writing in some process now.
pub fn is_locked(minutes_path: &Path) -> bool {
    let Ok(file) = File::open(lock_path(minutes_path)) else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(_) => true,
    }
}
