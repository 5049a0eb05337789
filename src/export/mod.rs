//! The minutes (会议纪要) and the public notice (公示) as Markdown, HTML
//! (printable on A4 with Chinese fonts) and plain text.
//!
//! Each is built once as a [`document::Doc`] by [`minutes_doc`] or
//! [`notice_doc`], then rendered by [`markdown`], [`html`] or [`plain`].

pub mod document;
pub mod html;
pub mod markdown;
pub mod minutes_doc;
pub mod notice_doc;
pub mod plain;

use crate::domain::{Minutes, Timestamp};
use crate::i18n::Lang;
pub use document::{Block, Doc};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Txt,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Txt => "txt",
        }
    }
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Minutes,
    Notice,
}

/// Render documents in a format.
pub fn render(docs: &[Doc], format: Format, lang: Lang) -> String {
    match format {
        Format::Md => markdown::render(docs),
        Format::Html => html::render(docs, lang),
        Format::Txt => plain::render(docs),
    }
}

/// The text of an export, or `None` when a notice is asked of minutes that
/// have none.
pub fn export(
    m: &Minutes,
    what: What,
    format: Format,
    lang: Lang,
    now: Timestamp,
) -> Option<String> {
    let docs = match what {
        What::Minutes => vec![minutes_doc::minutes_doc(m, lang, now)],
        What::Notice => notice_doc::notice_docs(m, lang),
    };
    (!docs.is_empty()).then(|| render(&docs, format, lang))
}

/// The separator after a label: `：` after Chinese, `: ` after anything else.
pub(crate) fn label_sep(label: &str) -> &'static str {
    match label.chars().last() {
        Some(c) if crate::text::width(c.encode_utf8(&mut [0; 4])) == 2 || c == '）' => "：",
        _ => ": ",
    }
}

#[cfg(test)]
mod tests;
