//! The meeting being run: its minutes, its file, its lock, and saving.
//!
//! Every change is written to disk at once, atomically. When a write fails
//! (disk full, folder gone), the minutes stay in memory, the failure is shown
//! on screen naming the file, and each later change retries; on quit the
//! minutes are rescued to another folder if the file still cannot be written.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::domain::Minutes;
use crate::minutes_file::{self, lock::MeetingLock};

#[derive(Debug)]
pub struct Session {
    pub minutes: Minutes,
    pub path: PathBuf,
    /// Held while the meeting is open for writing.
    _lock: Option<MeetingLock>,
    /// Opened read-only (a file from a newer yishi): never written.
    pub read_only: bool,
    /// The last save failed with this; cleared by the next good save.
    pub save_error: Option<Diagnostic>,
    /// Changes not yet on disk.
    pub dirty: bool,
    /// Successful saves, for tests and the status line.
    pub saves: u64,
    /// Bumped by every change: lets views cache what they derive.
    pub generation: u64,
}

impl Session {
    /// Open a meeting for writing: take its lock, read it.
    pub fn open(path: &Path) -> Result<Session, Vec<Diagnostic>> {
        let loaded = minutes_file::read(path)?;
        let lock = if loaded.read_only {
            None
        } else {
            Some(MeetingLock::acquire(path).map_err(|d| vec![d])?)
        };
        Ok(Session {
            minutes: loaded.minutes,
            path: path.to_path_buf(),
            _lock: lock,
            read_only: loaded.read_only,
            save_error: None,
            dirty: false,
            saves: 0,
            generation: 0,
        })
    }

    /// Start a new meeting file: lock the path, write the minutes.
    pub fn create(path: &Path, minutes: Minutes) -> Result<Session, Diagnostic> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| Diagnostic::io(dir, crate::diagnostic::IoDoing::Create, &e))?;
        }
        let lock = MeetingLock::acquire(path)?;
        let mut s = Session {
            minutes,
            path: path.to_path_buf(),
            _lock: Some(lock),
            read_only: false,
            save_error: None,
            dirty: true,
            saves: 0,
            generation: 0,
        };
        s.save();
        match s.save_error.take() {
            Some(e) => Err(e),
            None => Ok(s),
        }
    }

    /// A session over minutes that is never written (archive views, tests).
    pub fn view_only(path: &Path, minutes: Minutes) -> Session {
        Session {
            minutes,
            path: path.to_path_buf(),
            _lock: None,
            read_only: true,
            save_error: None,
            dirty: false,
            saves: 0,
            generation: 0,
        }
    }

    /// Apply a change to the minutes and save at once.
    pub fn change<R>(&mut self, f: impl FnOnce(&mut Minutes) -> R) -> R {
        let r = f(&mut self.minutes);
        self.dirty = true;
        self.generation += 1;

        self.save();
        r
    }

    /// Write the minutes if they changed. Failures are kept, not raised.
    pub fn save(&mut self) {
        if self.read_only || !self.dirty {
            return;
        }
        match minutes_file::save(&self.path, &self.minutes) {
            Ok(()) => {
                self.dirty = false;
                self.save_error = None;
                self.saves += 1;
            }
            Err(e) => self.save_error = Some(e),
        }
    }

    /// Last resort when the file cannot be written at quit: write the
    /// minutes into the first folder that takes them. Returns where.
    pub fn rescue(&self) -> Option<PathBuf> {
        let name = format!(
            "yishi-rescue-{}-{}",
            chrono::Local::now().format("%Y%m%d-%H%M%S"),
            self.path.file_name().map_or_else(
                || "minutes.ron".into(),
                |n| n.to_string_lossy().into_owned()
            )
        );
        let mut dirs: Vec<PathBuf> = Vec::new();
        if let Some(home) = directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()) {
            dirs.push(home);
        }
        dirs.push(std::env::temp_dir());
        dirs.into_iter()
            .map(|d| d.join(&name))
            .find(|p| minutes_file::save(p, &self.minutes).is_ok())
    }
}
