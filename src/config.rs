//! The user's own themes and vote rules, from the config folder
//! (`$YISHI_CONFIG_DIR`, else the platform's, e.g. `~/.config/yishi`):
//! `themes/*.ron` and `rules/*.ron`.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, IoDoing};
use crate::domain::vote::RuleBook;
use crate::minutes_file::locate::LineCol;
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
