//! What the archive keeps of each file, and its encoding in the cache.
//!
//! Two parts per file: a small *row* (what the table, the filters and the
//! notice countdowns need; decoded for every file when the archive opens)
//! and a *detail* (topics, decisions, tasks, full notices; decoded on demand
//! for overviews and timelines).

use std::path::Path;

use chrono::NaiveDate;

use super::codec::{Corrupt, Dec, Enc, Result};
use crate::diagnostic::Diagnostic;
use crate::domain::Minutes;
use crate::domain::agenda::TopicState;
use crate::domain::decision::{DecisionNature, Task, TaskStatus};
use crate::domain::meeting::{MeetingKind, MeetingRef, MeetingState, Series};
use crate::domain::notice::{
    Notice, NoticeEvent, NoticePeriod, NoticeState, NoticeStatus, Objection, PeriodKind, RestDays,
};
use crate::domain::{DecisionId, Timestamp, TopicId};
use crate::minutes_file::locate::LineCol;

/// The table's view of one meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingRow {
    pub id: String,
    pub title: String,
    pub kind: MeetingKind,
    pub state: MeetingState,
    /// Actual start if it started, else planned ([`Minutes::date`]).
    pub date: NaiveDate,
    pub community: String,
    pub compound: String,
    /// Written by a newer yishi: opens read-only.
    pub read_only: bool,
    pub topics: Vec<TopicRow>,
    /// Due dates of the follow-up tasks still open.
    pub open_tasks: Vec<NaiveDate>,
    /// The notices, with their texts left out: enough to compute their
    /// state at any instant ([`Notice::state_at`]).
    pub notices: Vec<Notice>,
}

/// A topic as the table and the open-topics overview need it.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicRow {
    pub id: TopicId,
    pub state: TopicState,
    pub thread: Option<String>,
}

impl MeetingRow {
    /// The state of the first notice at `now` (as [`Minutes::notice_status`]).
    pub fn notice_state(&self, now: Timestamp, rest: &RestDays) -> Option<NoticeState> {
        self.notices.first().map(|n| n.state_at(now, rest))
    }

    pub fn notice_status(&self, now: Timestamp, rest: &RestDays) -> Option<NoticeStatus> {
        self.notice_state(now, rest).map(|s| s.status())
    }

    /// Follow-up tasks still open and due before `today`.
    pub fn overdue_tasks(&self, today: NaiveDate) -> usize {
        self.open_tasks.iter().filter(|d| **d < today).count()
    }
}

/// Everything else the archive keeps of a meeting, decoded on demand.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub place: String,
    pub convener: String,
    pub facilitator: String,
    pub recorder: String,
    pub series: Option<Series>,
    pub topics: Vec<TopicInfo>,
    pub decisions: Vec<DecisionInfo>,
    /// The notices, whole.
    pub notices: Vec<Notice>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicInfo {
    pub id: TopicId,
    pub title: String,
    pub state: TopicState,
    pub thread: Option<String>,
    pub carried_from: Option<MeetingRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionInfo {
    pub id: DecisionId,
    pub topics: Vec<TopicId>,
    pub text: String,
    pub nature: DecisionNature,
    pub responsible: String,
    pub deadline: Option<NaiveDate>,
    pub tasks: Vec<Task>,
}

/// A row: a meeting, or a file that is not (valid) minutes.
#[derive(Debug, Clone, PartialEq)]
pub enum RowBody {
    Meeting(Box<MeetingRow>),
    /// Why the file could not be read as minutes, located in it.
    Broken(Vec<Diagnostic>),
}

// ---- encoding ----------------------------------------------------------

const MEETING: u8 = 0;
const BROKEN: u8 = 1;

fn kind_code(k: MeetingKind) -> u8 {
    MeetingKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8
}

fn kind_of(c: u8) -> Result<MeetingKind> {
    MeetingKind::ALL.get(usize::from(c)).copied().ok_or(Corrupt)
}

fn state_code(s: MeetingState) -> u8 {
    match s {
        MeetingState::Planned => 0,
        MeetingState::InProgress => 1,
        MeetingState::Closed => 2,
    }
}

fn state_of(c: u8) -> Result<MeetingState> {
    Ok(match c {
        0 => MeetingState::Planned,
        1 => MeetingState::InProgress,
        2 => MeetingState::Closed,
        _ => return Err(Corrupt),
    })
}

const TOPIC_STATES: [TopicState; 6] = [
    TopicState::Pending,
    TopicState::Discussing,
    TopicState::Decided,
    TopicState::CarriedOver,
    TopicState::Reopened,
    TopicState::NotChosen,
];

fn topic_state_code(s: TopicState) -> u8 {
    TOPIC_STATES.iter().position(|x| *x == s).unwrap_or(0) as u8
}

fn topic_state_of(c: u8) -> Result<TopicState> {
    TOPIC_STATES.get(usize::from(c)).copied().ok_or(Corrupt)
}

fn opt_str(e: &mut Enc, s: Option<&str>) {
    match s {
        Some(s) => {
            e.u8(1);
            e.str(s);
        }
        None => e.u8(0),
    }
}

fn get_opt_string(d: &mut Dec<'_>) -> Result<Option<String>> {
    match d.u8()? {
        0 => Ok(None),
        1 => d.string().map(Some),
        _ => Err(Corrupt),
    }
}

fn period(e: &mut Enc, p: NoticePeriod) {
    e.u8(match p.kind {
        PeriodKind::CalendarDays => 0,
        PeriodKind::WorkingDays => 1,
    });
    e.u32(p.length);
}

fn rest_days(e: &mut Enc, r: &RestDays) {
    for set in [&r.holidays, &r.make_up_workdays] {
        e.usize(set.len());
        for day in set {
            e.date(*day);
        }
    }
}

fn get_rest_days(d: &mut Dec<'_>) -> Result<RestDays> {
    let set = |d: &mut Dec<'_>| -> Result<std::collections::BTreeSet<NaiveDate>> {
        let n = d.len()?;
        (0..n).map(|_| d.date()).collect()
    };
    Ok(RestDays {
        holidays: set(d)?,
        make_up_workdays: set(d)?,
    })
}

fn get_period(d: &mut Dec<'_>) -> Result<NoticePeriod> {
    let kind = match d.u8()? {
        0 => PeriodKind::CalendarDays,
        1 => PeriodKind::WorkingDays,
        _ => return Err(Corrupt),
    };
    Ok(NoticePeriod {
        kind,
        length: d.u32()?,
    })
}

fn meeting_ref(e: &mut Enc, r: &MeetingRef) {
    e.str(&r.id);
    e.str(&r.title);
    e.date(r.date);
}

fn get_meeting_ref(d: &mut Dec<'_>) -> Result<MeetingRef> {
    Ok(MeetingRef {
        id: d.string()?,
        title: d.string()?,
        date: d.date()?,
    })
}

fn get_opt_meeting_ref(d: &mut Dec<'_>) -> Result<Option<MeetingRef>> {
    match d.u8()? {
        0 => Ok(None),
        1 => get_meeting_ref(d).map(Some),
        _ => Err(Corrupt),
    }
}

fn opt_meeting_ref(e: &mut Enc, r: Option<&MeetingRef>) {
    match r {
        Some(r) => {
            e.u8(1);
            meeting_ref(e, r);
        }
        None => e.u8(0),
    }
}

/// A notice; with `full` false its texts are left out (a clock).
fn notice(e: &mut Enc, n: &Notice, full: bool) {
    let text = |e: &mut Enc, s: &str| e.str(if full { s } else { "" });
    e.usize(n.decisions.len());
    for d in &n.decisions {
        e.u32(*d);
    }
    text(e, &n.title);
    text(e, &n.basis);
    period(e, n.period);
    rest_days(e, &n.rest_days);
    text(e, &n.posted_where);
    text(e, &n.objection_channel);
    text(e, &n.issuer);
    e.usize(n.events.len());
    for ev in &n.events {
        match ev {
            NoticeEvent::Posted { at } => {
                e.u8(0);
                e.ts(*at);
            }
            NoticeEvent::Objection(o) => {
                e.u8(1);
                e.ts(o.at);
                text(e, &o.by);
                text(e, &o.content);
                text(e, &o.handling);
            }
            NoticeEvent::Review { at, note, meeting } => {
                e.u8(2);
                e.ts(*at);
                text(e, note);
                opt_meeting_ref(e, if full { meeting.as_ref() } else { None });
            }
            NoticeEvent::Reposted { at, period: p } => {
                e.u8(3);
                e.ts(*at);
                period(e, *p);
            }
            NoticeEvent::Withdrawn { at, reason } => {
                e.u8(4);
                e.ts(*at);
                text(e, reason);
            }
            NoticeEvent::ResultsPublished { at, note } => {
                e.u8(5);
                e.ts(*at);
                text(e, note);
            }
        }
    }
}

fn get_notice(d: &mut Dec<'_>) -> Result<Notice> {
    let n = d.len()?;
    let decisions = (0..n).map(|_| d.u32()).collect::<Result<Vec<_>>>()?;
    let title = d.string()?;
    let basis = d.string()?;
    let period = get_period(d)?;
    let rest_days = get_rest_days(d)?;
    let posted_where = d.string()?;
    let objection_channel = d.string()?;
    let issuer = d.string()?;
    let n = d.len()?;
    let mut events = Vec::with_capacity(n);
    for _ in 0..n {
        let tag = d.u8()?;
        let at = d.ts()?;
        events.push(match tag {
            0 => NoticeEvent::Posted { at },
            1 => NoticeEvent::Objection(Objection {
                at,
                by: d.string()?,
                content: d.string()?,
                handling: d.string()?,
            }),
            2 => NoticeEvent::Review {
                at,
                note: d.string()?,
                meeting: get_opt_meeting_ref(d)?,
            },
            3 => NoticeEvent::Reposted {
                at,
                period: get_period(d)?,
            },
            4 => NoticeEvent::Withdrawn {
                at,
                reason: d.string()?,
            },
            5 => NoticeEvent::ResultsPublished {
                at,
                note: d.string()?,
            },
            _ => return Err(Corrupt),
        });
    }
    Ok(Notice {
        decisions,
        title,
        basis,
        period,
        rest_days,
        posted_where,
        objection_channel,
        issuer,
        events,
    })
}

fn task(e: &mut Enc, t: &Task) {
    e.str(&t.title);
    e.str(&t.owner);
    e.date(t.due);
    match t.status {
        TaskStatus::Open => e.u8(0),
        TaskStatus::Done { on } => {
            e.u8(1);
            e.date(on);
        }
        TaskStatus::Dropped => e.u8(2),
    }
    e.str(&t.note);
}

fn get_task(d: &mut Dec<'_>) -> Result<Task> {
    let title = d.string()?;
    let owner = d.string()?;
    let due = d.date()?;
    let status = match d.u8()? {
        0 => TaskStatus::Open,
        1 => TaskStatus::Done { on: d.date()? },
        2 => TaskStatus::Dropped,
        _ => return Err(Corrupt),
    };
    Ok(Task {
        title,
        owner,
        due,
        status,
        note: d.string()?,
    })
}

/// The row and the detail of parsed minutes.
pub(crate) fn encode_meeting(m: &Minutes, read_only: bool) -> (Vec<u8>, Vec<u8>) {
    let mut e = Enc::new();
    e.u8(MEETING);
    let mt = &m.meeting;
    e.str(&mt.id);
    e.str(&mt.title);
    e.u8(kind_code(mt.kind));
    e.u8(state_code(mt.state));
    e.date(m.date());
    e.str(&mt.community);
    e.str(&mt.compound);
    e.bool(read_only);
    e.usize(m.agenda.len());
    for t in &m.agenda {
        e.u32(t.id);
        e.u8(topic_state_code(t.state));
        opt_str(&mut e, t.thread.as_deref());
    }
    let open: Vec<NaiveDate> = m
        .decisions
        .iter()
        .flat_map(|d| &d.tasks)
        .filter(|t| t.status == TaskStatus::Open)
        .map(|t| t.due)
        .collect();
    e.usize(open.len());
    for d in open {
        e.date(d);
    }
    e.usize(m.notices.len());
    for n in &m.notices {
        notice(&mut e, n, false);
    }
    let row = e.buf;

    let mut e = Enc::new();
    e.str(&mt.place);
    e.str(&mt.convener);
    e.str(&mt.facilitator);
    e.str(&mt.recorder);
    match &mt.series {
        Some(s) => {
            e.u8(1);
            e.str(&s.name);
            e.u32(s.ordinal);
            e.usize(s.earlier.len());
            for r in &s.earlier {
                meeting_ref(&mut e, r);
            }
        }
        None => e.u8(0),
    }
    e.usize(m.agenda.len());
    for t in &m.agenda {
        e.u32(t.id);
        e.str(&t.title);
        e.u8(topic_state_code(t.state));
        opt_str(&mut e, t.thread.as_deref());
        opt_meeting_ref(&mut e, t.carried_from.as_ref());
    }
    e.usize(m.decisions.len());
    for d in &m.decisions {
        e.u32(d.id);
        e.usize(d.topics.len());
        for t in &d.topics {
            e.u32(*t);
        }
        e.str(&d.text);
        e.u8(match d.nature {
            DecisionNature::ConsultationOpinion => 0,
            DecisionNature::Binding => 1,
        });
        e.str(&d.responsible);
        e.opt_date(d.deadline);
        e.usize(d.tasks.len());
        for t in &d.tasks {
            task(&mut e, t);
        }
    }
    e.usize(m.notices.len());
    for n in &m.notices {
        notice(&mut e, n, true);
    }
    (row, e.buf)
}

/// The row of a file that is not (valid) minutes.
pub(crate) fn encode_broken(diags: &[Diagnostic]) -> Vec<u8> {
    let mut e = Enc::new();
    e.u8(BROKEN);
    e.usize(diags.len());
    for d in diags {
        match d.at {
            Some(at) => {
                e.u8(1);
                e.usize(at.line);
                e.usize(at.col);
            }
            None => e.u8(0),
        }
        e.str(&d.zh);
        e.str(&d.en);
    }
    e.buf
}

pub(crate) fn decode_row(bytes: &[u8], path: &Path) -> Result<RowBody> {
    let mut d = Dec::new(bytes);
    let body = match d.u8()? {
        MEETING => {
            let id = d.string()?;
            let title = d.string()?;
            let kind = kind_of(d.u8()?)?;
            let state = state_of(d.u8()?)?;
            let date = d.date()?;
            let community = d.string()?;
            let compound = d.string()?;
            let read_only = d.bool()?;
            let n = d.len()?;
            let mut topics = Vec::with_capacity(n);
            for _ in 0..n {
                topics.push(TopicRow {
                    id: d.u32()?,
                    state: topic_state_of(d.u8()?)?,
                    thread: get_opt_string(&mut d)?,
                });
            }
            let n = d.len()?;
            let open_tasks = (0..n).map(|_| d.date()).collect::<Result<Vec<_>>>()?;
            let n = d.len()?;
            let notices = (0..n)
                .map(|_| get_notice(&mut d))
                .collect::<Result<Vec<_>>>()?;
            RowBody::Meeting(Box::new(MeetingRow {
                id,
                title,
                kind,
                state,
                date,
                community,
                compound,
                read_only,
                topics,
                open_tasks,
                notices,
            }))
        }
        BROKEN => {
            let n = d.len()?;
            let mut diags = Vec::with_capacity(n);
            for _ in 0..n {
                let at = match d.u8()? {
                    0 => None,
                    1 => Some(LineCol {
                        line: d.usize()?,
                        col: d.usize()?,
                    }),
                    _ => return Err(Corrupt),
                };
                let zh = d.string()?;
                let en = d.string()?;
                diags.push(Diagnostic::new(path, at, zh, en));
            }
            RowBody::Broken(diags)
        }
        _ => return Err(Corrupt),
    };
    if !d.is_done() {
        return Err(Corrupt);
    }
    Ok(body)
}

pub(crate) fn decode_detail(bytes: &[u8]) -> Result<Detail> {
    let mut d = Dec::new(bytes);
    let place = d.string()?;
    let convener = d.string()?;
    let facilitator = d.string()?;
    let recorder = d.string()?;
    let series = match d.u8()? {
        0 => None,
        1 => {
            let name = d.string()?;
            let ordinal = d.u32()?;
            let n = d.len()?;
            let earlier = (0..n)
                .map(|_| get_meeting_ref(&mut d))
                .collect::<Result<Vec<_>>>()?;
            Some(Series {
                name,
                ordinal,
                earlier,
            })
        }
        _ => return Err(Corrupt),
    };
    let n = d.len()?;
    let mut topics = Vec::with_capacity(n);
    for _ in 0..n {
        topics.push(TopicInfo {
            id: d.u32()?,
            title: d.string()?,
            state: topic_state_of(d.u8()?)?,
            thread: get_opt_string(&mut d)?,
            carried_from: get_opt_meeting_ref(&mut d)?,
        });
    }
    let n = d.len()?;
    let mut decisions = Vec::with_capacity(n);
    for _ in 0..n {
        let id = d.u32()?;
        let nt = d.len()?;
        let topics = (0..nt).map(|_| d.u32()).collect::<Result<Vec<_>>>()?;
        let text = d.string()?;
        let nature = match d.u8()? {
            0 => DecisionNature::ConsultationOpinion,
            1 => DecisionNature::Binding,
            _ => return Err(Corrupt),
        };
        let responsible = d.string()?;
        let deadline = d.opt_date()?;
        let nt = d.len()?;
        let tasks = (0..nt)
            .map(|_| get_task(&mut d))
            .collect::<Result<Vec<_>>>()?;
        decisions.push(DecisionInfo {
            id,
            topics,
            text,
            nature,
            responsible,
            deadline,
            tasks,
        });
    }
    let n = d.len()?;
    let notices = (0..n)
        .map(|_| get_notice(&mut d))
        .collect::<Result<Vec<_>>>()?;
    if !d.is_done() {
        return Err(Corrupt);
    }
    Ok(Detail {
        place,
        convener,
        facilitator,
        recorder,
        series,
        topics,
        decisions,
        notices,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes_file;

    #[test]
    fn every_sample_round_trips_through_row_and_detail() {
        for (name, src) in super::super::generate::SAMPLES {
            let m = minutes_file::parse(Path::new(name), src).unwrap().minutes;
            let (row, detail) = encode_meeting(&m, false);
            let RowBody::Meeting(r) = decode_row(&row, Path::new(name)).unwrap() else {
                panic!("{name}: not a meeting");
            };
            assert_eq!(r.title, m.meeting.title);
            assert_eq!(r.date, m.date());
            assert_eq!(r.notices.len(), m.notices.len());
            let d = decode_detail(&detail).unwrap();
            assert_eq!(d.notices, m.notices, "{name}");
            assert_eq!(d.decisions.len(), m.decisions.len());
            for (a, b) in d.decisions.iter().zip(&m.decisions) {
                assert_eq!(a.text, b.text);
                assert_eq!(a.tasks, b.tasks);
            }
            // The clock gives the same state as the whole notice at any time.
            let rest = RestDays::weekends();
            for n in &m.notices {
                for e in &n.events {
                    for dt in [-1i64, 0, 1, 7 * 24, 9 * 24] {
                        let now = e.at() + chrono::TimeDelta::hours(dt);
                        assert_eq!(
                            r.notice_state(now, &rest),
                            m.notices.first().map(|f| f.state_at(now, &rest))
                        );
                    }
                }
            }
            // Any truncation is an error, never a panic.
            for cut in 0..row.len() {
                assert!(decode_row(&row[..cut], Path::new(name)).is_err());
            }
            for cut in (0..detail.len()).step_by(7) {
                assert!(decode_detail(&detail[..cut]).is_err());
            }
        }
    }
}
