//! `yishi export FILE --format md|html|txt [--notice] [-o OUT]`

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::export::{self, Format, What};
use crate::i18n::Lang;
use crate::minutes_file;

pub fn run(
    file: &Path,
    format: Format,
    notice: bool,
    output: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let loaded = match minutes_file::read(file) {
        Ok(l) => l,
        Err(diags) => {
            for d in diags {
                eprintln!("{}", d.render(lang));
            }
            return ExitCode::FAILURE;
        }
    };
    for w in &loaded.warnings {
        eprintln!("{}", w.render(lang));
    }
    let what = if notice { What::Notice } else { What::Minutes };
    let Some(text) = export::export(&loaded.minutes, what, format, lang, super::now()) else {
        eprintln!(
            "{}: {}",
            file.display(),
            lang.choose("这份纪要没有公示", "these minutes have no public notice")
        );
        return ExitCode::FAILURE;
    };
    match output {
        Some(out) => match minutes_file::write_atomic(out, text.as_bytes()) {
            Ok(()) => {
                eprintln!(
                    "{}",
                    lang.choose(
                        format!("已导出到 {}", out.display()),
                        format!("exported to {}", out.display())
                    )
                );
                ExitCode::SUCCESS
            }
            Err(d) => {
                eprintln!("{}", d.render(lang));
                ExitCode::FAILURE
            }
        },
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                // A closed pipe (`| head`) is not an error worth a message.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("yishi: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
