//! Where minutes files live and what they are called.

use std::path::{Path, PathBuf};

use crate::domain::Minutes;

/// Environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "YISHI_DATA_DIR";
/// Environment variable that overrides the cache folder (archive index).
pub const CACHE_DIR_ENV: &str = "YISHI_CACHE_DIR";

/// The data folder: `--data-dir`, else `$YISHI_DATA_DIR`, else the
/// platform's data folder (e.g. `~/.local/share/yishi`).
pub fn data_dir(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf)
        .or_else(|| env_dir(DATA_DIR_ENV))
        .or_else(|| project_dirs().map(|d| d.data_dir().to_path_buf()))
}

/// The cache folder: `$YISHI_CACHE_DIR`, else the platform's cache folder.
/// Everything in it can be deleted at any time.
pub fn cache_dir() -> Option<PathBuf> {
    env_dir(CACHE_DIR_ENV).or_else(|| project_dirs().map(|d| d.cache_dir().to_path_buf()))
}

/// The config folder (user themes and vote rules).
pub fn config_dir() -> Option<PathBuf> {
    env_dir("YISHI_CONFIG_DIR").or_else(|| project_dirs().map(|d| d.config_dir().to_path_buf()))
}

fn env_dir(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "yishi")
}

/// `2016-03-15-北苑居小区第三次听证协商会.ron`: the date, then the title with
/// characters that file systems refuse replaced, at most 200 bytes.
pub fn file_name(minutes: &Minutes) -> String {
    let date = minutes.date().format("%Y-%m-%d");
    let mut title = String::new();
    for c in minutes.meeting.title.trim().chars() {
        let c = if c.is_control()
            || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        {
            '_'
        } else if c.is_whitespace() {
            '-'
        } else {
            c
        };
        if title.len() + c.len_utf8() > 180 {
            break;
        }
        title.push(c);
    }
    let title = title.trim_start_matches('.');
    if title.is_empty() {
        format!("{date}.ron")
    } else {
        format!("{date}-{title}.ron")
    }
}

/// A path in `dir` for new minutes that does not exist yet: the usual name,
/// or the usual name with `-2`, `-3`… before the extension.
pub fn new_file_path(dir: &Path, minutes: &Minutes) -> PathBuf {
    let name = file_name(minutes);
    let first = dir.join(&name);
    if !first.exists() {
        return first;
    }
    let stem = name.trim_end_matches(".ron");
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.ron")))
        .find(|p| !p.exists())
        .expect("some suffix is free")
}

/// The `*.ron` files directly in `dir`, sorted; none if it cannot be read
/// (user themes and rules are optional).
pub fn ron_files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// Every `*.ron` file under `dir`, recursively, sorted; hidden files and
/// folders (temporary files, locks, caches) are skipped.
pub fn minutes_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if d == dir => return Err(e),
            Err(_) => continue,
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "ron") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A hidden file beside the minutes at `minutes_path`, named after it:
/// `.NAME.ron.SUFFIX` (its lock, the draft of an open form). Hidden, so no
/// listing of minutes picks it up.
pub fn hidden_sibling(minutes_path: &Path, suffix: &str) -> PathBuf {
    let name = minutes_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    minutes_path.with_file_name(format!(".{name}.{suffix}"))
}
