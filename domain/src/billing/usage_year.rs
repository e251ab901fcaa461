//! A year of one account's daily use, kept as one stored object (docs/SCALE.md, "Daily usage →
//! R2"): no read ever crosses accounts, so a million accounts' days need no SQL table.
//!
//! The object is 8 bytes a day from 1 January: peak kWh then valley kWh, little-endian `u32`.
//! A day without a reading holds `u32::MAX` in both; days after the last reading are not
//! written, so a year read in October is about 2.4 KB. A month never crosses a year, so the
//! usage page reads one object.

use chrono::{Datelike, NaiveDate};

use super::bills::DayUsage;

const DAY_BYTES: usize = 8;
const NO_READING: u32 = u32::MAX;

/// Where the year of an account lives in the files bucket.
pub fn key(number: &str, year: i32) -> String {
    format!("usage/{number}/{year}")
}

/// Why stored bytes are not a year of usage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not a whole number of days, or more days than the year has.
    Length(usize),
}

/// The bytes of a year holding `days`; days of other years are left out. A later reading of the
/// same day wins.
pub fn encode(year: i32, days: &[DayUsage]) -> Vec<u8> {
    let mut slots: Vec<Option<(u32, u32)>> = Vec::new();
    for d in days.iter().filter(|d| d.day.year() == year) {
        let index = day_index(d.day);
        if slots.len() <= index {
            slots.resize(index + 1, None);
        }
        slots[index] = Some((d.peak_kwh, d.valley_kwh));
    }
    let mut out = Vec::with_capacity(slots.len() * DAY_BYTES);
    for slot in slots {
        let (peak, valley) = slot.unwrap_or((NO_READING, NO_READING));
        out.extend_from_slice(&peak.to_le_bytes());
        out.extend_from_slice(&valley.to_le_bytes());
    }
    out
}

/// Every day with a reading, in order.
pub fn decode(year: i32, bytes: &[u8]) -> Result<Vec<DayUsage>, Unreadable> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(Unreadable::Length(bytes.len()))?;
    let days_in_year = if first.leap_year() { 366 } else { 365 };
    if !bytes.len().is_multiple_of(DAY_BYTES) || bytes.len() / DAY_BYTES > days_in_year {
        return Err(Unreadable::Length(bytes.len()));
    }
    Ok(bytes
        .chunks_exact(DAY_BYTES)
        .zip(first.iter_days())
        .filter_map(|(chunk, day)| {
            let peak = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
            let valley = u32::from_le_bytes([chunk[4], chunk[5], chunk[6], chunk[7]]);
            (peak != NO_READING).then_some(DayUsage {
                day,
                peak_kwh: peak,
                valley_kwh: valley,
            })
        })
        .collect())
}

/// The days of one month (`first` is its first day) from the stored year.
pub fn month(first: NaiveDate, bytes: &[u8]) -> Result<Vec<DayUsage>, Unreadable> {
    Ok(decode(first.year(), bytes)?
        .into_iter()
        .filter(|d| d.day.month() == first.month())
        .collect())
}

/// The stored year with `readings` added (a meter import of one or more days).
pub fn merge(year: i32, stored: &[u8], readings: &[DayUsage]) -> Result<Vec<u8>, Unreadable> {
    let mut days = decode(year, stored)?;
    days.extend_from_slice(readings);
    Ok(encode(year, &days))
}

fn day_index(day: NaiveDate) -> usize {
    // ordinal0 is 0..=365, which always fits.
    usize::try_from(day.ordinal0()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str, peak: u32, valley: u32) -> DayUsage {
        DayUsage {
            day: s.parse().unwrap(),
            peak_kwh: peak,
            valley_kwh: valley,
        }
    }

    #[test]
    fn a_year_reads_back_its_days_with_gaps_kept_as_gaps() {
        let days = vec![day("2026-01-01", 5, 3), day("2026-03-02", 900, 300)];
        let bytes = encode(2026, &days);
        assert_eq!(bytes.len(), 61 * DAY_BYTES, "up to 2 March only");
        assert_eq!(decode(2026, &bytes), Ok(days));
    }

    #[test]
    fn a_month_is_its_own_days_and_other_years_are_left_out() {
        let days = vec![
            day("2025-12-31", 1, 1),
            day("2026-01-31", 7, 2),
            day("2026-02-01", 8, 2),
            day("2026-02-28", 9, 2),
        ];
        let bytes = encode(2026, &days);
        let february = month("2026-02-01".parse().unwrap(), &bytes).unwrap();
        assert_eq!(february, days[2..].to_vec());
        assert_eq!(decode(2026, &bytes).unwrap().len(), 3);
    }

    #[test]
    fn a_leap_year_holds_366_days_and_a_longer_object_is_unreadable() {
        let last = day("2028-12-31", 4, 4);
        let bytes = encode(2028, &[last]);
        assert_eq!(bytes.len(), 366 * DAY_BYTES);
        assert_eq!(decode(2028, &bytes), Ok(vec![last]));
        assert_eq!(
            decode(2027, &bytes),
            Err(Unreadable::Length(366 * DAY_BYTES))
        );
        assert_eq!(decode(2026, &[0; 7]), Err(Unreadable::Length(7)));
    }

    #[test]
    fn an_import_adds_days_and_a_later_reading_of_a_day_wins() {
        let stored = encode(2026, &[day("2026-05-01", 10, 4)]);
        let merged = merge(
            2026,
            &stored,
            &[day("2026-05-01", 11, 4), day("2026-05-02", 12, 5)],
        )
        .unwrap();
        assert_eq!(
            decode(2026, &merged).unwrap(),
            vec![day("2026-05-01", 11, 4), day("2026-05-02", 12, 5)]
        );
    }

    proptest! {
        #[test]
        fn any_readings_of_a_year_round_trip(
            readings in proptest::collection::btree_map(0u32..365, (0u32..u32::MAX, 0u32..100_000), 0..40)
        ) {
            let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let days: Vec<DayUsage> = readings
                .iter()
                .map(|(offset, (peak, valley))| DayUsage {
                    day: first + chrono::Days::new(u64::from(*offset)),
                    peak_kwh: *peak,
                    valley_kwh: *valley,
                })
                .collect();
            prop_assert_eq!(decode(2026, &encode(2026, &days)).unwrap(), days);
        }
    }
}
