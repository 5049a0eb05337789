//! Speeches: who spoke, when, how long, for or against, and what was said.

use serde::{Deserialize, Serialize};

use super::{AttendeeId, Timestamp, TopicId};
use crate::i18n::{Label, Tx, tx};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speech {
    pub speaker: AttendeeId,
    #[serde(default)]
    pub topic: Option<TopicId>,
    pub start: Timestamp,
    /// Length of the turn in seconds.
    pub duration_secs: u32,
    pub stance: Stance,
    /// The recorder's summary (发言摘要).
    #[serde(default)]
    pub summary: String,
}

/// How a speaker opens: 我同意 / 我反对 / a neutral view / a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Stance {
    For,
    Against,
    #[default]
    Neutral,
    Question,
}

impl Stance {
    pub const ALL: [Stance; 4] = [
        Stance::For,
        Stance::Against,
        Stance::Neutral,
        Stance::Question,
    ];

    /// The next stance in the cycle used by the discussion screen: from
    /// neutral, one press gives 同意, two give 反对.
    pub fn next(self) -> Stance {
        match self {
            Stance::Neutral => Stance::For,
            Stance::For => Stance::Against,
            Stance::Against => Stance::Question,
            Stance::Question => Stance::Neutral,
        }
    }
}

impl Label for Stance {
    fn tx(&self) -> Tx {
        match self {
            Stance::For => tx("同意", "for"),
            Stance::Against => tx("反对", "against"),
            Stance::Neutral => tx("中立", "neutral"),
            Stance::Question => tx("提问", "question"),
        }
    }
}
