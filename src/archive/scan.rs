//! Finding the minutes files of a folder with their stamps, and reading one
//! file into what a segment keeps of it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::record;
use super::segment::DocInput;
use crate::diagnostic::{Diagnostic, IoDoing};
use crate::minutes_file;
use crate::search::string_values;

/// A minutes file found in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The path relative to the archive folder as a sort key (see
    /// [`path_key`]).
    pub rel: Vec<u8>,
    pub path: PathBuf,
    /// Changes whenever the file does: modification time and size (and on
    /// Unix the inode and change time, so a file replaced by another with
    /// the same time and size is noticed too).
    pub stamp: i64,
    pub size: u64,
}

/// Relative path as bytes.
#[cfg(unix)]
pub fn rel_bytes(p: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    p.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
pub fn rel_bytes(p: &Path) -> Vec<u8> {
    p.to_string_lossy().into_owned().into_bytes()
}

fn stamp(meta: &fs::Metadata) -> i64 {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_nanos()).ok(),
            Err(e) => i64::try_from(e.duration().as_nanos()).ok().map(|n| -n),
        })
        .unwrap_or(-1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ctime = meta.ctime().wrapping_mul(1_000_000_000) + meta.ctime_nsec();
        let mixed = (ctime as u64).rotate_left(21) ^ meta.ino().rotate_left(42);
        (mtime as u64 ^ mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15)) as i64
    }
    #[cfg(not(unix))]
    {
        mtime
    }
}

/// The relative path of a file as a sort key: its bytes with separators
/// as 0, so that plain byte order is [`Path`]'s order (component by
/// component; 0 sorts before any byte of a file name and never occurs in
/// one).
#[cfg(not(unix))]
fn key_path(key: &[u8]) -> PathBuf {
    let mut p = PathBuf::new();
    for part in key.split(|c| *c == 0) {
        p.push(String::from_utf8_lossy(part).into_owned());
    }
    p
}

/// Every `*.ron` file under `root`, recursively, sorted by path, skipping
/// hidden files and folders: the files of [`minutes_file::paths::minutes_files`].
/// Folders are listed on `threads` threads (the cost is one `stat` a file).
pub fn walk(root: &Path, threads: usize) -> io::Result<Vec<Found>> {
    // The root itself must be readable.
    let first = fs::read_dir(root)?;
    // Folders to list, with the key prefix of their files.
    let queue = std::sync::Mutex::new(Vec::<(PathBuf, Vec<u8>)>::new());
    let pending = std::sync::atomic::AtomicUsize::new(1);
    let child_key = |prefix: &[u8], name: &[u8]| {
        let mut k = Vec::with_capacity(prefix.len() + 1 + name.len());
        k.extend_from_slice(prefix);
        if !prefix.is_empty() {
            k.push(0);
        }
        k.extend_from_slice(name);
        k
    };
    let visit = |entries: fs::ReadDir, prefix: &[u8], out: &mut Vec<Found>| {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name_bytes = name_bytes(&name);
            if name_bytes.first() == Some(&b'.') {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                queue
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push((entry.path(), child_key(prefix, &name_bytes)));
            } else if name_bytes.len() > 4 && name_bytes.ends_with(b".ron") {
                let path = entry.path();
                let meta = if kind.is_symlink() {
                    fs::metadata(&path)
                } else {
                    entry.metadata()
                };
                let (stamp, size) = match meta {
                    Ok(m) => (stamp(&m), m.len()),
                    // Unknown: read it every time, and report why it fails.
                    Err(_) => (i64::MIN, u64::MAX),
                };
                out.push(Found {
                    rel: child_key(prefix, &name_bytes),
                    path,
                    stamp,
                    size,
                });
            }
        }
        pending.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    };
    let mut out = Vec::new();
    visit(first, &[], &mut out);
    let work = || {
        let mut mine = Vec::new();
        loop {
            let next = queue.lock().unwrap_or_else(|p| p.into_inner()).pop();
            match next {
                Some((dir, prefix)) => match fs::read_dir(&dir) {
                    Ok(entries) => visit(entries, &prefix, &mut mine),
                    Err(_) => {
                        pending.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    }
                },
                None if pending.load(std::sync::atomic::Ordering::SeqCst) == 0 => break,
                None => std::thread::yield_now(),
            }
        }
        mine
    };
    let threads = threads.clamp(1, 8);
    if threads == 1 {
        out.extend(work());
    } else {
        let parts: Vec<Vec<Found>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        out.extend(parts.into_iter().flatten());
    }
    out.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

#[cfg(unix)]
fn name_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(name.as_bytes())
}

#[cfg(not(unix))]
fn name_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Owned(name.to_string_lossy().into_owned().into_bytes())
}

/// `root` joined with the relative path of a [`path_key`].
#[cfg(unix)]
pub fn join_key(root: &Path, key: &[u8]) -> PathBuf {
    use std::os::unix::ffi::{OsStrExt, OsStringExt};
    let root = root.as_os_str().as_bytes();
    let mut b = Vec::with_capacity(root.len() + 1 + key.len());
    b.extend_from_slice(root);
    if !root.is_empty() && !root.ends_with(b"/") {
        b.push(b'/');
    }
    b.extend(key.iter().map(|c| if *c == 0 { b'/' } else { *c }));
    PathBuf::from(std::ffi::OsString::from_vec(b))
}

#[cfg(not(unix))]
pub fn join_key(root: &Path, key: &[u8]) -> PathBuf {
    root.join(key_path(key))
}

/// Whether a stamp says "read this file every time".
pub fn unknown_stamp(stamp: i64, size: u64) -> bool {
    stamp == i64::MIN && size == u64::MAX
}

/// The folded text of a RON source: its string values, ASCII lower-cased.
pub fn folded_values(src: &str) -> Vec<String> {
    string_values(src)
        .into_iter()
        .map(|v| v.to_ascii_lowercase())
        .collect()
}

/// Read one file into a segment's doc: its row, detail and text. Never
/// fails: a file that cannot be read or parsed becomes a broken row with
/// its diagnostics.
pub fn read_doc(found: &Found) -> DocInput {
    let path = &found.path;
    let mut doc = DocInput {
        rel: found.rel.clone(),
        mtime_ns: found.stamp,
        size: found.size,
        ..DocInput::default()
    };
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            doc.row = record::encode_broken(&[Diagnostic::io(path, IoDoing::Read, &e)]);
            return doc;
        }
    };
    let src = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let at = minutes_file::locate::line_col(
                std::str::from_utf8(valid).unwrap_or_default(),
                valid.len(),
            );
            doc.row = record::encode_broken(&[Diagnostic::new(
                path,
                Some(at),
                "文件不是 UTF-8 编码的文本",
                "the file is not UTF-8 text",
            )]);
            return doc;
        }
    };
    doc.values = folded_values(&src);
    doc.has_text = true;
    match minutes_file::parse(path, &src) {
        Ok(loaded) => {
            let (row, detail) = record::encode_meeting(&loaded.minutes, loaded.read_only);
            doc.row = row;
            doc.detail = detail;
        }
        Err(diags) => doc.row = record::encode_broken(&diags),
    }
    doc
}

/// [`read_doc`], with a panic in the parser turned into a broken row.
pub fn read_doc_safe(found: &Found) -> DocInput {
    std::panic::catch_unwind(|| read_doc(found)).unwrap_or_else(|_| DocInput {
        rel: found.rel.clone(),
        mtime_ns: found.stamp,
        size: found.size,
        row: record::encode_broken(&[Diagnostic::new(
            &found.path,
            None,
            "读取此文件时发生内部错误",
            "internal error while reading this file",
        )]),
        ..DocInput::default()
    })
}

/// A file to read into a segment's doc.
pub struct Job<'a> {
    pub found: &'a Found,
    /// The row and detail of the unchanged file, kept from the old segment:
    /// only its text is read again (no parsing).
    pub reuse: Option<(Vec<u8>, Vec<u8>)>,
}

/// An unchanged file: its kept row and detail, and its text read again.
fn read_text_doc(found: &Found, row: Vec<u8>, detail: Vec<u8>) -> DocInput {
    match fs::read(&found.path).map(String::from_utf8) {
        Ok(Ok(src)) => DocInput {
            rel: found.rel.clone(),
            mtime_ns: found.stamp,
            size: found.size,
            row,
            detail,
            values: folded_values(&src),
            has_text: true,
        },
        // It changed after all: read it whole.
        _ => read_doc_safe(found),
    }
}

fn run_job(job: &Job<'_>) -> DocInput {
    match &job.reuse {
        Some((row, detail)) => read_text_doc(job.found, row.clone(), detail.clone()),
        None => read_doc_safe(job.found),
    }
}

/// Read many files on `threads` threads, in order.
pub fn read_docs(jobs: &[Job<'_>], threads: usize) -> Vec<DocInput> {
    let threads = threads.clamp(1, 16);
    if threads == 1 || jobs.len() < 8 {
        return jobs.iter().map(run_job).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<DocInput>> = vec![None; jobs.len()];
    let results: Vec<Vec<(usize, DocInput)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else { break };
                        mine.push((i, run_job(job)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    for (i, d) in results.into_iter().flatten() {
        slots[i] = Some(d);
    }
    slots
        .into_iter()
        .zip(jobs)
        .map(|(d, job)| d.unwrap_or_else(|| read_doc_safe(job.found)))
        .collect()
}
