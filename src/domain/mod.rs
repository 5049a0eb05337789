//! The domain of a community deliberation meeting, as plain Rust.
//!
//! Nothing here knows about terminals or files: the minutes model, the vote
//! rules and their verdicts, and the public-notice calendar. Everything else
//! (the live meeting screens, the archive, the exports) is built on it.
//!
//! | concept | module |
//! |---|---|
//! | the whole minutes of one meeting | [`minutes`] |
//! | meeting header: title, kind, series, times, people | [`meeting`] |
//! | attendees, check-in, quorum | [`roster`] |
//! | topics | [`agenda`] |
//! | speeches | [`speech`] |
//! | votes, rules and verdicts | [`vote`] |
//! | decisions, money, follow-up | [`decision`] |
//! | public notice and its calendar | [`notice`] |

pub mod agenda;
pub mod decision;
#[cfg(test)]
pub mod fixture;
pub mod meeting;
pub mod minutes;
pub mod notice;
pub mod roster;
pub mod run;
pub mod speech;
pub mod template;
pub mod vote;

pub use minutes::{FORMAT_VERSION, Minutes};

/// Every instant in the minutes carries its UTC offset, as written in the room.
pub type Timestamp = chrono::DateTime<chrono::FixedOffset>;

/// Identifier of an attendee within one minutes file.
pub type AttendeeId = u32;
/// Identifier of a topic within one minutes file.
pub type TopicId = u32;
/// Identifier of a vote within one minutes file.
pub type VoteId = u32;
/// Identifier of a decision within one minutes file.
pub type DecisionId = u32;
