//! `yishi check FILE…`

use std::path::PathBuf;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::minutes_file;

pub fn run(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut bad_files = 0;
    for file in files {
        let problems = match minutes_file::read(file) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    println!("{}", w.render(lang));
                }
                let src = std::fs::read_to_string(file).unwrap_or_default();
                minutes_file::check_problems(file, &src, &loaded.minutes)
            }
            Err(diags) => diags,
        };
        for p in &problems {
            println!("{}", p.render(lang));
        }
        if !problems.is_empty() {
            bad_files += 1;
        }
    }
    if bad_files == 0 {
        eprintln!(
            "{}",
            lang.choose(
                format!("{} 个文件均为有效的会议纪要", files.len()),
                format!("{} file(s), all good minutes", files.len())
            )
        );
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{}",
            lang.choose(
                format!("{} 个文件中有 {bad_files} 个有问题", files.len()),
                format!("{bad_files} of {} file(s) have problems", files.len())
            )
        );
        ExitCode::FAILURE
    }
}
