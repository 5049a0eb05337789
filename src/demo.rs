//! The built-in demo: the third 北苑居 hearing (sample-data/beiyuanju-3.ron,
//! embedded in the binary), as it stood before it was held, dated now.

use crate::domain::{Minutes, Timestamp};

/// The third 北苑居 hearing as it was held.
pub const BEIYUANJU_3_RON: &str = include_str!("../sample-data/beiyuanju-3.ron");

/// The demo meeting, ready to be held now.
pub fn demo(now: Timestamp) -> Minutes {
    let held = crate::minutes_file::parse(std::path::Path::new("beiyuanju-3.ron"), BEIYUANJU_3_RON)
        .expect("the embedded demo parses (tested)")
        .minutes;
    held.before_it_was_held(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::TopicState;
    use crate::domain::fixture::t;
    use crate::domain::meeting::MeetingState;
    use crate::domain::roster::Attendance;

    #[test]
    fn the_demo_is_the_third_hearing_before_it_was_held() {
        let now = t("2026-11-22T14:29:41+08:00");
        let m = demo(now);
        assert_eq!(m.meeting.title, "北苑居小区第三次听证协商会");
        assert_eq!(m.meeting.state, MeetingState::Planned);
        assert_eq!(m.meeting.planned_start, t("2026-11-22T14:29:00+08:00"));
        assert!(m.meeting.id.starts_with("2026-11-22-demo-"));
        assert_eq!(m.roster.len(), 13);
        assert!(
            m.roster
                .iter()
                .all(|a| a.attendance == Attendance::Expected)
        );
        assert_eq!(m.agenda.len(), 2);
        assert!(m.agenda.iter().all(|t| t.state == TopicState::Pending));
        assert!(m.speeches.is_empty() && m.votes.is_empty() && m.notices.is_empty());
        // The series still links the two earlier hearings.
        assert_eq!(m.meeting.series.as_ref().unwrap().earlier.len(), 2);
        assert!(m.validate().is_empty());
    }
}
