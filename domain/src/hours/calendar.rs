//! A hall's days: its weekly hours, the national calendar (closed on public holidays, open
//! with its weekday hours on make-up working days), and the manager's special days (extra
//! hours such as "周六延时服务", or closures), which win over both.

use super::{DayHours, Days, WeeklyHours};
use crate::calendar::Calendar;
use crate::error::{ApiError, ApiResult};
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A day the hall's manager set apart: other hours, or closed (`hours: None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpecialDay {
    pub date: NaiveDate,
    pub hours: Option<DayHours>,
    /// What the hall pages say about it: "周六延时服务", "系统升级，暂停营业".
    pub note: String,
}

pub const NOTE_MAX: usize = 60;

impl SpecialDay {
    /// Each special day says why, briefly, and opens before it closes.
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        let note = self.note.trim();
        if note.is_empty() || note.chars().count() > NOTE_MAX {
            return Err((
                "note",
                format!("say in 1 to {NOTE_MAX} characters why the day is special"),
            ));
        }
        if let Some(h) = self.hours.filter(|h| h.open >= h.close) {
            return Err((
                "hours",
                format!("opening time {} is not before closing time", h.label()),
            ));
        }
        Ok(())
    }
}

/// What a manager sends to set a day apart: `open` and `close` as "HH:MM", both absent for a
/// closure, and the reason the hall pages show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpecialDayRequest {
    #[serde(default)]
    pub open: Option<String>,
    #[serde(default)]
    pub close: Option<String>,
    pub note: String,
}

impl SpecialDayRequest {
    /// The special day on `date`, or a 400 naming the field to correct.
    pub fn special_day(&self, date: NaiveDate) -> ApiResult<SpecialDay> {
        let time = |field: &'static str, text: &str| {
            NaiveTime::parse_from_str(text.trim(), "%H:%M")
                .map_err(|_| ApiError::validation(field, "give the time as HH:MM, e.g. 09:00"))
        };
        let hours = match (self.open.as_deref(), self.close.as_deref()) {
            (None, None) => None,
            (Some(open), Some(close)) => Some(DayHours {
                open: time("open", open)?,
                close: time("close", close)?,
            }),
            (None, Some(_)) => {
                return Err(ApiError::validation("open", "give the opening time too"))
            }
            (Some(_), None) => {
                return Err(ApiError::validation("close", "give the closing time too"))
            }
        };
        let day = SpecialDay {
            date,
            hours,
            note: self.note.trim().to_string(),
        };
        day.validate()
            .map_err(|(field, message)| ApiError::validation(field, message))?;
        Ok(day)
    }
}

/// Why a day has the hours it has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayRule {
    /// The hall's usual hours for the weekday.
    #[default]
    Weekly,
    PublicHoliday {
        festival: String,
    },
    /// A weekend day worked instead of a holiday: the hall keeps its weekday hours.
    MakeUpWorkday {
        festival: String,
    },
    Special {
        note: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HallCalendar {
    pub weekly: WeeklyHours,
    pub specials: BTreeMap<NaiveDate, SpecialDay>,
    national: Calendar,
}

impl HallCalendar {
    pub fn new(weekly: WeeklyHours, specials: Vec<SpecialDay>) -> HallCalendar {
        HallCalendar {
            weekly,
            specials: specials.into_iter().map(|s| (s.date, s)).collect(),
            national: Calendar::china(),
        }
    }

    /// Why `date` has the hours `hours_on` gives.
    pub fn rule_on(&self, date: NaiveDate) -> DayRule {
        if let Some(special) = self.specials.get(&date) {
            return DayRule::Special {
                note: special.note.clone(),
            };
        }
        if let Some(festival) = self.national.holiday(date) {
            return DayRule::PublicHoliday {
                festival: festival.into(),
            };
        }
        match self.national.make_up_workday(date) {
            Some(festival) => DayRule::MakeUpWorkday {
                festival: festival.into(),
            },
            None => DayRule::Weekly,
        }
    }

    /// The hours of a weekday the hall opens (Monday first): what a make-up day keeps.
    fn weekday_hours(&self) -> Option<DayHours> {
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ]
        .into_iter()
        .find_map(|d| self.weekly.on(d))
    }
}

impl Days for HallCalendar {
    fn hours_on(&self, date: NaiveDate) -> Option<DayHours> {
        match self.rule_on(date) {
            DayRule::Special { .. } => self.specials.get(&date).and_then(|s| s.hours),
            DayRule::PublicHoliday { .. } => None,
            DayRule::MakeUpWorkday { .. } => self
                .weekday_hours()
                .or_else(|| self.weekly.on(date.weekday())),
            DayRule::Weekly => self.weekly.on(date.weekday()),
        }
    }
}

#[cfg(test)]
mod tests;
