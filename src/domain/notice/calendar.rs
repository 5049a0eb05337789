//! Notice-period arithmetic (民法典 §201–203).
//!
//! - The day of posting is not counted: the period starts the next day.
//! - A period of N calendar days ends at 24:00 of its N-th day; if that day
//!   is a rest day, the period ends on the next working day.
//! - A period of N working days counts only working days.
//!
//! Rest days are Saturdays and Sundays, plus any holidays given to
//! [`RestDays`], minus make-up working days (调休).

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, NaiveTime, TimeDelta, Weekday};
use serde::{Deserialize, Serialize};

use super::{NoticePeriod, PeriodKind};
use crate::domain::Timestamp;

/// Which days are rest days: Saturdays and Sundays, plus public holidays,
/// minus make-up working days. Written in a notice (the days its period was
/// counted with) and in the user's `rest-days.ron`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestDays {
    /// Public holidays (法定节假日), e.g. "2025-10-01".
    #[serde(default)]
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days that are working days (调休上班).
    #[serde(default)]
    pub make_up_workdays: BTreeSet<NaiveDate>,
}

impl RestDays {
    /// Saturdays and Sundays only.
    pub fn weekends() -> Self {
        RestDays::default()
    }

    /// No holidays and no make-up days: weekends only.
    pub fn is_empty(&self) -> bool {
        self.holidays.is_empty() && self.make_up_workdays.is_empty()
    }

    /// The holidays and make-up days from `from` to `to`, both included.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> RestDays {
        RestDays {
            holidays: self.holidays.range(from..=to).copied().collect(),
            make_up_workdays: self.make_up_workdays.range(from..=to).copied().collect(),
        }
    }

    /// Both sets of days together.
    pub fn union(&self, other: &RestDays) -> RestDays {
        RestDays {
            holidays: self.holidays.union(&other.holidays).copied().collect(),
            make_up_workdays: self
                .make_up_workdays
                .union(&other.make_up_workdays)
                .copied()
                .collect(),
        }
    }

    /// The days that may matter to a period of `period` posted on
    /// `posted`: generous enough for any working-day period with long
    /// holidays in it.
    pub fn for_period(&self, posted: NaiveDate, period: NoticePeriod) -> RestDays {
        let span = u64::from(period.length) * 2 + 40;
        let to = posted.checked_add_days(Days::new(span)).unwrap_or(posted);
        self.between(posted, to)
    }

    pub fn is_rest_day(&self, day: NaiveDate) -> bool {
        if self.make_up_workdays.contains(&day) {
            return false;
        }
        matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || self.holidays.contains(&day)
    }
}

fn next_day(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(1)).unwrap_or(day)
}

/// The last day of a period posted on `posted`.
pub fn last_day(posted: NaiveDate, period: NoticePeriod, rest: &RestDays) -> NaiveDate {
    match period.kind {
        PeriodKind::CalendarDays => {
            let mut day = posted
                .checked_add_days(Days::new(u64::from(period.length)))
                .unwrap_or(posted);
            while rest.is_rest_day(day) {
                day = next_day(day);
            }
            day
        }
        PeriodKind::WorkingDays => {
            let mut day = posted;
            let mut counted = 0;
            while counted < period.length {
                day = next_day(day);
                if !rest.is_rest_day(day) {
                    counted += 1;
                }
            }
            day
        }
    }
}

/// The instant a period ends: 24:00 of its last day (00:00 of the day
/// after), at the UTC offset of the posting.
pub fn period_end(posted_at: Timestamp, period: NoticePeriod, rest: &RestDays) -> Timestamp {
    let last = last_day(posted_at.date_naive(), period, rest);
    let midnight = next_day(last).and_time(NaiveTime::MIN);
    midnight
        .and_local_timezone(*posted_at.offset())
        .single()
        .unwrap_or(posted_at)
}

/// Time left until a deadline, in whole days, hours, minutes and seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Remaining {
    pub days: i64,
    pub hours: i64,
    pub minutes: i64,
    pub seconds: i64,
}

impl Remaining {
    /// Time from `now` to `end`; zero once `end` has passed.
    pub fn between(now: Timestamp, end: Timestamp) -> Remaining {
        let left = (end - now).max(TimeDelta::zero());
        let secs = left.num_seconds();
        Remaining {
            days: secs / 86_400,
            hours: secs % 86_400 / 3_600,
            minutes: secs % 3_600 / 60,
            seconds: secs % 60,
        }
    }

    pub fn is_zero(&self) -> bool {
        self.days == 0 && self.hours == 0 && self.minutes == 0 && self.seconds == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn t(s: &str) -> Timestamp {
        DateTime::parse_from_rfc3339(s).unwrap()
    }
    const WEEK: NoticePeriod = NoticePeriod::ONE_WEEK;
    fn working(n: u32) -> NoticePeriod {
        NoticePeriod {
            kind: PeriodKind::WorkingDays,
            length: n,
        }
    }

    #[test]
    fn posting_day_is_not_counted() {
        // Posted Tuesday 2016-03-01: day 1 is Wednesday, day 7 is Tuesday 03-08.
        assert_eq!(
            last_day(d("2016-03-01"), WEEK, &RestDays::weekends()),
            d("2016-03-08")
        );
    }

    #[test]
    fn a_last_day_on_a_weekend_moves_to_monday() {
        // Posted Saturday 2016-03-05: day 7 is Saturday 03-12 → Monday 03-14.
        assert_eq!(
            last_day(d("2016-03-05"), WEEK, &RestDays::weekends()),
            d("2016-03-14")
        );
        // Posted Sunday: day 7 is Sunday → Monday.
        assert_eq!(
            last_day(d("2016-03-06"), WEEK, &RestDays::weekends()),
            d("2016-03-14")
        );
    }

    #[test]
    fn periods_cross_month_and_year_ends() {
        let rest = RestDays::weekends();
        // 2016 is a leap year: Feb 25 + 7 = Mar 3 (Thursday).
        assert_eq!(last_day(d("2016-02-25"), WEEK, &rest), d("2016-03-03"));
        // 2017-02-25 (Sat) + 7 = 2017-03-04 (Sat) → Monday 03-06.
        assert_eq!(last_day(d("2017-02-25"), WEEK, &rest), d("2017-03-06"));
        // 2015-12-28 (Mon) + 7 = 2016-01-04 (Mon).
        assert_eq!(last_day(d("2015-12-28"), WEEK, &rest), d("2016-01-04"));
        // 2016-12-26 (Mon) + 5 working days: Tue … Fri, then Monday 2017-01-02.
        assert_eq!(
            last_day(d("2016-12-26"), working(5), &rest),
            d("2017-01-02")
        );
        // 2016-12-29 (Thu) + 5 working days: Fri 30, Mon 2, Tue 3, Wed 4, Thu 5.
        assert_eq!(
            last_day(d("2016-12-29"), working(5), &rest),
            d("2017-01-05")
        );
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        let mut rest = RestDays::weekends();
        // Posted Friday 2016-03-04: Mon 7 … Fri 11.
        assert_eq!(
            last_day(d("2016-03-04"), working(5), &rest),
            d("2016-03-11")
        );
        // With Wednesday a holiday, the fifth working day is the next Monday.
        rest.holidays.insert(d("2016-03-09"));
        assert_eq!(
            last_day(d("2016-03-04"), working(5), &rest),
            d("2016-03-14")
        );
        // A make-up Saturday counts as a working day.
        rest.make_up_workdays.insert(d("2016-03-12"));
        assert_eq!(
            last_day(d("2016-03-04"), working(5), &rest),
            d("2016-03-12")
        );
    }

    #[test]
    fn a_holiday_last_day_moves_to_the_next_working_day() {
        let mut rest = RestDays::weekends();
        // 2016-09-28 (Wed) + 7 = 2016-10-05, inside the National Day week.
        for day in 1..=7 {
            rest.holidays
                .insert(NaiveDate::from_ymd_opt(2016, 10, day).unwrap());
        }
        // Without make-up days the weekend after it is skipped too.
        assert_eq!(last_day(d("2016-09-28"), WEEK, &rest), d("2016-10-10"));
        // In 2016, Saturday 10-08 and Sunday 10-09 were make-up working days.
        rest.make_up_workdays.insert(d("2016-10-08"));
        rest.make_up_workdays.insert(d("2016-10-09"));
        assert_eq!(last_day(d("2016-09-28"), WEEK, &rest), d("2016-10-08"));
    }

    #[test]
    fn the_period_ends_at_midnight_after_the_last_day_in_the_posting_offset() {
        let end = period_end(t("2016-03-01T16:30:00+08:00"), WEEK, &RestDays::weekends());
        assert_eq!(end, t("2016-03-09T00:00:00+08:00"));
    }

    #[test]
    fn remaining_time_counts_down_and_stops_at_zero() {
        let end = t("2016-03-09T00:00:00+08:00");
        let r = Remaining::between(t("2016-03-01T16:30:00+08:00"), end);
        assert_eq!((r.days, r.hours, r.minutes, r.seconds), (7, 7, 30, 0));
        let r = Remaining::between(t("2016-03-08T23:59:59+08:00"), end);
        assert_eq!((r.days, r.hours, r.minutes, r.seconds), (0, 0, 0, 1));
        assert!(Remaining::between(t("2016-03-10T00:00:00+08:00"), end).is_zero());
    }
}
