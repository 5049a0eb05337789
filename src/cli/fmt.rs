//! `yishi fmt FILE…`: rewrite minutes files in the canonical form.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::minutes_file;

/// Rewrite each file as yishi writes it (field order, indentation, missing
/// optional fields spelled out). Files that do not parse, or that come from
/// a newer yishi, are left untouched and reported.
pub fn run(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut failed = false;
    for file in files {
        match minutes_file::read(file) {
            Ok(loaded) if loaded.read_only => {
                for w in &loaded.warnings {
                    eprintln!("{}", w.render(lang));
                }
                failed = true;
            }
            Ok(loaded) => {
                let before = std::fs::read_to_string(file).unwrap_or_default();
                let after = minutes_file::to_ron(&loaded.minutes);
                if before != after
                    && let Err(d) = minutes_file::write_atomic(file, after.as_bytes())
                {
                    eprintln!("{}", d.render(lang));
                    failed = true;
                }
            }
            Err(diags) => {
                for d in diags {
                    eprintln!("{}", d.render(lang));
                }
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
