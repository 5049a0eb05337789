//! `yishi list [DIR] [--search TEXT]`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::domain::meeting::MeetingState;
use crate::domain::notice::{NoticeStatus, RestDays};
use crate::i18n::{Label, Lang};
use crate::minutes_file;
use crate::search::Query;
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

pub fn run(dir: &Path, search: Option<&str>, lang: Lang) -> ExitCode {
    let files = match minutes_file::paths::minutes_files(dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!(
                "{}",
                crate::diagnostic::Diagnostic::io(dir, crate::diagnostic::IoDoing::Read, &e)
                    .render(lang)
            );
            return ExitCode::FAILURE;
        }
    };
    let query = search.map(Query::new);
    let now = super::now();
    let rest = RestDays::weekends();
    let mut rows = Vec::new();
    for path in files {
        let src = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!(
                    "{}",
                    crate::diagnostic::Diagnostic::io(&path, crate::diagnostic::IoDoing::Read, &e)
                        .render(lang)
                );
                continue;
            }
        };
        if let Some(q) = &query
            && !q.matches_ron(&src)
        {
            continue;
        }
        match minutes_file::parse(&path, &src) {
            Ok(loaded) => {
                let m = &loaded.minutes;
                rows.push(ListRow {
                    date: m.date(),
                    state: m.meeting.state,
                    notice: m.notice_status(now, &rest),
                    title: m.meeting.title.clone(),
                    path,
                });
            }
            Err(diags) => {
                for d in diags {
                    eprintln!("{}", d.render(lang));
                }
            }
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
