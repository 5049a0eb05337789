//! The secretary's archive: every minutes file of a folder in a sortable,
//! filterable table with incremental search, overviews across meetings
//! (notices running, decisions in force, overdue tasks, open topics, the
//! life of a topic), read-only minutes and exports.
//!
//! The table is drawn from the archive's cache first; the folder is checked
//! against it right after the first frame and changed files are re-read.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::field::TextField;
use super::form::{Form, FormField, Popup, Purpose, edit_text};
use super::keymap::Action;
use super::meeting::{ListState, Message, Shared, export_chosen, export_form};
use crate::archive::{
    Archive, Column, DecisionInForce, Filter, NoticeFilter, OpenTopic, Options, Order, OverdueTask,
    RunningNotice, Search, Sort, Table, ThreadSummary, TimelineEvent, View,
};
use crate::domain::Minutes;
use crate::domain::meeting::MeetingState;
use crate::domain::notice::{NoticeStatus, RestDays};
use crate::i18n::{Label, Lang, Tx, tx};

/// The views of the archive, keys 1–6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Table,
    Notices,
    InForce,
    Overdue,
    Topics,
    Threads,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Table,
        Tab::Notices,
        Tab::InForce,
        Tab::Overdue,
        Tab::Topics,
        Tab::Threads,
    ];

    pub fn tx(self) -> Tx {
        match self {
            Tab::Table => tx("全部纪要", "All minutes"),
            Tab::Notices => tx("公示中", "On notice"),
            Tab::InForce => tx("已生效决定", "In force"),
            Tab::Overdue => tx("逾期事项", "Overdue"),
            Tab::Topics => tx("未结议题", "Open topics"),
            Tab::Threads => tx("议题脉络", "Topic threads"),
        }
    }
}

/// What an overview shows, computed for one minute of the clock and one
/// state of the archive.
#[derive(Debug, Clone)]
pub enum Overview {
    Notices(Vec<RunningNotice>),
    InForce(Vec<DecisionInForce>),
    Overdue(Vec<OverdueTask>),
    Topics(Vec<OpenTopic>),
    Threads(Vec<ThreadSummary>),
}

impl Overview {
    pub fn len(&self) -> usize {
        match self {
            Overview::Notices(v) => v.len(),
            Overview::InForce(v) => v.len(),
            Overview::Overdue(v) => v.len(),
            Overview::Topics(v) => v.len(),
            Overview::Threads(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The archive entry behind row `i`, if any.
    pub fn entry(&self, i: usize) -> Option<u32> {
        match self {
            Overview::Notices(v) => v.get(i).map(|x| x.entry),
            Overview::InForce(v) => v.get(i).map(|x| x.entry),
            Overview::Overdue(v) => v.get(i).map(|x| x.entry),
            Overview::Topics(v) => v.get(i).map(|x| x.entry),
            Overview::Threads(_) => None,
        }
    }
}

/// One meeting opened read-only.
#[derive(Debug)]
pub struct Reading {
    pub entry: u32,
    pub minutes: Minutes,
    pub path: PathBuf,
    pub scroll: u16,
}

/// A topic's timeline, opened from the threads overview.
#[derive(Debug)]
pub struct Timeline {
    pub thread: String,
    pub events: Vec<TimelineEvent>,
    pub list: ListState,
}

pub struct ArchiveView {
    pub archive: Archive,
    pub table: Table,
    pub view: View,
    pub filter: Filter,
    pub search: Search,
    pub query: TextField,
    /// Typing into the search box.
    pub typing: bool,
    /// The entries shown, in order.
    pub rows: Vec<u32>,
    pub list: ListState,
    pub tab: Tab,
    pub overview: Option<(i64, u64, Tab, Overview)>,
    pub overview_list: ListState,
    pub timeline: Option<Timeline>,
    pub reading: Option<Reading>,
    /// The folder has not yet been checked against the cache.
    pub needs_refresh: bool,
    /// Files re-read by the last refresh, for the status line.
    pub last_refresh: Option<usize>,
}

fn rest() -> RestDays {
    RestDays::weekends()
}

impl ArchiveView {
    /// Open an archive from its cache only (fast); the folder is checked
    /// by [`ArchiveView::refresh`].
    pub fn open(root: &Path, options: Options, shared: &Shared) -> std::io::Result<ArchiveView> {
        let archive = Archive::open_cached(root, options)?;
        let table = archive.table(shared.now, &rest());
        let view = View::new(&archive, &table, Sort::default());
        let mut v = ArchiveView {
            archive,
            table,
            view,
            filter: Filter::default(),
            search: Search::new(),
            query: TextField::default(),
            typing: false,
            rows: Vec::new(),
            list: ListState::default(),
            tab: Tab::Table,
            overview: None,
            overview_list: ListState::default(),
            timeline: None,
            reading: None,
            needs_refresh: true,
            last_refresh: None,
        };
        v.update_rows();
        Ok(v)
    }

    /// Check the folder against the cache and re-read what changed.
    pub fn refresh(&mut self, shared: &mut Shared, progress: &mut dyn FnMut(usize, usize)) {
        self.needs_refresh = false;
        match self.archive.scan() {
            Ok(scan) => {
                let r = self.archive.refresh_with(&scan, progress);
                self.last_refresh = Some(r.changed.len() + r.removed.len());
                if let Some(e) = r.cache_error {
                    shared.message = Some(Message::error(
                        format!("索引缓存无法保存（档案仍可使用）：{e}"),
                        format!(
                            "the index cache could not be saved (the archive still works): {e}"
                        ),
                    ));
                }

                self.retable(shared.now);
                self.archive.load_index();
            }
            Err(e) => {
                let d = crate::diagnostic::Diagnostic::io(
                    self.archive.root(),
                    crate::diagnostic::IoDoing::Read,
                    &e,
                );
                shared.message = Some(Message::error(d.render(Lang::Zh), d.render(Lang::En)));
            }
        }
    }

    /// Recompute the time-dependent columns and the order (after a refresh
    /// or when the clock moves on by a minute).
    pub fn retable(&mut self, now: crate::domain::Timestamp) {
        self.table = self.archive.table(now, &rest());
        self.view = View::new(&self.archive, &self.table, self.view.sort);
        self.overview = None;
        self.update_rows();
    }

    /// Keep the table's clock within a minute of `now`.
    pub fn tick(&mut self, now: crate::domain::Timestamp) {
        if now.timestamp() / 60 != self.table.now.timestamp() / 60 {
            self.retable(now);
        }
    }

    /// The rows for the current search and filter.
    pub fn update_rows(&mut self) {
        let text = self.query.text().trim().to_string();
        let hits = if text.is_empty() {
            None
        } else {
            Some(self.search.update(&self.archive, &text).to_vec())
        };
        self.rows = self
            .view
            .rows(&self.archive, &self.table, &self.filter, hits.as_deref());
        self.list.clamp(self.rows.len());
    }

    /// The overview of the current tab, computed once per minute and
    /// archive state.
    pub fn overview(&mut self, now: crate::domain::Timestamp) -> Option<&Overview> {
        if self.tab == Tab::Table {
            return None;
        }
        let key = (now.timestamp() / 60, self.archive.epoch(), self.tab);
        let fresh = matches!(&self.overview, Some((m, e, t, _)) if (*m, *e, *t) == key);
        if !fresh {
            let o = match self.tab {
                Tab::Notices => {
                    // Running notices first, the soonest to end on top;
                    // then those paused, then those under review.
                    let mut v = self.archive.notices_running(now, &rest());
                    v.sort_by_key(|n| {
                        let rank = match n.state.status() {
                            NoticeStatus::Running => 0,
                            NoticeStatus::Paused => 1,
                            _ => 2,
                        };
                        (rank, n.ends.map(|e| e.timestamp()).unwrap_or(i64::MAX))
                    });
                    Overview::Notices(v)
                }

                Tab::InForce => Overview::InForce(self.archive.decisions_in_force(now, &rest())),
                Tab::Overdue => Overview::Overdue(self.archive.overdue_tasks(now.date_naive())),
                Tab::Topics => Overview::Topics(self.archive.open_topics()),
                Tab::Threads | Tab::Table => Overview::Threads(self.archive.threads()),
            };
            self.overview = Some((key.0, key.1, key.2, o));
            self.overview_list
                .clamp(self.overview.as_ref().map_or(0, |o| o.3.len()));
        }
        self.overview.as_ref().map(|o| &o.3)
    }

    /// The entry under the cursor, wherever it is.
    pub fn selected_entry(&mut self, now: crate::domain::Timestamp) -> Option<u32> {
        if let Some(r) = &self.reading {
            return Some(r.entry);
        }
        if let Some(t) = &self.timeline {
            return t.events.get(t.list.selected).map(|e| e.entry);
        }
        match self.tab {
            Tab::Table => self.rows.get(self.list.selected).copied(),
            _ => {
                let i = self.overview_list.selected;
                self.overview(now).and_then(|o| o.entry(i))
            }
        }
    }

    /// Whether a key goes to the search box.
    pub fn wants_text(&self, _ev: &KeyEvent) -> bool {
        self.typing
    }

    /// A key typed into the search box: the table follows every keystroke.
    pub fn text_key(&mut self, ev: &KeyEvent) {
        match ev.code {
            KeyCode::Enter => self.typing = false,
            KeyCode::Esc => {
                self.typing = false;
                self.query = TextField::default();
                self.update_rows();
            }
            KeyCode::Down | KeyCode::Up => {
                self.typing = false;
                let a = if ev.code == KeyCode::Down {
                    Action::Down
                } else {
                    Action::Up
                };
                self.list.apply(a, self.rows.len(), 10);
            }
            _ => {
                if edit_text(&mut self.query, ev) {
                    self.list.selected = 0;
                    self.update_rows();
                }
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        if self.typing {
            self.query.insert(text);
            self.update_rows();
        }
    }

    /// Open an entry read-only.
    fn read(&mut self, entry: u32, shared: &mut Shared) {
        match self.archive.load(entry as usize) {
            Ok(l) => {
                self.reading = Some(Reading {
                    entry,
                    path: self.archive.entries()[entry as usize].path.clone(),
                    minutes: l.minutes,
                    scroll: 0,
                })
            }
            Err(diags) => {
                let d = diags
                    .first()
                    .map(|d| (d.render(Lang::Zh), d.render(Lang::En)));
                let (zh, en) = d.unwrap_or_else(|| ("无法打开".into(), "cannot open".into()));
                shared.message = Some(Message::error(zh, en));
            }
        }
    }

    /// Do what an action means here. Returns true when the app should quit.
    pub fn on(&mut self, action: Action, shared: &mut Shared) -> bool {
        let now = shared.now;
        if let Some(r) = &mut self.reading {
            match action {
                Action::Quit | Action::Cancel => self.reading = None,
                Action::Up => r.scroll = r.scroll.saturating_sub(1),
                Action::Down => r.scroll = r.scroll.saturating_add(1),
                Action::PageUp => r.scroll = r.scroll.saturating_sub(15),
                Action::PageDown => r.scroll = r.scroll.saturating_add(15),
                Action::Top => r.scroll = 0,
                Action::Bottom => r.scroll = u16::MAX,
                Action::Export => self.export_form(shared),
                _ => {}
            }
            return false;
        }
        if let Some(t) = &mut self.timeline {
            match action {
                Action::Quit | Action::Cancel => self.timeline = None,
                Action::Open => {
                    if let Some(e) = t.events.get(t.list.selected).map(|e| e.entry) {
                        self.read(e, shared);
                    }
                }
                Action::Export => self.export_form(shared),
                a if a.is_list_move() => {
                    t.list.apply(a, t.events.len(), 10);
                }
                _ => {}
            }
            return false;
        }
        match action {
            Action::Quit => return true,
            Action::Tab(n) => {
                if let Some(t) = Tab::ALL.get(usize::from(n)) {
                    self.tab = *t;
                    self.overview_list = ListState::default();
                }
            }
            Action::Search => {
                self.tab = Tab::Table;
                self.typing = true;
            }
            Action::SortNext | Action::SortReverse => {
                let mut sort = self.view.sort;
                if action == Action::SortNext {
                    let i = Column::ALL
                        .iter()
                        .position(|c| *c == sort.column)
                        .unwrap_or(0);
                    sort.column = Column::ALL[(i + 1) % Column::ALL.len()];
                } else {
                    sort.order = match sort.order {
                        Order::Asc => Order::Desc,
                        Order::Desc => Order::Asc,
                    };
                }
                self.view = View::new(&self.archive, &self.table, sort);
                self.update_rows();
            }
            Action::Filter => shared.popup = Some(Popup::Form(self.filter_form(shared.lang))),
            Action::ClearFilter => {
                self.filter = Filter::default();
                self.query = TextField::default();
                self.update_rows();
            }
            Action::Refresh => self.needs_refresh = true,
            Action::Open => match self.tab {
                Tab::Threads => {
                    let i = self.overview_list.selected;
                    if let Some(Overview::Threads(v)) = self.overview(now)
                        && let Some(t) = v.get(i)
                    {
                        let thread = t.thread.clone();
                        let events = self.archive.timeline(&thread, now, &rest());
                        self.timeline = Some(Timeline {
                            thread,
                            events,
                            list: ListState::default(),
                        });
                    }
                }
                _ => {
                    if let Some(e) = self.selected_entry(now) {
                        self.read(e, shared);
                    }
                }
            },
            Action::Export => self.export_form(shared),
            a if a.is_list_move() => {
                if self.tab == Tab::Table {
                    self.list.apply(a, self.rows.len(), 10);
                } else {
                    let len = self.overview(now).map_or(0, Overview::len);
                    self.overview_list.apply(a, len, 10);
                }
            }
            _ => {}
        }
        false
    }

    fn export_form(&mut self, shared: &mut Shared) {
        let Some(entry) = self.selected_entry(shared.now) else {
            return;
        };
        shared.popup = Some(Popup::Form(export_form(Purpose::ArchiveExport(entry))));
    }

    fn filter_form(&self, lang: Lang) -> Form {
        let mut compounds = vec![lang.choose("（全部）", "(all)").to_string()];
        compounds.extend(
            self.archive
                .compounds()
                .into_iter()
                .map(|(c, n)| format!("{c}（{n}）")),
        );
        let compound = self
            .filter
            .compound
            .as_ref()
            .and_then(|c| {
                self.archive
                    .compounds()
                    .iter()
                    .position(|(x, _)| x == c)
                    .map(|i| i + 1)
            })
            .unwrap_or(0);
        let mut states = vec![lang.choose("（全部）", "(all)").to_string()];
        states.extend(
            [
                MeetingState::Planned,
                MeetingState::InProgress,
                MeetingState::Closed,
            ]
            .iter()
            .map(|s| s.label(lang).to_string()),
        );
        let mut notices = vec![
            lang.choose("（全部）", "(all)").to_string(),
            lang.choose("无公示", "no notice").to_string(),
        ];
        notices.extend(NoticeStatus::ALL.iter().map(|s| s.label(lang).to_string()));
        let date = |d: Option<chrono::NaiveDate>| {
            d.map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        };
        Form::new(
            Purpose::ArchiveFilter,
            tx("筛选", "Filter"),
            vec![
                FormField::choice(tx("小区", "Compound"), compounds, compound),
                FormField::text(
                    tx("起始日期（年-月-日，可空）", "From (YYYY-MM-DD, optional)"),
                    &date(self.filter.from),
                ),
                FormField::text(
                    tx("截止日期（可空）", "To (optional)"),
                    &date(self.filter.to),
                ),
                FormField::choice(tx("会议状态", "Meeting state"), states, 0),
                FormField::choice(tx("公示状态", "Notice state"), notices, 0),
            ],
        )
    }

    /// A submitted archive form; false keeps it open with the reason.
    pub fn submit(&mut self, form: &mut Form, shared: &mut Shared) -> bool {
        match form.purpose {
            Purpose::ArchiveFilter => {
                let date = |s: &str| -> Result<Option<chrono::NaiveDate>, ()> {
                    if s.is_empty() {
                        Ok(None)
                    } else {
                        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                            .map(Some)
                            .map_err(|_| ())
                    }
                };
                let (Ok(from), Ok(to)) = (date(form.text(1)), date(form.text(2))) else {
                    form.refuse("日期的格式应为 2016-03-15", "dates read like 2016-03-15");
                    return false;
                };
                let compounds = self.archive.compounds();
                self.filter = Filter {
                    community: None,
                    compound: form
                        .choice(0)
                        .checked_sub(1)
                        .and_then(|i| compounds.get(i))
                        .map(|(c, _)| c.clone()),
                    from,
                    to,
                    state: form.choice(3).checked_sub(1).map(|i| {
                        [
                            MeetingState::Planned,
                            MeetingState::InProgress,
                            MeetingState::Closed,
                        ][i]
                    }),
                    notice: match form.choice(4) {
                        0 => None,
                        1 => Some(NoticeFilter::NoNotice),
                        n => Some(NoticeFilter::Status(NoticeStatus::ALL[n - 2])),
                    },
                    broken_only: false,
                };
                self.tab = Tab::Table;
                self.list.selected = 0;
                self.update_rows();
                true
            }
            Purpose::ArchiveExport(entry) => {
                let loaded = match self.archive.load(entry as usize) {
                    Ok(l) => l,
                    Err(d) => {
                        let d = d
                            .first()
                            .map(|d| (d.render(Lang::Zh), d.render(Lang::En)))
                            .unwrap_or_default();
                        form.refuse(d.0, d.1);
                        return false;
                    }
                };
                let path = self.archive.entries()[entry as usize].path.clone();
                export_chosen(&loaded.minutes, &path, form, shared)
            }
            _ => true,
        }
    }

    /// A short description of the filter in force, if any.
    pub fn filter_text(&self, lang: Lang) -> Option<String> {
        let f = &self.filter;
        let mut parts = Vec::new();
        if let Some(c) = &f.compound {
            parts.push(c.clone());
        }
        match (f.from, f.to) {
            (Some(a), Some(b)) => parts.push(lang.choose(
                format!("{} 至 {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
                format!("{} to {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
            )),
            (Some(a), None) => parts.push(lang.choose(
                format!("{} 起", a.format("%Y-%m-%d")),
                format!("from {}", a.format("%Y-%m-%d")),
            )),
            (None, Some(b)) => parts.push(lang.choose(
                format!("至 {}", b.format("%Y-%m-%d")),
                format!("until {}", b.format("%Y-%m-%d")),
            )),
            (None, None) => {}
        }
        if let Some(s) = f.state {
            parts.push(s.label(lang).to_string());
        }
        match f.notice {
            Some(NoticeFilter::NoNotice) => {
                parts.push(lang.choose("无公示", "no notice").to_string())
            }
            Some(NoticeFilter::Status(s)) => parts.push(s.label(lang).to_string()),
            None => {}
        }
        (!parts.is_empty()).then(|| lang.join(parts))
    }
}
