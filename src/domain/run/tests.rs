use super::*;
use crate::domain::decision::DecisionNature;
use crate::domain::fixture::{small_meeting, t};
use crate::domain::notice::{NoticeStatus, PeriodKind};
use crate::domain::vote::{Outcome, RuleBook};

const T0: &str = "2016-03-15T14:20:00+08:00";

#[test]
fn checking_in_records_the_time_starts_the_meeting_and_can_be_undone() {
    let mut m = small_meeting();
    assert!(m.toggle_check_in(3, t(T0)));
    assert_eq!(
        m.roster[2].attendance,
        Attendance::Present { checked_in: t(T0) }
    );
    assert_eq!(m.meeting.state, MeetingState::InProgress);
    assert_eq!(m.meeting.actual_start, Some(t(T0)));
    // A second press undoes a check-in made by mistake.
    assert!(!m.toggle_check_in(3, t("2016-03-15T14:21:00+08:00")));
    assert_eq!(m.roster[2].attendance, Attendance::Expected);
    // The meeting keeps its first start.
    m.toggle_check_in(4, t("2016-03-15T14:25:00+08:00"));
    assert_eq!(m.meeting.actual_start, Some(t(T0)));
}

#[test]
fn absence_and_leaving_early_take_people_out_of_the_queue() {
    let mut m = small_meeting();
    m.toggle_check_in(3, t(T0));
    m.toggle_check_in(4, t(T0));
    m.queue_add(3);
    m.queue_add(4);
    m.mark_left_early(3, t("2016-03-15T15:00:00+08:00"));
    assert!(matches!(
        m.roster[2].attendance,
        Attendance::LeftEarly { .. }
    ));
    m.mark_absent(4, " 出差 ");
    assert_eq!(
        m.roster[3].attendance,
        Attendance::Absent {
            reason: "出差".into()
        }
    );
    assert!(m.live.queue.is_empty());
}

#[test]
fn people_added_before_the_meeting_are_expected_and_after_it_starts_present() {
    let mut m = small_meeting();
    let id = m.add_attendee("吴大姐", Role::Resident, "2号楼1单元", 1, t(T0));
    assert_eq!(id, 6);
    assert_eq!(m.attendee(6).unwrap().attendance, Attendance::Expected);
    assert_eq!(
        m.meeting.state,
        MeetingState::Planned,
        "adding people does not start it"
    );
    m.toggle_check_in(3, t(T0));
    let walk_in = m.add_attendee("钱大爷", Role::Resident, "", 1, t(T0));
    assert!(m.attendee(walk_in).unwrap().is_present());
    assert_eq!(m.attendance().present, 2);
}

#[test]
fn the_queue_keeps_order_and_no_duplicates() {
    let mut m = small_meeting();
    assert!(m.queue_add(3));
    assert!(m.queue_add(4));
    assert!(m.queue_add(5));
    assert!(!m.queue_add(4));
    assert_eq!(m.queue_move(2, true), 1);
    assert_eq!(m.live.queue, vec![3, 5, 4]);
    assert_eq!(m.queue_move(0, true), 0);
    m.queue_remove(0);
    assert_eq!(m.live.queue, vec![5, 4]);
}

#[test]
fn giving_the_floor_ends_the_previous_speech_with_its_length() {
    let mut m = small_meeting();
    m.start_topic(1, t(T0));
    m.queue_add(3);
    m.queue_add(4);
    assert_eq!(m.give_floor(0, t("2016-03-15T14:30:00+08:00")), Ok(3));
    assert_eq!(m.live.queue, vec![4]);
    m.floor_speech_mut().unwrap().summary = "我同意不再请物业".into();
    assert_eq!(m.give_floor(0, t("2016-03-15T14:31:30+08:00")), Ok(4));
    assert_eq!(m.speeches[0].duration_secs, 90);
    assert_eq!(m.speeches[0].topic, Some(1));
    assert_eq!(m.floor_speech().unwrap().speaker, 4);
    m.end_speech(t("2016-03-15T14:33:00+08:00"));
    assert_eq!(m.speeches[1].duration_secs, 90);
    assert_eq!(m.live.floor, None);
    assert!(m.give_floor(0, t(T0)).is_err());
}

#[test]
fn starting_a_topic_puts_the_previous_one_back() {
    let mut m = small_meeting();
    let second = m.add_topic("小区环境管理", "", 45);
    m.start_topic(1, t(T0));
    m.start_topic(second, t("2016-03-15T15:00:00+08:00"));
    assert_eq!(m.agenda[0].state, TopicState::Pending);
    assert_eq!(m.agenda[1].state, TopicState::Discussing);
    assert_eq!(m.current_topic().unwrap().id, second);
    m.adjust_time_box(second, -50);
    assert_eq!(m.agenda[1].planned_minutes, 0);
}

fn open_named_vote(m: &mut Minutes) -> VoteId {
    for id in 1..=5 {
        m.toggle_check_in(id, t(T0));
    }
    let rule = RuleBook::builtin()
        .get("household-majority")
        .unwrap()
        .clone();
    m.open_vote(
        "不再聘请物业公司",
        rule,
        VoteMethod::Named,
        &[3, 4, 5],
        t("2016-03-15T15:10:00+08:00"),
    )
}

#[test]
fn a_vote_snapshots_its_voters_and_closing_locks_it() {
    let mut m = small_meeting();
    let id = open_named_vote(&mut m);
    let vote = &m.votes[0];
    assert_eq!(vote.electorate.voters.len(), 3);
    assert!(
        vote.electorate
            .voters
            .iter()
            .all(|v| v.present && v.households == 12)
    );
    m.cast(id, 3, Choice::Yes).unwrap();
    m.cast(id, 4, Choice::No).unwrap();
    m.cast(id, 4, Choice::Yes).unwrap(); // a changed mind replaces the ballot
    m.cast(id, 5, Choice::Abstain).unwrap();
    let verdict = m.close_vote(id, t("2016-03-15T15:14:00+08:00")).unwrap();
    assert_eq!(verdict.outcome, Outcome::Passed);
    assert_eq!(m.votes[0].closed, Some(t("2016-03-15T15:14:00+08:00")));
    // Locked.
    assert!(m.cast(id, 5, Choice::No).is_err());
    assert!(m.close_vote(id, t(T0)).is_err());
}

#[test]
fn a_correction_is_kept_beside_the_original() {
    let mut m = small_meeting();
    let id = open_named_vote(&mut m);
    m.cast(id, 3, Choice::Yes).unwrap();
    m.cast(id, 4, Choice::Yes).unwrap();
    m.close_vote(id, t("2016-03-15T15:14:00+08:00")).unwrap();
    let original = m.votes[0].ballots.clone();
    let mut corrected = original.clone();
    set_ballot(&mut corrected, 4, Choice::No).unwrap();
    set_ballot(&mut corrected, 5, Choice::No).unwrap();
    assert!(m.correct_vote(id, corrected.clone(), "  ", t(T0)).is_err());
    let verdict = m
        .correct_vote(
            id,
            corrected,
            "李建军表示举手时听错了问题",
            t("2016-03-15T15:20:00+08:00"),
        )
        .unwrap();
    assert_eq!(verdict.outcome, Outcome::Failed);
    let vote = &m.votes[0];
    assert_eq!(
        vote.ballots, original,
        "the original ballots are never overwritten"
    );
    assert_eq!(vote.verdict.as_ref().unwrap().outcome, Outcome::Passed);
    assert_eq!(vote.current_verdict().unwrap().outcome, Outcome::Failed);
    assert_eq!(vote.corrections[0].at, t("2016-03-15T15:20:00+08:00"));
}

#[test]
fn an_impossible_hand_count_cannot_be_closed() {
    let mut m = small_meeting();
    m.toggle_check_in(3, t(T0));
    m.toggle_check_in(4, t(T0));
    let rule = RuleBook::builtin().get("simple-majority").unwrap().clone();
    let id = m.open_vote(
        "试行垃圾分类",
        rule,
        VoteMethod::HandCount,
        &[3, 4, 5],
        t(T0),
    );
    m.set_count(id, Choice::Yes, Measure::Heads, 3.0).unwrap();
    let err = m.close_vote(id, t(T0)).unwrap_err();
    assert!(err.zh.contains("多于出席"), "{}", err.zh);
    assert!(!m.votes[0].is_closed());
    m.set_count(id, Choice::Yes, Measure::Heads, 2.0).unwrap();
    assert_eq!(m.close_vote(id, t(T0)).unwrap().outcome, Outcome::Passed);
}

fn decide_and_post(m: &mut Minutes) -> usize {
    let id = open_named_vote(m);
    m.cast(id, 3, Choice::Yes).unwrap();
    m.cast(id, 4, Choice::Yes).unwrap();
    m.close_vote(id, t(T0)).unwrap();
    let d = m.record_decision(Decision {
        id: 0,
        topics: vec![1],
        vote: Some(id),
        text: "不再聘请物业公司".into(),
        nature: DecisionNature::Binding,
        basis: String::new(),
        money: None,
        responsible: "孙晓梅".into(),
        deadline: None,
        tasks: vec![],
        dissent: vec![],
        evaluation: None,
    });
    assert_eq!(m.agenda[0].state, TopicState::Decided);
    assert_eq!(m.decisions_without_notice(), vec![d]);
    let notice = Notice {
        decisions: vec![d],
        title: "关于不再聘请物业公司的公示".into(),
        basis: String::new(),
        period: NoticePeriod::ONE_WEEK,
        rest_days: RestDays::weekends(),
        posted_where: "楼道口公示栏".into(),
        objection_channel: String::new(),
        issuer: "居委会".into(),
        events: vec![],
    };
    let n = m
        .start_notice(
            notice,
            t("2016-03-16T09:00:00+08:00"),
            &RestDays::weekends(),
        )
        .unwrap();
    assert!(m.decisions_without_notice().is_empty());
    n
}

#[test]
fn an_objection_pauses_the_notice_and_reopens_its_topics() {
    let mut m = small_meeting();
    let n = decide_and_post(&mut m);
    let rest = RestDays::weekends();
    let status = |m: &Minutes, at: &str| m.notices[n].state_at(t(at), &rest).status();
    assert_eq!(
        status(&m, "2016-03-18T09:00:00+08:00"),
        NoticeStatus::Running
    );
    m.log_objection(
        n,
        "3号楼住户",
        "保洁费应按面积分摊",
        t("2016-03-18T10:00:00+08:00"),
    )
    .unwrap();
    assert_eq!(
        status(&m, "2016-03-18T10:00:00+08:00"),
        NoticeStatus::Paused
    );
    assert_eq!(m.agenda[0].state, TopicState::Reopened);
    // A paused notice takes no second objection; it can be posted again.
    assert!(
        m.log_objection(n, "某", "又一条", t("2016-03-18T11:00:00+08:00"))
            .is_err()
    );
    m.repost_notice(
        n,
        NoticePeriod::ONE_WEEK,
        t("2016-03-21T09:00:00+08:00"),
        &RestDays::weekends(),
    )
    .unwrap();
    assert_eq!(
        status(&m, "2016-03-22T09:00:00+08:00"),
        NoticeStatus::Running
    );
    assert_eq!(
        status(&m, "2016-03-29T00:00:00+08:00"),
        NoticeStatus::InForce
    );
}

#[test]
fn a_notice_after_its_end_takes_no_objection() {
    let mut m = small_meeting();
    let n = decide_and_post(&mut m);
    let err = m
        .log_objection(n, "某", "晚了", t("2016-03-24T08:00:00+08:00"))
        .unwrap_err();
    assert!(err.en.contains("only while the notice is running"));
}

#[test]
fn ending_the_meeting_closes_the_floor() {
    let mut m = small_meeting();
    m.toggle_check_in(3, t(T0));
    m.queue_add(3);
    m.give_floor(0, t("2016-03-15T14:30:00+08:00")).unwrap();
    m.end_meeting(t("2016-03-15T16:00:00+08:00"));
    assert_eq!(m.meeting.state, MeetingState::Closed);
    assert_eq!(m.meeting.actual_end, Some(t("2016-03-15T16:00:00+08:00")));
    assert_eq!(m.speeches[0].duration_secs, 90 * 60);
    assert!(m.live.is_idle());
}

/// The 2025 National Day week: 1–8 October off, Sunday 28 September and
/// Saturday 11 October worked.
fn national_day_2025() -> RestDays {
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    RestDays {
        holidays: [
            "2025-01-01",
            "2025-10-01",
            "2025-10-02",
            "2025-10-03",
            "2025-10-06",
            "2025-10-07",
            "2025-10-08",
        ]
        .into_iter()
        .map(d)
        .collect(),
        make_up_workdays: ["2025-09-28", "2025-10-11"].into_iter().map(d).collect(),
    }
}

fn post_on(m: &mut Minutes, at: &str, period: NoticePeriod, rest: &RestDays) -> usize {
    let n = Notice {
        decisions: vec![1],
        title: "关于更换小区门禁的公示".into(),
        basis: String::new(),
        period,
        rest_days: RestDays::weekends(),
        posted_where: "公示栏".into(),
        objection_channel: String::new(),
        issuer: "居委会".into(),
        events: vec![],
    };
    m.start_notice(n, t(at), rest).unwrap()
}

#[test]
fn a_notice_over_national_day_ends_after_the_holiday_and_keeps_its_days() {
    let mut m = small_meeting();
    let rest = national_day_2025();
    // Posted Friday 26 September for seven days: the seventh day, Friday
    // 3 October, is a holiday; the period ends on Thursday 9 October.
    let n = post_on(
        &mut m,
        "2025-09-26T10:00:00+08:00",
        NoticePeriod::ONE_WEEK,
        &rest,
    );
    let notice = &m.notices[n];
    assert_eq!(
        notice.current_end(&RestDays::weekends()),
        Some(t("2025-10-10T00:00:00+08:00")),
        "counted with the days stored in the notice, whatever the caller knows"
    );
    assert_eq!(
        notice.last_day(&RestDays::weekends()),
        chrono::NaiveDate::from_ymd_opt(2025, 10, 9)
    );
    // Only the days near its period are kept in the file.
    assert!(
        notice
            .rest_days
            .holidays
            .contains(&chrono::NaiveDate::from_ymd_opt(2025, 10, 8).unwrap())
    );
    assert!(
        !notice
            .rest_days
            .holidays
            .contains(&chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
    );
    let rest_now = RestDays::weekends();
    assert_eq!(
        notice
            .state_at(t("2025-10-09T23:00:00+08:00"), &rest_now)
            .status(),
        NoticeStatus::Running
    );
    assert_eq!(
        notice
            .state_at(t("2025-10-10T00:00:00+08:00"), &rest_now)
            .status(),
        NoticeStatus::InForce
    );
    // The file keeps them, and reads back the same.
    let text = crate::minutes_file::to_ron(&m);
    assert!(text.contains("rest_days: ("), "{text}");
    let back = crate::minutes_file::parse(std::path::Path::new("x.ron"), &text)
        .unwrap()
        .minutes;
    assert_eq!(back.notices[n].rest_days, m.notices[n].rest_days);
}

#[test]
fn working_days_skip_the_holiday_and_count_the_sunday_worked() {
    let mut m = small_meeting();
    let five = NoticePeriod {
        kind: PeriodKind::WorkingDays,
        length: 5,
    };
    // Fri 26 Sep posted; Sun 28 (worked) 1, Mon 29 2, Tue 30 3, the
    // holiday week skipped, Thu 9 Oct 4, Fri 10 Oct 5.
    let n = post_on(
        &mut m,
        "2025-09-26T10:00:00+08:00",
        five,
        &national_day_2025(),
    );
    assert_eq!(
        m.notices[n].last_day(&RestDays::weekends()),
        chrono::NaiveDate::from_ymd_opt(2025, 10, 10)
    );
    // Without the holidays it would have been Friday 3 October.
    let mut plain = small_meeting();
    let p = post_on(
        &mut plain,
        "2025-09-26T10:00:00+08:00",
        five,
        &RestDays::weekends(),
    );
    assert_eq!(
        plain.notices[p].last_day(&RestDays::weekends()),
        chrono::NaiveDate::from_ymd_opt(2025, 10, 3)
    );
    assert!(plain.notices[p].rest_days.is_empty());
    assert!(!crate::minutes_file::to_ron(&plain).contains("rest_days"));
}
