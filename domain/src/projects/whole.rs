//! The whole-process limit (全流程办电时限): the working days a connection may spend in the
//! utility's hands from application to power on, by class of connection. Only the days the
//! utility holds the case count (`schedule::days_by_side`); the customer's and its firms' time
//! does not. The limits are dated rows naming their source: a new regulation is a new row, and a
//! project is held to the rule in force on the day it opened.

use super::kinds::ProjectKind;
use super::process::Project;
use super::schedule::days_by_side;
use crate::calendar::Calendar;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConnectionClass {
    /// A home's connection, rooftop PV and EV chargers included.
    Residential,
    /// A business on low voltage.
    LowVoltage,
    HighVoltageSingle,
    HighVoltageDual,
}

impl ConnectionClass {
    /// The class of a `kind` project: homes are residential; an expansion project is low
    /// voltage once accepted on that path, otherwise high voltage with one or two sources.
    pub fn of(kind: ProjectKind, low_voltage: bool, dual_source: bool) -> ConnectionClass {
        match (kind.is_residential(), low_voltage, dual_source) {
            (true, _, _) => ConnectionClass::Residential,
            (false, true, _) => ConnectionClass::LowVoltage,
            (false, false, true) => ConnectionClass::HighVoltageDual,
            (false, false, false) => ConnectionClass::HighVoltageSingle,
        }
    }
}

/// A whole-process limit as published: for which class, how many working days, from when, and
/// where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WholeLimit {
    pub class: ConnectionClass,
    pub days: u32,
    pub from: NaiveDate,
    pub source: &'static str,
}

const COMMITMENTS_2023: &str = "国家电网有限公司供电服务“十项承诺”（2023年版）";
const FROM_2023: NaiveDate = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();

pub(crate) const fn row(class: ConnectionClass, days: u32) -> WholeLimit {
    WholeLimit {
        class,
        days,
        from: FROM_2023,
        source: COMMITMENTS_2023,
    }
}

/// Every published limit, oldest first. A regulation that shortens a limit is a row with a
/// later `from` (the 2025 national guideline's 5 days for all low voltage without external line
/// works would be `LowVoltage, 5` from its effective date).
pub const WHOLE_LIMITS: &[WholeLimit] = &[
    row(ConnectionClass::Residential, 5),
    row(ConnectionClass::LowVoltage, 6),
    row(ConnectionClass::HighVoltageSingle, 22),
    row(ConnectionClass::HighVoltageDual, 32),
];

/// The limit in force for `class` on `day`, from `limits`: the latest row that started by then.
pub fn limit_on(
    limits: &'static [WholeLimit],
    class: ConnectionClass,
    day: NaiveDate,
) -> Option<&'static WholeLimit> {
    limits
        .iter()
        .filter(|l| l.class == class && l.from <= day)
        .max_by_key(|l| l.from)
}

/// A project against its whole-process limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WholeClock {
    pub class: ConnectionClass,
    pub limit: u32,
    /// Working days the utility has held the case so far.
    pub used: u32,
    /// `limit - used`; negative when over.
    pub left: i64,
    /// The utility holds the case now, so `used` is still counting.
    pub running: bool,
    /// Where the limit is published, and since when it applies.
    pub source: String,
    pub in_force_from: NaiveDate,
}

impl WholeClock {
    /// The clock of a project of `class` opened on `opened`, the utility having held it `used`
    /// working days; none when no limit applies to it.
    pub fn of(
        class: ConnectionClass,
        opened: NaiveDate,
        used: u32,
        running: bool,
    ) -> Option<WholeClock> {
        let rule = limit_on(WHOLE_LIMITS, class, opened)?;
        Some(WholeClock {
            class,
            limit: rule.days,
            used,
            left: i64::from(rule.days) - i64::from(used),
            running,
            source: rule.source.into(),
            in_force_from: rule.from,
        })
    }

    pub fn is_overdue(&self) -> bool {
        self.left < 0
    }
}

/// Where `project` (opened on `opened`) stands against its whole-process limit on `today`.
pub fn whole_clock(
    calendar: &Calendar,
    project: &Project,
    dual_source: bool,
    opened: NaiveDate,
    today: NaiveDate,
) -> Option<WholeClock> {
    let (used, _) = days_by_side(calendar, project, opened, today);
    WholeClock::of(
        ConnectionClass::of(project.kind, project.low_voltage, dual_source),
        opened,
        used,
        utility_holds(project),
    )
}

/// A project's whole process once power is on, as the reports keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WholeRun {
    pub class: ConnectionClass,
    /// The day power went on.
    pub finished: NaiveDate,
    pub used: u32,
    pub limit: u32,
}

impl WholeRun {
    pub fn on_time(&self) -> bool {
        self.used <= self.limit
    }
}

/// The whole process of `project` once it is energized; none before, or when no limit applies.
pub fn finished_run(
    calendar: &Calendar,
    project: &Project,
    dual_source: bool,
    opened: NaiveDate,
) -> Option<WholeRun> {
    if project.stage != super::process::Stage::Energized {
        return None;
    }
    let finished = project.history.last()?.on;
    let clock = whole_clock(calendar, project, dual_source, opened, finished)?;
    Some(WholeRun {
        class: clock.class,
        finished,
        used: clock.used,
        limit: clock.limit,
    })
}

/// The utility holds the case now.
pub fn utility_holds(project: &Project) -> bool {
    super::schedule::holder(project.stage) == Some(super::process::Party::Utility)
}

#[cfg(test)]
mod tests;
