//! Decisions: the text, the money and how it is split and collected, who is
//! responsible, follow-up tasks, dissent, and the residents' evaluation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::roster::{Attendee, Role};
use super::{DecisionId, TopicId, VoteId};
use crate::i18n::{Label, Tx, tx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub id: DecisionId,
    /// The topics it settles (one decision may settle several).
    #[serde(default)]
    pub topics: Vec<TopicId>,
    /// The vote that produced it, if it was voted on.
    #[serde(default)]
    pub vote: Option<VoteId>,
    pub text: String,
    pub nature: DecisionNature,
    /// The rule or basis, in words, when there was no vote (e.g. 经协商一致).
    #[serde(default)]
    pub basis: String,
    #[serde(default)]
    pub money: Option<Money>,
    /// 责任人.
    #[serde(default)]
    pub responsible: String,
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    /// Dissent and how it was handled (不同意见及处理).
    #[serde(default)]
    pub dissent: Vec<Dissent>,
    /// Residents' evaluation (满意度), once reported.
    #[serde(default)]
    pub evaluation: Option<Evaluation>,
}

/// A consultation opinion (协商意见) is advice; a binding decision binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DecisionNature {
    ConsultationOpinion,
    Binding,
}

impl Label for DecisionNature {
    fn tx(&self) -> Tx {
        match self {
            DecisionNature::ConsultationOpinion => tx("协商意见", "consultation opinion"),
            DecisionNature::Binding => tx("决定", "binding decision"),
        }
    }
}

/// An amount to be paid, how often, how it is split and who collects it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// Yuan, e.g. 9240.0.
    pub amount: f64,
    pub period: Period,
    pub split: SplitMethod,
    /// 收取人, e.g. 各单元长.
    #[serde(default)]
    pub collector: String,
    /// 收取方式, e.g. 按年上门收取.
    #[serde(default)]
    pub collection: String,
    /// What the money pays for, e.g. 雇请保洁员一名.
    #[serde(default)]
    pub purpose: String,
}

impl Money {
    /// The amount in fen (hundredths of a yuan).
    pub fn fen(&self) -> i64 {
        if self.amount.is_finite() {
            (self.amount * 100.0).round() as i64
        } else {
            0
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Period {
    Once,
    Monthly,
    Yearly,
}

impl Label for Period {
    fn tx(&self) -> Tx {
        match self {
            Period::Once => tx("一次性", "one-off"),
            Period::Monthly => tx("每月", "a month"),
            Period::Yearly => tx("每年", "a year"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SplitMethod {
    /// 按户均摊.
    PerHousehold,
    /// 不分摊 (paid by a body).
    None,
}

impl Label for SplitMethod {
    fn tx(&self) -> Tx {
        match self {
            SplitMethod::PerHousehold => tx("按户均摊", "split equally per household"),
            SplitMethod::None => tx("不分摊", "not split"),
        }
    }
}

/// How an amount falls on households and units, computed from the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostSplit {
    pub total_fen: i64,
    pub households: u32,
    /// Each household's share, rounded up to the fen so the total is covered.
    pub per_household_fen: i64,
    /// What rounding up collects beyond the total.
    pub surplus_fen: i64,
    /// Each unit (a unit head's affiliation) with its households and share.
    pub per_unit: Vec<UnitShare>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitShare {
    pub unit: String,
    pub collector: String,
    pub households: u32,
    pub fen: i64,
}

impl CostSplit {
    /// Split `money` over the households of the roster's unit heads (or of
    /// every attendee representing households when there are no unit heads).
    /// `None` when the money is not split or no households are recorded.
    pub fn compute(money: &Money, roster: &[Attendee]) -> Option<CostSplit> {
        if money.split != SplitMethod::PerHousehold {
            return None;
        }
        let unit_heads: Vec<&Attendee> = roster
            .iter()
            .filter(|a| a.role == Role::UnitHead && a.households > 0)
            .collect();
        let payers: Vec<&Attendee> = if unit_heads.is_empty() {
            roster.iter().filter(|a| a.households > 0).collect()
        } else {
            unit_heads
        };
        let households: u32 = payers.iter().map(|a| a.households).sum();
        if households == 0 {
            return None;
        }
        let total_fen = money.fen();
        let per_household_fen = (total_fen + i64::from(households) - 1) / i64::from(households);
        let per_unit = payers
            .iter()
            .map(|a| UnitShare {
                unit: if a.affiliation.is_empty() {
                    a.name.clone()
                } else {
                    a.affiliation.clone()
                },
                collector: a.name.clone(),
                households: a.households,
                fen: per_household_fen * i64::from(a.households),
            })
            .collect();
        Some(CostSplit {
            total_fen,
            households,
            per_household_fen,
            surplus_fen: per_household_fen * i64::from(households) - total_fen,
            per_unit,
        })
    }
}

/// A follow-up task (落实事项).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub title: String,
    pub owner: String,
    pub due: NaiveDate,
    pub status: TaskStatus,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TaskStatus {
    Open,
    Done { on: NaiveDate },
    Dropped,
}

impl TaskStatus {
    pub fn tx(&self) -> Tx {
        match self {
            TaskStatus::Open => tx("进行中", "open"),
            TaskStatus::Done { .. } => tx("已完成", "done"),
            TaskStatus::Dropped => tx("已撤销", "dropped"),
        }
    }
}

impl Task {
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == TaskStatus::Open && self.due < today
    }
}

/// A view against the decision, and how it was handled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dissent {
    pub who: String,
    pub view: String,
    #[serde(default)]
    pub handling: String,
}

/// Residents' evaluation of the result (居民评事).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub reported_on: NaiveDate,
    /// Respondents satisfied or very satisfied.
    pub satisfied: u32,
    pub respondents: u32,
    #[serde(default)]
    pub note: String,
}

impl Evaluation {
    /// Satisfied share in percent, rounded to the nearest whole.
    pub fn percent(&self) -> Option<u32> {
        (self.respondents > 0)
            .then(|| (self.satisfied * 200 + self.respondents) / (self.respondents * 2))
    }
}

/// The next free decision id.
pub fn next_id(decisions: &[Decision]) -> DecisionId {
    decisions.iter().map(|d| d.id).max().map_or(1, |m| m + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roster::Attendance;

    fn unit_head(id: u32, unit: &str, households: u32) -> Attendee {
        Attendee {
            id,
            name: format!("单元长{id}"),
            role: Role::UnitHead,
            affiliation: unit.into(),
            households,
            floor_area: None,
            attendance: Attendance::Expected,
        }
    }

    fn cleaner_fee(amount: f64) -> Money {
        Money {
            amount,
            period: Period::Yearly,
            split: SplitMethod::PerHousehold,
            collector: "各单元长".into(),
            collection: "按年上门收取".into(),
            purpose: "雇请保洁员".into(),
        }
    }

    #[test]
    fn the_beiyuanju_fee_splits_evenly() {
        let roster: Vec<Attendee> = (1..=7)
            .map(|i| unit_head(i, &format!("{}号楼", i), 12))
            .collect();
        let split = CostSplit::compute(&cleaner_fee(9240.0), &roster).unwrap();
        assert_eq!(split.households, 84);
        assert_eq!(split.per_household_fen, 11_000);
        assert_eq!(split.surplus_fen, 0);
        assert_eq!(split.per_unit[0].fen, 132_000);
        assert_eq!(split.per_unit.iter().map(|u| u.fen).sum::<i64>(), 924_000);
    }

    #[test]
    fn an_uneven_split_rounds_up_and_reports_the_surplus() {
        let roster = vec![unit_head(1, "1单元", 2), unit_head(2, "2单元", 1)];
        let split = CostSplit::compute(&cleaner_fee(100.0), &roster).unwrap();
        // 100 yuan / 3 households = 33.333… → 33.34 each, 0.02 over.
        assert_eq!(split.per_household_fen, 3334);
        assert_eq!(split.surplus_fen, 2);
        assert_eq!(split.per_unit[0].fen, 6668);
    }

    #[test]
    fn no_households_means_no_split() {
        let mut head = unit_head(1, "1单元", 0);
        head.role = Role::PartyRep;
        assert_eq!(CostSplit::compute(&cleaner_fee(100.0), &[head]), None);
    }

    #[test]
    fn satisfaction_rounds_to_nearest_percent() {
        let e = Evaluation {
            reported_on: NaiveDate::from_ymd_opt(2017, 1, 10).unwrap(),
            satisfied: 2,
            respondents: 3,
            note: String::new(),
        };
        assert_eq!(e.percent(), Some(67));
    }
}
