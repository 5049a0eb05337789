//! The command line: global options and subcommands.

mod check;
mod export;
mod fmt;
mod list;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::domain::Timestamp;
use crate::export::Format;
use crate::i18n::Lang;
pub use list::ListRow;

/// 议事 yishi — 社区协商议事会的会议主持与纪要 / run community deliberation meetings and keep their minutes.
#[derive(Debug, Parser)]
#[command(name = "yishi", version)]
pub struct Cli {
    /// 界面语言 / language of the interface and exports
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// 数据文件夹（也可用环境变量 YISHI_DATA_DIR）/ data folder (or YISHI_DATA_DIR)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 运行内置的北苑居听证协商会演示 / run the built-in 北苑居 demo meeting
    Demo,
    /// 新建会议 / prepare and run a new meeting
    New {
        /// 以模板或以往纪要为基础（名单、转入的议题）/ start from a template or earlier minutes
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
    },
    /// 打开会议继续或查阅 / continue or review a meeting
    Open {
        /// 会议纪要文件 / minutes file
        file: PathBuf,
    },
    /// 检查纪要文件，每个问题一行 FILE:LINE:COL / check minutes files, one FILE:LINE:COL line per problem
    Check {
        /// 会议纪要文件 / minutes files
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// 把手工编辑过的纪要文件改写为标准格式 / rewrite hand-edited minutes files in the canonical form
    Fmt {
        /// 会议纪要文件 / minutes files
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// 导出会议纪要或公示 / export the minutes or the public notice
    Export {
        /// 会议纪要文件 / minutes file
        file: PathBuf,
        /// 格式 / format
        #[arg(long, value_enum, default_value_t = Format::Txt)]
        format: Format,
        /// 导出公示而非纪要 / export the public notice instead of the minutes
        #[arg(long)]
        notice: bool,
        /// 输出文件（默认为标准输出）/ output file (standard output by default)
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// 列出纪要文件 / list minutes files
    List {
        /// 文件夹（默认为数据文件夹）/ folder (the data folder by default)
        dir: Option<PathBuf>,
        /// 只列出任一文字字段包含此文字的文件 / keep files with TEXT in any text field
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
    },
    /// 浏览、搜索以往会议纪要 / browse and search past minutes
    Archive {
        /// 文件夹（默认为数据文件夹）/ folder (the data folder by default)
        dir: Option<PathBuf>,
    },
}

/// The current instant with the local UTC offset.
pub fn now() -> Timestamp {
    chrono::Local::now().fixed_offset()
}

/// The data folder, or a message saying how to set one.
pub fn data_dir_or_explain(cli: &Cli) -> Result<PathBuf, String> {
    crate::minutes_file::paths::data_dir(cli.data_dir.as_deref()).ok_or_else(|| {
        cli.lang
            .choose(
                "找不到数据文件夹：请用 --data-dir DIR 或环境变量 YISHI_DATA_DIR 指定",
                "no data folder found: give one with --data-dir DIR or YISHI_DATA_DIR",
            )
            .to_string()
    })
}

/// Run the subcommands that need no terminal screen. Returns `None` for the
/// interactive ones.
pub fn run_batch(cli: &Cli) -> Option<ExitCode> {
    let lang = cli.lang;
    match cli.command.as_ref()? {
        Command::Check { files } => Some(check::run(files, lang)),
        Command::Fmt { files } => Some(fmt::run(files, lang)),
        Command::Export {
            file,
            format,
            notice,
            output,
        } => Some(export::run(file, *format, *notice, output.as_deref(), lang)),
        Command::List { dir, search } => {
            let dir = match dir {
                Some(d) => d.clone(),
                None => match data_dir_or_explain(cli) {
                    Ok(d) => d,
                    Err(msg) => {
                        eprintln!("yishi: {msg}");
                        return Some(ExitCode::from(2));
                    }
                },
            };
            Some(list::run(&dir, search.as_deref(), lang))
        }
        _ => None,
    }
}
