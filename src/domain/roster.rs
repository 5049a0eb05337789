//! Who is expected, who came, whom they represent; check-in and quorum.

use serde::{Deserialize, Serialize};

use super::meeting::{AttendanceRule, HeadCount};
use super::{AttendeeId, Timestamp};
use crate::i18n::{Label, Tx, tx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attendee {
    pub id: AttendeeId,
    pub name: String,
    pub role: Role,
    /// Whom the attendee stands for or comes from, e.g. 3号楼2单元 or 某物业公司.
    #[serde(default)]
    pub affiliation: String,
    /// Households represented (a unit head: the households of the unit).
    #[serde(default)]
    pub households: u32,
    /// Floor area represented, in square metres (owners' votes under §278).
    #[serde(default)]
    pub floor_area: Option<f64>,
    pub attendance: Attendance,
}

impl Attendee {
    pub fn is_present(&self) -> bool {
        matches!(self.attendance, Attendance::Present { .. })
    }
}

/// Attendance of one person. Check-in time is kept; so is the reason for an
/// absence and the time someone left early.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Attendance {
    /// Invited, not (yet) checked in.
    Expected,
    Present {
        checked_in: Timestamp,
    },
    Absent {
        #[serde(default)]
        reason: String,
    },
    LeftEarly {
        #[serde(default)]
        checked_in: Option<Timestamp>,
        left: Timestamp,
    },
}

impl Attendance {
    pub fn tx(&self) -> Tx {
        match self {
            Attendance::Expected => tx("未到", "not arrived"),
            Attendance::Present { .. } => tx("已到", "present"),
            Attendance::Absent { .. } => tx("缺席", "absent"),
            Attendance::LeftEarly { .. } => tx("中途离会", "left early"),
        }
    }
}

/// Roles of DOMAIN.md. Who votes, and with what weight, is set per vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// 社区党组织代表.
    PartyRep,
    /// 居委会.
    ResidentsCommittee,
    /// 单元长.
    UnitHead,
    /// 物业公司代表.
    PropertyCompany,
    /// 产权单位负责人.
    OwnerUnit,
    /// 业委会.
    OwnersCommittee,
    /// 居民代表.
    ResidentRep,
    /// 居民.
    Resident,
    /// 社会组织.
    SocialOrg,
    /// 专业人士 (律师等).
    Expert,
    /// 列席.
    Observer,
}

impl Role {
    /// Display order of the roster's groups.
    pub const ALL: [Role; 11] = [
        Role::PartyRep,
        Role::ResidentsCommittee,
        Role::UnitHead,
        Role::PropertyCompany,
        Role::OwnerUnit,
        Role::OwnersCommittee,
        Role::ResidentRep,
        Role::Resident,
        Role::SocialOrg,
        Role::Expert,
        Role::Observer,
    ];

    /// Whether people of this role usually vote (a default the facilitator
    /// can change for each vote).
    pub fn votes_by_default(self) -> bool {
        matches!(
            self,
            Role::UnitHead | Role::ResidentRep | Role::Resident | Role::OwnersCommittee
        )
    }

    /// Attending bodies that sit in (列席) rather than take part as parties.
    pub fn is_attending_body(self) -> bool {
        matches!(self, Role::Observer | Role::SocialOrg | Role::Expert)
    }
}

impl Label for Role {
    fn tx(&self) -> Tx {
        match self {
            Role::PartyRep => tx("社区党组织代表", "Party representative"),
            Role::ResidentsCommittee => tx("居委会", "residents' committee"),
            Role::UnitHead => tx("单元长", "unit head"),
            Role::PropertyCompany => tx("物业公司代表", "property company"),
            Role::OwnerUnit => tx("产权单位负责人", "owner unit"),
            Role::OwnersCommittee => tx("业委会", "owners' committee"),
            Role::ResidentRep => tx("居民代表", "resident representative"),
            Role::Resident => tx("居民", "resident"),
            Role::SocialOrg => tx("社会组织", "social organisation"),
            Role::Expert => tx("专业人士", "expert"),
            Role::Observer => tx("列席", "observer"),
        }
    }
}

/// Counts of the roster at one moment, and whether the meeting is quorate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceSummary {
    /// Everyone on the roster.
    pub expected: u32,
    /// Present now.
    pub present: u32,
    /// Marked absent (with or without reason).
    pub absent: u32,
    /// Left before the end.
    pub left_early: u32,
    /// Households represented by those present.
    pub households_present: u32,
    /// Households represented by everyone on the roster.
    pub households_expected: u32,
    /// Attendance counted at the door, if it was; the quorum is judged on it.
    pub head_count: Option<HeadCount>,
    /// `None` when the meeting has no attendance quorum.
    pub quorum_met: Option<bool>,
    /// Required roles with nobody present.
    pub missing_roles: Vec<Role>,
}

impl AttendanceSummary {
    pub fn of(roster: &[Attendee], rule: &AttendanceRule, head_count: Option<HeadCount>) -> Self {
        let expected = roster.len() as u32;
        let present = roster.iter().filter(|a| a.is_present()).count() as u32;
        let absent = roster
            .iter()
            .filter(|a| matches!(a.attendance, Attendance::Absent { .. }))
            .count() as u32;
        let left_early = roster
            .iter()
            .filter(|a| matches!(a.attendance, Attendance::LeftEarly { .. }))
            .count() as u32;
        let households_present = roster
            .iter()
            .filter(|a| a.is_present())
            .map(|a| a.households)
            .sum();
        let households_expected = roster.iter().map(|a| a.households).sum();
        let (q_present, q_expected) =
            head_count.map_or((present, expected), |h| (h.present, h.expected));
        let quorum_met = rule.quorum.map(|fraction| {
            q_expected > 0
                && rule
                    .comparison
                    .holds(u128::from(q_present), fraction, u128::from(q_expected))
        });
        let missing_roles = rule
            .required_roles
            .iter()
            .copied()
            .filter(|role| !roster.iter().any(|a| a.role == *role && a.is_present()))
            .collect();
        AttendanceSummary {
            expected,
            present,
            absent,
            left_early,
            households_present,
            households_expected,
            head_count,
            quorum_met,
            missing_roles,
        }
    }

    /// Present / expected as a percentage, rounded down.
    pub fn percent_present(&self) -> u32 {
        (self.present * 100).checked_div(self.expected).unwrap_or(0)
    }
}

/// The next free attendee id.
pub fn next_id(roster: &[Attendee]) -> AttendeeId {
    roster.iter().map(|a| a.id).max().map_or(1, |m| m + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vote::rules::{Comparison, Fraction};
    use chrono::DateTime;

    fn person(id: u32, role: Role, households: u32, present: bool) -> Attendee {
        Attendee {
            id,
            name: format!("甲{id}"),
            role,
            affiliation: String::new(),
            households,
            floor_area: None,
            attendance: if present {
                Attendance::Present {
                    checked_in: DateTime::parse_from_rfc3339("2016-03-01T14:00:00+08:00").unwrap(),
                }
            } else {
                Attendance::Expected
            },
        }
    }

    #[test]
    fn quorum_needs_more_than_half_and_required_roles() {
        let rule = AttendanceRule {
            quorum: Some(Fraction::new(1, 2)),
            comparison: Comparison::MoreThan,
            required_roles: vec![Role::PropertyCompany, Role::PartyRep],
        };
        let mut roster = vec![
            person(1, Role::UnitHead, 12, true),
            person(2, Role::UnitHead, 12, true),
            person(3, Role::PropertyCompany, 0, false),
            person(4, Role::PartyRep, 0, true),
        ];
        // 3 of 4 present: quorate, but the property company is missing.
        let s = AttendanceSummary::of(&roster, &rule, None);
        assert_eq!((s.present, s.expected, s.households_present), (3, 4, 24));
        assert_eq!(s.quorum_met, Some(true));
        assert_eq!(s.missing_roles, vec![Role::PropertyCompany]);

        // Exactly half is not more than half.
        roster[0].attendance = Attendance::Absent {
            reason: "出差".into(),
        };
        let s = AttendanceSummary::of(&roster, &rule, None);
        assert_eq!((s.present, s.absent), (2, 1));
        assert_eq!(s.quorum_met, Some(false));
    }

    #[test]
    fn a_door_count_decides_the_quorum_when_given() {
        let roster = vec![person(1, Role::ResidentRep, 1, true)];
        let rule = AttendanceRule::default();
        let door = |present| {
            Some(HeadCount {
                expected: 120,
                present,
            })
        };
        let s = AttendanceSummary::of(&roster, &rule, door(48));
        assert_eq!((s.present, s.quorum_met), (1, Some(false)));
        assert_eq!(
            AttendanceSummary::of(&roster, &rule, door(60)).quorum_met,
            Some(false)
        );
        assert_eq!(
            AttendanceSummary::of(&roster, &rule, door(61)).quorum_met,
            Some(true)
        );
    }

    #[test]
    fn empty_roster_is_never_quorate() {
        let s = AttendanceSummary::of(&[], &AttendanceRule::default(), None);
        assert_eq!(s.quorum_met, Some(false));
        assert_eq!(s.percent_present(), 0);
    }
}
