//! Running a meeting: every change the facilitator makes, as a method on
//! [`Minutes`]. The live screens only call these; each call leaves the
//! minutes consistent and ready to be saved.

use super::agenda::{Topic, TopicSource, TopicState};
use super::decision::Decision;
use super::meeting::MeetingState;
use super::notice::{Notice, NoticeEvent, NoticePeriod, NoticeState, Objection, RestDays};
use super::roster::{Attendance, Attendee, Role};
use super::speech::{Speech, Stance};
use super::vote::{
    Ballot, Ballots, Choice, Correction, Electorate, Measure, Verdict, Vote, VoteError, VoteMethod,
    VoteRule, Voter, Weights,
};
use super::{AttendeeId, DecisionId, Minutes, Timestamp, TopicId, VoteId};
use crate::i18n::Lang;

/// A change that cannot be made, and why, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunError {
    pub zh: String,
    pub en: String,
}

impl RunError {
    fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        RunError {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl From<VoteError> for RunError {
    fn from(e: VoteError) -> Self {
        RunError::new(e.message(Lang::Zh), e.message(Lang::En))
    }
}

fn no_such_vote() -> RunError {
    RunError::new("没有这次表决", "there is no such vote")
}

fn vote_closed() -> RunError {
    RunError::new(
        "表决已结束并锁定；如需更改，请按更正记录",
        "the vote is closed and locked; record a correction to change it",
    )
}

impl Minutes {
    // --- The meeting ---------------------------------------------------

    /// Start the meeting (if planned): state in progress, actual start now.
    pub fn start_meeting(&mut self, now: Timestamp) {
        if self.meeting.state == MeetingState::Planned {
            self.meeting.state = MeetingState::InProgress;
            self.meeting.actual_start.get_or_insert(now);
        }
    }

    /// End the meeting: the speech in progress ends, the queue empties,
    /// state closed, actual end now.
    pub fn end_meeting(&mut self, now: Timestamp) {
        self.end_speech(now);
        self.live.queue.clear();
        self.meeting.actual_start.get_or_insert(now);
        self.meeting.actual_end = Some(now);
        self.meeting.state = MeetingState::Closed;
    }

    // --- Roster --------------------------------------------------------

    fn attendee_mut(&mut self, id: AttendeeId) -> Option<&mut Attendee> {
        self.roster.iter_mut().find(|a| a.id == id)
    }

    /// Check someone in (recording the time), or undo a check-in made by
    /// mistake. Checking in starts a planned meeting. Returns whether the
    /// attendee is now present.
    pub fn toggle_check_in(&mut self, id: AttendeeId, now: Timestamp) -> bool {
        let Some(a) = self.attendee_mut(id) else {
            return false;
        };
        let present = if a.is_present() {
            a.attendance = Attendance::Expected;
            false
        } else {
            a.attendance = Attendance::Present { checked_in: now };
            true
        };
        if present {
            self.start_meeting(now);
        }
        present
    }

    pub fn mark_absent(&mut self, id: AttendeeId, reason: &str) {
        if let Some(a) = self.attendee_mut(id) {
            a.attendance = Attendance::Absent {
                reason: reason.trim().to_string(),
            };
        }
        self.live.queue.retain(|q| *q != id);
    }

    /// Someone present leaves before the end.
    pub fn mark_left_early(&mut self, id: AttendeeId, now: Timestamp) {
        if let Some(a) = self.attendee_mut(id)
            && let Attendance::Present { checked_in } = a.attendance
        {
            a.attendance = Attendance::LeftEarly {
                checked_in: Some(checked_in),
                left: now,
            };
        }
        self.live.queue.retain(|q| *q != id);
    }

    /// Add someone to the roster: before the meeting starts, as expected
    /// (preparing the roster); once it has started, as a walk-in checked in
    /// now.
    pub fn add_attendee(
        &mut self,
        name: &str,
        role: Role,
        affiliation: &str,
        households: u32,
        now: Timestamp,
    ) -> AttendeeId {
        let id = super::roster::next_id(&self.roster);
        let attendance = if self.meeting.state == MeetingState::Planned {
            Attendance::Expected
        } else {
            Attendance::Present { checked_in: now }
        };
        self.roster.push(Attendee {
            id,
            name: name.trim().to_string(),
            role,
            affiliation: affiliation.trim().to_string(),
            households,
            floor_area: None,
            attendance,
        });
        id
    }

    // --- Agenda --------------------------------------------------------

    fn topic_mut(&mut self, id: TopicId) -> Option<&mut Topic> {
        self.agenda.iter_mut().find(|t| t.id == id)
    }

    /// Open the discussion of a topic; a topic under discussion before goes
    /// back to pending. The time box runs from now.
    pub fn start_topic(&mut self, id: TopicId, now: Timestamp) {
        for t in &mut self.agenda {
            if t.state == TopicState::Discussing && t.id != id {
                t.state = TopicState::Pending;
            }
        }
        if let Some(t) = self.topic_mut(id) {
            t.state = TopicState::Discussing;
            t.started_at = Some(now);
        }
        self.start_meeting(now);
    }

    pub fn set_topic_state(&mut self, id: TopicId, state: TopicState) {
        if let Some(t) = self.topic_mut(id) {
            t.state = state;
        }
    }

    pub fn add_topic(&mut self, title: &str, background: &str, planned_minutes: u32) -> TopicId {
        let id = super::agenda::next_id(&self.agenda);
        self.agenda.push(Topic {
            id,
            title: title.trim().to_string(),
            background: background.trim().to_string(),
            source: TopicSource::ResidentsCommittee,
            scores: None,
            planned_minutes,
            state: TopicState::Pending,
            thread: None,
            carried_from: None,
            materials: Vec::new(),
            started_at: None,
        });
        id
    }

    /// Lengthen or shorten a topic's time box, in minutes (never below 0).
    pub fn adjust_time_box(&mut self, id: TopicId, delta: i32) {
        if let Some(t) = self.topic_mut(id) {
            t.planned_minutes = t.planned_minutes.saturating_add_signed(delta);
        }
    }

    // --- Discussion ----------------------------------------------------

    /// Put someone in the speaker queue. Returns false if already queued.
    pub fn queue_add(&mut self, id: AttendeeId) -> bool {
        if self.live.queue.contains(&id) {
            return false;
        }
        self.live.queue.push(id);
        true
    }

    pub fn queue_remove(&mut self, pos: usize) {
        if pos < self.live.queue.len() {
            self.live.queue.remove(pos);
        }
    }

    /// Move a queued speaker one place up or down; returns the new place.
    pub fn queue_move(&mut self, pos: usize, up: bool) -> usize {
        let len = self.live.queue.len();
        if pos >= len {
            return pos;
        }
        let to = if up {
            pos.saturating_sub(1)
        } else {
            (pos + 1).min(len - 1)
        };
        self.live.queue.swap(pos, to);
        to
    }

    /// The speech in progress.
    pub fn floor_speech(&self) -> Option<&Speech> {
        self.live.floor.and_then(|i| self.speeches.get(i))
    }

    pub fn floor_speech_mut(&mut self) -> Option<&mut Speech> {
        self.live.floor.and_then(|i| self.speeches.get_mut(i))
    }

    /// Give the floor to the queued speaker at `pos`: the speech in
    /// progress ends, a new one starts now on the current topic.
    pub fn give_floor(&mut self, pos: usize, now: Timestamp) -> Result<AttendeeId, RunError> {
        let Some(&speaker) = self.live.queue.get(pos) else {
            return Err(RunError::new(
                "发言队列中没有人",
                "nobody is waiting to speak",
            ));
        };
        self.end_speech(now);
        self.live.queue.remove(pos);
        let topic = self.current_topic().map(|t| t.id);
        self.speeches.push(Speech {
            speaker,
            topic,
            start: now,
            duration_secs: 0,
            stance: Stance::Neutral,
            summary: String::new(),
        });
        self.live.floor = Some(self.speeches.len() - 1);
        self.start_meeting(now);
        Ok(speaker)
    }

    /// End the speech in progress, recording its length.
    pub fn end_speech(&mut self, now: Timestamp) {
        if let Some(s) = self.floor_speech_mut() {
            s.duration_secs = (now - s.start).num_seconds().clamp(0, i64::from(u32::MAX)) as u32;
        }
        self.live.floor = None;
    }

    pub fn set_speech_limit(&mut self, secs: u32) {
        self.live.speech_limit_secs = secs.clamp(30, 30 * 60);
    }

    // --- Votes ---------------------------------------------------------

    /// Open a vote on a question under a rule. The electorate is a snapshot
    /// of the given attendees as they stand now (present or not, households,
    /// floor area).
    pub fn open_vote(
        &mut self,
        question: &str,
        rule: VoteRule,
        method: VoteMethod,
        voters: &[AttendeeId],
        now: Timestamp,
    ) -> VoteId {
        let id = super::vote::next_id(&self.votes);
        let voters = voters
            .iter()
            .filter_map(|v| self.attendee(*v))
            .map(|a| Voter {
                attendee: a.id,
                present: a.is_present(),
                households: a.households,
                area: a.floor_area,
            })
            .collect();
        let ballots = match method {
            VoteMethod::Named => Ballots::Named(Vec::new()),
            VoteMethod::HandCount | VoteMethod::Secret => Ballots::empty_counts(),
        };
        let topic = self.current_topic().map(|t| t.id);
        self.votes.push(Vote {
            id,
            topic,
            question: question.trim().to_string(),
            rule,
            method,
            electorate: Electorate {
                voters,
                base: None,
                present: None,
            },
            ballots,
            opened: Some(now),
            closed: None,
            verdict: None,
            corrections: Vec::new(),
        });
        self.start_meeting(now);
        id
    }

    fn open_vote_mut(&mut self, id: VoteId) -> Result<&mut Vote, RunError> {
        let vote = self
            .votes
            .iter_mut()
            .find(|v| v.id == id)
            .ok_or_else(no_such_vote)?;
        if vote.is_closed() {
            return Err(vote_closed());
        }
        Ok(vote)
    }

    /// Record (or change, or with `NotVoting` clear) a named ballot.
    pub fn cast(&mut self, id: VoteId, voter: AttendeeId, choice: Choice) -> Result<(), RunError> {
        let vote = self.open_vote_mut(id)?;
        set_ballot(&mut vote.ballots, voter, choice)
    }

    /// Set one count of a hand count or secret ballot.
    pub fn set_count(
        &mut self,
        id: VoteId,
        choice: Choice,
        measure: Measure,
        value: f64,
    ) -> Result<(), RunError> {
        let vote = self.open_vote_mut(id)?;
        set_count(&mut vote.ballots, choice, measure, value)
    }

    /// Close a vote: judge it, keep the verdict, lock it.
    pub fn close_vote(&mut self, id: VoteId, now: Timestamp) -> Result<Verdict, RunError> {
        let vote = self.open_vote_mut(id)?;
        let verdict = vote.judge()?.verdict();
        vote.verdict = Some(verdict.clone());
        vote.closed = Some(now);
        Ok(verdict)
    }

    /// Correct a closed vote: the new ballots are judged and kept beside the
    /// original with the time and the reason; nothing is overwritten.
    pub fn correct_vote(
        &mut self,
        id: VoteId,
        ballots: Ballots,
        reason: &str,
        now: Timestamp,
    ) -> Result<Verdict, RunError> {
        if reason.trim().is_empty() {
            return Err(RunError::new(
                "更正须写明理由",
                "a correction needs a reason",
            ));
        }
        let vote = self
            .votes
            .iter_mut()
            .find(|v| v.id == id)
            .ok_or_else(no_such_vote)?;
        if !vote.is_closed() {
            return Err(RunError::new(
                "表决尚未结束，可直接修改票数",
                "the vote is still open: change the ballots directly",
            ));
        }
        let verdict =
            super::vote::verdict::judge(&vote.rule, &vote.electorate, &ballots, vote.method)?
                .verdict();
        vote.corrections.push(Correction {
            at: now,
            reason: reason.trim().to_string(),
            ballots,
            verdict: verdict.clone(),
        });
        Ok(verdict)
    }

    // --- Decisions and notices ------------------------------------------

    /// Record a decision; the topics it settles become decided.
    pub fn record_decision(&mut self, mut decision: Decision) -> DecisionId {
        decision.id = super::decision::next_id(&self.decisions);
        for t in &decision.topics {
            self.set_topic_state(*t, TopicState::Decided);
        }
        let id = decision.id;
        self.decisions.push(decision);
        id
    }

    /// Decisions not yet on any notice.
    pub fn decisions_without_notice(&self) -> Vec<DecisionId> {
        self.decisions
            .iter()
            .map(|d| d.id)
            .filter(|id| !self.notices.iter().any(|n| n.decisions.contains(id)))
            .collect()
    }

    /// Post a notice now for some decisions. Returns its index. The
    /// holidays and make-up days of `rest` that its period may touch are
    /// copied into it.
    pub fn start_notice(
        &mut self,
        mut notice: Notice,
        now: Timestamp,
        rest: &RestDays,
    ) -> Result<usize, RunError> {
        if notice.decisions.is_empty() {
            return Err(RunError::new(
                "公示至少要包含一项决定",
                "a notice needs at least one decision",
            ));
        }
        if notice.period.length == 0 {
            return Err(RunError::new(
                "公示期不能为 0 天",
                "a notice period cannot be 0 days",
            ));
        }
        notice.events = vec![NoticeEvent::Posted { at: now }];
        notice.rest_days = notice
            .rest_days
            .union(&rest.for_period(now.date_naive(), notice.period));
        self.notices.push(notice);
        Ok(self.notices.len() - 1)
    }

    fn notice_mut(&mut self, i: usize) -> Result<&mut Notice, RunError> {
        self.notices
            .get_mut(i)
            .ok_or_else(|| RunError::new("没有这份公示", "there is no such notice"))
    }

    /// Log an objection to a running notice: the notice pauses and the
    /// topics of its decisions are flagged for re-deliberation.
    pub fn log_objection(
        &mut self,
        notice: usize,
        by: &str,
        content: &str,
        now: Timestamp,
    ) -> Result<(), RunError> {
        let n = self.notice_mut(notice)?;
        if !matches!(
            n.state_at(now, &RestDays::weekends()),
            NoticeState::Running { .. }
        ) {
            return Err(RunError::new(
                "只有公示中的公示才能登记异议",
                "objections can be logged only while the notice is running",
            ));
        }
        n.events.push(NoticeEvent::Objection(Objection {
            at: now,
            by: by.trim().to_string(),
            content: content.trim().to_string(),
            handling: String::new(),
        }));
        let decisions = n.decisions.clone();
        let topics: Vec<TopicId> = self
            .decisions
            .iter()
            .filter(|d| decisions.contains(&d.id))
            .flat_map(|d| d.topics.iter().copied())
            .collect();
        for t in topics {
            self.set_topic_state(t, TopicState::Reopened);
        }
        Ok(())
    }

    /// Post a paused or reviewed notice again, for a full new period.
    pub fn repost_notice(
        &mut self,
        notice: usize,
        period: NoticePeriod,
        now: Timestamp,
        rest: &RestDays,
    ) -> Result<(), RunError> {
        let n = self.notice_mut(notice)?;
        if !matches!(
            n.state_at(now, &RestDays::weekends()),
            NoticeState::Paused | NoticeState::UnderReview
        ) {
            return Err(RunError::new(
                "只有暂停或复核中的公示才能重新公示",
                "only a paused or reviewed notice can be posted again",
            ));
        }
        n.events.push(NoticeEvent::Reposted { at: now, period });
        n.rest_days = n
            .rest_days
            .union(&rest.for_period(now.date_naive(), period));
        Ok(())
    }
}

/// Set one named ballot in a ballot list (`NotVoting` removes it).
pub fn set_ballot(
    ballots: &mut Ballots,
    voter: AttendeeId,
    choice: Choice,
) -> Result<(), RunError> {
    let Ballots::Named(list) = ballots else {
        return Err(RunError::new(
            "这次表决不是记名表决",
            "this vote is not a named vote",
        ));
    };
    list.retain(|b| b.voter != voter);
    if choice != Choice::NotVoting {
        list.push(Ballot { voter, choice });
        list.sort_by_key(|b| b.voter);
    }
    Ok(())
}

/// Set one count (heads, households or square metres) of counted ballots.
pub fn set_count(
    ballots: &mut Ballots,
    choice: Choice,
    measure: Measure,
    value: f64,
) -> Result<(), RunError> {
    let Ballots::Counts { yes, no, abstain } = ballots else {
        return Err(RunError::new(
            "这次表决是记名表决，请逐人记票",
            "this is a named vote: record each ballot",
        ));
    };
    let w: &mut Weights = match choice {
        Choice::Yes => yes,
        Choice::No => no,
        Choice::Abstain => abstain,
        Choice::NotVoting => return Ok(()),
    };
    let value = if value.is_finite() {
        value.max(0.0)
    } else {
        0.0
    };
    match measure {
        Measure::Heads => w.heads = value.round() as u32,
        Measure::Households => w.households = value.round() as u32,
        Measure::Area => w.area = (value * 100.0).round() / 100.0,
    }
    Ok(())
}

#[cfg(test)]
mod tests;
