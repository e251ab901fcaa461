//! Dates and times as people read them, in China time, written field by field. chrono's
//! `format("%…")` and `parse_from_str` interpret a pattern at run time and pull its whole
//! formatting machinery into every browser app; these do not.

use crate::hours::{china_tz, to_local};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

/// "2026-11-23"
pub fn date(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// "09:30"
pub fn clock(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// "2026-11-23 09:30" in China time.
pub fn local(at: DateTime<Utc>) -> String {
    let at = to_local(at);
    format!("{} {}", date(at.date_naive()), clock(at.time()))
}

/// The day in China time: "2026-11-23".
pub fn local_date(at: DateTime<Utc>) -> String {
    date(to_local(at).date_naive())
}

/// The time of day in China time: "09:30".
pub fn local_clock(at: DateTime<Utc>) -> String {
    clock(to_local(at).time())
}

/// "11-23"
pub fn month_day(day: NaiveDate) -> String {
    format!("{:02}-{:02}", day.month(), day.day())
}

/// "11-23 09:30" in China time.
pub fn local_month_day_clock(at: DateTime<Utc>) -> String {
    let at = to_local(at);
    format!("{} {}", month_day(at.date_naive()), clock(at.time()))
}

/// A `datetime-local` input value in China time: "2026-11-23T09:30".
pub fn local_input(at: DateTime<Utc>) -> String {
    let at = to_local(at);
    format!("{}T{}", date(at.date_naive()), clock(at.time()))
}

/// Reads "2026-11-23" (exactly that shape).
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let mut parts = value.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(number(y)?, number(m)?, number(d)?)
}

/// Reads a `datetime-local` input value ("2026-11-23T09:30", seconds optional) as China time.
pub fn parse_local_input(value: &str) -> Option<DateTime<Utc>> {
    let (day, time) = value.trim().split_once('T')?;
    let mut parts = time.split(':');
    let (h, m) = (parts.next()?, parts.next()?);
    let s = parts.next().unwrap_or("00");
    if parts.next().is_some() || [h, m, s].iter().any(|p| p.len() != 2) {
        return None;
    }
    let time = NaiveTime::from_hms_opt(number(h)?, number(m)?, number(s)?)?;
    let naive = NaiveDateTime::new(parse_date(day)?, time);
    Some(
        naive
            .and_local_timezone(china_tz())
            .single()?
            .with_timezone(&Utc),
    )
}

fn number<T: std::str::FromStr>(digits: &str) -> Option<T> {
    if digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn texts_are_in_china_time_and_match_chrono() {
        let at = utc(2026, 11, 22, 17, 5); // 01:05 on the 23rd in China
        assert_eq!(local(at), "2026-11-23 01:05");
        assert_eq!(local_date(at), "2026-11-23");
        assert_eq!(local_clock(at), "01:05");
        assert_eq!(local_month_day_clock(at), "11-23 01:05");
        assert_eq!(local_input(at), "2026-11-23T01:05");
        for minutes in (0..60 * 24 * 400).step_by(997) {
            let t = utc(2026, 1, 1, 0, 0) + chrono::Duration::minutes(minutes);
            let l = to_local(t);
            assert_eq!(local(t), l.format("%Y-%m-%d %H:%M").to_string());
            assert_eq!(local_input(t), l.format("%Y-%m-%dT%H:%M").to_string());
            assert_eq!(month_day(l.date_naive()), l.format("%m-%d").to_string());
        }
    }

    #[test]
    fn inputs_read_back_to_the_same_moment() {
        let at = utc(2026, 11, 23, 1, 30);
        assert_eq!(parse_local_input(&local_input(at)), Some(at));
        assert_eq!(parse_local_input(" 2026-11-23T09:30:00 "), Some(at));
        assert_eq!(
            parse_date("2026-02-28").map(date).as_deref(),
            Some("2026-02-28")
        );
    }

    #[test]
    fn malformed_inputs_are_refused() {
        for bad in [
            "",
            "2026-11-23",
            "2026-11-23T9:30",
            "2026-13-01T09:30",
            "2026-02-30T09:30",
            "2026-11-23T24:00",
            "2026-11-23T09:30:00:00",
            "+026-11-23T09:30",
            "2026-11-23 09:30",
        ] {
            assert_eq!(parse_local_input(bad), None, "{bad}");
        }
        for bad in [
            "2026-1-01",
            "26-01-01",
            "2026-01-01-",
            "2026-0a-01",
            "2026-02-29",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
