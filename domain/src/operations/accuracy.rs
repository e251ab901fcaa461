//! How good the live wait figures were: for each ticket called in a range, the wait it was
//! shown at check-in against the wait that followed, by business type and hour of arrival,
//! beside what the baseline (people ahead × mean service ÷ open counters) would have said.

use super::facts::TicketFact;
use super::tally::{Accuracy, DayTally, Sums};
use crate::halls::BusinessType;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AccuracyRow {
    /// `None` on the row for every type and hour together, which comes first.
    pub business: Option<BusinessType>,
    pub hour: Option<u8>,
    pub tickets: u32,
    /// Mean absolute error of the point estimate, in minutes.
    pub mae_minutes: f64,
    /// Share called within the range shown (whole minutes, as the range is read).
    pub inside_share: f64,
    pub baseline_mae_minutes: f64,
}

/// A row of measured tickets (never none: rows are made only where some were measured).
fn row(business: Option<BusinessType>, hour: Option<u8>, a: &Accuracy) -> AccuracyRow {
    let mean = |ms: i64| Sums::mean_minutes(ms, a.tickets).unwrap_or_default();
    AccuracyRow {
        business,
        hour,
        tickets: a.tickets,
        mae_minutes: mean(a.error_ms),
        inside_share: f64::from(a.inside) / f64::from(a.tickets.max(1)),
        baseline_mae_minutes: mean(a.baseline_error_ms),
    }
}

/// The overall row, then one per business type and hour of arrival; none without measured
/// tickets (called, with a kept estimate).
pub fn accuracy<'a>(days: impl IntoIterator<Item = &'a DayTally>) -> Vec<AccuracyRow> {
    let mut all = Accuracy::default();
    let mut groups: BTreeMap<(BusinessType, u8), Accuracy> = BTreeMap::new();
    for hour in days.into_iter().flat_map(|d| &d.hours) {
        if hour.accuracy.tickets > 0 {
            groups
                .entry((hour.business, hour.hour))
                .or_default()
                .add(&hour.accuracy);
            all.add(&hour.accuracy);
        }
    }
    if all.tickets == 0 {
        return Vec::new();
    }
    let mut rows = vec![row(None, None, &all)];
    rows.extend(
        groups
            .iter()
            .map(|(&(business, hour), a)| row(Some(business), Some(hour), a)),
    );
    rows
}

/// The share of measured tickets called inside the range they were shown; `None` without any.
pub fn inside_share(facts: &[TicketFact]) -> Option<f64> {
    accuracy(&DayTally::of_facts(facts))
        .first()
        .map(|overall| overall.inside_share)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::halls::BusinessType::{Expansion, Payment};
    use crate::operations::facts::Outcome;
    use crate::queue::{Channel, Priority};

    const MIN: i64 = 60_000;
    /// 2026-11-23 10:00 in the hall's time.
    const TEN: i64 = 1_795_399_200_000;

    fn fact(
        business: BusinessType,
        shown: Option<(f64, u32, u32)>,
        waited: Option<i64>,
    ) -> TicketFact {
        TicketFact {
            hall_id: "xinghu".into(),
            day: "2026-11-23".into(),
            ticket_id: 1,
            business,
            priority: Priority::Normal,
            channel: Channel::Kiosk,
            issued_at: TEN,
            called_at: waited.map(|w| TEN + w * MIN),
            started_at: None,
            finished_at: TEN + 30 * MIN,
            outcome: if waited.is_some() {
                Outcome::Served
            } else {
                Outcome::Cancelled
            },
            counter: Some(1),
            staff_id: None,
            stars: None,
            promised_minutes: shown.map(|s| s.0),
            promised_low: shown.map(|s| s.1),
            promised_high: shown.map(|s| s.2),
            baseline_minutes: shown.map(|s| s.0 + 4.0),
        }
    }

    #[test]
    fn errors_and_the_share_inside_the_range_by_type_and_hour() {
        let facts = [
            fact(Payment, Some((5.0, 3, 8)), Some(6)),  // 1 off, inside
            fact(Payment, Some((5.0, 3, 8)), Some(10)), // 5 off, outside
            fact(Expansion, Some((20.0, 15, 28)), Some(20)), // exact, inside
            fact(Payment, None, Some(4)),               // shown nothing: not measured
            fact(Payment, Some((5.0, 3, 8)), None),     // left before the call
        ];
        let rows = accuracy(&DayTally::of_facts(&facts));
        assert_eq!(rows.len(), 3);
        let overall = &rows[0];
        assert_eq!(
            (overall.business, overall.hour, overall.tickets),
            (None, None, 3)
        );
        assert!((overall.mae_minutes - 2.0).abs() < 1e-9);
        assert!((overall.inside_share - 2.0 / 3.0).abs() < 1e-9);
        assert!((overall.baseline_mae_minutes - (3.0 + 1.0 + 4.0) / 3.0).abs() < 1e-9);
        let payment = rows.iter().find(|r| r.business == Some(Payment)).unwrap();
        assert_eq!(
            (payment.hour, payment.tickets, payment.inside_share),
            (Some(10), 2, 0.5)
        );
        assert_eq!(inside_share(&facts), Some(2.0 / 3.0));
        assert_eq!(inside_share(&facts[3..]), None);
    }
}
