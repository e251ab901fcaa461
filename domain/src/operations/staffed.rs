//! Staffed counters per hour, from the record of sign-ins, pauses, resumptions and closes
//! (D1 `counter_changes`): a counter counts while it is open (signed in and not paused), so
//! an hour with one counter open for 30 minutes counts half a counter.

use crate::hours::china_tz;
use chrono::{DateTime, Timelike};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

const HOUR_MS: i64 = 3_600_000;

/// One staffing change as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffingChange {
    pub day: String,
    pub counter: u32,
    pub at: i64,
    /// "open", "paused" or "closed".
    pub status: String,
}

/// For each local hour (0–23) with any counter open, the mean counters open over the days
/// that have any record. Changes may come in any order; a counter still open at the end of
/// its records (the hall's closing signs out later) counts until its last change's hour ends.
pub fn staffed_per_hour(changes: &[StaffingChange]) -> BTreeMap<u8, f64> {
    let mut by_counter: BTreeMap<(&str, u32), Vec<&StaffingChange>> = BTreeMap::new();
    for c in changes {
        by_counter.entry((&c.day, c.counter)).or_default().push(c);
    }
    let days: BTreeSet<&str> = changes.iter().map(|c| c.day.as_str()).collect();
    let mut open_ms = [0i64; 24];
    for list in by_counter.values_mut() {
        list.sort_by_key(|c| c.at);
        let mut opened: Option<i64> = None;
        for c in list.iter() {
            if let Some(from) = opened.take() {
                add_span(&mut open_ms, from, c.at);
            }
            if c.status == "open" {
                opened = Some(c.at);
            }
        }
        if let Some(from) = opened {
            add_span(&mut open_ms, from, (from / HOUR_MS + 1) * HOUR_MS);
        }
    }
    let days = days.len().max(1) as f64;
    open_ms
        .iter()
        .enumerate()
        .filter(|(_, &ms)| ms > 0)
        .map(|(hour, &ms)| (hour as u8, ms as f64 / HOUR_MS as f64 / days))
        .collect()
}

/// Adds the open time from `from` to `to` (epoch ms) to each local hour it covers.
fn add_span(open_ms: &mut [i64; 24], from: i64, to: i64) {
    let mut at = from;
    while at < to {
        let hour_end = (at / HOUR_MS + 1) * HOUR_MS;
        let until = hour_end.min(to);
        if let Some(local) = DateTime::from_timestamp_millis(at) {
            let hour = local.with_timezone(&china_tz()).hour() as usize;
            open_ms[hour] += until - at;
        }
        at = until;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// 2026-11-23 at `h:m` in the hall's time.
    fn at(h: u32, m: u32) -> i64 {
        china_tz()
            .with_ymd_and_hms(2026, 11, 23, h, m, 0)
            .unwrap()
            .timestamp_millis()
    }

    fn change(counter: u32, h: u32, m: u32, status: &str) -> StaffingChange {
        StaffingChange {
            day: "2026-11-23".into(),
            counter,
            at: at(h, m),
            status: status.into(),
        }
    }

    #[test]
    fn open_time_counts_per_hour_and_pauses_do_not() {
        let changes = [
            change(1, 9, 0, "open"),
            change(1, 10, 0, "paused"),
            change(1, 10, 30, "open"),
            change(1, 11, 0, "closed"),
            change(2, 9, 30, "open"),
            change(2, 10, 0, "closed"),
        ];
        let staffed = staffed_per_hour(&changes);
        assert_eq!(
            staffed.into_iter().collect::<Vec<_>>(),
            [(9, 1.5), (10, 0.5)]
        );
    }

    #[test]
    fn two_days_average_and_order_does_not_matter() {
        let mut other = change(1, 9, 0, "open");
        other.day = "2026-11-24".into();
        let mut closed = change(1, 9, 30, "closed");
        closed.day = "2026-11-24".into();
        // The second day's times are the first day's: only the hour matters here.
        let changes = [
            change(1, 10, 0, "closed"),
            other,
            change(1, 9, 0, "open"),
            closed,
        ];
        let staffed = staffed_per_hour(&changes);
        assert_eq!(staffed.get(&9), Some(&0.75));
    }

    #[test]
    fn a_counter_left_open_counts_to_the_end_of_that_hour() {
        let staffed = staffed_per_hour(&[change(3, 16, 45, "open")]);
        assert_eq!(staffed.get(&16), Some(&0.25));
    }
}
