//! Overviews across the archive at one instant: notices running now,
//! decisions in force, overdue follow-up tasks, topics still open, and the
//! timeline of a topic across meetings.
//!
//! Each starts from the rows (decoded for every file) and decodes the
//! details of just the meetings it shows.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::record::{DecisionInfo, Detail, TopicInfo};
use super::{Archive, Entry};
use crate::domain::agenda::TopicState;
use crate::domain::decision::{DecisionNature, Task, TaskStatus};
use crate::domain::meeting::MeetingKind;
use crate::domain::notice::{
    Notice, NoticeEvent, NoticeState, NoticeStatus, Objection, Remaining, RestDays,
};
use crate::domain::{DecisionId, Timestamp};

/// A notice in its period, paused by an objection, or under review.
#[derive(Debug, Clone, PartialEq)]
pub struct RunningNotice {
    pub entry: u32,
    /// Index of the notice in its meeting.
    pub notice: usize,
    pub title: String,
    pub state: NoticeState,
    /// End of the current period (for a paused notice, the end it had).
    pub ends: Option<Timestamp>,
    /// Countdown to `ends` (zero once passed); `None` unless running.
    pub remaining: Option<Remaining>,
    pub objections: Vec<Objection>,
}

/// A decision made public by a notice that has taken effect.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionInForce {
    pub entry: u32,
    pub decision: DecisionInfo,
    pub notice_title: String,
    pub status: NoticeStatus,
    /// When the notice period ended without objection.
    pub since: Option<Timestamp>,
}

/// An open follow-up task past its due date.
#[derive(Debug, Clone, PartialEq)]
pub struct OverdueTask {
    pub entry: u32,
    pub decision: DecisionId,
    pub task: Task,
    pub days_overdue: i64,
}

/// A topic that still needs a meeting: its latest meeting left it open.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenTopic {
    pub entry: u32,
    pub date: NaiveDate,
    pub topic: TopicInfo,
    /// Meetings that took the topic up (1 without a thread).
    pub meetings: usize,
}

/// A thread of topics across meetings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadSummary {
    pub thread: String,
    pub meetings: usize,
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// Whether the latest meeting left the topic open.
    pub open: bool,
}

/// One step in the life of a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent {
    pub date: NaiveDate,
    /// The instant, for notice events.
    pub at: Option<Timestamp>,
    pub entry: u32,
    pub what: TimelineWhat,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TimelineWhat {
    /// A meeting took the topic up and left it in `state`.
    Meeting {
        title: String,
        kind: MeetingKind,
        topic: String,
        state: TopicState,
    },
    Decision {
        id: DecisionId,
        text: String,
        nature: DecisionNature,
    },
    NoticePosted {
        title: String,
        ends: Timestamp,
    },
    Objection {
        by: String,
        content: String,
    },
    Review {
        note: String,
    },
    Reposted {
        ends: Timestamp,
    },
    Withdrawn {
        reason: String,
    },
    /// The period ended without objection: the decisions took effect.
    InForce,
    ResultsPublished {
        note: String,
    },
}

/// When a notice in force took effect: the end of its current period.
fn in_force_since(n: &Notice, state: NoticeState, rest: &RestDays) -> Option<Timestamp> {
    match state {
        NoticeState::InForce { since } => Some(since),
        _ => n.current_end(rest),
    }
}

impl Archive {
    fn meetings(&self) -> impl Iterator<Item = (u32, &Entry, &super::MeetingRow)> {
        self.entries()
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.meeting().map(|m| (i as u32, e, m)))
    }

    /// Notices running now (with their countdown), paused by an objection
    /// or under review; soonest end first.
    pub fn notices_running(&self, now: Timestamp, rest: &RestDays) -> Vec<RunningNotice> {
        let mut out = Vec::new();
        for (i, _, m) in self.meetings() {
            let active: Vec<(usize, NoticeState)> = m
                .notices
                .iter()
                .enumerate()
                .map(|(k, n)| (k, n.state_at(now, rest)))
                .filter(|(_, s)| {
                    matches!(
                        s,
                        NoticeState::Running { .. }
                            | NoticeState::Paused
                            | NoticeState::UnderReview
                    )
                })
                .collect();
            if active.is_empty() {
                continue;
            }
            let Some(detail) = self.detail(i as usize) else {
                continue;
            };
            for (k, state) in active {
                let Some(n) = detail.notices.get(k) else {
                    continue;
                };
                let ends = match state {
                    NoticeState::Running { ends, .. } => Some(ends),
                    _ => n.current_end(rest),
                };
                out.push(RunningNotice {
                    entry: i,
                    notice: k,
                    title: n.title.clone(),
                    state,
                    ends,
                    remaining: match state {
                        NoticeState::Running { ends, .. } => Some(Remaining::between(now, ends)),
                        _ => None,
                    },
                    objections: n.objections().cloned().collect(),
                });
            }
        }
        out.sort_by_key(|r| {
            (
                !matches!(r.state, NoticeState::Running { .. }),
                r.ends,
                r.entry,
            )
        });
        out
    }

    /// Decisions whose notice has taken effect (in force, or results
    /// published); most recent first.
    pub fn decisions_in_force(&self, now: Timestamp, rest: &RestDays) -> Vec<DecisionInForce> {
        let mut out = Vec::new();
        for (i, _, m) in self.meetings() {
            if !m
                .notices
                .iter()
                .any(|n| n.state_at(now, rest).status().in_force())
            {
                continue;
            }
            let Some(detail) = self.detail(i as usize) else {
                continue;
            };
            for n in &detail.notices {
                let state = n.state_at(now, rest);
                if !state.status().in_force() {
                    continue;
                }
                for d in detail
                    .decisions
                    .iter()
                    .filter(|d| n.decisions.contains(&d.id))
                {
                    out.push(DecisionInForce {
                        entry: i,
                        decision: d.clone(),
                        notice_title: n.title.clone(),
                        status: state.status(),
                        since: in_force_since(n, state, rest),
                    });
                }
            }
        }
        out.sort_by_key(|d| (std::cmp::Reverse(d.since), d.entry, d.decision.id));
        out
    }

    /// Open follow-up tasks due before `today`; longest overdue first.
    pub fn overdue_tasks(&self, today: NaiveDate) -> Vec<OverdueTask> {
        let mut out = Vec::new();
        for (i, _, m) in self.meetings() {
            if m.overdue_tasks(today) == 0 {
                continue;
            }
            let Some(detail) = self.detail(i as usize) else {
                continue;
            };
            for d in &detail.decisions {
                for t in &d.tasks {
                    if t.status == TaskStatus::Open && t.due < today {
                        out.push(OverdueTask {
                            entry: i,
                            decision: d.id,
                            task: t.clone(),
                            days_overdue: (today - t.due).num_days(),
                        });
                    }
                }
            }
        }
        out.sort_by(|a, b| {
            a.task
                .due
                .cmp(&b.task.due)
                .then(a.entry.cmp(&b.entry))
                .then(a.decision.cmp(&b.decision))
        });
        out
    }

    /// Every thread with its meetings: (entry, date) in date order.
    fn thread_meetings(&self) -> HashMap<&str, Vec<(NaiveDate, u32)>> {
        let mut map: HashMap<&str, Vec<(NaiveDate, u32)>> = HashMap::new();
        for (i, _, m) in self.meetings() {
            for t in &m.topics {
                if let Some(th) = &t.thread {
                    let v = map.entry(th.as_str()).or_default();
                    if v.last().map(|x| x.1) != Some(i) {
                        v.push((m.date, i));
                    }
                }
            }
        }
        for v in map.values_mut() {
            v.sort();
        }
        map
    }

    /// The threads of topics across meetings, by name.
    pub fn threads(&self) -> Vec<ThreadSummary> {
        let mut out: Vec<ThreadSummary> = self
            .thread_meetings()
            .into_iter()
            .map(|(thread, ms)| {
                let (last_date, last) = ms[ms.len() - 1];
                let open = self.entries()[last as usize].meeting().is_some_and(|m| {
                    m.topics
                        .iter()
                        .any(|t| t.thread.as_deref() == Some(thread) && t.state.is_open())
                });
                ThreadSummary {
                    thread: thread.to_string(),
                    meetings: ms.len(),
                    first: ms[0].0,
                    last: last_date,
                    open,
                }
            })
            .collect();
        out.sort_by(|a, b| a.thread.cmp(&b.thread));
        out
    }

    /// Topics still open: a threaded topic whose latest meeting left it
    /// open, or an unthreaded open topic; oldest first.
    pub fn open_topics(&self) -> Vec<OpenTopic> {
        let threads = self.thread_meetings();
        // (entry, topic id, meetings) to show.
        let mut wanted: Vec<(u32, u32, usize, NaiveDate)> = Vec::new();
        for (i, _, m) in self.meetings() {
            for t in &m.topics {
                if !t.state.is_open() {
                    continue;
                }
                match &t.thread {
                    None => wanted.push((i, t.id, 1, m.date)),
                    Some(th) => {
                        if let Some(ms) = threads.get(th.as_str())
                            && ms.last().map(|x| x.1) == Some(i)
                        {
                            wanted.push((i, t.id, ms.len(), m.date));
                        }
                    }
                }
            }
        }
        let mut details: HashMap<u32, Option<Detail>> = HashMap::new();
        let mut out = Vec::new();
        for (i, id, meetings, date) in wanted {
            let detail = details.entry(i).or_insert_with(|| self.detail(i as usize));
            if let Some(topic) = detail
                .as_ref()
                .and_then(|d| d.topics.iter().find(|t| t.id == id))
            {
                out.push(OpenTopic {
                    entry: i,
                    date,
                    topic: topic.clone(),
                    meetings,
                });
            }
        }
        out.sort_by_key(|t| (t.date, t.entry, t.topic.id));
        out
    }

    /// The life of a topic across meetings, in time order: each meeting
    /// that took it up, its decisions, and their notice up to `now`
    /// (posted, objections, review, repost, in force, results).
    pub fn timeline(&self, thread: &str, now: Timestamp, rest: &RestDays) -> Vec<TimelineEvent> {
        let mut out = Vec::new();
        let Some(ms) = self.thread_meetings().remove(thread) else {
            return out;
        };
        for (date, i) in ms {
            let (Some(m), Some(detail)) = (
                self.entries()[i as usize].meeting(),
                self.detail(i as usize),
            ) else {
                continue;
            };
            let topics: Vec<&TopicInfo> = detail
                .topics
                .iter()
                .filter(|t| t.thread.as_deref() == Some(thread))
                .collect();
            for t in &topics {
                out.push(TimelineEvent {
                    date,
                    at: None,
                    entry: i,
                    what: TimelineWhat::Meeting {
                        title: m.title.clone(),
                        kind: m.kind,
                        topic: t.title.clone(),
                        state: t.state,
                    },
                });
            }
            let decisions: Vec<&DecisionInfo> = detail
                .decisions
                .iter()
                .filter(|d| d.topics.iter().any(|id| topics.iter().any(|t| t.id == *id)))
                .collect();
            for d in &decisions {
                out.push(TimelineEvent {
                    date,
                    at: None,
                    entry: i,
                    what: TimelineWhat::Decision {
                        id: d.id,
                        text: d.text.clone(),
                        nature: d.nature,
                    },
                });
            }
            for n in detail.notices.iter().filter(|n| {
                n.decisions
                    .iter()
                    .any(|id| decisions.iter().any(|d| d.id == *id))
            }) {
                let mut push = |at: Timestamp, what: TimelineWhat| {
                    out.push(TimelineEvent {
                        date: at.date_naive(),
                        at: Some(at),
                        entry: i,
                        what,
                    })
                };
                for e in n.events.iter().filter(|e| e.at() <= now) {
                    match e {
                        NoticeEvent::Posted { at } => push(
                            *at,
                            TimelineWhat::NoticePosted {
                                title: n.title.clone(),
                                ends: n.period_end(*at, n.period, rest),
                            },
                        ),
                        NoticeEvent::Objection(o) => push(
                            o.at,
                            TimelineWhat::Objection {
                                by: o.by.clone(),
                                content: o.content.clone(),
                            },
                        ),
                        NoticeEvent::Review { at, note, .. } => {
                            push(*at, TimelineWhat::Review { note: note.clone() })
                        }
                        NoticeEvent::Reposted { at, period } => push(
                            *at,
                            TimelineWhat::Reposted {
                                ends: n.period_end(*at, *period, rest),
                            },
                        ),
                        NoticeEvent::Withdrawn { at, reason } => push(
                            *at,
                            TimelineWhat::Withdrawn {
                                reason: reason.clone(),
                            },
                        ),
                        NoticeEvent::ResultsPublished { at, note } => {
                            push(*at, TimelineWhat::ResultsPublished { note: note.clone() })
                        }
                    }
                }
                let state = n.state_at(now, rest);
                if state.status().in_force()
                    && let Some(since) = in_force_since(n, state, rest)
                {
                    push(since, TimelineWhat::InForce);
                }
            }
        }
        // Meetings and decisions (no instant) open their day; stable order
        // keeps each meeting before its decisions.
        out.sort_by_key(|e| (e.date, e.at.is_some(), e.at));
        out
    }
}
