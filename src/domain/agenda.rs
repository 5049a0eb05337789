//! Topics (议题): where they came from, how they were chosen, their state.

use serde::{Deserialize, Serialize};

use super::{Timestamp, TopicId};
use crate::i18n::{Label, Tx, tx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: TopicId,
    pub title: String,
    #[serde(default)]
    pub background: String,
    pub source: TopicSource,
    /// 重要性 / 紧急性 / 可行性, each 1–5, when the topic was chosen from a bank.
    #[serde(default)]
    pub scores: Option<TopicScores>,
    /// Time box for the discussion, in minutes.
    #[serde(default)]
    pub planned_minutes: u32,
    pub state: TopicState,
    /// A key shared by the same topic in every meeting that takes it up, so
    /// the archive can follow it across meetings, e.g. `北苑居/物业`.
    #[serde(default)]
    pub thread: Option<String>,
    /// The meeting this topic was carried over from, if any.
    #[serde(default)]
    pub carried_from: Option<super::meeting::MeetingRef>,
    /// Material sent to participants beforehand (会前材料).
    #[serde(default)]
    pub materials: Vec<Material>,
    /// When the discussion of this topic began in this meeting.
    #[serde(default)]
    pub started_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Material {
    pub title: String,
    #[serde(default)]
    pub sent_on: Option<chrono::NaiveDate>,
    /// To whom, e.g. 全体参会人员.
    #[serde(default)]
    pub sent_to: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TopicSource {
    /// 议题库.
    TopicBank,
    /// 居民提出.
    Residents,
    /// 党组织提出.
    PartyBranch,
    /// 居委会提出.
    ResidentsCommittee,
    /// 业委会 / 物业 提出.
    OwnersCommittee,
    /// 网格员收集.
    GridWorker,
    /// 上次会议延续.
    CarriedOver,
}

impl Label for TopicSource {
    fn tx(&self) -> Tx {
        match self {
            TopicSource::TopicBank => tx("议题库", "topic bank"),
            TopicSource::Residents => tx("居民提出", "raised by residents"),
            TopicSource::PartyBranch => tx("党组织提出", "raised by the Party branch"),
            TopicSource::ResidentsCommittee => {
                tx("居委会提出", "raised by the residents' committee")
            }
            TopicSource::OwnersCommittee => tx("业委会提出", "raised by the owners' committee"),
            TopicSource::GridWorker => tx("网格员收集", "collected by grid workers"),
            TopicSource::CarriedOver => tx("上次会议延续", "carried over"),
        }
    }
}

/// Scores used by the 四步走 method to choose topics from a topic bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicScores {
    pub importance: u8,
    pub urgency: u8,
    pub feasibility: u8,
}

impl TopicScores {
    pub fn total(&self) -> u32 {
        u32::from(self.importance) + u32::from(self.urgency) + u32::from(self.feasibility)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TopicState {
    /// 待议.
    Pending,
    /// 讨论中.
    Discussing,
    /// 已决.
    Decided,
    /// 转下次会议.
    CarriedOver,
    /// 公示有异议，待再协商.
    Reopened,
    /// 未入选 (in a topic bank, not chosen for this meeting).
    NotChosen,
}

impl TopicState {
    /// Whether the topic still needs a meeting.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            TopicState::Pending
                | TopicState::Discussing
                | TopicState::CarriedOver
                | TopicState::Reopened
        )
    }
}

impl Label for TopicState {
    fn tx(&self) -> Tx {
        match self {
            TopicState::Pending => tx("待议", "pending"),
            TopicState::Discussing => tx("讨论中", "discussing"),
            TopicState::Decided => tx("已决", "decided"),
            TopicState::CarriedOver => tx("转下次会议", "carried over"),
            TopicState::Reopened => tx("待再协商", "to re-deliberate"),
            TopicState::NotChosen => tx("未入选", "not chosen"),
        }
    }
}

/// Topics ordered as the 四步走 method ranks a topic bank: by total score,
/// then importance, then urgency; unscored topics last, in their order.
pub fn rank_by_scores(topics: &[Topic]) -> Vec<&Topic> {
    let mut ranked: Vec<&Topic> = topics.iter().collect();
    ranked.sort_by_key(|t| {
        std::cmp::Reverse(t.scores.map(|s| (1u8, s.total(), s.importance, s.urgency)))
    });
    ranked
}

/// The next free topic id.
pub fn next_id(agenda: &[Topic]) -> TopicId {
    agenda.iter().map(|t| t.id).max().map_or(1, |m| m + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(id: u32, scores: Option<(u8, u8, u8)>) -> Topic {
        Topic {
            id,
            title: format!("议题{id}"),
            background: String::new(),
            source: TopicSource::TopicBank,
            scores: scores.map(|(importance, urgency, feasibility)| TopicScores {
                importance,
                urgency,
                feasibility,
            }),
            planned_minutes: 20,
            state: TopicState::Pending,
            thread: None,
            carried_from: None,
            materials: vec![],
            started_at: None,
        }
    }

    #[test]
    fn ranking_puts_highest_total_first_and_unscored_last() {
        let topics = vec![
            topic(1, None),
            topic(2, Some((3, 3, 3))),
            topic(3, Some((5, 4, 4))),
            topic(4, Some((4, 5, 4))),
        ];
        let order: Vec<u32> = rank_by_scores(&topics).iter().map(|t| t.id).collect();
        // 3 and 4 tie on total 13; importance breaks the tie.
        assert_eq!(order, vec![3, 4, 2, 1]);
    }
}
