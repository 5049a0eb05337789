//! A small meeting with Chinese data, for unit tests.

use chrono::DateTime;

use super::agenda::{Topic, TopicSource, TopicState};
use super::meeting::{AttendanceRule, Meeting, MeetingKind, MeetingState};
use super::roster::{Attendance, Attendee, Role};
use super::{FORMAT_VERSION, Minutes, Timestamp};

pub fn t(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).expect("test timestamp")
}

pub fn attendee(id: u32, name: &str, role: Role, affiliation: &str, households: u32) -> Attendee {
    Attendee {
        id,
        name: name.into(),
        role,
        affiliation: affiliation.into(),
        households,
        floor_area: None,
        attendance: Attendance::Expected,
    }
}

/// A hearing with a Party representative, a property company, and three
/// unit heads of 12 households each; one topic.
pub fn small_meeting() -> Minutes {
    Minutes {
        format_version: FORMAT_VERSION,
        meeting: Meeting {
            id: "2016-03-15-test".into(),
            title: "北苑居小区第三次听证协商会".into(),
            kind: MeetingKind::Hearing,
            series: None,
            community: "中心广场社区".into(),
            compound: "北苑居小区".into(),
            place: "邻里会客厅".into(),
            planned_start: t("2016-03-15T14:30:00+08:00"),
            planned_end: None,
            actual_start: None,
            actual_end: None,
            convener: "中心广场社区党总支".into(),
            facilitator: "周立华".into(),
            recorder: "孙晓梅".into(),
            state: MeetingState::Planned,
            attendance_rule: AttendanceRule {
                required_roles: vec![Role::PartyRep, Role::PropertyCompany],
                ..AttendanceRule::default()
            },
            head_count: None,
        },
        roster: vec![
            attendee(1, "周立华", Role::PartyRep, "中心广场社区党总支", 0),
            attendee(2, "钱国强", Role::PropertyCompany, "安居物业", 0),
            attendee(3, "赵秀兰", Role::UnitHead, "1号楼1单元", 12),
            attendee(4, "李建军", Role::UnitHead, "1号楼2单元", 12),
            attendee(5, "王桂芳", Role::UnitHead, "2号楼1单元", 12),
        ],
        agenda: vec![Topic {
            id: 1,
            title: "是否再行聘请物业公司".into(),
            background: "2015年底物业公司撤出，小区环境卫生无人管理。".into(),
            source: TopicSource::Residents,
            scores: None,
            planned_minutes: 30,
            state: TopicState::Pending,
            thread: Some("北苑居/物业".into()),
            carried_from: None,
            materials: vec![],
            started_at: None,
        }],
        speeches: vec![],
        votes: vec![],
        decisions: vec![],
        notices: vec![],
        live: Default::default(),
    }
}
