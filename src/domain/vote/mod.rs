//! Votes: the question, the rule that governs it, who may vote with what
//! weight, the ballots, and the verdict. A closed vote is never overwritten:
//! a later correction is appended with its time and reason.

pub mod rules;
pub mod verdict;

use serde::{Deserialize, Serialize};

use super::{AttendeeId, Timestamp, TopicId, VoteId};
use crate::i18n::{Label, Tx, tx};
pub use rules::{Comparison, Condition, Count, Fraction, Measure, RuleBook, VoteRule};
pub use verdict::{Judgement, Outcome, Tally, Verdict, VoteError};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vote {
    pub id: VoteId,
    #[serde(default)]
    pub topic: Option<TopicId>,
    /// The question put to the vote.
    pub question: String,
    /// The rule in force when the vote was taken, kept whole so that the
    /// minutes stay self-contained when the law or the charter changes.
    pub rule: VoteRule,
    pub method: VoteMethod,
    pub electorate: Electorate,
    pub ballots: Ballots,
    #[serde(default)]
    pub opened: Option<Timestamp>,
    #[serde(default)]
    pub closed: Option<Timestamp>,
    /// The verdict computed when the vote was closed.
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// Corrections made after closing, oldest first. The last one stands.
    #[serde(default)]
    pub corrections: Vec<Correction>,
}

impl Vote {
    pub fn is_closed(&self) -> bool {
        self.closed.is_some()
    }

    /// The ballots that stand: those of the last correction, or the original.
    pub fn current_ballots(&self) -> &Ballots {
        self.corrections
            .last()
            .map_or(&self.ballots, |c| &c.ballots)
    }

    /// The verdict that stands: that of the last correction, or the original.
    pub fn current_verdict(&self) -> Option<&Verdict> {
        self.corrections
            .last()
            .map(|c| &c.verdict)
            .or(self.verdict.as_ref())
    }

    /// Judge the standing ballots under the vote's rule.
    pub fn judge(&self) -> Result<Judgement, VoteError> {
        verdict::judge(
            &self.rule,
            &self.electorate,
            self.current_ballots(),
            self.method,
        )
    }
}

/// How the votes are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VoteMethod {
    /// 举手表决: the facilitator enters the counts.
    HandCount,
    /// 记名表决: one ballot per attendee, names kept.
    Named,
    /// 无记名投票: counts only, names not stored.
    Secret,
}

impl Label for VoteMethod {
    fn tx(&self) -> Tx {
        match self {
            VoteMethod::HandCount => tx("举手表决", "show of hands"),
            VoteMethod::Named => tx("记名表决", "named ballot"),
            VoteMethod::Secret => tx("无记名投票", "secret ballot"),
        }
    }
}

/// Who may vote, and with what weight.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Electorate {
    /// Eligible voters from the roster, with their weights as they stood
    /// when the vote was opened.
    pub voters: Vec<Voter>,
    /// The whole base when it is larger than the roster (e.g. all 86
    /// households of a compound at a residents' meeting). `None`: the sum of
    /// `voters`.
    #[serde(default)]
    pub base: Option<Weights>,
    /// Those present when it is counted at the door rather than from the
    /// roster. `None`: the sum of the present `voters`.
    #[serde(default)]
    pub present: Option<Weights>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voter {
    pub attendee: AttendeeId,
    pub present: bool,
    #[serde(default)]
    pub households: u32,
    /// Floor area in square metres.
    #[serde(default)]
    pub area: Option<f64>,
}

impl Voter {
    pub fn weights(&self) -> Weights {
        Weights {
            heads: 1,
            households: self.households,
            area: self.area.unwrap_or(0.0),
        }
    }
}

/// An amount in each measure: people, households, square metres.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Weights {
    #[serde(default)]
    pub heads: u32,
    #[serde(default)]
    pub households: u32,
    /// Square metres.
    #[serde(default)]
    pub area: f64,
}

impl Weights {
    pub fn heads(heads: u32) -> Self {
        Weights {
            heads,
            ..Weights::default()
        }
    }
}

/// The ballots of a vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Ballots {
    /// Counts entered by the facilitator (hand count or secret ballot).
    Counts {
        yes: Weights,
        no: Weights,
        abstain: Weights,
    },
    /// One ballot per attendee (named vote). A present voter without a
    /// ballot is "not voting".
    Named(Vec<Ballot>),
}

impl Ballots {
    pub fn empty_counts() -> Self {
        Ballots::Counts {
            yes: Weights::default(),
            no: Weights::default(),
            abstain: Weights::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub voter: AttendeeId,
    pub choice: Choice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Choice {
    Yes,
    No,
    Abstain,
    /// Present but not voting (未投票).
    NotVoting,
}

impl Label for Choice {
    fn tx(&self) -> Tx {
        match self {
            Choice::Yes => tx("赞成", "yes"),
            Choice::No => tx("反对", "no"),
            Choice::Abstain => tx("弃权", "abstain"),
            Choice::NotVoting => tx("未投票", "not voting"),
        }
    }
}

/// A change to a closed vote, kept beside the original.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    pub at: Timestamp,
    pub reason: String,
    pub ballots: Ballots,
    pub verdict: Verdict,
}

/// The next free vote id.
pub fn next_id(votes: &[Vote]) -> VoteId {
    votes.iter().map(|v| v.id).max().map_or(1, |m| m + 1)
}
