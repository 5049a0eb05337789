//! Minutes files: one RON file per meeting.
//!
//! - Written as pretty RON with Chinese as-is and the fields in a fixed
//!   order, so that two versions of a file diff well.
//! - Written atomically (temporary file, fsync, rename, fsync of the
//!   folder): a crash never leaves a half-written file.
//! - Read with every problem reported as `FILE:LINE:COL: message`.
//! - Versioned: a file of this format version must contain only known
//!   fields (an unknown one is a typo that a save would silently drop); a
//!   file from a newer yishi opens read-only, with its unknown fields named.

pub mod locate;
pub mod lock;
pub mod paths;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, IoDoing};
use crate::domain::minutes::{PathSeg, Problem};
use crate::domain::{FORMAT_VERSION, Minutes};
use locate::{LineCol, Step, locate};

/// Minutes read from a file.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub minutes: Minutes,
    /// The format version the file declared.
    pub version: u32,
    /// Set when the file must not be written back (it comes from a newer
    /// yishi and holds fields this one would drop).
    pub read_only: bool,
    /// Things worth knowing that do not stop the file from opening.
    pub warnings: Vec<Diagnostic>,
}

#[derive(Deserialize)]
struct Header {
    #[serde(default, deserialize_with = "present_u32")]
    format_version: Option<u32>,
}

/// A plain `u32` that is `None` only when the field is absent.
fn present_u32<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(d).map(Some)
}

/// Read and parse a minutes file.
pub fn read(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let bytes = fs::read(path).map_err(|e| vec![Diagnostic::io(path, IoDoing::Read, &e)])?;
    let src = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let at = locate::line_col(std::str::from_utf8(valid).unwrap_or_default(), valid.len());
        vec![Diagnostic::new(
            path,
            Some(at),
            "文件不是 UTF-8 编码的文本",
            "the file is not UTF-8 text",
        )]
    })?;
    parse(path, &src)
}

/// Parse minutes from RON text; `path` names the file in messages.
pub fn parse(path: &Path, src: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let header: Header = ron::from_str(src).map_err(|e| vec![Diagnostic::ron(path, &e)])?;
    let Some(version) = header.format_version else {
        return Err(vec![Diagnostic::new(
            path,
            Some(LineCol { line: 1, col: 1 }),
            "这不是 yishi 会议纪要文件：缺少 `format_version` 字段",
            "this is not a yishi minutes file: it has no `format_version` field",
        )]);
    };
    if version == 0 {
        let at = locate(src, &[Step::Field("format_version")]);
        return Err(vec![Diagnostic::new(
            path,
            Some(at),
            "`format_version` 为 0：没有这个版本（最早的版本是 1）",
            "`format_version` is 0: there is no such version (the first is 1)",
        )]);
    }

    let mut unknown: Vec<Vec<OwnedStep>> = Vec::new();
    let mut de = ron::Deserializer::from_str(src).map_err(|e| vec![Diagnostic::ron(path, &e)])?;
    let minutes: Minutes = serde_ignored::deserialize(&mut de, |p| unknown.push(owned_path(&p)))
        .map_err(|e| vec![Diagnostic::ron(path, &de.span_error(e))])?;
    de.end()
        .map_err(|e| vec![Diagnostic::ron(path, &de.span_error(e))])?;

    let unknown_diags: Vec<Diagnostic> = unknown
        .iter()
        .map(|p| {
            let name = p
                .iter()
                .rev()
                .find_map(|s| match s {
                    OwnedStep::Field(f) => Some(f.as_str()),
                    OwnedStep::Index(_) => None,
                })
                .unwrap_or("?");
            let steps: Vec<Step<'_>> = p.iter().map(OwnedStep::as_step).collect();
            let at = locate(src, &steps);
            if version > FORMAT_VERSION {
                Diagnostic::new(
                    path,
                    Some(at),
                    format!("字段 `{name}` 来自更新版本的 yishi，本版本不认识；文件以只读方式打开"),
                    format!(
                        "the field `{name}` comes from a newer yishi and is not known here; the file is opened read-only"
                    ),
                )
            } else {
                Diagnostic::new(
                    path,
                    Some(at),
                    format!("未知字段 `{name}`（拼写错误？保存时它会丢失，因此不予打开）"),
                    format!(
                        "unknown field `{name}` (a typo? it would be lost on save, so the file is not opened)"
                    ),
                )
            }
        })
        .collect();

    if version > FORMAT_VERSION {
        let mut warnings = vec![Diagnostic::new(
            path,
            Some(locate(src, &[Step::Field("format_version")])),
            format!(
                "此文件为格式版本 {version}，由更新版本的 yishi 写入；本版本支持到 {FORMAT_VERSION}，以只读方式打开"
            ),
            format!(
                "this file has format version {version}, written by a newer yishi; this one reads up to {FORMAT_VERSION} and opens it read-only"
            ),
        )];
        warnings.extend(unknown_diags);
        return Ok(Loaded {
            minutes,
            version,
            read_only: true,
            warnings,
        });
    }
    if !unknown_diags.is_empty() {
        return Err(unknown_diags);
    }
    Ok(Loaded {
        minutes,
        version,
        read_only: false,
        warnings: Vec::new(),
    })
}

/// Semantic problems of parsed minutes, located in their source text.
pub fn check_problems(path: &Path, src: &str, minutes: &Minutes) -> Vec<Diagnostic> {
    minutes
        .validate()
        .into_iter()
        .map(|p| problem_diagnostic(path, src, &p))
        .collect()
}

fn problem_diagnostic(path: &Path, src: &str, p: &Problem) -> Diagnostic {
    let steps: Vec<Step<'_>> = p
        .path
        .iter()
        .map(|s| match s {
            PathSeg::Field(f) => Step::Field(f),
            PathSeg::Index(i) => Step::Index(*i),
        })
        .collect();
    let at = locate(src, &steps);
    Diagnostic::new(
        path,
        Some(at),
        format!("{}：{}", p.path_text(), p.zh),
        format!("{}: {}", p.path_text(), p.en),
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum OwnedStep {
    Field(String),
    Index(usize),
}

impl OwnedStep {
    fn as_step(&self) -> Step<'_> {
        match self {
            OwnedStep::Field(f) => Step::Field(f),
            OwnedStep::Index(i) => Step::Index(*i),
        }
    }
}

fn owned_path(p: &serde_ignored::Path<'_>) -> Vec<OwnedStep> {
    use serde_ignored::Path as P;
    match p {
        P::Root => Vec::new(),
        P::Seq { parent, index } => {
            let mut v = owned_path(parent);
            v.push(OwnedStep::Index(*index));
            v
        }
        P::Map { parent, key } => {
            let mut v = owned_path(parent);
            v.push(OwnedStep::Field(key.clone()));
            v
        }
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            owned_path(parent)
        }
    }
}

const HEADER: &str =
    "// 会议纪要 · yishi minutes file. Check after editing by hand: yishi check FILE\n";

/// The minutes as the text of a minutes file.
pub fn to_ron(minutes: &Minutes) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .escape_strings(false)
        .struct_names(false);
    let body =
        ron::ser::to_string_pretty(minutes, config).expect("minutes hold only serialisable data");
    let mut out = String::with_capacity(HEADER.len() + body.len() + 1);
    out.push_str(HEADER);
    out.push_str(&body);
    out.push('\n');
    out
}

/// Save minutes atomically.
pub fn save(path: &Path, minutes: &Minutes) -> Result<(), Diagnostic> {
    write_atomic(path, to_ron(minutes).as_bytes())
}

/// Write a file atomically: a temporary file in the same folder, written and
/// synced, renamed over the target, then the folder synced. On failure the
/// target is untouched and the temporary file removed.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), Diagnostic> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "minutes".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e: std::io::Error| {
        let _ = fs::remove_file(&tmp);
        Diagnostic::io(path, IoDoing::Write, &e)
    })
}

#[cfg(test)]
mod tests;
