//! Make a realistic archive of minutes files from the samples.
//!
//! `cargo run --release --example gen_archive -- DIR [FILES] [SEED] [TODAY]`
//!
//! FILES defaults to 10000, SEED to 1, TODAY (YYYY-MM-DD, the day running
//! notices and overdue tasks are relative to) to today.

use std::path::PathBuf;
use std::process::ExitCode;

use yishi::archive::generate::{GenConfig, generate};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: gen_archive DIR [FILES] [SEED] [TODAY]");
        return ExitCode::from(2);
    };
    let files = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let today = args
        .get(3)
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let started = std::time::Instant::now();
    match generate(&dir, &GenConfig::new(files, seed, today)) {
        Ok(g) => {
            let bytes: u64 = g
                .files
                .iter()
                .filter_map(|f| std::fs::metadata(f).ok())
                .map(|m| m.len())
                .sum();
            eprintln!(
                "{} files ({} broken or foreign, {:.1} MB) in {} in {:.1} s",
                g.files.len(),
                g.broken.len(),
                bytes as f64 / 1e6,
                dir.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_archive: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
