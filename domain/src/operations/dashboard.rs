//! The managers' dashboard for a hall or the whole city over a date range: the figures, their
//! breakdowns, tickets per hour and day, the arrival heatmap, next week's forecast and the
//! staffing plan, with the video desk and deadline compliance read from their own records.

use super::accuracy::{accuracy, AccuracyRow};
use super::figures::{breakdown, grouped, Figures, Row};
use super::forecast::{arrival_counts, forecast, heatmap, ArrivalCounts, ForecastDay, Heatmap};
use super::plan::{staffing, StaffingRow};
use super::staffed::{staffed_per_hour, StaffingChange};
use super::tally::{DayTally, Sums};
use crate::period::Period;
use crate::projects::report::Rate;
use crate::{ApiError, ApiResult};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest range one request may cover.
pub const MOST_DAYS: u64 = 92;
pub const DEFAULT_TMAX: u32 = 15;
/// The weeks of history the forecast reads.
pub const FORECAST_HISTORY_DAYS: u64 = 28;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashboardQuery {
    /// `None`: the whole city.
    pub hall_id: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub tmax_minutes: u32,
}

impl DashboardQuery {
    /// From the query string's values; the last seven days and Tmax 15 by default.
    pub fn parse(
        hall: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        tmax: Option<&str>,
        today: NaiveDate,
    ) -> ApiResult<DashboardQuery> {
        let Period { from, to } = Period::parse(from, to, today, 7, MOST_DAYS)?;
        let tmax_minutes = match tmax {
            None | Some("") => DEFAULT_TMAX,
            Some(s) => s
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=120).contains(m))
                .ok_or_else(|| {
                    ApiError::validation("tmax", "tmax must be whole minutes from 1 to 120")
                })?,
        };
        Ok(DashboardQuery {
            hall_id: hall.filter(|h| !h.is_empty()).map(str::to_string),
            from,
            to,
            tmax_minutes,
        })
    }

    /// The first day whose tickets are read: the range, the period before it (for the change
    /// of each figure), and four weeks back for the forecast.
    pub fn history_from(&self) -> NaiveDate {
        let forecast_from = self.forecast_last_day() - Days::new(FORECAST_HISTORY_DAYS - 1);
        forecast_from.min(self.previous().from)
    }

    /// The period of the same length just before the range: what each figure is compared with.
    pub fn previous(&self) -> Period {
        let days = u64::try_from((self.to - self.from).num_days() + 1).unwrap_or(1);
        Period {
            from: self.from - Days::new(days),
            to: self.from - Days::new(1),
        }
    }

    /// The forecast reads the four weeks up to the day before `to`, so a day still under way
    /// does not count as a quiet one.
    pub fn forecast_last_day(&self) -> NaiveDate {
        self.to - Days::new(1)
    }
}

/// The video desk over the range.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VideoFigures {
    pub calls: u32,
    pub mean_minutes: Option<f64>,
    pub rated: u32,
    pub mean_stars: Option<f64>,
    pub callbacks: u32,
    pub callbacks_open: u32,
}

/// Deadlines met: work orders against their service commitment, project stages against their
/// regulated working-day limits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Compliance {
    pub work_orders: Rate,
    pub projects: Rate,
    /// Repair times in each month the range touches, against the published commitments.
    #[serde(default)]
    pub repairs: Vec<crate::service::work_orders::repair_times::RepairMonth>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HourCount {
    pub hour: u8,
    pub tickets: u32,
    /// Tickets in this hour per day of the range.
    pub per_day: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayCount {
    pub day: String,
    pub tickets: u32,
    pub served: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Dashboard {
    pub hall_id: Option<String>,
    pub from: String,
    pub to: String,
    pub tmax_minutes: u32,
    pub totals: Figures,
    /// The same figures over the period of the same length before the range.
    #[serde(default)]
    pub previous: Figures,
    #[serde(default)]
    pub previous_from: String,
    #[serde(default)]
    pub previous_to: String,
    pub per_hour: Vec<HourCount>,
    pub per_day: Vec<DayCount>,
    pub by_business: Vec<Row>,
    pub by_hall: Vec<Row>,
    pub by_counter: Vec<Row>,
    pub by_staff: Vec<Row>,
    pub heatmap: Heatmap,
    pub forecast: Vec<ForecastDay>,
    /// For one hall only: the city's halls do not share counters.
    pub staffing: Vec<StaffingRow>,
    pub video: VideoFigures,
    pub compliance: Compliance,
    /// How good the live wait figures were in the range (operations::accuracy).
    #[serde(default)]
    pub accuracy: Vec<AccuracyRow>,
}

/// The dashboard from the days since `query.history_from()` and the range's staffing changes
/// (one hall's); names for the clerks' rows.
pub fn build(
    query: &DashboardQuery,
    history: &[DayTally],
    changes: &[StaffingChange],
    staff_name: impl Fn(i64) -> Option<String>,
) -> Dashboard {
    let (from, to) = (query.from, query.to);
    let days: Vec<&DayTally> = history
        .iter()
        .filter(|d| (from..=to).contains(&d.day))
        .collect();
    let tmax = query.tmax_minutes;
    let counts = arrival_counts(history);
    let by_business = grouped(days.iter().flat_map(|d| &d.by_business));
    let mut by_staff = breakdown(&grouped(days.iter().flat_map(|d| &d.by_staff)), tmax);
    for row in &mut by_staff {
        row.name = row.key.parse().ok().and_then(&staff_name);
    }
    // Each day's tickets, added once: by hall, by day and for the range.
    let day_totals: Vec<(&DayTally, Sums)> = days.iter().map(|&d| (d, d.totals())).collect();
    let mut by_hall: BTreeMap<String, Sums> = BTreeMap::new();
    let mut totals = Sums::default();
    for (day, sums) in &day_totals {
        by_hall.entry(day.hall_id.clone()).or_default().add(sums);
        totals.add(sums);
    }
    let one_hall = query.hall_id.is_some();
    let before = query.previous();
    let mut previous = Sums::default();
    for day in history
        .iter()
        .filter(|d| (before.from..=before.to).contains(&d.day))
    {
        previous.add(&day.totals());
    }
    Dashboard {
        hall_id: query.hall_id.clone(),
        from: from.to_string(),
        to: to.to_string(),
        tmax_minutes: tmax,
        totals: Figures::from_sums(&totals, tmax),
        previous: Figures::from_sums(&previous, tmax),
        previous_from: before.from.to_string(),
        previous_to: before.to.to_string(),
        per_hour: per_hour(&counts, from, to),
        per_day: per_day(&day_totals, from, to),
        by_business: breakdown(&by_business, tmax),
        by_hall: breakdown(&by_hall, tmax),
        by_counter: if one_hall {
            breakdown(&grouped(days.iter().flat_map(|d| &d.by_counter)), tmax)
        } else {
            Vec::new()
        },
        by_staff,
        heatmap: heatmap(&counts, from, to),
        forecast: forecast(&counts, query.forecast_last_day()),
        staffing: if one_hall {
            with_staffed(staffing(&days, tmax), changes)
        } else {
            Vec::new()
        },
        video: VideoFigures::default(),
        compliance: Compliance::default(),
        accuracy: accuracy(days.iter().copied()),
    }
}

/// The plan's pooled rows with the counters open by the sign-in record, and a pooled row for
/// each hour counters were open without anyone arriving.
fn with_staffed(mut rows: Vec<StaffingRow>, changes: &[StaffingChange]) -> Vec<StaffingRow> {
    if changes.is_empty() {
        return rows;
    }
    let staffed = staffed_per_hour(changes);
    for row in rows.iter_mut().filter(|r| r.business.is_none()) {
        row.staffed = Some(staffed.get(&row.hour).copied().unwrap_or(0.0));
    }
    for (&hour, &open) in &staffed {
        if !rows.iter().any(|r| r.hour == hour && r.business.is_none()) {
            rows.push(StaffingRow {
                hour,
                business: None,
                arrivals: 0.0,
                service_minutes: 0.0,
                erlang_c: 0,
                erlang_a: 0,
                actual: 0.0,
                staffed: Some(open),
            });
        }
    }
    rows.sort_by_key(|r| (r.hour, r.business.is_some(), r.business));
    rows
}

fn per_hour(counts: &ArrivalCounts, from: NaiveDate, to: NaiveDate) -> Vec<HourCount> {
    let days = (to - from).num_days() as f64 + 1.0;
    let mut hours = [0u32; 24];
    for (&(day, hour), &n) in counts {
        if (from..=to).contains(&day) {
            hours[hour] += n;
        }
    }
    (0..24)
        .map(|hour| HourCount {
            hour: hour as u8,
            tickets: hours[hour],
            per_day: hours[hour] as f64 / days,
        })
        .collect()
}

fn per_day(days: &[(&DayTally, Sums)], from: NaiveDate, to: NaiveDate) -> Vec<DayCount> {
    let mut counts: BTreeMap<NaiveDate, DayCount> = from
        .iter_days()
        .take_while(|d| *d <= to)
        .map(|d| {
            (
                d,
                DayCount {
                    day: d.to_string(),
                    tickets: 0,
                    served: 0,
                },
            )
        })
        .collect();
    for (day, sums) in days {
        if let Some(count) = counts.get_mut(&day.day) {
            count.tickets += sums.tickets;
            count.served += sums.served;
        }
    }
    counts.into_values().collect()
}
