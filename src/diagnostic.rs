//! Problems in files the user gave us, reported as `FILE:LINE:COL: message`
//! in the user's language.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::minutes_file::locate::LineCol;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    /// Where in the file; `None` for problems with the file as a whole
    /// (cannot be read, cannot be written).
    pub at: Option<LineCol>,
    pub zh: String,
    pub en: String,
}

impl Diagnostic {
    pub fn new(
        file: &Path,
        at: Option<LineCol>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            at,
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// `FILE:LINE:COL: message`, or `FILE: message` without a position.
    pub fn render(&self, lang: Lang) -> String {
        match self.at {
            Some(at) => format!(
                "{}:{}:{}: {}",
                self.file.display(),
                at.line,
                at.col,
                self.message(lang)
            ),
            None => format!("{}: {}", self.file.display(), self.message(lang)),
        }
    }

    /// A file that could not be read or written.
    pub fn io(file: &Path, doing: IoDoing, err: &std::io::Error) -> Self {
        let (zh_doing, en_doing) = match doing {
            IoDoing::Read => ("无法读取", "cannot read"),
            IoDoing::Write => ("无法保存", "cannot save"),
            IoDoing::Create => ("无法创建", "cannot create"),
        };
        let (zh_why, en_why) = io_reason(err);
        Diagnostic::new(
            file,
            None,
            format!("{zh_doing}：{zh_why}"),
            format!("{en_doing}: {en_why}"),
        )
    }

    /// A RON syntax or type error, with ron's position.
    pub fn ron(file: &Path, err: &ron::error::SpannedError) -> Self {
        let at = LineCol {
            line: err.span.start.line,
            col: err.span.start.col,
        };
        let (zh, en) = ron_error_text(&err.code);
        Diagnostic::new(file, Some(at), zh, en)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Zh))
    }
}

#[derive(Debug, Clone, Copy)]
pub enum IoDoing {
    Read,
    Write,
    Create,
}

/// The reason of an I/O error in both languages, naming the usual causes.
pub fn io_reason(err: &std::io::Error) -> (String, String) {
    use std::io::ErrorKind as K;
    let (zh, en) = match err.kind() {
        K::NotFound => ("文件或文件夹不存在", "no such file or folder"),
        K::PermissionDenied => ("没有权限", "permission denied"),
        K::StorageFull => ("磁盘已满", "the disk is full"),
        K::ReadOnlyFilesystem => ("磁盘为只读", "the file system is read-only"),
        K::IsADirectory => ("这是一个文件夹", "this is a folder"),
        K::InvalidData => ("不是 UTF-8 文本", "not UTF-8 text"),
        _ => ("", ""),
    };
    if zh.is_empty() {
        (format!("{err}"), format!("{err}"))
    } else {
        (format!("{zh}（{err}）"), format!("{en} ({err})"))
    }
}

/// A RON error in both languages. The most common errors are explained in
/// Chinese; the rest keep ron's English wording after a Chinese lead-in.
pub fn ron_error_text(err: &ron::Error) -> (String, String) {
    use ron::Error as E;
    let en = err.to_string();
    let zh = match err {
        E::Eof => "文件意外结束（可能少了右括号）".to_string(),
        E::ExpectedComma => "此处应有逗号".to_string(),
        E::ExpectedArrayEnd => "此处应有 `]`".to_string(),
        E::ExpectedStructLikeEnd => "此处应有 `)`".to_string(),
        E::ExpectedString | E::ExpectedStringEnd => "此处应为带引号的文本".to_string(),
        E::ExpectedInteger => "此处应为整数".to_string(),
        E::ExpectedFloat => "此处应为数字".to_string(),
        E::ExpectedBoolean => "此处应为 true 或 false".to_string(),
        E::TrailingCharacters => "文件末尾有多余内容".to_string(),
        E::UnexpectedChar(c) => format!("意外的字符 `{c}`"),
        E::NoSuchStructField {
            expected, found, ..
        } => format!("未知字段 `{found}`，应为以下之一：{}", expected.join("、")),
        E::MissingStructField { field, outer } => match outer {
            Some(o) => format!("`{o}` 缺少字段 `{field}`"),
            None => format!("缺少字段 `{field}`"),
        },
        E::DuplicateStructField { field, .. } => format!("字段 `{field}` 重复"),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!("未知取值 `{found}`，应为以下之一：{}", expected.join("、")),
        E::InvalidValueForType { expected, found } => {
            format!("取值类型不对：应为 {expected}，实际为 {found}")
        }
        E::Message(m) => format!("取值不正确：{m}"),
        E::Utf8Error(_) => "文件不是 UTF-8 编码的文本".to_string(),
        _ => format!("RON 格式错误：{en}"),
    };
    (zh, en)
}
