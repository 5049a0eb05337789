//! The user's own themes, vote rules and rest days, from the config folder
//! (`$YISHI_CONFIG_DIR`, else the platform's, e.g. `~/.config/yishi`):
//! `themes/*.ron`, `rules/*.ron` and `rest-days.ron`.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, IoDoing};
use crate::domain::notice::RestDays;
use crate::domain::vote::RuleBook;
use crate::minutes_file::locate::{LineCol, Step, locate};
use crate::minutes_file::paths::config_dir;

pub fn themes_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("themes"))
}

pub fn rules_dir() -> Option<PathBuf> {
    config_dir().map(|d| d.join("rules"))
}

/// The built-in rules plus the body's own (a rule with a built-in id
/// replaces it). Bad rule files are skipped and reported.
pub fn rules() -> (RuleBook, Vec<Diagnostic>) {
    let mut book = RuleBook::builtin();
    let mut problems = Vec::new();
    let Some(dir) = rules_dir() else {
        return (book, problems);
    };
    for f in crate::minutes_file::paths::ron_files_in(&dir) {
        match read_rules(&f) {
            Ok(b) => book.extend(b),
            Err(d) => problems.extend(d),
        }
    }
    (book, problems)
}

/// Read and validate one rules file.
pub fn read_rules(path: &std::path::Path) -> Result<RuleBook, Vec<Diagnostic>> {
    let src =
        std::fs::read_to_string(path).map_err(|e| vec![Diagnostic::io(path, IoDoing::Read, &e)])?;
    let book: RuleBook = ron::from_str(&src).map_err(|e| vec![Diagnostic::ron(path, &e)])?;
    book.validate().map_err(|problems| {
        problems
            .into_iter()
            .map(|p| Diagnostic::new(path, Some(LineCol { line: 1, col: 1 }), p.clone(), p))
            .collect::<Vec<_>>()
    })?;
    Ok(book)
}

/// The public holidays and make-up working days of the State Council's
/// yearly notice, kept by the user: no dates are built in, since they are
/// announced each year. See `sample-data/config/rest-days.ron`.
pub fn rest_days_file() -> Option<PathBuf> {
    config_dir().map(|d| d.join("rest-days.ron"))
}

/// The user's rest days (weekends only when there is no file); a bad file
/// is reported and weekends are used.
pub fn rest_days() -> (RestDays, Vec<Diagnostic>) {
    match rest_days_file() {
        Some(f) if f.exists() => match read_rest_days(&f) {
            Ok(r) => (r, Vec::new()),
            Err(d) => (RestDays::weekends(), d),
        },
        _ => (RestDays::weekends(), Vec::new()),
    }
}

/// Read and check a rest-days file: a day cannot be both a holiday and a
/// make-up working day.
pub fn read_rest_days(path: &std::path::Path) -> Result<RestDays, Vec<Diagnostic>> {
    let src =
        std::fs::read_to_string(path).map_err(|e| vec![Diagnostic::io(path, IoDoing::Read, &e)])?;
    let rest: RestDays = ron::from_str(&src).map_err(|e| vec![Diagnostic::ron(path, &e)])?;
    let both: Vec<Diagnostic> = rest
        .make_up_workdays
        .iter()
        .enumerate()
        .filter(|(_, d)| rest.holidays.contains(d))
        .map(|(i, d)| {
            let at = locate(&src, &[Step::Field("make_up_workdays"), Step::Index(i)]);
            Diagnostic::new(
                path,
                Some(at),
                format!("{d} 既是节假日又是调休上班日"),
                format!("{d} is both a holiday and a make-up working day"),
            )
        })
        .collect();
    if both.is_empty() { Ok(rest) } else { Err(both) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rest-days.ron");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn the_sample_rest_days_file_reads() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-data/config/rest-days.ron");
        let rest = read_rest_days(&path).unwrap();
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(rest.is_rest_day(d("2025-10-08")), "National Day week");
        assert!(!rest.is_rest_day(d("2025-09-28")), "a Sunday worked");
        assert!(!rest.is_rest_day(d("2025-10-09")));
    }

    #[test]
    fn a_day_both_holiday_and_working_is_located() {
        let (_d, path) = file(
            "(\n    holidays: [\"2025-10-01\", \"2025-10-02\"],\n    make_up_workdays: [\"2025-09-28\", \"2025-10-02\"],\n)\n",
        );
        let err = read_rest_days(&path).unwrap_err();
        assert_eq!(err.len(), 1);
        let text = err[0].render(crate::i18n::Lang::En);
        assert!(text.contains("rest-days.ron:3:"), "{text}");
        assert!(text.contains("2025-10-02 is both"), "{text}");
    }

    #[test]
    fn a_bad_date_names_the_file_and_place() {
        let (_d, path) = file("(holidays: [\"2025-13-01\"])");
        let err = read_rest_days(&path).unwrap_err();
        let text = err[0].render(crate::i18n::Lang::En);
        assert!(text.contains("rest-days.ron:1:"), "{text}");
    }
}
