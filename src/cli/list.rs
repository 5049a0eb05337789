//! `yishi list [DIR] [--search TEXT]`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::archive::{Archive, Options};
use crate::domain::meeting::MeetingState;
use crate::domain::notice::{NoticeStatus, RestDays};
use crate::i18n::{Label, Lang};
use crate::text::pad_right;

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    pub date: NaiveDate,
    pub state: MeetingState,
    pub notice: Option<NoticeStatus>,
    pub title: String,
    pub path: PathBuf,
}

impl ListRow {
    /// The columns of the row in `lang`.
    pub fn cells(&self, lang: Lang) -> [String; 5] {
        [
            self.date.format("%Y-%m-%d").to_string(),
            self.state.label(lang).to_string(),
            self.notice.map_or_else(
                || lang.choose("无公示", "no notice").to_string(),
                |n| n.label(lang).to_string(),
            ),
            self.title.clone(),
            self.path.display().to_string(),
        ]
    }
}

/// List the minutes files of `dir` (those containing `search`, if given)
/// from the archive index: the cache is checked against the files and
/// refreshed where they changed. Broken and foreign files are reported on
/// standard error, one `FILE:LINE:COL: message` line per problem; the
/// others are listed all the same.
pub fn run(dir: &Path, search: Option<&str>, lang: Lang) -> ExitCode {
    let archive = match Archive::open(dir, Options::default()) {
        Ok((archive, _)) => archive,
        Err(e) => {
            eprintln!(
                "{}",
                crate::diagnostic::Diagnostic::io(dir, crate::diagnostic::IoDoing::Read, &e)
                    .render(lang)
            );
            return ExitCode::FAILURE;
        }
    };
    let entries = archive.entries();
    let hits: Vec<u32> = match search {
        Some(text) => archive.search(text),
        None => (0..entries.len() as u32).collect(),
    };
    let now = super::now();
    let rest = RestDays::weekends();
    let mut rows = Vec::with_capacity(hits.len());
    let mut hit = hits.iter().copied().peekable();
    for (i, entry) in entries.iter().enumerate() {
        let matched = hit.next_if_eq(&(i as u32)).is_some();
        match entry.meeting() {
            Some(m) if matched => rows.push(ListRow {
                date: m.date,
                state: m.state,
                notice: m.notice_status(now, &rest),
                title: m.title.clone(),
                path: entry.path.clone(),
            }),
            Some(_) => {}
            // A file whose text could not be read cannot be searched:
            // report it whatever the search.
            None if matched || !entry.has_text() => {
                for d in entry.problems() {
                    eprintln!("{}", d.render(lang));
                }
            }
            None => {}
        }
    }
    rows.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.path.cmp(&b.path)));
    print!("{}", format_rows(&rows, lang));
    ExitCode::SUCCESS
}

/// Rows as aligned text lines (display width), one per file.
pub fn format_rows(rows: &[ListRow], lang: Lang) -> String {
    let cells: Vec<[String; 5]> = rows.iter().map(|r| r.cells(lang)).collect();
    let mut widths = [0usize; 5];
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(crate::text::width(c));
        }
    }
    let mut out = String::new();
    for row in &cells {
        for (i, c) in row.iter().enumerate() {
            if i == 4 {
                out.push_str(c);
            } else {
                out.push_str(&pad_right(c, widths[i]));
                out.push_str("  ");
            }
        }
        out.push('\n');
    }
    out
}
