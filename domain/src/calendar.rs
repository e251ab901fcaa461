//! The Chinese working-day calendar: weekends and public holidays are off, make-up days
//! (调休上班) on a weekend are worked. Regulated time limits run on it (`projects`), and halls
//! close on its holidays and open on its make-up days (`hours::calendar`). The days come from
//! `data/cn-holidays.txt`; a year it does not cover counts weekends only.

use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::BTreeMap;

/// A day the national schedule changes, with the festival it is for ("国庆节").
#[derive(Debug, Clone, PartialEq, Eq)]
enum Special {
    Holiday(String),
    MakeUpWorkday(String),
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

/// The rest of a line: the festival's name.
fn festival<'a>(words: &mut impl Iterator<Item = &'a str>) -> String {
    words.collect::<Vec<_>>().join(" ")
}

fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s}: {e}"))
}

impl Calendar {
    /// The calendar shipped with the code.
    pub fn china() -> Calendar {
        static CHINA: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
        CHINA
            .get_or_init(|| {
                Calendar::parse(include_str!("../data/cn-holidays.txt"))
                    .expect("data/cn-holidays.txt is well formed (a test checks it)")
            })
            .clone()
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
                    let name = festival(&mut words);
                    for day in from.iter_days().take_while(|d| *d <= to) {
                        calendar.special.insert(day, Special::Holiday(name.clone()));
                    }
                }
                "workday" => {
                    let name = festival(&mut words);
                    calendar
                        .special
                        .insert(date(first)?, Special::MakeUpWorkday(name));
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
            Some(Special::Holiday(_)) => false,
            Some(Special::MakeUpWorkday(_)) => true,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// The festival, when `day` is a public holiday.
    pub fn holiday(&self, day: NaiveDate) -> Option<&str> {
        match self.special.get(&day) {
            Some(Special::Holiday(name)) => Some(name),
            _ => None,
        }
    }

    /// The festival it makes up for, when `day` is a weekend day worked.
    pub fn make_up_workday(&self, day: NaiveDate) -> Option<&str> {
        match self.special.get(&day) {
            Some(Special::MakeUpWorkday(name)) => Some(name),
            _ => None,
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
