//! New meetings from earlier ones: the next meeting of a series (its roster
//! and the topics it carried over), a blank meeting, a meeting as it stood
//! before it was held (the demo).

use chrono::{DurationRound, TimeDelta};

use super::agenda::{TopicSource, TopicState};
use super::meeting::{AttendanceRule, Meeting, MeetingKind, MeetingRef, MeetingState, Series};
use super::roster::Attendance;
use super::{FORMAT_VERSION, Minutes, Timestamp};

/// A meeting id: date, a slug of ASCII letters from the title if any, and a
/// few digits from the clock so two meetings the same day differ.
pub fn new_id(now: Timestamp, slug: &str) -> String {
    let slug: String = slug
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let slug = if slug.is_empty() {
        "meeting".to_string()
    } else {
        slug
    };
    format!("{}-{slug}-{}", now.format("%Y-%m-%d"), now.format("%H%M%S"))
}

fn round_to_minute(t: Timestamp) -> Timestamp {
    t.duration_trunc(TimeDelta::minutes(1)).unwrap_or(t)
}

impl Minutes {
    /// A blank planned meeting.
    pub fn blank(title: &str, kind: MeetingKind, now: Timestamp) -> Minutes {
        Minutes {
            format_version: FORMAT_VERSION,
            meeting: Meeting {
                id: new_id(now, "meeting"),
                title: title.trim().to_string(),
                kind,
                series: None,
                community: String::new(),
                compound: String::new(),
                place: String::new(),
                planned_start: round_to_minute(now),
                planned_end: None,
                actual_start: None,
                actual_end: None,
                convener: String::new(),
                facilitator: String::new(),
                recorder: String::new(),
                state: MeetingState::Planned,
                attendance_rule: AttendanceRule::default(),
                head_count: None,
            },
            roster: Vec::new(),
            agenda: Vec::new(),
            speeches: Vec::new(),
            votes: Vec::new(),
            decisions: Vec::new(),
            notices: Vec::new(),
            live: Default::default(),
        }
    }

    /// A link to this meeting from another.
    pub fn as_ref_link(&self) -> MeetingRef {
        MeetingRef {
            id: self.meeting.id.clone(),
            title: self.meeting.title.clone(),
            date: self.date(),
        }
    }

    /// The next meeting on the same topics: same people (attendance reset),
    /// the topics this one carried over (or left open) as pending topics
    /// linked back here, the series ordinal one higher.
    pub fn next_meeting(&self, now: Timestamp) -> Minutes {
        let mut next = Minutes::blank(&self.meeting.title, self.meeting.kind, now);
        let link = self.as_ref_link();
        next.meeting.id = new_id(now, "next");
        next.meeting.community = self.meeting.community.clone();
        next.meeting.compound = self.meeting.compound.clone();
        next.meeting.place = self.meeting.place.clone();
        next.meeting.convener = self.meeting.convener.clone();
        next.meeting.facilitator = self.meeting.facilitator.clone();
        next.meeting.recorder = self.meeting.recorder.clone();
        next.meeting.attendance_rule = self.meeting.attendance_rule.clone();
        next.meeting.series = Some(match &self.meeting.series {
            Some(s) => {
                let mut earlier = s.earlier.clone();
                earlier.push(link.clone());
                Series {
                    name: s.name.clone(),
                    ordinal: s.ordinal + 1,
                    earlier,
                }
            }
            None => Series {
                name: self.meeting.title.clone(),
                ordinal: 2,
                earlier: vec![link.clone()],
            },
        });
        next.roster = self
            .roster
            .iter()
            .map(|a| {
                let mut a = a.clone();
                a.attendance = Attendance::Expected;
                a
            })
            .collect();
        next.agenda = self
            .agenda
            .iter()
            .filter(|t| t.state.is_open())
            .map(|t| {
                let mut t = t.clone();
                t.state = TopicState::Pending;
                t.source = TopicSource::CarriedOver;
                t.carried_from = Some(link.clone());
                t.started_at = None;
                t.materials.clear();
                t
            })
            .collect();
        next
    }

    /// This meeting as it stood before it was held: everyone expected, no
    /// speeches, votes, decisions or notices, topics pending, times moved to
    /// `now`. Used for the built-in demo.
    pub fn before_it_was_held(&self, now: Timestamp) -> Minutes {
        let mut m = self.clone();
        let start = round_to_minute(now);
        let shift = m
            .meeting
            .planned_end
            .map(|end| end - m.meeting.planned_start);
        m.meeting.id = new_id(now, "demo");
        m.meeting.planned_start = start;
        m.meeting.planned_end = shift.map(|d| start + d);
        m.clear_proceedings();
        m
    }

    /// Undo everything the meeting did: planned again, everyone expected,
    /// topics pending, no speeches, votes, decisions or notices.
    pub fn clear_proceedings(&mut self) {
        self.meeting.state = MeetingState::Planned;
        self.meeting.actual_start = None;
        self.meeting.actual_end = None;
        for a in &mut self.roster {
            a.attendance = Attendance::Expected;
        }
        for t in &mut self.agenda {
            t.state = TopicState::Pending;
            t.started_at = None;
        }
        self.speeches.clear();
        self.votes.clear();
        self.decisions.clear();
        self.notices.clear();
        self.live = Default::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::t;

    #[test]
    fn the_next_meeting_takes_the_roster_and_the_carried_topics() {
        let first = crate::minutes_file::parse(
            std::path::Path::new("b1"),
            include_str!("../../sample-data/beiyuanju-1.ron"),
        )
        .unwrap()
        .minutes;
        let next = first.next_meeting(t("2016-02-23T14:30:00+08:00"));
        let series = next.meeting.series.as_ref().unwrap();
        assert_eq!(series.ordinal, 2);
        assert_eq!(series.earlier.last().unwrap().id, first.meeting.id);
        assert_eq!(next.roster.len(), first.roster.len());
        assert!(
            next.roster
                .iter()
                .all(|a| a.attendance == Attendance::Expected)
        );
        let titles: Vec<&str> = next.agenda.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles, ["是否再行聘请物业公司", "小区环境管理"]);
        assert!(next.agenda.iter().all(|t| t.state == TopicState::Pending
            && t.source == TopicSource::CarriedOver
            && t.carried_from.as_ref().map(|r| r.id.as_str()) == Some(first.meeting.id.as_str())));
        assert_eq!(next.agenda[0].thread.as_deref(), Some("北苑居/物业"));
        assert!(next.speeches.is_empty());
    }
}
