//! Opening hours by weekday, in the halls' local time (China Standard Time, UTC+8, no DST).

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

pub mod calendar;

/// China Standard Time. Every hall is in it, so one fixed offset is exact.
pub fn china_tz() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("+08:00 is a valid offset")
}

pub fn to_local(now: DateTime<Utc>) -> DateTime<FixedOffset> {
    now.with_timezone(&china_tz())
}

/// "2026-11-23 09:30" in China time, for people to read.
pub fn format_local(at: DateTime<Utc>) -> String {
    crate::clock_text::local(at)
}

/// `format_local` of epoch milliseconds, as the API sends times.
pub fn format_local_ms(ms: i64) -> String {
    format_local(DateTime::from_timestamp_millis(ms).unwrap_or_default())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayHours {
    pub open: NaiveTime,
    pub close: NaiveTime,
}

impl DayHours {
    pub fn new(open: (u32, u32), close: (u32, u32)) -> Self {
        let t = |(h, m)| NaiveTime::from_hms_opt(h, m, 0).expect("valid time of day");
        DayHours {
            open: t(open),
            close: t(close),
        }
    }

    /// "08:30–17:30"
    pub fn label(&self) -> String {
        use crate::clock_text::clock;
        format!("{}–{}", clock(self.open), clock(self.close))
    }
}

/// How far ahead the next opening is looked for: past the longest holiday (Spring Festival).
const LOOK_AHEAD_DAYS: i64 = 21;

/// Opening hours by date; whether a hall is open, when it closes and next opens follow.
/// `WeeklyHours` gives them by weekday; `calendar::HallCalendar` adds holidays and special days.
pub trait Days {
    /// The hours on the local date; `None`: closed all day.
    fn hours_on(&self, date: NaiveDate) -> Option<DayHours>;

    fn today(&self, now: DateTime<Utc>) -> Option<DayHours> {
        self.hours_on(to_local(now).date_naive())
    }

    fn status(&self, now: DateTime<Utc>) -> OpenStatus {
        let local = to_local(now);
        match self.today(now) {
            Some(h) if h.open <= local.time() && local.time() < h.close => {
                OpenStatus::Open { closes_at: h.close }
            }
            _ => OpenStatus::Closed {
                next_open: self.next_opening(now),
            },
        }
    }

    /// When the hall closes on the local date `day`, in epoch milliseconds; `None` on a day
    /// it does not open.
    fn closes_on(&self, day: NaiveDate) -> Option<i64> {
        let hours = self.hours_on(day)?;
        let closes = day
            .and_time(hours.close)
            .and_local_timezone(china_tz())
            .single()?;
        Some(closes.timestamp_millis())
    }

    /// The next moment the hall opens after `now`, looking three weeks ahead.
    fn next_opening(&self, now: DateTime<Utc>) -> Option<DateTime<FixedOffset>> {
        let local = to_local(now);
        (0..=LOOK_AHEAD_DAYS).find_map(|ahead| {
            let date = local.date_naive() + Duration::days(ahead);
            let hours = self.hours_on(date)?;
            let opens = date
                .and_time(hours.open)
                .and_local_timezone(china_tz())
                .single()?;
            (opens > local).then_some(opens)
        })
    }
}

impl Days for WeeklyHours {
    fn hours_on(&self, date: NaiveDate) -> Option<DayHours> {
        self.on(date.weekday())
    }
}

/// Index 0 is Monday. `None` means closed all day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeeklyHours(pub [Option<DayHours>; 7]);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum OpenStatus {
    Open {
        closes_at: NaiveTime,
    },
    Closed {
        next_open: Option<DateTime<FixedOffset>>,
    },
}

impl OpenStatus {
    pub fn is_open(&self) -> bool {
        matches!(self, OpenStatus::Open { .. })
    }
}

impl WeeklyHours {
    /// Weekdays with the same hours, Saturday with its own, Sunday closed: the usual hall week.
    pub fn weekdays_and_saturday(weekday: DayHours, saturday: Option<DayHours>) -> Self {
        let mut days = [Some(weekday); 7];
        days[5] = saturday;
        days[6] = None;
        WeeklyHours(days)
    }

    pub fn on(&self, day: chrono::Weekday) -> Option<DayHours> {
        self.0[day.num_days_from_monday() as usize]
    }

    /// Each day must open before it closes.
    pub fn validate(&self) -> Result<(), String> {
        match self.0.iter().flatten().find(|h| h.open >= h.close) {
            Some(h) => Err(format!(
                "opening time {} is not before closing time",
                h.label()
            )),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock_text::{local_input as format_local_input, parse_local_input};
    use chrono::TimeZone;

    fn hours() -> WeeklyHours {
        WeeklyHours::weekdays_and_saturday(
            DayHours::new((8, 30), (17, 30)),
            Some(DayHours::new((9, 0), (12, 0))),
        )
    }

    /// A moment given in China local time.
    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        china_tz()
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_day_closes_at_its_local_closing_time_and_sunday_not_at_all() {
        let monday = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let closes = hours().closes_on(monday).unwrap();
        assert_eq!(closes, at(2026, 11, 23, 17, 30).timestamp_millis());
        let saturday = monday + Duration::days(5);
        assert_eq!(
            hours().closes_on(saturday),
            Some(at(2026, 11, 28, 12, 0).timestamp_millis())
        );
        assert_eq!(hours().closes_on(monday + Duration::days(6)), None);
    }

    #[test]
    fn open_inside_hours_closed_at_the_edges() {
        // 2026-11-23 is a Monday.
        assert!(hours().status(at(2026, 11, 23, 8, 30)).is_open());
        assert!(hours().status(at(2026, 11, 23, 17, 29)).is_open());
        assert!(!hours().status(at(2026, 11, 23, 17, 30)).is_open());
        assert!(!hours().status(at(2026, 11, 23, 8, 29)).is_open());
    }

    #[test]
    fn uses_china_time_not_utc() {
        // 01:00 UTC is 09:00 in China: open, though UTC's clock says the middle of the night.
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap();
        assert!(hours().status(now).is_open());
    }

    #[test]
    fn next_opening_skips_a_closed_sunday() {
        // Saturday 2026-11-28 after noon: next open is Monday 08:30.
        let status = hours().status(at(2026, 11, 28, 12, 30));
        let OpenStatus::Closed {
            next_open: Some(next),
        } = status
        else {
            panic!("{status:?}")
        };
        assert_eq!(
            next.format("%Y-%m-%d %H:%M").to_string(),
            "2026-11-30 08:30"
        );
    }

    #[test]
    fn next_opening_is_later_today_before_opening() {
        let next = hours().next_opening(at(2026, 11, 23, 7, 0)).unwrap();
        assert_eq!(
            next.format("%Y-%m-%d %H:%M").to_string(),
            "2026-11-23 08:30"
        );
    }

    #[test]
    fn a_hall_that_never_opens_has_no_next_opening() {
        assert_eq!(
            WeeklyHours([None; 7]).next_opening(at(2026, 11, 23, 7, 0)),
            None
        );
    }

    #[test]
    fn input_values_are_china_time() {
        let at = parse_local_input("2026-11-23T09:30").unwrap();
        assert_eq!(at, Utc.with_ymd_and_hms(2026, 11, 23, 1, 30, 0).unwrap());
        assert_eq!(format_local_input(at), "2026-11-23T09:30");
        assert_eq!(format_local(at), "2026-11-23 09:30");
        assert_eq!(
            parse_local_input("2026-11-23T09:30:15"),
            Some(at + Duration::seconds(15))
        );
        assert_eq!(parse_local_input("tomorrow"), None);
        assert_eq!(parse_local_input(""), None);
    }

    #[test]
    fn rejects_inverted_hours() {
        let bad = WeeklyHours::weekdays_and_saturday(DayHours::new((18, 0), (9, 0)), None);
        assert!(bad.validate().is_err());
        assert!(hours().validate().is_ok());
    }
}
