use super::*;
use crate::hours::{china_tz, OpenStatus};
use chrono::{DateTime, TimeZone, Utc};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// `date` at `h:m` in the hall's time.
fn at(date: &str, h: u32, m: u32) -> DateTime<Utc> {
    let day = d(date);
    china_tz()
        .with_ymd_and_hms(day.year(), day.month(), day.day(), h, m, 0)
        .unwrap()
        .with_timezone(&Utc)
}

/// Gaoxin's week: weekdays 8:30–17:00, closed at weekends.
fn gaoxin(specials: Vec<SpecialDay>) -> HallCalendar {
    let weekly = WeeklyHours::weekdays_and_saturday(DayHours::new((8, 30), (17, 0)), None);
    HallCalendar::new(weekly, specials)
}

#[test]
fn a_hall_is_closed_on_national_day_and_says_when_it_opens_again() {
    let hall = gaoxin(vec![]);
    let national_day = at("2026-10-05", 10, 0); // a Monday
    assert_eq!(hall.today(national_day), None);
    assert_eq!(
        hall.rule_on(d("2026-10-05")),
        DayRule::PublicHoliday {
            festival: "国庆节".into()
        }
    );
    let OpenStatus::Closed { next_open } = hall.status(national_day) else {
        panic!("closed on a holiday");
    };
    // Thursday 8 October, the first working day after the week off.
    assert_eq!(
        next_open.unwrap().naive_local(),
        d("2026-10-08").and_hms_opt(8, 30, 0).unwrap()
    );
}

#[test]
fn a_hall_closed_at_weekends_opens_on_a_make_up_saturday_with_weekday_hours() {
    let hall = gaoxin(vec![]);
    assert!(
        hall.status(at("2026-10-10", 14, 0)).is_open(),
        "make-up Saturday"
    );
    assert_eq!(
        hall.closes_on(d("2026-10-10")),
        Some(at("2026-10-10", 17, 0).timestamp_millis())
    );
    assert!(
        !hall.status(at("2026-10-17", 14, 0)).is_open(),
        "an ordinary Saturday"
    );
    // A hall open on Saturday mornings keeps its weekday hours on a make-up Saturday.
    let xinghu = HallCalendar::new(
        WeeklyHours::weekdays_and_saturday(
            DayHours::new((8, 30), (17, 30)),
            Some(DayHours::new((9, 0), (12, 0))),
        ),
        vec![],
    );
    assert_eq!(
        xinghu.today(at("2026-10-10", 8, 0)),
        Some(DayHours::new((8, 30), (17, 30)))
    );
}

#[test]
fn the_managers_special_days_win_over_the_week_and_the_holidays() {
    let late_saturday = SpecialDay {
        date: d("2026-11-21"),
        hours: Some(DayHours::new((9, 0), (20, 0))),
        note: "周六延时服务".into(),
    };
    let open_on_holiday = SpecialDay {
        date: d("2026-10-03"),
        hours: Some(DayHours::new((9, 0), (12, 0))),
        note: "国庆值班".into(),
    };
    let closed = SpecialDay {
        date: d("2026-11-23"),
        hours: None,
        note: "系统升级，暂停营业".into(),
    };
    let hall = gaoxin(vec![late_saturday, open_on_holiday, closed]);
    assert!(hall.status(at("2026-11-21", 19, 30)).is_open());
    assert!(hall.status(at("2026-10-03", 10, 0)).is_open());
    assert!(!hall.status(at("2026-11-23", 10, 0)).is_open());
    assert_eq!(
        hall.rule_on(d("2026-11-23")),
        DayRule::Special {
            note: "系统升级，暂停营业".into()
        }
    );
}

#[test]
fn a_special_day_needs_a_reason_and_hours_in_order() {
    let day = |hours, note: &str| SpecialDay {
        date: d("2026-11-21"),
        hours,
        note: note.into(),
    };
    assert_eq!(day(None, " ").validate().unwrap_err().0, "note");
    assert_eq!(
        day(None, &"长".repeat(61)).validate().unwrap_err().0,
        "note"
    );
    let backwards = Some(DayHours::new((18, 0), (9, 0)));
    assert_eq!(day(backwards, "延时").validate().unwrap_err().0, "hours");
    assert!(day(None, "盘点").validate().is_ok());
}

#[test]
fn a_managers_request_becomes_a_special_day_or_a_clear_refusal() {
    let request = |open: Option<&str>, close: Option<&str>, note: &str| SpecialDayRequest {
        open: open.map(Into::into),
        close: close.map(Into::into),
        note: note.into(),
    };
    let date = d("2026-11-21");
    let late = request(Some("09:00"), Some("20:00"), " 周六延时服务 ").special_day(date);
    assert_eq!(
        late.unwrap(),
        SpecialDay {
            date,
            hours: Some(DayHours::new((9, 0), (20, 0))),
            note: "周六延时服务".into()
        }
    );
    assert_eq!(
        request(None, None, "盘点").special_day(date).unwrap().hours,
        None
    );
    let field = |r: SpecialDayRequest| r.special_day(date).unwrap_err().field;
    assert_eq!(
        field(request(Some("9点"), Some("20:00"), "延时")),
        Some("open".into())
    );
    assert_eq!(
        field(request(Some("09:00"), None, "延时")),
        Some("close".into())
    );
    assert_eq!(
        field(request(Some("20:00"), Some("09:00"), "延时")),
        Some("hours".into())
    );
    assert_eq!(field(request(None, None, "")), Some("note".into()));
}
