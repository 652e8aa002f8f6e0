use proptest::prelude::*;
use time::macros::{date, datetime};

use super::*;

#[test]
fn fiscal_2570_runs_from_october_2026_to_september_2027() {
    let fy = FiscalYear::from_be(2570);
    assert_eq!(fy.first_day(), date!(2026 - 10 - 01));
    assert_eq!(fy.last_day(), date!(2027 - 09 - 30));
    assert_eq!(fy.starts_at(), datetime!(2026-09-30 17:00 UTC));
}

#[test]
fn midnight_of_first_october_in_bangkok_starts_a_new_year() {
    let start = datetime!(2026-10-01 00:00 +7);
    assert_eq!(FiscalYear::of(start), FiscalYear::from_be(2570));
    assert_eq!(FiscalYear::of(start - time::Duration::nanoseconds(1)), FiscalYear::from_be(2569));
}

#[test]
fn an_evening_in_utc_can_already_be_the_next_fiscal_year_in_bangkok() {
    // 30 Sep 2026 18:00 UTC is 1 Oct 2026 01:00 in Bangkok.
    assert_eq!(FiscalYear::of(datetime!(2026-09-30 18:00 UTC)), FiscalYear::from_be(2570));
}

#[test]
fn the_sheet_year_2556_is_october_2012_to_september_2013() {
    let fy = FiscalYear::from_be(2556);
    assert_eq!(fy.first_day(), date!(2012 - 10 - 01));
    assert_eq!(fy.last_day(), date!(2013 - 09 - 30));
}

#[test]
fn halves_split_at_first_april() {
    let fy = FiscalYear::from_be(2570);
    assert_eq!(fy.half_of_date(date!(2027 - 03 - 31)), Some(FiscalHalf::First));
    assert_eq!(fy.half_of_date(date!(2027 - 04 - 01)), Some(FiscalHalf::Second));
    assert_eq!(fy.half_of_date(date!(2027 - 10 - 01)), None);
}

#[test]
fn thai_digits_replace_only_ascii_digits() {
    assert_eq!(thai_digits("0 2282 6581 (51401)"), "๐ ๒๒๘๒ ๖๕๘๑ (๕๑๔๐๑)");
    assert_eq!(thai_digits("พ.ศ. 2556"), "พ.ศ. ๒๕๕๖");
}

#[test]
fn dates_are_written_in_the_buddhist_era() {
    let at = datetime!(2026-11-24 07:05 UTC);
    assert_eq!(format_date(at, DateStyle::Long, true), "24 พฤศจิกายน 2569");
    assert_eq!(format_date(at, DateStyle::Short, true), "24 พ.ย. 2569");
    assert_eq!(format_date(at, DateStyle::Short, false), "24 Nov 2569 BE");
    assert_eq!(format_datetime(at, true), "24 พ.ย. 2569 14:05 น.");
}

fn any_instant() -> impl Strategy<Value = OffsetDateTime> {
    // 1900 to 2200, to the second.
    (-2_208_988_800_i64..7_258_118_400_i64)
        .prop_map(|secs| OffsetDateTime::from_unix_timestamp(secs).expect("in range"))
}

proptest! {
    #[test]
    fn every_instant_belongs_to_exactly_one_fiscal_year(t in any_instant()) {
        let fy = FiscalYear::of(t);
        prop_assert!(fy.contains(t));
        prop_assert!(!fy.previous().contains(t));
        prop_assert!(!fy.next().contains(t));
    }

    #[test]
    fn consecutive_fiscal_years_touch_without_gap(be in 2400_i32..2800) {
        let fy = FiscalYear::from_be(be);
        prop_assert_eq!(fy.ends_at(), fy.next().starts_at());
        prop_assert_eq!(FiscalYear::of(fy.starts_at()), fy);
    }

    #[test]
    fn every_instant_is_in_exactly_one_half_of_its_year(t in any_instant()) {
        let fy = FiscalYear::of(t);
        let half = FiscalHalf::of(t);
        let (start, end) = fy.half_range(half);
        prop_assert!(start <= t && t < end);
        let other = if half == FiscalHalf::First { FiscalHalf::Second } else { FiscalHalf::First };
        let (o_start, o_end) = fy.half_range(other);
        prop_assert!(!(o_start <= t && t < o_end));
    }

    #[test]
    fn be_year_of_the_bangkok_date_names_the_year_except_in_october_to_december(t in any_instant()) {
        let d = bangkok_date(t);
        let expected = be_year(d.year()) + i32::from(d.month() >= time::Month::October);
        prop_assert_eq!(FiscalYear::of(t).be(), expected);
    }
}
