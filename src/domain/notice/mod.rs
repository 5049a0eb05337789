//! The public notice (公示) of decisions: its period, where it is posted,
//! objections, and its state over time.
//!
//! The state is not stored: it is derived from the notice's events and the
//! current time, so a notice read a year later says "期满无异议，已生效"
//! without anyone having touched the file.

pub mod calendar;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::meeting::MeetingRef;
use super::{DecisionId, Timestamp};
use crate::i18n::{Label, Tx, tx};
pub use calendar::{Remaining, RestDays};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// The decisions this notice makes public.
    pub decisions: Vec<DecisionId>,
    /// 关于…的公示.
    pub title: String,
    /// 依据: one clause that opens the notice, e.g.
    /// 根据《中心广场社区居民议事协商规则》.
    #[serde(default)]
    pub basis: String,
    pub period: NoticePeriod,
    /// The public holidays and make-up working days its periods were
    /// counted with, copied from `rest-days.ron` when it was posted, so
    /// that its end never moves when that file changes. Empty: weekends
    /// only.
    #[serde(default, skip_serializing_if = "RestDays::is_empty")]
    pub rest_days: RestDays,
    /// 公示地点, e.g. 各单元楼道口公示栏.
    #[serde(default)]
    pub posted_where: String,
    /// How to object, as it reads after "如有异议，请于…前": to whom and by
    /// which means, e.g. 向本单元单元长或社区居委会当面、书面反映（联系人：孙晓梅）.
    #[serde(default)]
    pub objection_channel: String,
    /// 发布单位.
    pub issuer: String,
    /// What happened to the notice, oldest first.
    #[serde(default)]
    pub events: Vec<NoticeEvent>,
}

/// Length and kind of a notice period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticePeriod {
    pub kind: PeriodKind,
    pub length: u32,
}

impl NoticePeriod {
    /// 一周公示: seven calendar days.
    pub const ONE_WEEK: NoticePeriod = NoticePeriod {
        kind: PeriodKind::CalendarDays,
        length: 7,
    };

    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        match (self.kind, lang) {
            (PeriodKind::CalendarDays, crate::i18n::Lang::Zh) => format!("{} 日", self.length),
            (PeriodKind::WorkingDays, crate::i18n::Lang::Zh) => format!("{} 个工作日", self.length),
            (PeriodKind::CalendarDays, crate::i18n::Lang::En) => format!("{} days", self.length),
            (PeriodKind::WorkingDays, crate::i18n::Lang::En) => {
                format!("{} working days", self.length)
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PeriodKind {
    CalendarDays,
    WorkingDays,
}

/// Something that happened to a notice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NoticeEvent {
    /// Posted; the period runs from the next day.
    Posted { at: Timestamp },
    /// An objection was received. While the notice runs, it pauses it.
    Objection(Objection),
    /// The objection goes to review or a new deliberation (复核 / 再协商).
    Review {
        at: Timestamp,
        #[serde(default)]
        note: String,
        /// The meeting that takes the topic up again.
        #[serde(default)]
        meeting: Option<MeetingRef>,
    },
    /// Posted again after review, for a full new period.
    Reposted { at: Timestamp, period: NoticePeriod },
    /// The decision was withdrawn after review.
    Withdrawn {
        at: Timestamp,
        #[serde(default)]
        reason: String,
    },
    /// The results of carrying the decision out were made public (实施结果公开).
    ResultsPublished {
        at: Timestamp,
        #[serde(default)]
        note: String,
    },
}

impl NoticeEvent {
    pub fn at(&self) -> Timestamp {
        match self {
            NoticeEvent::Posted { at }
            | NoticeEvent::Review { at, .. }
            | NoticeEvent::Reposted { at, .. }
            | NoticeEvent::Withdrawn { at, .. }
            | NoticeEvent::ResultsPublished { at, .. } => *at,
            NoticeEvent::Objection(o) => o.at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Objection {
    pub at: Timestamp,
    /// Who objected (may be 匿名).
    pub by: String,
    pub content: String,
    /// How it was handled, once it was.
    #[serde(default)]
    pub handling: String,
}

/// The state of a notice at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeState {
    /// Not posted yet.
    Draft,
    /// 公示中 (also after a repost), ending at `ends`.
    Running { ends: Timestamp, reposted: bool },
    /// 暂停: an objection was logged.
    Paused,
    /// 复核 / 再协商.
    UnderReview,
    /// 期满无异议，已生效 since `since`.
    InForce { since: Timestamp },
    /// 实施结果公开.
    ResultsPublished,
    /// 已撤销.
    Withdrawn,
}

/// The coarse kind of a state, for filters and colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoticeStatus {
    Draft,
    Running,
    Paused,
    UnderReview,
    InForce,
    ResultsPublished,
    Withdrawn,
}

impl NoticeStatus {
    pub const ALL: [NoticeStatus; 7] = [
        NoticeStatus::Draft,
        NoticeStatus::Running,
        NoticeStatus::Paused,
        NoticeStatus::UnderReview,
        NoticeStatus::InForce,
        NoticeStatus::ResultsPublished,
        NoticeStatus::Withdrawn,
    ];

    /// Whether the decisions behind a notice in this state are in force.
    pub fn in_force(self) -> bool {
        matches!(self, NoticeStatus::InForce | NoticeStatus::ResultsPublished)
    }
}

impl Label for NoticeStatus {
    fn tx(&self) -> Tx {
        match self {
            NoticeStatus::Draft => tx("未发布", "not posted"),
            NoticeStatus::Running => tx("公示中", "on notice"),
            NoticeStatus::Paused => tx("暂停（有异议）", "paused (objection)"),
            NoticeStatus::UnderReview => tx("复核/再协商", "under review"),
            NoticeStatus::InForce => tx("期满无异议，已生效", "ended without objection, in force"),
            NoticeStatus::ResultsPublished => tx("实施结果已公开", "results published"),
            NoticeStatus::Withdrawn => tx("已撤销", "withdrawn"),
        }
    }
}

impl NoticeState {
    pub fn status(&self) -> NoticeStatus {
        match self {
            NoticeState::Draft => NoticeStatus::Draft,
            NoticeState::Running { .. } => NoticeStatus::Running,
            NoticeState::Paused => NoticeStatus::Paused,
            NoticeState::UnderReview => NoticeStatus::UnderReview,
            NoticeState::InForce { .. } => NoticeStatus::InForce,
            NoticeState::ResultsPublished => NoticeStatus::ResultsPublished,
            NoticeState::Withdrawn => NoticeStatus::Withdrawn,
        }
    }
}

impl Notice {
    /// The instant of the first posting, if posted.
    pub fn posted_at(&self) -> Option<Timestamp> {
        self.events.iter().find_map(|e| match e {
            NoticeEvent::Posted { at } => Some(*at),
            _ => None,
        })
    }

    /// The posting that governs the current period (the last posting or
    /// reposting) and its period.
    pub fn current_posting(&self) -> Option<(Timestamp, NoticePeriod)> {
        self.events.iter().rev().find_map(|e| match e {
            NoticeEvent::Posted { at } => Some((*at, self.period)),
            NoticeEvent::Reposted { at, period } => Some((*at, *period)),
            _ => None,
        })
    }

    /// The rest days to count with: the notice's own, and `rest`.
    pub fn rest_days<'a>(&'a self, rest: &'a RestDays) -> std::borrow::Cow<'a, RestDays> {
        if self.rest_days.is_empty() {
            std::borrow::Cow::Borrowed(rest)
        } else if rest.is_empty() {
            std::borrow::Cow::Borrowed(&self.rest_days)
        } else {
            std::borrow::Cow::Owned(self.rest_days.union(rest))
        }
    }

    /// The end of the current period (24:00 of its last day).
    pub fn current_end(&self, rest: &RestDays) -> Option<Timestamp> {
        let rest = self.rest_days(rest);
        self.current_posting()
            .map(|(at, period)| calendar::period_end(at, period, &rest))
    }

    /// The end of a period posted at `at`, counted with the notice's rest
    /// days and `rest`.
    pub fn period_end(&self, at: Timestamp, period: NoticePeriod, rest: &RestDays) -> Timestamp {
        calendar::period_end(at, period, &self.rest_days(rest))
    }

    /// The state at `now`, from the events up to `now`.
    pub fn state_at(&self, now: Timestamp, rest: &RestDays) -> NoticeState {
        let rest = &*self.rest_days(rest);
        let mut state = NoticeState::Draft;
        for event in self.events.iter().filter(|e| e.at() <= now) {
            // A running period that ended before this event ended in force.
            if let NoticeState::Running { ends, .. } = state
                && ends <= event.at()
            {
                state = NoticeState::InForce { since: ends };
            }
            state = match (event, state) {
                (NoticeEvent::Posted { at }, NoticeState::Draft) => NoticeState::Running {
                    ends: calendar::period_end(*at, self.period, rest),
                    reposted: false,
                },
                (NoticeEvent::Objection(_), NoticeState::Running { .. }) => NoticeState::Paused,
                (NoticeEvent::Review { .. }, NoticeState::Paused) => NoticeState::UnderReview,
                (
                    NoticeEvent::Reposted { at, period },
                    NoticeState::Paused | NoticeState::UnderReview,
                ) => NoticeState::Running {
                    ends: calendar::period_end(*at, *period, rest),
                    reposted: true,
                },
                (NoticeEvent::Withdrawn { .. }, _) => NoticeState::Withdrawn,
                (NoticeEvent::ResultsPublished { .. }, NoticeState::InForce { .. }) => {
                    NoticeState::ResultsPublished
                }
                // Anything else (a late objection to a decision in force, a
                // second posting…) is kept in the record but does not change
                // the state; `check` reports it.
                (_, s) => s,
            };
        }
        if let NoticeState::Running { ends, .. } = state
            && ends <= now
        {
            state = NoticeState::InForce { since: ends };
        }
        state
    }

    pub fn objections(&self) -> impl Iterator<Item = &Objection> {
        self.events.iter().filter_map(|e| match e {
            NoticeEvent::Objection(o) => Some(o),
            _ => None,
        })
    }

    /// The last day of the current period, for the notice text.
    pub fn last_day(&self, rest: &RestDays) -> Option<NaiveDate> {
        let rest = self.rest_days(rest);
        self.current_posting()
            .map(|(at, period)| calendar::last_day(at.date_naive(), period, &rest))
    }
}

#[cfg(test)]
mod tests;
