//! How fast repairs are, month by month, against the published commitments: on average the
//! crew is on site within 45 minutes in town, 90 in the countryside and 2 hours in remote
//! areas, and the power is back within 3 hours (town) or 4 hours after it arrived. D1 sums the
//! met deadlines per month, area and milestone; this turns the sums into averages beside the
//! limits in force.

use super::terms::{Limit, Term};
use super::{Milestone, Topic};
use crate::error::{ApiError, ApiResult};
use crate::hours::to_local;
use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};

/// How many months a report may cover.
pub const MONTHS_MAX: u32 = 24;

/// The query: the last `months` months (6 unless given), of one hall or (the admin) all.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RepairQuery {
    #[serde(default)]
    pub months: Option<u32>,
    #[serde(default)]
    pub hall_id: Option<String>,
}

impl RepairQuery {
    pub fn months(&self) -> ApiResult<u32> {
        match self.months.unwrap_or(6) {
            n @ 1..=MONTHS_MAX => Ok(n),
            _ => Err(ApiError::invalid(
                "months",
                crate::Reason::BadField,
                format!("choose 1 to {MONTHS_MAX} months"),
            )),
        }
    }
}

/// When `month` ("2026-11") begins, China time, in ms.
pub fn month_start_ms(month: &str) -> Option<i64> {
    let day = chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok()?;
    let start = day.and_time(chrono::NaiveTime::MIN);
    Some(
        start
            .and_local_timezone(crate::hours::china_tz())
            .single()?
            .timestamp_millis(),
    )
}

/// The months' span in ms: from the first one's start to the start of the month after the last.
pub fn span_ms(months: &[String]) -> Option<(i64, i64)> {
    let from = month_start_ms(months.first()?)?;
    let (year, month) = months.last()?.split_once('-')?;
    let index = year.parse::<i32>().ok()? * 12 + month.parse::<i32>().ok()? - 1;
    Some((from, month_start_ms(&month_name(index + 1))?))
}

/// "2026-11" for the month `year * 12 + month0`.
fn month_name(index: i32) -> String {
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// The `n` months up to the one of `now` (China time), oldest first: ["2026-06", … "2026-11"].
pub fn last_months(now: DateTime<Utc>, n: u32) -> Vec<String> {
    let local = to_local(now);
    let current = local.year() * 12 + i32::try_from(local.month0()).unwrap_or(0);
    let n = i32::try_from(n).unwrap_or(i32::MAX);
    (0..n)
        .rev()
        .map(|back| month_name(current - back))
        .collect()
}

/// The met deadlines of one month, area and milestone, as D1 sums them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RepairSum {
    /// "2026-11", China time.
    pub month: String,
    pub topic: Topic,
    pub milestone: Milestone,
    pub count: u32,
    /// Milliseconds from each clock's start to the milestone, summed.
    pub total_ms: i64,
}

/// An average against its commitment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Average {
    pub count: u32,
    pub mean_minutes: Option<f64>,
    pub limit_minutes: Option<u32>,
}

impl Average {
    /// Whether the average keeps the promise; `None` without repairs or a limit in minutes.
    pub fn kept(&self) -> Option<bool> {
        Some(self.mean_minutes? <= f64::from(self.limit_minutes?))
    }
}

/// One month of one area's repairs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RepairMonth {
    pub month: String,
    pub topic: Topic,
    pub arrival: Average,
    pub restore: Average,
}

fn limit_minutes(terms: &[Term], topic: Topic, milestone: Milestone) -> Option<u32> {
    terms
        .iter()
        .find(|t| t.topic == topic && t.milestone == milestone)
        .and_then(|t| match t.limit {
            Limit::Minutes(m) => Some(m),
            Limit::WorkingDays(_) => None,
        })
}

fn average(
    sums: &[RepairSum],
    month: &str,
    topic: Topic,
    milestone: Milestone,
    terms: &[Term],
) -> Average {
    let (count, total) = sums
        .iter()
        .filter(|s| s.month == month && s.topic == topic && s.milestone == milestone)
        .fold((0u32, 0i64), |(c, t), s| (c + s.count, t + s.total_ms));
    Average {
        count,
        mean_minutes: (count > 0).then(|| total as f64 / f64::from(count) / 60_000.0),
        limit_minutes: limit_minutes(terms, topic, milestone),
    }
}

/// For each month in `months` (oldest first) and each repair area, the averages beside their
/// limits; months and areas without repairs are listed with a count of 0.
pub fn repair_months(months: &[String], sums: &[RepairSum], terms: &[Term]) -> Vec<RepairMonth> {
    let areas = Topic::ALL.into_iter().filter(|t| t.is_repair());
    months
        .iter()
        .flat_map(|month| {
            areas.clone().map(move |topic| RepairMonth {
                month: month.clone(),
                topic,
                arrival: average(sums, month, topic, Milestone::Arrival, terms),
                restore: average(sums, month, topic, Milestone::Restore, terms),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(month: &str, topic: Topic, milestone: Milestone, count: u32, minutes: i64) -> RepairSum {
        RepairSum {
            month: month.into(),
            topic,
            milestone,
            count,
            total_ms: minutes * 60_000,
        }
    }

    #[test]
    fn the_last_months_cross_the_new_year_in_china_time() {
        // 16:30 UTC on 31 December is already 1 January in China.
        let now = "2026-12-31T16:30:00Z".parse().unwrap();
        assert_eq!(last_months(now, 3), ["2026-11", "2026-12", "2027-01"]);
        assert!(RepairQuery {
            months: Some(25),
            hall_id: None
        }
        .months()
        .is_err());
        assert_eq!(RepairQuery::default().months(), Ok(6));
        let months = last_months(now, 3);
        let (from, to) = span_ms(&months).unwrap();
        assert_eq!(
            from,
            "2026-10-31T16:00:00Z"
                .parse::<DateTime<Utc>>()
                .unwrap()
                .timestamp_millis()
        );
        assert_eq!(
            to,
            "2027-01-31T16:00:00Z"
                .parse::<DateTime<Utc>>()
                .unwrap()
                .timestamp_millis()
        );
    }

    #[test]
    fn averages_stand_beside_the_published_limits() {
        let months = vec!["2026-10".to_string(), "2026-11".to_string()];
        let sums = [
            sum(
                "2026-11",
                Topic::RepairUrban,
                Milestone::Arrival,
                2,
                40 + 60,
            ),
            sum(
                "2026-11",
                Topic::RepairUrban,
                Milestone::Restore,
                2,
                100 + 200,
            ),
            sum("2026-11", Topic::RepairRural, Milestone::Arrival, 1, 80),
        ];
        let rows = repair_months(&months, &sums, &Term::PUBLISHED);
        assert_eq!(rows.len(), 6, "two months × three areas");
        let town = rows
            .iter()
            .find(|r| r.month == "2026-11" && r.topic == Topic::RepairUrban)
            .unwrap();
        assert_eq!(town.arrival.mean_minutes, Some(50.0));
        assert_eq!(town.arrival.limit_minutes, Some(45));
        assert_eq!(
            town.arrival.kept(),
            Some(false),
            "50 min on average breaks 45"
        );
        assert_eq!(town.restore.mean_minutes, Some(150.0));
        assert_eq!(town.restore.kept(), Some(true), "150 min is within 3 h");
        let rural = rows
            .iter()
            .find(|r| r.month == "2026-11" && r.topic == Topic::RepairRural)
            .unwrap();
        assert_eq!(rural.arrival.kept(), Some(true));
        assert_eq!((rural.restore.count, rural.restore.kept()), (0, None));
        let remote = rows
            .iter()
            .find(|r| r.month == "2026-10" && r.topic == Topic::RepairRemote)
            .unwrap();
        assert_eq!(remote.arrival.limit_minutes, Some(120));
        assert_eq!(remote.arrival.count, 0);
    }
}
