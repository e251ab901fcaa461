//! A range of days chosen in a query string (`?from=&to=`): the dashboard's and the project
//! reports'. Both ends count; an empty value takes the default.

use crate::{ApiError, ApiResult, Reason};
use chrono::{Days, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// `to` defaults to `today`, `from` to `default_days` ending on `to`; at most `most_days`.
    pub fn parse(
        from: Option<&str>,
        to: Option<&str>,
        today: NaiveDate,
        default_days: u64,
        most_days: u64,
    ) -> ApiResult<Period> {
        let to = date("to", to)?.unwrap_or(today);
        let from = match date("from", from)? {
            Some(from) => from,
            None => to - Days::new(default_days.saturating_sub(1)),
        };
        if from > to {
            return Err(ApiError::validation("from", "from must not be after to"));
        }
        let period = Period { from, to };
        if period.days() > most_days {
            return Err(ApiError::invalid(
                "from",
                Reason::PeriodTooLong,
                format!("choose at most {most_days} days"),
            ));
        }
        Ok(period)
    }

    /// The days it covers, both ends counted.
    pub fn days(&self) -> u64 {
        self.from
            .iter_days()
            .take_while(|d| *d <= self.to)
            .count()
            .try_into()
            .unwrap_or(u64::MAX)
    }
}

fn date(field: &str, value: Option<&str>) -> ApiResult<Option<NaiveDate>> {
    match value {
        None | Some("") => Ok(None),
        Some(s) => s.parse::<NaiveDate>().map(Some).map_err(|_| {
            ApiError::invalid(
                field,
                Reason::Date,
                format!("{field} must be a date like 2026-11-02"),
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn defaults_end_today_and_span_the_default_days() {
        let p = Period::parse(None, Some(""), day("2026-12-03"), 30, 366).unwrap();
        assert_eq!((p.from, p.to), (day("2026-11-04"), day("2026-12-03")));
        assert_eq!(p.days(), 30);
        let p = Period::parse(None, Some("2026-01-31"), day("2026-12-03"), 7, 92).unwrap();
        assert_eq!(p.from, day("2026-01-25"));
    }

    #[test]
    fn refuses_bad_dates_reversed_and_too_long_ranges() {
        let today = day("2026-12-03");
        let err = Period::parse(Some("2026-13-01"), None, today, 30, 366).unwrap_err();
        assert_eq!(
            (err.field.as_deref(), err.reason),
            (Some("from"), Reason::Date)
        );
        let err = Period::parse(Some("2026-12-04"), None, today, 30, 366).unwrap_err();
        assert_eq!(err.reason, Reason::DateRange);
        assert!(Period::parse(Some("2026-01-01"), Some("2026-01-01"), today, 30, 1).is_ok());
        let err = Period::parse(Some("2026-01-01"), Some("2026-01-02"), today, 30, 1).unwrap_err();
        assert_eq!(err.reason, Reason::PeriodTooLong);
    }
}
