//! When customers come: the mean arrivals per weekday and hour over a date range, and next
//! week's arrivals per hour forecast from the same weekday and hour of the last four weeks, the
//! most recent weighing most.

use super::tally::DayTally;
use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Weights of the same weekday one, two, three and four weeks back.
const WEEK_WEIGHTS: [f64; 4] = [4.0, 3.0, 2.0, 1.0];

/// Arrivals per (date, hour).
pub type ArrivalCounts = HashMap<(NaiveDate, usize), u32>;

pub fn arrival_counts<'a>(days: impl IntoIterator<Item = &'a DayTally>) -> ArrivalCounts {
    let mut counts = ArrivalCounts::new();
    for day in days {
        for hour in &day.hours {
            *counts.entry((day.day, usize::from(hour.hour))).or_default() += hour.arrivals;
        }
    }
    counts
}

/// Mean arrivals per hour for each weekday, Monday first; each calendar day of the range counts,
/// so a day the hall was closed pulls its weekday down as it should.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Heatmap {
    /// `[weekday][hour]`, Monday = 0.
    pub mean_arrivals: Vec<Vec<f64>>,
}

pub fn heatmap(counts: &ArrivalCounts, from: NaiveDate, to: NaiveDate) -> Heatmap {
    let mut sums = vec![vec![0.0; 24]; 7];
    let mut days = [0u32; 7];
    for day in from.iter_days().take_while(|d| *d <= to) {
        let weekday = day.weekday().num_days_from_monday() as usize;
        days[weekday] += 1;
        for (hour, sum) in sums[weekday].iter_mut().enumerate() {
            *sum += counts.get(&(day, hour)).copied().unwrap_or(0) as f64;
        }
    }
    for (weekday, row) in sums.iter_mut().enumerate() {
        row.iter_mut()
            .for_each(|x| *x /= days[weekday].max(1) as f64);
    }
    Heatmap {
        mean_arrivals: sums,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ForecastDay {
    pub day: String,
    /// Expected arrivals in each hour 0–23.
    pub hours: Vec<f64>,
}

/// The seven days after `last_day`, each hour the weighted mean of the same weekday and hour in
/// the four weeks up to `last_day`.
pub fn forecast(counts: &ArrivalCounts, last_day: NaiveDate) -> Vec<ForecastDay> {
    (1..=7)
        .filter_map(|ahead| last_day.checked_add_days(Days::new(ahead)))
        .map(|day| {
            let hours = (0..24)
                .map(|hour| {
                    let total: f64 = WEEK_WEIGHTS.iter().sum();
                    WEEK_WEIGHTS
                        .iter()
                        .zip(1u64..)
                        .filter_map(|(w, weeks)| {
                            let past = day.checked_sub_days(Days::new(7 * weeks))?;
                            Some(w * counts.get(&(past, hour)).copied().unwrap_or(0) as f64)
                        })
                        .sum::<f64>()
                        / total
                })
                .collect();
            ForecastDay {
                day: day.to_string(),
                hours,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Mondays get 10 an hour at 9:00, other days 4; the latest Monday 30.
    fn history() -> ArrivalCounts {
        let mut counts = ArrivalCounts::new();
        for day in date("2026-10-26").iter_days().take(28) {
            let n = match (day.weekday(), day == date("2026-11-16")) {
                (_, true) => 30,
                (chrono::Weekday::Mon, _) => 10,
                (chrono::Weekday::Sun, _) => 0,
                _ => 4,
            };
            counts.insert((day, 9), n);
        }
        counts
    }

    #[test]
    fn heatmap_averages_each_weekday_over_the_range() {
        let map = heatmap(&history(), date("2026-10-26"), date("2026-11-22"));
        // Mondays 10, 10, 10, 30: mean 15.
        assert_eq!(map.mean_arrivals[0][9], 15.0);
        assert_eq!(map.mean_arrivals[1][9], 4.0);
        assert_eq!(map.mean_arrivals[6][9], 0.0, "closed on Sundays");
        assert_eq!(map.mean_arrivals[0][8], 0.0);
    }

    #[test]
    fn forecast_weighs_recent_weeks_most() {
        let next = forecast(&history(), date("2026-11-22"));
        assert_eq!(next.len(), 7);
        assert_eq!(next[0].day, "2026-11-23");
        // Monday: (4·30 + 3·10 + 2·10 + 1·10) / 10 = 18.
        assert!((next[0].hours[9] - 18.0).abs() < 1e-9);
        assert!(
            (next[1].hours[9] - 4.0).abs() < 1e-9,
            "a steady Tuesday stays"
        );
        assert_eq!(next[6].hours[9], 0.0);
    }
}
