use std::process::ExitCode;

use clap::Parser;
use yishi::cli::{Cli, run_batch};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(code) = run_batch(&cli) {
        return code;
    }
    yishi::tui::run(&cli)
}
