use super::*;

use chrono::DateTime;
use proptest::prelude::*;

use crate::i18n::Lang;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn t(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn working(length: u32) -> NoticePeriod {
    NoticePeriod {
        kind: PeriodKind::WorkingDays,
        length,
    }
}

fn weekends() -> RestDays {
    RestDays::weekends()
}

/// The notice of the canonical case (北苑居小区, seed 000).
fn notice(period: NoticePeriod, events: Vec<NoticeEvent>) -> Notice {
    Notice {
        decisions: vec![1, 2],
        title: "关于北苑居小区聘请保洁员及保洁费分摊办法的公示".to_string(),
        basis: "根据《中心广场社区居民议事协商规则》".to_string(),
        period,
        rest_days: RestDays::weekends(),
        posted_where: "各单元楼道口公示栏".to_string(),
        objection_channel: "书面或电话向中心广场社区居委会反映".to_string(),
        issuer: "中心广场社区居民委员会".to_string(),
        events,
    }
}

fn posted(at: &str) -> NoticeEvent {
    NoticeEvent::Posted { at: t(at) }
}

fn objection(at: &str) -> NoticeEvent {
    NoticeEvent::Objection(Objection {
        at: t(at),
        by: "3号楼住户王某".to_string(),
        content: "保洁费按户均摊不合理，应按面积分摊".to_string(),
        handling: String::new(),
    })
}

fn review(at: &str) -> NoticeEvent {
    NoticeEvent::Review {
        at: t(at),
        note: "提交邻里之家理事会再协商".to_string(),
        meeting: Some(MeetingRef {
            id: "2016-03-15-beiyuanju-4".to_string(),
            title: "北苑居小区环境管理第四次听证协商会".to_string(),
            date: d("2016-03-15"),
        }),
    }
}

fn reposted(at: &str, period: NoticePeriod) -> NoticeEvent {
    NoticeEvent::Reposted { at: t(at), period }
}

fn withdrawn(at: &str) -> NoticeEvent {
    NoticeEvent::Withdrawn {
        at: t(at),
        reason: "经再协商，改为聘请物业公司，原决定撤销".to_string(),
    }
}

fn results(at: &str) -> NoticeEvent {
    NoticeEvent::ResultsPublished {
        at: t(at),
        note: "已聘请保洁员一名，全年保洁费 9,240 元已由各单元长收齐".to_string(),
    }
}

/// A one-week notice posted Tuesday 2016-03-01 at 16:30: last day Tuesday
/// 03-08, ends at 24:00 that day.
const POSTED: &str = "2016-03-01T16:30:00+08:00";
const END: &str = "2016-03-09T00:00:00+08:00";

fn running(ends: &str, reposted: bool) -> NoticeState {
    NoticeState::Running {
        ends: t(ends),
        reposted,
    }
}

fn in_force(since: &str) -> NoticeState {
    NoticeState::InForce { since: t(since) }
}

fn state(n: &Notice, now: &str) -> NoticeState {
    n.state_at(t(now), &weekends())
}

// ---------------------------------------------------------------------------
// Posted and left alone
// ---------------------------------------------------------------------------

#[test]
fn a_notice_never_posted_is_a_draft() {
    let n = notice(NoticePeriod::ONE_WEEK, vec![]);
    assert_eq!(state(&n, "2030-01-01T00:00:00+08:00"), NoticeState::Draft);
    assert_eq!(n.current_end(&weekends()), None);
    assert_eq!(n.last_day(&weekends()), None);
    assert_eq!(n.posted_at(), None);
}

#[test]
fn a_notice_is_a_draft_until_the_instant_it_is_posted() {
    let n = notice(NoticePeriod::ONE_WEEK, vec![posted(POSTED)]);
    assert_eq!(state(&n, "2016-03-01T16:29:59+08:00"), NoticeState::Draft);
    assert_eq!(state(&n, POSTED), running(END, false));
}

#[test]
fn a_one_week_notice_runs_until_midnight_after_its_seventh_day() {
    let n = notice(NoticePeriod::ONE_WEEK, vec![posted(POSTED)]);
    assert_eq!(n.last_day(&weekends()), Some(d("2016-03-08")));
    assert_eq!(n.current_end(&weekends()), Some(t(END)));
    assert_eq!(state(&n, "2016-03-05T10:00:00+08:00"), running(END, false));
    // One second before 24:00 of the last day: still on notice.
    assert_eq!(state(&n, "2016-03-08T23:59:59+08:00"), running(END, false));
    // At 24:00 exactly it is in force, since that midnight.
    assert_eq!(state(&n, END), in_force(END));
    assert_eq!(state(&n, "2016-03-09T00:00:01+08:00"), in_force(END));
    // And a year later, without anyone touching the file.
    assert_eq!(state(&n, "2017-03-09T09:00:00+08:00"), in_force(END));
}

#[test]
fn the_end_is_the_same_instant_whatever_the_offset_of_now() {
    let n = notice(NoticePeriod::ONE_WEEK, vec![posted(POSTED)]);
    // 24:00 in Beijing is 16:00 UTC.
    assert_eq!(state(&n, "2016-03-08T15:59:59Z"), running(END, false));
    assert_eq!(state(&n, "2016-03-08T16:00:00Z"), in_force(END));
}

#[test]
fn the_posting_day_is_not_counted_whatever_the_hour_of_posting() {
    for at in [
        "2016-03-01T00:00:00+08:00",
        "2016-03-01T08:00:00+08:00",
        "2016-03-01T23:59:59+08:00",
    ] {
        let n = notice(NoticePeriod::ONE_WEEK, vec![posted(at)]);
        assert_eq!(n.current_end(&weekends()), Some(t(END)), "{at}");
        assert_eq!(n.last_day(&weekends()), Some(d("2016-03-08")), "{at}");
    }
}

#[test]
fn a_one_week_notice_ending_on_a_weekend_runs_to_monday() {
    // Posted Saturday 2016-03-05: day 7 is Saturday 03-12 → Monday 03-14.
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![posted("2016-03-05T09:00:00+08:00")],
    );
    assert_eq!(n.last_day(&weekends()), Some(d("2016-03-14")));
    assert_eq!(
        state(&n, "2016-03-13T12:00:00+08:00"),
        running("2016-03-15T00:00:00+08:00", false)
    );
    assert_eq!(
        state(&n, "2016-03-14T23:59:59+08:00"),
        running("2016-03-15T00:00:00+08:00", false)
    );
    assert_eq!(
        state(&n, "2016-03-15T00:00:00+08:00"),
        in_force("2016-03-15T00:00:00+08:00")
    );
}

// ---------------------------------------------------------------------------
// Objection, review, repost
// ---------------------------------------------------------------------------

#[test]
fn an_objection_during_the_period_pauses_the_notice() {
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![posted(POSTED), objection("2016-03-04T19:20:00+08:00")],
    );
    assert_eq!(state(&n, "2016-03-04T19:19:59+08:00"), running(END, false));
    assert_eq!(state(&n, "2016-03-04T19:20:00+08:00"), NoticeState::Paused);
    // A paused notice does not come into force when its period would have ended.
    assert_eq!(state(&n, END), NoticeState::Paused);
    assert_eq!(state(&n, "2016-06-01T00:00:00+08:00"), NoticeState::Paused);
}

#[test]
fn an_objection_in_the_last_second_still_pauses() {
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![posted(POSTED), objection("2016-03-08T23:59:59+08:00")],
    );
    assert_eq!(state(&n, "2016-03-10T00:00:00+08:00"), NoticeState::Paused);
}

#[test]
fn an_objection_at_or_after_the_end_does_not_pause() {
    for late in [
        END,
        "2016-03-09T00:00:01+08:00",
        "2016-03-20T10:00:00+08:00",
    ] {
        let n = notice(
            NoticePeriod::ONE_WEEK,
            vec![posted(POSTED), objection(late)],
        );
        assert_eq!(
            state(&n, "2016-03-25T00:00:00+08:00"),
            in_force(END),
            "{late}"
        );
        // The objection is kept in the record all the same.
        assert_eq!(n.objections().count(), 1);
    }
}

#[test]
fn a_second_objection_keeps_the_notice_paused_or_under_review() {
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![
            posted(POSTED),
            objection("2016-03-03T09:00:00+08:00"),
            objection("2016-03-04T09:00:00+08:00"),
        ],
    );
    assert_eq!(state(&n, "2016-03-05T00:00:00+08:00"), NoticeState::Paused);
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![
            posted(POSTED),
            objection("2016-03-03T09:00:00+08:00"),
            review("2016-03-04T09:00:00+08:00"),
            objection("2016-03-05T09:00:00+08:00"),
        ],
    );
    assert_eq!(
        state(&n, "2016-03-06T00:00:00+08:00"),
        NoticeState::UnderReview
    );
}

#[test]
fn a_review_without_an_objection_does_not_stop_the_notice() {
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![posted(POSTED), review("2016-03-03T09:00:00+08:00")],
    );
    assert_eq!(state(&n, "2016-03-04T00:00:00+08:00"), running(END, false));
    assert_eq!(state(&n, END), in_force(END));
}

/// Posted 03-01, objection 03-04, reviewed at a new meeting 03-15, reposted
/// Wednesday 03-16 for a week: new last day Wednesday 03-23.
fn objected_and_reposted() -> Notice {
    notice(
        NoticePeriod::ONE_WEEK,
        vec![
            posted(POSTED),
            objection("2016-03-04T19:20:00+08:00"),
            review("2016-03-15T14:00:00+08:00"),
            reposted("2016-03-16T10:00:00+08:00", NoticePeriod::ONE_WEEK),
        ],
    )
}

const NEW_END: &str = "2016-03-24T00:00:00+08:00";

#[test]
fn objection_review_and_repost_go_through_each_state() {
    let n = objected_and_reposted();
    assert_eq!(state(&n, "2016-03-02T00:00:00+08:00"), running(END, false));
    assert_eq!(state(&n, "2016-03-10T00:00:00+08:00"), NoticeState::Paused);
    assert_eq!(
        state(&n, "2016-03-15T14:00:00+08:00"),
        NoticeState::UnderReview
    );
    assert_eq!(
        state(&n, "2016-03-16T09:59:59+08:00"),
        NoticeState::UnderReview
    );
    assert_eq!(
        state(&n, "2016-03-16T10:00:00+08:00"),
        running(NEW_END, true)
    );
}

#[test]
fn a_repost_runs_a_full_new_period_from_the_repost() {
    let n = objected_and_reposted();
    assert_eq!(n.current_end(&weekends()), Some(t(NEW_END)));
    assert_eq!(n.last_day(&weekends()), Some(d("2016-03-23")));
    // The first posting is still the first posting.
    assert_eq!(n.posted_at(), Some(t(POSTED)));
    assert_eq!(
        state(&n, "2016-03-23T23:59:59+08:00"),
        running(NEW_END, true)
    );
    assert_eq!(state(&n, NEW_END), in_force(NEW_END));
    assert_eq!(state(&n, "2016-03-24T00:00:01+08:00"), in_force(NEW_END));
}

#[test]
fn a_notice_can_be_reposted_straight_from_the_pause() {
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![
            posted(POSTED),
            objection("2016-03-04T19:20:00+08:00"),
            reposted("2016-03-07T10:00:00+08:00", NoticePeriod::ONE_WEEK),
        ],
    );
    // 03-07 (Mon) + 7 = 03-14 (Mon).
    assert_eq!(
        state(&n, "2016-03-09T00:00:00+08:00"),
        running("2016-03-15T00:00:00+08:00", true)
    );
}

#[test]
fn a_repost_may_use_a_different_period() {
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![
            posted(POSTED),
            objection("2016-03-04T19:20:00+08:00"),
            review("2016-03-15T14:00:00+08:00"),
            // Wednesday 03-16 + 5 working days: Thu, Fri, Mon, Tue, Wed 03-23.
            reposted("2016-03-16T10:00:00+08:00", working(5)),
        ],
    );
    assert_eq!(n.last_day(&weekends()), Some(d("2016-03-23")));
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![
            posted(POSTED),
            objection("2016-03-04T19:20:00+08:00"),
            // Friday 03-18 + 3 working days: Mon, Tue, Wed 03-23.
            reposted("2016-03-18T10:00:00+08:00", working(3)),
        ],
    );
    assert_eq!(n.current_end(&weekends()), Some(t(NEW_END)));
    assert_eq!(state(&n, NEW_END), in_force(NEW_END));
}

#[test]
fn an_objection_to_the_reposted_notice_pauses_it_again() {
    let mut n = objected_and_reposted();
    n.events.push(objection("2016-03-20T08:00:00+08:00"));
    assert_eq!(
        state(&n, "2016-03-19T00:00:00+08:00"),
        running(NEW_END, true)
    );
    assert_eq!(state(&n, "2016-03-25T00:00:00+08:00"), NoticeState::Paused);
}

// ---------------------------------------------------------------------------
// Withdrawal and results
// ---------------------------------------------------------------------------

#[test]
fn a_notice_can_be_withdrawn_from_any_state() {
    // (history, the state just before the withdrawal, the withdrawal).
    let histories: Vec<(Vec<NoticeEvent>, NoticeState, &str)> = vec![
        (vec![], NoticeState::Draft, "2016-02-28T09:00:00+08:00"),
        (
            vec![posted(POSTED)],
            running(END, false),
            "2016-03-05T09:00:00+08:00",
        ),
        (
            vec![posted(POSTED), objection("2016-03-04T19:20:00+08:00")],
            NoticeState::Paused,
            "2016-03-10T09:00:00+08:00",
        ),
        (
            vec![
                posted(POSTED),
                objection("2016-03-04T19:20:00+08:00"),
                review("2016-03-15T14:00:00+08:00"),
            ],
            NoticeState::UnderReview,
            "2016-03-17T09:00:00+08:00",
        ),
        (
            vec![
                posted(POSTED),
                objection("2016-03-04T19:20:00+08:00"),
                reposted("2016-03-16T10:00:00+08:00", NoticePeriod::ONE_WEEK),
            ],
            running(NEW_END, true),
            "2016-03-17T09:00:00+08:00",
        ),
        (
            vec![posted(POSTED)],
            in_force(END),
            "2016-04-01T09:00:00+08:00",
        ),
        (
            vec![posted(POSTED), results("2016-03-16T10:00:00+08:00")],
            NoticeState::ResultsPublished,
            "2016-04-01T09:00:00+08:00",
        ),
    ];
    for (mut events, before, withdrawal) in histories {
        events.push(withdrawn(withdrawal));
        let n = notice(NoticePeriod::ONE_WEEK, events);
        let just_before = t(withdrawal) - chrono::TimeDelta::seconds(1);
        assert_eq!(n.state_at(just_before, &weekends()), before, "{before:?}");
        assert_eq!(state(&n, withdrawal), NoticeState::Withdrawn, "{before:?}");
        assert_eq!(
            state(&n, "2016-05-01T00:00:00+08:00"),
            NoticeState::Withdrawn,
            "{before:?}"
        );
    }
}

#[test]
fn a_withdrawn_notice_stays_withdrawn() {
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![
            posted(POSTED),
            objection("2016-03-04T19:20:00+08:00"),
            withdrawn("2016-03-10T09:00:00+08:00"),
            reposted("2016-03-16T10:00:00+08:00", NoticePeriod::ONE_WEEK),
            results("2016-04-01T10:00:00+08:00"),
        ],
    );
    assert_eq!(
        state(&n, "2016-05-01T00:00:00+08:00"),
        NoticeState::Withdrawn
    );
}

#[test]
fn results_are_published_only_for_a_decision_in_force() {
    // From in force.
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![posted(POSTED), results("2016-12-30T10:00:00+08:00")],
    );
    assert_eq!(state(&n, "2016-12-30T09:59:59+08:00"), in_force(END));
    assert_eq!(
        state(&n, "2016-12-30T10:00:00+08:00"),
        NoticeState::ResultsPublished
    );
    // At the very instant the period ends, the decision is in force.
    let n = notice(NoticePeriod::ONE_WEEK, vec![posted(POSTED), results(END)]);
    assert_eq!(state(&n, END), NoticeState::ResultsPublished);
    // Not while running, paused or under review.
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![posted(POSTED), results("2016-03-08T23:59:59+08:00")],
    );
    assert_eq!(state(&n, "2016-03-08T23:59:59+08:00"), running(END, false));
    assert_eq!(state(&n, END), in_force(END));
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![
            posted(POSTED),
            objection("2016-03-04T19:20:00+08:00"),
            results("2016-03-20T10:00:00+08:00"),
        ],
    );
    assert_eq!(state(&n, "2016-03-21T00:00:00+08:00"), NoticeState::Paused);
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![
            posted(POSTED),
            objection("2016-03-04T19:20:00+08:00"),
            review("2016-03-15T14:00:00+08:00"),
            results("2016-03-20T10:00:00+08:00"),
        ],
    );
    assert_eq!(
        state(&n, "2016-03-21T00:00:00+08:00"),
        NoticeState::UnderReview
    );
    // Nor for a notice never posted.
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![results("2016-03-20T10:00:00+08:00")],
    );
    assert_eq!(state(&n, "2016-03-21T00:00:00+08:00"), NoticeState::Draft);
}

// ---------------------------------------------------------------------------
// The state at an earlier instant
// ---------------------------------------------------------------------------

#[test]
fn events_after_now_are_ignored() {
    let mut n = objected_and_reposted();
    n.events.push(results("2016-04-10T10:00:00+08:00"));
    // The whole history, read at each instant, as if later events had not
    // happened yet.
    let checkpoints = [
        ("2016-03-01T00:00:00+08:00", NoticeState::Draft),
        ("2016-03-04T19:19:59+08:00", running(END, false)),
        ("2016-03-12T00:00:00+08:00", NoticeState::Paused),
        ("2016-03-15T20:00:00+08:00", NoticeState::UnderReview),
        ("2016-03-20T00:00:00+08:00", running(NEW_END, true)),
        ("2016-04-10T09:59:59+08:00", in_force(NEW_END)),
        ("2016-04-10T10:00:00+08:00", NoticeState::ResultsPublished),
    ];
    for (now, expected) in checkpoints {
        assert_eq!(state(&n, now), expected, "{now}");
        // The same as the notice with only the events up to then.
        let mut earlier = n.clone();
        earlier.events.retain(|e| e.at() <= t(now));
        assert_eq!(state(&earlier, now), expected, "{now}");
    }
}

#[test]
fn a_notice_read_before_its_objection_would_have_come_into_force() {
    // Without the objection it would be in force at 03-09; read on 03-03,
    // before the objection of 03-04, it is simply running.
    let n = objected_and_reposted();
    assert_eq!(state(&n, "2016-03-03T12:00:00+08:00"), running(END, false));
}

// ---------------------------------------------------------------------------
// Working days
// ---------------------------------------------------------------------------

#[test]
fn five_working_days_run_across_a_weekend() {
    // Posted Thursday 2016-03-03: Fri 4, Mon 7, Tue 8, Wed 9, Thu 10.
    let n = notice(working(5), vec![posted("2016-03-03T15:00:00+08:00")]);
    assert_eq!(n.last_day(&weekends()), Some(d("2016-03-10")));
    let end = "2016-03-11T00:00:00+08:00";
    assert_eq!(state(&n, "2016-03-06T12:00:00+08:00"), running(end, false));
    assert_eq!(state(&n, "2016-03-10T23:59:59+08:00"), running(end, false));
    assert_eq!(state(&n, end), in_force(end));
    // Posted Friday 2016-03-04: Mon 7 … Fri 11.
    let n = notice(working(5), vec![posted("2016-03-04T15:00:00+08:00")]);
    assert_eq!(n.last_day(&weekends()), Some(d("2016-03-11")));
    assert_eq!(
        n.current_end(&weekends()),
        Some(t("2016-03-12T00:00:00+08:00"))
    );
}

#[test]
fn five_working_days_run_across_the_year_end() {
    // Posted Thursday 2016-12-29: Fri 30, Mon 2, Tue 3, Wed 4, Thu 5.
    let n = notice(working(5), vec![posted("2016-12-29T16:00:00+08:00")]);
    assert_eq!(n.last_day(&weekends()), Some(d("2017-01-05")));
    let end = "2017-01-06T00:00:00+08:00";
    assert_eq!(state(&n, "2016-12-31T12:00:00+08:00"), running(end, false));
    assert_eq!(state(&n, "2017-01-05T23:59:59+08:00"), running(end, false));
    assert_eq!(state(&n, end), in_force(end));
}

#[test]
fn the_new_year_holiday_adds_a_working_day() {
    // 元旦 2017: Monday 01-02 was a day off, so the fifth working day after
    // Thursday 2016-12-29 is Friday 01-06.
    let mut rest = weekends();
    rest.holidays.insert(d("2017-01-02"));
    let n = notice(working(5), vec![posted("2016-12-29T16:00:00+08:00")]);
    assert_eq!(n.last_day(&rest), Some(d("2017-01-06")));
    let end = t("2017-01-07T00:00:00+08:00");
    assert_eq!(n.current_end(&rest), Some(end));
    assert_eq!(
        n.state_at(t("2017-01-06T23:59:59+08:00"), &rest),
        NoticeState::Running {
            ends: end,
            reposted: false
        }
    );
    assert_eq!(n.state_at(end, &rest), NoticeState::InForce { since: end });
    // Under weekends only, the same instant is already in force.
    assert_eq!(
        n.state_at(t("2017-01-06T23:59:59+08:00"), &weekends()),
        in_force("2017-01-06T00:00:00+08:00")
    );
}

#[test]
fn a_one_week_notice_across_the_year_end_moves_off_the_holiday() {
    // Posted Monday 2016-12-26: day 7 is Monday 2017-01-02, a holiday → Tuesday.
    let mut rest = weekends();
    rest.holidays.insert(d("2017-01-02"));
    let n = notice(
        NoticePeriod::ONE_WEEK,
        vec![posted("2016-12-26T09:00:00+08:00")],
    );
    assert_eq!(n.last_day(&weekends()), Some(d("2017-01-02")));
    assert_eq!(n.last_day(&rest), Some(d("2017-01-03")));
}

// ---------------------------------------------------------------------------
// Labels and descriptions
// ---------------------------------------------------------------------------

#[test]
fn periods_are_described_in_both_languages() {
    assert_eq!(NoticePeriod::ONE_WEEK.describe(Lang::Zh), "7 日");
    assert_eq!(NoticePeriod::ONE_WEEK.describe(Lang::En), "7 days");
    assert_eq!(working(5).describe(Lang::Zh), "5 个工作日");
    assert_eq!(working(5).describe(Lang::En), "5 working days");
}

#[test]
fn each_state_has_its_status_and_only_in_force_ones_are_in_force() {
    let n = objected_and_reposted();
    let statuses = [
        ("2016-03-01T00:00:00+08:00", NoticeStatus::Draft),
        ("2016-03-02T00:00:00+08:00", NoticeStatus::Running),
        ("2016-03-10T00:00:00+08:00", NoticeStatus::Paused),
        ("2016-03-15T20:00:00+08:00", NoticeStatus::UnderReview),
        ("2016-03-25T00:00:00+08:00", NoticeStatus::InForce),
    ];
    for (now, status) in statuses {
        assert_eq!(state(&n, now).status(), status, "{now}");
    }
    assert_eq!(NoticeState::Withdrawn.status(), NoticeStatus::Withdrawn);
    assert_eq!(
        NoticeState::ResultsPublished.status(),
        NoticeStatus::ResultsPublished
    );
    let in_force: Vec<NoticeStatus> = NoticeStatus::ALL
        .into_iter()
        .filter(|s| s.in_force())
        .collect();
    assert_eq!(
        in_force,
        vec![NoticeStatus::InForce, NoticeStatus::ResultsPublished]
    );
    assert_eq!(NoticeStatus::InForce.label(Lang::Zh), "期满无异议，已生效");
    assert_eq!(NoticeStatus::Paused.label(Lang::Zh), "暂停（有异议）");
}

#[test]
fn objections_are_listed_in_order_with_who_and_what() {
    let mut n = objected_and_reposted();
    n.events.push(NoticeEvent::Objection(Objection {
        at: t("2016-03-20T08:00:00+08:00"),
        by: "匿名".to_string(),
        content: "保洁员工作时间应公示".to_string(),
        handling: "已答复：每日上午七时至十一时".to_string(),
    }));
    let listed: Vec<(&str, &str)> = n
        .objections()
        .map(|o| (o.by.as_str(), o.content.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("3号楼住户王某", "保洁费按户均摊不合理，应按面积分摊"),
            ("匿名", "保洁员工作时间应公示"),
        ]
    );
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

fn any_period() -> impl Strategy<Value = NoticePeriod> {
    (any::<bool>(), 1u32..=30).prop_map(|(calendar, length)| NoticePeriod {
        kind: if calendar {
            PeriodKind::CalendarDays
        } else {
            PeriodKind::WorkingDays
        },
        length,
    })
}

/// An instant between 2015 and 2030, at a Chinese or other offset.
fn any_instant() -> impl Strategy<Value = Timestamp> {
    (
        1_420_070_400i64..1_893_456_000,
        prop::sample::select(vec![8 * 3600, 0, -5 * 3600, 9 * 3600 + 1800]),
    )
        .prop_map(|(secs, offset)| {
            DateTime::from_timestamp(secs, 0)
                .unwrap()
                .with_timezone(&chrono::FixedOffset::east_opt(offset).unwrap())
        })
}

proptest! {
    #[test]
    fn an_untouched_notice_runs_until_its_end_then_is_in_force(
        at in any_instant(),
        period in any_period(),
    ) {
        let rest = weekends();
        let n = Notice { events: vec![NoticeEvent::Posted { at }], ..notice(period, vec![]) };
        let end = n.current_end(&rest).unwrap();
        let last = n.last_day(&rest).unwrap();
        // The end is 24:00 of the last day, at the posting's offset.
        prop_assert_eq!(end.offset(), at.offset());
        prop_assert_eq!(end.date_naive(), last.succ_opt().unwrap());
        prop_assert_eq!(end.time(), chrono::NaiveTime::MIN);
        // The last day is a working day after the posting day, and a period
        // is never shorter than its length in calendar days.
        prop_assert!(!rest.is_rest_day(last));
        prop_assert!(last > at.date_naive());
        prop_assert!((last - at.date_naive()).num_days() >= i64::from(period.length));
        let second = chrono::TimeDelta::seconds(1);
        prop_assert_eq!(n.state_at(at, &rest), NoticeState::Running { ends: end, reposted: false });
        prop_assert_eq!(n.state_at(end - second, &rest), NoticeState::Running { ends: end, reposted: false });
        prop_assert_eq!(n.state_at(end, &rest), NoticeState::InForce { since: end });
        prop_assert_eq!(n.state_at(end + second, &rest), NoticeState::InForce { since: end });
        prop_assert_eq!(n.state_at(at - second, &rest), NoticeState::Draft);
    }

    #[test]
    fn an_objection_pauses_exactly_when_it_comes_before_the_end(
        at in any_instant(),
        period in any_period(),
        after_secs in 0i64..(60 * 86_400),
    ) {
        let rest = weekends();
        let objected = at + chrono::TimeDelta::seconds(after_secs);
        let mut n = notice(period, vec![NoticeEvent::Posted { at }]);
        let end = n.current_end(&rest).unwrap();
        n.events.push(NoticeEvent::Objection(Objection {
            at: objected,
            by: "3号楼住户王某".to_string(),
            content: "保洁费按户均摊不合理，应按面积分摊".to_string(),
            handling: String::new(),
        }));
        let later = end.max(objected) + chrono::TimeDelta::days(1);
        let expected = if objected < end {
            NoticeState::Paused
        } else {
            NoticeState::InForce { since: end }
        };
        prop_assert_eq!(n.state_at(later, &rest), expected);
    }

    #[test]
    fn the_state_at_an_instant_depends_only_on_earlier_events(
        now_secs in 0i64..(40 * 86_400),
        extra in prop::collection::vec((0u8..5, 0i64..(40 * 86_400)), 0..6),
    ) {
        // The canonical history plus random later events, kept in time order.
        let start = t(POSTED);
        let mut n = notice(NoticePeriod::ONE_WEEK, vec![posted(POSTED)]);
        let mut offsets: Vec<(u8, i64)> = extra;
        offsets.sort_by_key(|&(_, s)| s);
        for (kind, secs) in offsets {
            let at = start + chrono::TimeDelta::seconds(secs);
            n.events.push(match kind {
                0 => NoticeEvent::Objection(Objection {
                    at,
                    by: "3号楼住户王某".to_string(),
                    content: "保洁费按户均摊不合理，应按面积分摊".to_string(),
                    handling: String::new(),
                }),
                1 => NoticeEvent::Review { at, note: String::new(), meeting: None },
                2 => NoticeEvent::Reposted { at, period: NoticePeriod::ONE_WEEK },
                3 => NoticeEvent::Withdrawn { at, reason: String::new() },
                _ => NoticeEvent::ResultsPublished { at, note: String::new() },
            });
        }
        let now = start + chrono::TimeDelta::seconds(now_secs);
        let mut earlier = n.clone();
        earlier.events.retain(|e| e.at() <= now);
        let rest = weekends();
        let state = n.state_at(now, &rest);
        prop_assert_eq!(state, earlier.state_at(now, &rest));
        // A running notice is never past its end, and in force never before it.
        match state {
            NoticeState::Running { ends, .. } => prop_assert!(now < ends),
            NoticeState::InForce { since } => prop_assert!(since <= now),
            _ => {}
        }
    }
}
