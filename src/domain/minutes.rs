//! The minutes of one meeting (会议纪要): the root of a minutes file.

use serde::{Deserialize, Serialize};

use super::agenda::{Topic, TopicState};
use super::decision::Decision;
use super::meeting::Meeting;
use super::notice::{Notice, RestDays};
use super::roster::{AttendanceSummary, Attendee};
use super::speech::Speech;
use super::vote::{Ballots, Vote};
use super::{AttendeeId, TopicId};
use crate::i18n::Lang;

/// The format version this build writes. Files with a lower version are
/// migrated on load; files with a higher one open read-only.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Minutes {
    pub format_version: u32,
    pub meeting: Meeting,
    #[serde(default)]
    pub roster: Vec<Attendee>,
    #[serde(default)]
    pub agenda: Vec<Topic>,
    #[serde(default)]
    pub speeches: Vec<Speech>,
    #[serde(default)]
    pub votes: Vec<Vote>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub notices: Vec<Notice>,
    /// The state of the meeting while it is being run (speaker queue, who
    /// has the floor). Not part of the printed minutes; kept in the file so
    /// that an interrupted meeting resumes exactly where it stopped.
    #[serde(default, skip_serializing_if = "LiveState::is_idle")]
    pub live: LiveState,
}

/// What the facilitator's screen needs to resume a meeting mid-way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveState {
    /// Attendees waiting for the floor, in order.
    #[serde(default)]
    pub queue: Vec<AttendeeId>,
    /// Index in `speeches` of the speech in progress.
    #[serde(default)]
    pub floor: Option<usize>,
    /// Length of a speaking turn, in seconds (often 2 minutes).
    #[serde(default = "default_speech_limit")]
    pub speech_limit_secs: u32,
}

fn default_speech_limit() -> u32 {
    120
}

impl Default for LiveState {
    fn default() -> Self {
        LiveState {
            queue: Vec::new(),
            floor: None,
            speech_limit_secs: default_speech_limit(),
        }
    }
}

impl LiveState {
    /// Nothing worth keeping: no queue, nobody speaking, default limit.
    pub fn is_idle(&self) -> bool {
        *self == LiveState::default()
    }

    /// Seconds before the end of a turn at which the speaker is warned.
    pub fn warn_secs(&self) -> u32 {
        (self.speech_limit_secs / 4).clamp(10, 30)
    }
}

/// One step of a path into the minutes, for locating a problem in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    Field(&'static str),
    Index(usize),
}

/// A problem found in minutes that parsed: where it is, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: Vec<PathSeg>,
    pub zh: String,
    pub en: String,
}

impl Problem {
    fn new(path: Vec<PathSeg>, zh: String, en: String) -> Self {
        Problem { path, zh, en }
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// `votes[0].ballots`
    pub fn path_text(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                PathSeg::Field(f) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(f);
                }
                PathSeg::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

use PathSeg::{Field as F, Index as I};

impl Minutes {
    pub fn attendee(&self, id: AttendeeId) -> Option<&Attendee> {
        self.roster.iter().find(|a| a.id == id)
    }

    pub fn attendee_name(&self, id: AttendeeId) -> String {
        self.attendee(id)
            .map_or_else(|| format!("#{id}"), |a| a.name.clone())
    }

    pub fn topic(&self, id: TopicId) -> Option<&Topic> {
        self.agenda.iter().find(|t| t.id == id)
    }

    /// The topic under discussion, or else the first pending one.
    pub fn current_topic(&self) -> Option<&Topic> {
        self.agenda
            .iter()
            .find(|t| t.state == TopicState::Discussing)
            .or_else(|| self.agenda.iter().find(|t| t.state == TopicState::Pending))
    }

    pub fn attendance(&self) -> AttendanceSummary {
        AttendanceSummary::of(
            &self.roster,
            &self.meeting.attendance_rule,
            self.meeting.head_count,
        )
    }

    /// The date of the meeting: actual start if it started, else planned.
    pub fn date(&self) -> chrono::NaiveDate {
        self.meeting
            .actual_start
            .unwrap_or(self.meeting.planned_start)
            .date_naive()
    }

    /// Everything wrong with minutes that parsed: duplicate ids, references
    /// to nobody, impossible votes, verdicts that do not follow from their
    /// ballots, events out of order.
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        self.check_ids(&mut out);
        self.check_references(&mut out);
        self.check_votes(&mut out);
        self.check_times(&mut out);
        out
    }

    fn check_ids(&self, out: &mut Vec<Problem>) {
        fn dups<T>(
            items: &[T],
            id: impl Fn(&T) -> u32,
            field: &'static str,
            out: &mut Vec<Problem>,
        ) {
            for (i, item) in items.iter().enumerate() {
                if items[..i].iter().any(|o| id(o) == id(item)) {
                    out.push(Problem::new(
                        vec![F(field), I(i), F("id")],
                        format!("编号 {} 重复", id(item)),
                        format!("id {} is used twice", id(item)),
                    ));
                }
            }
        }
        dups(&self.roster, |a| a.id, "roster", out);
        dups(&self.agenda, |t| t.id, "agenda", out);
        dups(&self.votes, |v| v.id, "votes", out);
        dups(&self.decisions, |d| d.id, "decisions", out);
    }

    fn check_references(&self, out: &mut Vec<Problem>) {
        let no_attendee = |path: Vec<PathSeg>, id: AttendeeId| {
            Problem::new(
                path,
                format!("名单中没有编号为 {id} 的参会人"),
                format!("there is no attendee with id {id} on the roster"),
            )
        };
        let no_topic = |path: Vec<PathSeg>, id: TopicId| {
            Problem::new(
                path,
                format!("议程中没有编号为 {id} 的议题"),
                format!("there is no topic with id {id} on the agenda"),
            )
        };
        for (i, s) in self.speeches.iter().enumerate() {
            if self.attendee(s.speaker).is_none() {
                out.push(no_attendee(
                    vec![F("speeches"), I(i), F("speaker")],
                    s.speaker,
                ));
            }
            if let Some(t) = s.topic
                && self.topic(t).is_none()
            {
                out.push(no_topic(vec![F("speeches"), I(i), F("topic")], t));
            }
        }
        for (i, v) in self.votes.iter().enumerate() {
            if let Some(t) = v.topic
                && self.topic(t).is_none()
            {
                out.push(no_topic(vec![F("votes"), I(i), F("topic")], t));
            }
            for (j, voter) in v.electorate.voters.iter().enumerate() {
                if self.attendee(voter.attendee).is_none() {
                    out.push(no_attendee(
                        vec![
                            F("votes"),
                            I(i),
                            F("electorate"),
                            F("voters"),
                            I(j),
                            F("attendee"),
                        ],
                        voter.attendee,
                    ));
                }
            }
        }
        for (i, d) in self.decisions.iter().enumerate() {
            for (j, t) in d.topics.iter().enumerate() {
                if self.topic(*t).is_none() {
                    out.push(no_topic(vec![F("decisions"), I(i), F("topics"), I(j)], *t));
                }
            }
            if let Some(v) = d.vote
                && !self.votes.iter().any(|x| x.id == v)
            {
                out.push(Problem::new(
                    vec![F("decisions"), I(i), F("vote")],
                    format!("没有编号为 {v} 的表决"),
                    format!("there is no vote with id {v}"),
                ));
            }
        }
        for (i, n) in self.notices.iter().enumerate() {
            for (j, d) in n.decisions.iter().enumerate() {
                if !self.decisions.iter().any(|x| x.id == *d) {
                    out.push(Problem::new(
                        vec![F("notices"), I(i), F("decisions"), I(j)],
                        format!("没有编号为 {d} 的决定"),
                        format!("there is no decision with id {d}"),
                    ));
                }
            }
        }
    }

    fn check_votes(&self, out: &mut Vec<Problem>) {
        for (i, vote) in self.votes.iter().enumerate() {
            let ballots_path = if vote.corrections.is_empty() {
                vec![F("votes"), I(i), F("ballots")]
            } else {
                vec![
                    F("votes"),
                    I(i),
                    F("corrections"),
                    I(vote.corrections.len() - 1),
                ]
            };
            let nothing_entered = matches!(vote.current_ballots(), Ballots::Named(b) if b.is_empty())
                || *vote.current_ballots() == Ballots::empty_counts();
            match vote.judge() {
                Err(e) if !nothing_entered || vote.is_closed() => out.push(Problem::new(
                    ballots_path,
                    e.message(Lang::Zh),
                    e.message(Lang::En),
                )),
                Err(_) => {}
                Ok(judgement) => {
                    if let Some(verdict) = vote.current_verdict()
                        && verdict.outcome != judgement.outcome
                    {
                        out.push(Problem::new(
                            ballots_path,
                            format!(
                                "记录的结果为「{}」，但按票数和规则应为「{}」",
                                crate::i18n::Label::label(&verdict.outcome, Lang::Zh),
                                crate::i18n::Label::label(&judgement.outcome, Lang::Zh)
                            ),
                            format!(
                                "the recorded outcome is \"{}\" but the ballots under the rule give \"{}\"",
                                crate::i18n::Label::label(&verdict.outcome, Lang::En),
                                crate::i18n::Label::label(&judgement.outcome, Lang::En)
                            ),
                        ));
                    }
                }
            }
            if vote.is_closed() && vote.verdict.is_none() {
                out.push(Problem::new(
                    vec![F("votes"), I(i), F("closed")],
                    "表决已结束，但没有记录结果".into(),
                    "the vote is closed but no verdict is recorded".into(),
                ));
            }
        }
    }

    fn check_times(&self, out: &mut Vec<Problem>) {
        let m = &self.meeting;
        if let (Some(start), Some(end)) = (m.actual_start, m.actual_end)
            && end < start
        {
            out.push(Problem::new(
                vec![F("meeting"), F("actual_end")],
                "实际结束时间早于开始时间".into(),
                "the actual end is before the actual start".into(),
            ));
        }
        for (i, n) in self.notices.iter().enumerate() {
            for (j, pair) in n.events.windows(2).enumerate() {
                if pair[1].at() < pair[0].at() {
                    out.push(Problem::new(
                        vec![F("notices"), I(i), F("events"), I(j + 1)],
                        "公示事件的时间早于前一事件".into(),
                        "this notice event is dated before the one before it".into(),
                    ));
                }
            }
            if n.period.length == 0 {
                out.push(Problem::new(
                    vec![F("notices"), I(i), F("period"), F("length")],
                    "公示期不能为 0 天".into(),
                    "a notice period cannot be 0 days long".into(),
                ));
            }
        }
        for (i, t) in self.agenda.iter().enumerate() {
            if let Some(s) = t.scores
                && [s.importance, s.urgency, s.feasibility]
                    .iter()
                    .any(|v| !(1..=5).contains(v))
            {
                out.push(Problem::new(
                    vec![F("agenda"), I(i), F("scores")],
                    "重要性、紧急性、可行性的评分应在 1 到 5 之间".into(),
                    "importance, urgency and feasibility are scored from 1 to 5".into(),
                ));
            }
        }
    }

    /// The notice state of the first notice, at `now` (for lists).
    pub fn notice_status(
        &self,
        now: super::Timestamp,
        rest: &RestDays,
    ) -> Option<super::notice::NoticeStatus> {
        self.notices.first().map(|n| n.state_at(now, rest).status())
    }
}
