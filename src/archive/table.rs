//! The archive table: the time-dependent columns at one instant, sorting by
//! any column, filtering by compound, date range, state and notice state.
//!
//! Sorting is done once per (table, column, order) by [`View::new`]; each
//! keystroke of a search then only filters that order by the hits
//! ([`View::rows`]), which is linear and takes microseconds.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};

use super::{Archive, Entry};
use crate::domain::Timestamp;
use crate::domain::meeting::{MeetingKind, MeetingState};
use crate::domain::notice::{NoticeState, NoticeStatus, RestDays};

/// The time-dependent columns of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Live {
    /// State of the first notice (`None`: no notice, or a broken file).
    pub notice: Option<NoticeState>,
    pub open_tasks: u32,
    pub overdue_tasks: u32,
}

/// Every entry's time-dependent columns at `now`.
#[derive(Debug, Clone)]
pub struct Table {
    pub now: Timestamp,
    pub rest: RestDays,
    epoch: u64,
    live: Vec<Live>,
}

impl Table {
    pub fn live(&self, entry: usize) -> Option<&Live> {
        self.live.get(entry)
    }

    pub fn epoch(&self) -> u64 {
        self.epoch
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Date,
    Community,
    Compound,
    Title,
    Kind,
    State,
    Notice,
    OpenTasks,
    Path,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Date,
        Column::Community,
        Column::Compound,
        Column::Title,
        Column::Kind,
        Column::State,
        Column::Notice,
        Column::OpenTasks,
        Column::Path,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Order {
    Asc,
    Desc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: Column,
    pub order: Order,
}

impl Default for Sort {
    /// Newest first.
    fn default() -> Self {
        Sort {
            column: Column::Date,
            order: Order::Desc,
        }
    }
}

/// Which notice state to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeFilter {
    /// Meetings without a notice.
    NoNotice,
    Status(NoticeStatus),
}

/// Conditions on rows; `None` fields keep everything. Broken files are kept
/// only by an empty filter (or `broken_only`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub community: Option<String>,
    pub compound: Option<String>,
    /// First day kept (inclusive).
    pub from: Option<NaiveDate>,
    /// Last day kept (inclusive).
    pub to: Option<NaiveDate>,
    pub state: Option<MeetingState>,
    pub notice: Option<NoticeFilter>,
    /// Keep only broken and foreign files.
    pub broken_only: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn keeps(&self, entry: &Entry, live: &Live) -> bool {
        let Some(m) = entry.meeting() else {
            return self.broken_only || self.is_empty();
        };
        !self.broken_only
            && self.community.as_ref().is_none_or(|c| *c == m.community)
            && self.compound.as_ref().is_none_or(|c| *c == m.compound)
            && self.from.is_none_or(|d| m.date >= d)
            && self.to.is_none_or(|d| m.date <= d)
            && self.state.is_none_or(|s| m.state == s)
            && self.notice.is_none_or(|n| match n {
                NoticeFilter::NoNotice => live.notice.is_none(),
                NoticeFilter::Status(s) => live.notice.map(|x| x.status()) == Some(s),
            })
    }
}

/// All entries in one sort order.
#[derive(Debug, Clone)]
pub struct View {
    pub sort: Sort,
    epoch: u64,
    order: Vec<u32>,
}

fn kind_rank(k: MeetingKind) -> usize {
    MeetingKind::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

fn state_rank(s: MeetingState) -> u8 {
    match s {
        MeetingState::Planned => 0,
        MeetingState::InProgress => 1,
        MeetingState::Closed => 2,
    }
}

fn notice_rank(n: Option<NoticeState>) -> (usize, Option<Timestamp>) {
    match n {
        None => (NoticeStatus::ALL.len(), None),
        Some(s) => (
            NoticeStatus::ALL
                .iter()
                .position(|x| *x == s.status())
                .unwrap_or(0),
            match s {
                NoticeState::Running { ends, .. } => Some(ends),
                NoticeState::InForce { since } => Some(since),
                _ => None,
            },
        ),
    }
}

impl View {
    /// Sort every entry by `sort` (ties by date, then path); broken files
    /// come last in either order.
    pub fn new(archive: &Archive, table: &Table, sort: Sort) -> View {
        let entries = archive.entries();
        let mut order: Vec<u32> = (0..entries.len() as u32).collect();
        let default_live = Live {
            notice: None,
            open_tasks: 0,
            overdue_tasks: 0,
        };
        let live = |i: u32| table.live.get(i as usize).copied().unwrap_or(default_live);
        // Ties are broken by date, then by entry number (path order).
        let cmp = |a: &u32, b: &u32| -> Ordering {
            let (ea, eb) = (&entries[*a as usize], &entries[*b as usize]);
            let (ma, mb) = match (ea.meeting(), eb.meeting()) {
                (Some(x), Some(y)) => (x, y),
                (Some(_), None) => return Ordering::Less,
                (None, Some(_)) => return Ordering::Greater,
                (None, None) => return a.cmp(b),
            };
            let primary = match sort.column {
                Column::Date => ma.date.cmp(&mb.date),
                Column::Community => ma.community.cmp(&mb.community),
                Column::Compound => ma.compound.cmp(&mb.compound),
                Column::Title => ma.title.cmp(&mb.title),
                Column::Kind => kind_rank(ma.kind).cmp(&kind_rank(mb.kind)),
                Column::State => state_rank(ma.state).cmp(&state_rank(mb.state)),
                Column::Notice => notice_rank(live(*a).notice).cmp(&notice_rank(live(*b).notice)),
                Column::OpenTasks => live(*a).open_tasks.cmp(&live(*b).open_tasks),
                Column::Path => a.cmp(b),
            };
            match sort.order {
                Order::Asc => primary,
                Order::Desc => primary.reverse(),
            }
            .then_with(|| ma.date.cmp(&mb.date))
            .then_with(|| a.cmp(b))
        };
        match sort.column {
            // The cheap and common case, by key.
            Column::Date => {
                let key = |i: &u32| {
                    let e = &entries[*i as usize];
                    let d = e.meeting().map(|m| m.date);
                    let d = match sort.order {
                        Order::Asc => d.map(|d| d.num_days_from_ce()),
                        Order::Desc => d.map(|d| -d.num_days_from_ce()),
                    };
                    (d.is_none(), d, *i)
                };
                order.sort_unstable_by_key(key);
            }
            _ => order.sort_unstable_by(cmp),
        }
        View {
            sort,
            epoch: archive.epoch(),
            order,
        }
    }

    /// The entries kept by `filter` and (when searching) among `hits`, in
    /// this view's order.
    pub fn rows(
        &self,
        archive: &Archive,
        table: &Table,
        filter: &Filter,
        hits: Option<&[u32]>,
    ) -> Vec<u32> {
        if self.epoch != archive.epoch() {
            return View::new(archive, table, self.sort).rows(archive, table, filter, hits);
        }
        let entries = archive.entries();
        let mut wanted: Option<Vec<bool>> = None;
        if let Some(h) = hits {
            let mut w = vec![false; entries.len()];
            for &i in h {
                if let Some(x) = w.get_mut(i as usize) {
                    *x = true;
                }
            }
            wanted = Some(w);
        }
        let all = filter.is_empty();
        self.order
            .iter()
            .copied()
            .filter(|&i| wanted.as_ref().is_none_or(|w| w[i as usize]))
            .filter(|&i| {
                all || table
                    .live
                    .get(i as usize)
                    .is_some_and(|l| filter.keeps(&entries[i as usize], l))
            })
            .collect()
    }
}

impl Archive {
    /// The time-dependent columns of every entry at `now`.
    pub fn table(&self, now: Timestamp, rest: &RestDays) -> Table {
        let today = now.date_naive();
        let live = self
            .entries()
            .iter()
            .map(|e| match e.meeting() {
                Some(m) => Live {
                    notice: m.notice_state(now, rest),
                    open_tasks: m.open_tasks.len() as u32,
                    overdue_tasks: m.overdue_tasks(today) as u32,
                },
                None => Live {
                    notice: None,
                    open_tasks: 0,
                    overdue_tasks: 0,
                },
            })
            .collect();
        Table {
            now,
            rest: rest.clone(),
            epoch: self.epoch(),
            live,
        }
    }

    /// The compounds of the archive with their number of meetings, by name.
    pub fn compounds(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for m in self.entries().iter().filter_map(Entry::meeting) {
            *counts.entry(m.compound.as_str()).or_default() += 1;
        }
        counts
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect()
    }
}
