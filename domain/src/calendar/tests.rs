use super::*;

fn d(s: &str) -> NaiveDate {
    date(s).unwrap()
}

#[test]
fn the_shipped_data_parses_and_covers_this_year_and_next() {
    let c = Calendar::china();
    assert_eq!(c.coverage(2026), Coverage::Official);
    assert_eq!(c.coverage(2027), Coverage::Provisional);
    assert_eq!(c.coverage(2030), Coverage::Missing);
}

#[test]
fn holidays_are_off_and_make_up_days_are_worked() {
    let c = Calendar::china();
    assert!(!c.is_working_day(d("2026-10-05")), "National Day, a Monday");
    assert!(
        c.is_working_day(d("2026-10-10")),
        "a Saturday worked instead"
    );
    assert!(
        c.is_working_day(d("2026-02-14")),
        "Saturday before the Spring Festival"
    );
    assert!(
        !c.is_working_day(d("2026-02-23")),
        "a Monday in the Spring Festival"
    );
    assert!(!c.is_working_day(d("2026-11-21")), "an ordinary Saturday");
    assert!(c.is_working_day(d("2026-11-23")), "an ordinary Monday");
}

#[test]
fn a_deadline_across_national_day_skips_the_holiday_and_counts_the_make_up_days() {
    let c = Calendar::china();
    // A 5-working-day step started on Tuesday 29 September 2026: 30 Sep (Wed) is day 1; 1–7
    // October are off; Thursday 8 and Friday 9 are days 2 and 3; Saturday 10 is a make-up day
    // (4); Monday 12 is day 5.
    assert_eq!(c.add_working_days(d("2026-09-29"), 5), d("2026-10-12"));
    assert_eq!(c.working_days_between(d("2026-09-29"), d("2026-10-12")), 5);
    // Started on the make-up Sunday before it: 21 September counts from Monday.
    assert_eq!(c.add_working_days(d("2026-09-20"), 1), d("2026-09-21"));
}

#[test]
fn a_deadline_across_the_spring_festival() {
    let c = Calendar::china();
    // 10 working days from Wednesday 11 February 2026: 12, 13, 14 (make-up Saturday), then the
    // festival 15–23, then 24, 25, 26, 27, 28 (make-up Saturday), 2 and 3 March.
    assert_eq!(c.add_working_days(d("2026-02-11"), 10), d("2026-03-03"));
}

#[test]
fn without_data_weekends_are_off() {
    let c = Calendar::parse("").unwrap();
    assert_eq!(
        c.add_working_days(d("2030-01-04"), 1),
        d("2030-01-07"),
        "Friday to Monday"
    );
    assert_eq!(c.working_days_between(d("2030-01-07"), d("2030-01-07")), 0);
}

#[test]
fn malformed_data_is_refused() {
    assert!(Calendar::parse("2026-13-01 holiday x").is_err());
    assert!(Calendar::parse("2026-01-03..2026-01-01 holiday x").is_err());
    assert!(Calendar::parse("2026-01-01 party x").is_err());
}
