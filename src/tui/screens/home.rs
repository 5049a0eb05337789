//! The home screen of `yishi` alone: continue an interrupted meeting, start
//! a new one or the demo, reopen a recent one, or browse the archive.

use std::path::{Path, PathBuf};

use crate::tui::ui::Lines;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};

use super::super::keymap::Context;
use super::super::meeting::{ListState, Message};
use super::super::ui::{Ui, cell, scroll_window, title_bar};
use crate::domain::meeting::MeetingState;
use crate::i18n::Label;
use crate::minutes_file;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub title: String,
    pub date: NaiveDate,
    pub state: MeetingState,
    /// Open for writing in another yishi right now.
    pub busy: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeItem {
    /// A meeting planned or in progress: an interrupted one to continue.
    Continue(Entry),
    New,
    Demo,
    Recent(Entry),
    Archive,
}

#[derive(Debug, Default)]
pub struct HomeView {
    pub items: Vec<HomeItem>,
    pub list: ListState,
    /// Files in the data folder that could not be read.
    pub broken: usize,
}

impl HomeView {
    /// Look through the data folder for meetings to continue and recent ones.
    pub fn scan(data_dir: &Path) -> HomeView {
        let mut open = Vec::new();
        let mut recent = Vec::new();
        let mut broken = 0;
        for path in minutes_file::paths::minutes_files(data_dir).unwrap_or_default() {
            match minutes_file::read(&path) {
                Ok(l) => {
                    let e = Entry {
                        busy: minutes_file::lock::is_locked(&path),
                        title: l.minutes.meeting.title.clone(),
                        date: l.minutes.date(),
                        state: l.minutes.meeting.state,
                        path,
                    };
                    if e.state == MeetingState::Closed {
                        recent.push(e);
                    } else {
                        open.push(e);
                    }
                }
                Err(_) => broken += 1,
            }
        }
        let newest_first =
            |a: &Entry, b: &Entry| b.date.cmp(&a.date).then_with(|| b.path.cmp(&a.path));
        open.sort_by(newest_first);
        recent.sort_by(newest_first);
        recent.truncate(8);
        let mut items: Vec<HomeItem> = open.into_iter().map(HomeItem::Continue).collect();
        items.extend([HomeItem::New, HomeItem::Demo]);
        items.extend(recent.into_iter().map(HomeItem::Recent));
        items.push(HomeItem::Archive);
        HomeView {
            items,
            list: ListState::default(),
            broken,
        }
    }
}

pub fn draw(f: &mut Frame, ui: &Ui, home: &HomeView, data_dir: &Path, message: Option<&Message>) {
    let c = ui.colon();
    let area = f.area();
    f.render_widget(Lines::new("").style(ui.style(|r| r.base)), area);
    let [head, _, body, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    f.render_widget(
        Lines::new(vec![
            Line::from(vec![
                Span::styled(
                    " 议事 yishi ",
                    ui.style(|r| r.title)
                        .add_modifier(ratatui::style::Modifier::REVERSED),
                ),
                Span::styled(
                    format!(
                        "  {}",
                        ui.t(
                            "社区协商议事会：主持会议，保管纪要",
                            "community deliberation meetings and their minutes"
                        )
                    ),
                    ui.style(|r| r.title),
                ),
            ]),
            Line::styled(
                format!(
                    " {}{c}{}",
                    ui.t("数据文件夹", "Data folder"),
                    data_dir.display()
                ),
                ui.style(|r| r.muted),
            ),
        ]),
        head,
    );
    let body = body.inner(ratatui::layout::Margin::new(1, 0));
    let (title, list) = super::super::ui::panel(body);
    title_bar(
        f,
        ui,
        title,
        ui.t(
            "开始（上/下 选择，Enter 打开）",
            "Start (Up/Down to choose, Enter to open)",
        ),
        true,
    );
    let mut rows: Vec<(Line, usize)> = Vec::new();
    let w = usize::from(list.width);
    let mut last_section = "";
    for (i, item) in home.items.iter().enumerate() {
        let section = match item {
            HomeItem::Continue(_) => {
                ui.t("未结束的会议（可继续）", "Meetings not closed (continue)")
            }
            HomeItem::New | HomeItem::Demo => ui.t("新会议", "New"),
            HomeItem::Recent(_) => ui.t("最近的会议", "Recent meetings"),
            HomeItem::Archive => ui.t("档案", "Archive"),
        };
        if section != last_section {
            if !last_section.is_empty() {
                rows.push((Line::raw(""), usize::MAX));
            }
            rows.push((
                Line::styled(section.to_string(), ui.style(|r| r.header)),
                usize::MAX,
            ));
            last_section = section;
        }
        let selected = i == home.list.selected;
        let (base, marker) = ui.row_start(selected);
        let text = match item {
            HomeItem::Continue(e) | HomeItem::Recent(e) => {
                let busy = if e.busy {
                    ui.t("（正在别处打开）", " (open elsewhere)")
                } else {
                    ""
                };
                format!(
                    "{}  {}  [{}]{busy}",
                    e.date.format("%Y-%m-%d"),
                    e.title,
                    e.state.label(ui.lang)
                )
            }
            HomeItem::New => ui.t("新建会议", "New meeting").to_string(),
            HomeItem::Demo => ui
                .t(
                    "运行演示：北苑居小区第三次听证协商会",
                    "Run the demo: the third 北苑居 hearing",
                )
                .to_string(),
            HomeItem::Archive => ui
                .t("浏览、搜索以往纪要", "Browse and search past minutes")
                .to_string(),
        };
        rows.push((
            Line::from(vec![marker, cell(&text, w.saturating_sub(2), base)]),
            i,
        ));
    }
    if home.broken > 0 {
        rows.push((Line::raw(""), usize::MAX));
        rows.push((
            Line::styled(
                ui.lang.choose(
                    format!("{} 个文件无法读取：运行 yishi check 查看", home.broken),
                    format!(
                        "{} file(s) cannot be read: run yishi check to see why",
                        home.broken
                    ),
                ),
                ui.style(|r| r.warning),
            ),
            usize::MAX,
        ));
    }
    let sel_row = rows
        .iter()
        .position(|(_, i)| *i == home.list.selected)
        .unwrap_or(0);
    let window = scroll_window(rows.len(), sel_row, usize::from(list.height));
    f.render_widget(
        Lines::new(
            rows[window]
                .iter()
                .map(|(l, _)| l.clone())
                .collect::<Vec<_>>(),
        ),
        list,
    );
    super::footer(f, ui, Context::Home, foot, message);
}
