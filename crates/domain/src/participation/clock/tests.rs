use proptest::prelude::*;
use time::macros::{date, datetime};

use super::*;

fn no_holidays() -> Holidays {
    Holidays::default()
}

#[test]
fn calendar_time_excludes_waiting_for_the_submitter() {
    let start = datetime!(2026-11-02 09:00 +7);
    let pauses =
        [Pause { from: datetime!(2026-11-03 09:00 +7), until: Some(datetime!(2026-11-05 09:00 +7)) }];
    let used = consumed(start, datetime!(2026-11-06 09:00 +7), &pauses, DayCount::Calendar, &no_holidays());
    assert_eq!(used, Duration::days(2));
}

#[test]
fn a_pause_still_open_stops_the_clock_until_now() {
    let start = datetime!(2026-11-02 09:00 +7);
    let pauses = [Pause { from: datetime!(2026-11-03 09:00 +7), until: None }];
    let used = consumed(start, datetime!(2026-12-25 09:00 +7), &pauses, DayCount::Calendar, &no_holidays());
    assert_eq!(used, Duration::days(1));
}

#[test]
fn working_days_skip_weekends_and_holidays() {
    // Friday 16:00 to Tuesday 16:00, with Monday a holiday: Friday 8 h and Tuesday 16 h.
    let holidays = Holidays::new([date!(2026 - 12 - 07)]);
    let used = consumed(
        datetime!(2026-12-04 16:00 +7),
        datetime!(2026-12-08 16:00 +7),
        &[],
        DayCount::Working,
        &holidays,
    );
    assert_eq!(used, Duration::hours(24));
}

#[test]
fn fifteen_calendar_days_make_a_reply_overdue_and_eleven_and_a_quarter_due_soon() {
    assert_eq!(ClockReading::new(Duration::days(15), 15).state, ClockState::Overdue);
    assert_eq!(ClockReading::new(Duration::hours(15 * 18), 15).state, ClockState::DueSoon);
    assert_eq!(ClockReading::new(Duration::hours(15 * 18 - 1), 15).state, ClockState::OnTrack);
    assert_eq!(ClockReading::new(Duration::days(3), 15).percent(), 20);
}

#[test]
fn a_stored_deadline_reads_due_soon_in_its_last_quarter() {
    let due = datetime!(2026-11-17 09:00 +7);
    assert_eq!(state_at(due, due - Duration::days(4), 15), ClockState::OnTrack);
    assert_eq!(state_at(due, due - Duration::days(3), 15), ClockState::DueSoon);
    assert_eq!(state_at(due, due, 15), ClockState::Overdue);
}

#[test]
fn the_default_targets_follow_the_royal_decree() {
    let targets = ServiceTargets::default();
    assert_eq!((targets.reply_days, targets.update_days, targets.count), (15, 7, DayCount::Calendar));
}

#[test]
fn a_reply_due_in_15_days_moves_by_the_time_spent_waiting() {
    let start = datetime!(2026-11-02 09:00 +7);
    let target = Duration::days(15);
    let due = deadline(start, &[], DayCount::Calendar, &no_holidays(), target);
    assert_eq!(due, Some(datetime!(2026-11-17 09:00 +7)));
    let waited =
        [Pause { from: datetime!(2026-11-03 09:00 +7), until: Some(datetime!(2026-11-06 09:00 +7)) }];
    assert_eq!(
        deadline(start, &waited, DayCount::Calendar, &no_holidays(), target),
        Some(datetime!(2026-11-20 09:00 +7))
    );
    let waiting = [Pause { from: datetime!(2026-11-03 09:00 +7), until: None }];
    assert_eq!(
        deadline(start, &waiting, DayCount::Calendar, &no_holidays(), target),
        None,
        "no deadline while paused"
    );
}

#[test]
fn five_working_days_from_friday_afternoon_end_the_next_friday_afternoon() {
    let start = datetime!(2026-12-04 16:00 +7);
    let due = deadline(start, &[], DayCount::Working, &no_holidays(), Duration::days(5));
    assert_eq!(due, Some(datetime!(2026-12-11 16:00 +7)));
    let with_holiday = Holidays::new([date!(2026 - 12 - 07)]);
    assert_eq!(
        deadline(start, &[], DayCount::Working, &with_holiday, Duration::days(5)),
        Some(datetime!(2026-12-14 16:00 +7))
    );
}

fn instant() -> impl Strategy<Value = OffsetDateTime> {
    (1_780_000_000_i64..1_800_000_000).prop_map(|s| OffsetDateTime::from_unix_timestamp(s).unwrap())
}

fn pauses() -> impl Strategy<Value = Vec<Pause>> {
    prop::collection::vec((instant(), 0_i64..2_000_000, any::<bool>()), 0..5).prop_map(|raw| {
        raw.into_iter()
            .map(|(from, len, open)| Pause { from, until: (!open).then(|| from + Duration::seconds(len)) })
            .collect()
    })
}

proptest! {
    #[test]
    fn the_clock_never_runs_backwards(start in instant(), a in instant(), b in instant(), pauses in pauses()) {
        let (early, late) = (a.min(b), a.max(b));
        for count in [DayCount::Calendar, DayCount::Working] {
            let first = consumed(start, early, &pauses, count, &no_holidays());
            let second = consumed(start, late, &pauses, count, &no_holidays());
            prop_assert!(first <= second);
        }
    }

    #[test]
    fn pausing_never_adds_time(start in instant(), now in instant(), pauses in pauses()) {
        for count in [DayCount::Calendar, DayCount::Working] {
            let with = consumed(start, now, &pauses, count, &no_holidays());
            let without = consumed(start, now, &[], count, &no_holidays());
            prop_assert!(with <= without);
            prop_assert!(with >= Duration::ZERO);
        }
    }

    #[test]
    fn working_time_never_exceeds_calendar_time(start in instant(), now in instant(), pauses in pauses()) {
        let working = consumed(start, now, &pauses, DayCount::Working, &no_holidays());
        let calendar = consumed(start, now, &pauses, DayCount::Calendar, &no_holidays());
        prop_assert!(working <= calendar);
    }

    #[test]
    fn without_pauses_calendar_time_is_the_elapsed_time(start in instant(), now in instant()) {
        let used = consumed(start, now, &[], DayCount::Calendar, &no_holidays());
        prop_assert_eq!(used, (now - start).max(Duration::ZERO));
    }

    #[test]
    fn any_whole_week_holds_exactly_five_working_days(day in 0_i64..3_000) {
        let monday = date!(2026 - 01 - 05) + Duration::days(day);
        let start = bangkok_midnight(monday);
        let used = consumed(start, start + Duration::weeks(1), &[], DayCount::Working, &no_holidays());
        prop_assert_eq!(used, Duration::days(5));
    }
}

fn closed_pauses() -> impl Strategy<Value = Vec<Pause>> {
    prop::collection::vec((instant(), 0_i64..2_000_000), 0..5).prop_map(|raw| {
        raw.into_iter()
            .map(|(from, len)| Pause { from, until: Some(from + Duration::seconds(len)) })
            .collect()
    })
}

proptest! {
    #[test]
    fn at_the_deadline_the_clock_has_used_exactly_its_target(start in instant(), pauses in closed_pauses(), days in 1_i64..40, working in any::<bool>()) {
        let count = if working { DayCount::Working } else { DayCount::Calendar };
        let target = Duration::days(days);
        let due = deadline(start, &pauses, count, &no_holidays(), target).expect("no open pause");
        prop_assert_eq!(consumed(start, due, &pauses, count, &no_holidays()), target);
        prop_assert!(consumed(start, due - Duration::seconds(1), &pauses, count, &no_holidays()) < target);
    }
}
