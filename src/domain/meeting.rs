//! The meeting itself: what, where, when, who runs it, and its state.

use serde::{Deserialize, Serialize};

use super::Timestamp;
use super::roster::Role;
use super::vote::rules::Fraction;
use crate::i18n::{Label, Tx, tx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// Stable identifier, unique across an archive (date, compound, random
    /// suffix). Used for links between meetings and for the write lock.
    pub id: String,
    pub title: String,
    pub kind: MeetingKind,
    /// The series this meeting belongs to (第几次) and the earlier meetings on
    /// the same topics.
    #[serde(default)]
    pub series: Option<Series>,
    /// 社区, e.g. 中心广场社区.
    pub community: String,
    /// 小区 / 院落, e.g. 北苑居小区.
    pub compound: String,
    pub place: String,
    pub planned_start: Timestamp,
    #[serde(default)]
    pub planned_end: Option<Timestamp>,
    #[serde(default)]
    pub actual_start: Option<Timestamp>,
    #[serde(default)]
    pub actual_end: Option<Timestamp>,
    /// 召集人: the body or person who convened the meeting.
    pub convener: String,
    /// 主持人.
    pub facilitator: String,
    /// 记录人.
    pub recorder: String,
    pub state: MeetingState,
    /// When the meeting counts as quorate and who must be there.
    #[serde(default)]
    pub attendance_rule: AttendanceRule,
    /// Attendance counted at the door, when the roster names only some of
    /// those entitled to attend (e.g. one representative for each of 120
    /// households at a residents' meeting). The quorum is then judged on it.
    #[serde(default)]
    pub head_count: Option<HeadCount>,
}

/// Attendance counted at the door.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadCount {
    /// Entitled to attend (应到).
    pub expected: u32,
    /// Counted present (实到).
    pub present: u32,
}

/// The form of the meeting (协商形式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeetingKind {
    /// 听证会 / 听证协商会.
    Hearing,
    /// 协商会.
    Consultation,
    /// 议事会.
    Deliberation,
    /// 恳谈会.
    Dialogue,
    /// 协调会.
    Coordination,
    /// 评议会.
    Review,
    /// 居民会议.
    ResidentsMeeting,
    /// 居民代表会议.
    ResidentRepsMeeting,
    /// 业主大会.
    OwnersAssembly,
    /// 村民代表会议.
    VillageRepsMeeting,
    /// 线上协商.
    Online,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 11] = [
        MeetingKind::Hearing,
        MeetingKind::Consultation,
        MeetingKind::Deliberation,
        MeetingKind::Dialogue,
        MeetingKind::Coordination,
        MeetingKind::Review,
        MeetingKind::ResidentsMeeting,
        MeetingKind::ResidentRepsMeeting,
        MeetingKind::OwnersAssembly,
        MeetingKind::VillageRepsMeeting,
        MeetingKind::Online,
    ];
}

impl Label for MeetingKind {
    fn tx(&self) -> Tx {
        match self {
            MeetingKind::Hearing => tx("听证会", "hearing"),
            MeetingKind::Consultation => tx("协商会", "consultation meeting"),
            MeetingKind::Deliberation => tx("议事会", "deliberation meeting"),
            MeetingKind::Dialogue => tx("恳谈会", "dialogue meeting"),
            MeetingKind::Coordination => tx("协调会", "coordination meeting"),
            MeetingKind::Review => tx("评议会", "review meeting"),
            MeetingKind::ResidentsMeeting => tx("居民会议", "residents' meeting"),
            MeetingKind::ResidentRepsMeeting => {
                tx("居民代表会议", "residents' representatives' meeting")
            }
            MeetingKind::OwnersAssembly => tx("业主大会", "owners' assembly"),
            MeetingKind::VillageRepsMeeting => {
                tx("村民代表会议", "village representatives' meeting")
            }
            MeetingKind::Online => tx("线上协商", "online consultation"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeetingState {
    Planned,
    InProgress,
    Closed,
}

impl Label for MeetingState {
    fn tx(&self) -> Tx {
        match self {
            MeetingState::Planned => tx("筹备中", "planned"),
            MeetingState::InProgress => tx("进行中", "in progress"),
            MeetingState::Closed => tx("已结束", "closed"),
        }
    }
}

/// A meeting's place in a series on the same topics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Name of the series, e.g. 北苑居小区环境管理听证协商.
    pub name: String,
    /// 第几次: 1 for the first meeting.
    pub ordinal: u32,
    /// The earlier meetings of the series, oldest first.
    #[serde(default)]
    pub earlier: Vec<MeetingRef>,
}

/// A link to another meeting: enough to name it even when its file is gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRef {
    /// The other meeting's [`Meeting::id`].
    pub id: String,
    pub title: String,
    pub date: chrono::NaiveDate,
}

/// When the meeting is quorate, and which roles must be present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttendanceRule {
    /// The share of expected attendees that must be present, e.g. more than ½.
    /// `None`: the meeting has no attendance quorum of its own.
    #[serde(default)]
    pub quorum: Option<Fraction>,
    /// Whether reaching exactly the fraction is enough (以上) or more is
    /// needed (过半数).
    #[serde(default)]
    pub comparison: crate::domain::vote::rules::Comparison,
    /// Roles of which at least one attendee must be present.
    #[serde(default)]
    pub required_roles: Vec<Role>,
}

impl Default for AttendanceRule {
    fn default() -> Self {
        AttendanceRule {
            quorum: Some(Fraction::new(1, 2)),
            comparison: crate::domain::vote::rules::Comparison::MoreThan,
            required_roles: Vec::new(),
        }
    }
}
