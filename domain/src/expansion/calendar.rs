//! The Chinese working-day calendar that regulated time limits run on: weekends and public
//! holidays are off, make-up days (调休上班) on a weekend are worked. The days come from
//! `data/cn-holidays.txt`; a year it does not cover counts weekends only.

use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    Holiday,
    MakeUpWorkday,
}

/// How far the calendar can be trusted for a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// The State Council's published schedule.
    Official,
    /// The statutory days only; make-up days not yet known.
    Provisional,
    /// Not in the data: weekends only.
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    special: BTreeMap<NaiveDate, Special>,
    years: BTreeMap<i32, Coverage>,
}

fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s}: {e}"))
}

impl Calendar {
    /// The calendar shipped with the code.
    pub fn china() -> Calendar {
        Calendar::parse(include_str!("../../data/cn-holidays.txt"))
            .expect("data/cn-holidays.txt is well formed (a test checks it)")
    }

    pub fn parse(text: &str) -> Result<Calendar, String> {
        let mut calendar = Calendar {
            special: BTreeMap::new(),
            years: BTreeMap::new(),
        };
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut words = line.split_whitespace();
            let (first, kind) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
            match kind {
                "official" | "provisional" => {
                    let year = first.parse().map_err(|_| format!("bad year: {line}"))?;
                    let coverage = if kind == "official" {
                        Coverage::Official
                    } else {
                        Coverage::Provisional
                    };
                    calendar.years.insert(year, coverage);
                }
                "holiday" => {
                    let (from, to) = first.split_once("..").unwrap_or((first, first));
                    let (from, to) = (date(from)?, date(to)?);
                    if to < from {
                        return Err(format!("range ends before it starts: {line}"));
                    }
                    for day in from.iter_days().take_while(|d| *d <= to) {
                        calendar.special.insert(day, Special::Holiday);
                    }
                }
                "workday" => {
                    calendar
                        .special
                        .insert(date(first)?, Special::MakeUpWorkday);
                }
                _ => return Err(format!("unknown line: {line}")),
            }
        }
        Ok(calendar)
    }

    pub fn coverage(&self, year: i32) -> Coverage {
        self.years.get(&year).copied().unwrap_or(Coverage::Missing)
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        match self.special.get(&day) {
            Some(Special::Holiday) => false,
            Some(Special::MakeUpWorkday) => true,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// The day `n` working days after `start` (counting from the next day): the due date of a
    /// step that started on `start` and may take `n` working days.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt().expect("dates stay far from the end of time");
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days after `from` up to and including `to` (0 when `to` is not after `from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|d| *d <= to)
            .filter(|d| self.is_working_day(*d))
            .count() as u32
    }
}

#[cfg(test)]
mod tests;
