//! The dashboard's figures on hand-made tickets whose answers are easy to check.

use super::dashboard::{build, DashboardQuery};
use super::facts::{Outcome, TicketFact};
use super::figures::Figures;
use super::plan::staffing;
use super::staffed::StaffingChange;
use super::tally::{DayTally, Minutes};
use crate::halls::BusinessType::{self, *};
use crate::queue::{Channel, Priority};
use chrono::NaiveDate;

const MIN: i64 = 60_000;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Epoch ms of a local (China) time on a day.
fn at(day: &str, hour: i64, minute: i64) -> i64 {
    let midnight = date(day)
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis();
    midnight + (hour - 8) * 60 * MIN + minute * MIN
}

struct Made {
    day: &'static str,
    hour: i64,
    business: BusinessType,
    wait: Option<i64>,
    service: i64,
    outcome: Outcome,
    counter: u32,
    staff: i64,
    stars: Option<u8>,
}

fn served(day: &'static str, hour: i64, business: BusinessType, wait: i64, service: i64) -> Made {
    Made {
        day,
        hour,
        business,
        wait: Some(wait),
        service,
        outcome: Outcome::Served,
        counter: 1,
        staff: 7,
        stars: None,
    }
}

fn fact(m: Made) -> TicketFact {
    let issued = at(m.day, m.hour, 0);
    let called = m.wait.map(|w| issued + w * MIN);
    let started = called.filter(|_| m.outcome == Outcome::Served);
    TicketFact {
        hall_id: "xinghu".into(),
        day: m.day.into(),
        ticket_id: 1,
        business: m.business,
        priority: Priority::Normal,
        channel: Channel::Remote,
        issued_at: issued,
        called_at: called,
        started_at: started,
        finished_at: started.map_or(issued + 20 * MIN, |s| s + m.service * MIN),
        outcome: m.outcome,
        counter: Some(m.counter),
        staff_id: Some(m.staff),
        stars: m.stars,
        promised_minutes: None,
        promised_low: None,
        promised_high: None,
        baseline_minutes: None,
    }
}

#[test]
fn p90_is_the_minute_of_the_nearest_rank() {
    // One wait in each minute 1..=10: the ninth is the 90th percentile.
    let ten = Minutes([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1].into());
    assert_eq!(ten.p90(), Some(9.0));
    assert_eq!(Minutes([0, 0, 0, 0, 0, 1].into()).p90(), Some(5.0));
    assert_eq!(Minutes::default().p90(), None);
    assert_eq!(ten.up_to(3), 3);
    assert_eq!(ten.up_to(400), 10);
}

#[test]
fn figures_count_waits_services_outcomes_and_stars() {
    let facts = [
        fact(Made {
            stars: Some(5),
            ..served("2026-11-16", 9, Payment, 4, 2)
        }),
        fact(Made {
            stars: Some(3),
            ..served("2026-11-16", 9, Payment, 20, 4)
        }),
        fact(Made {
            outcome: Outcome::NoShow,
            ..served("2026-11-16", 10, Expansion, 10, 0)
        }),
        fact(Made {
            wait: None,
            outcome: Outcome::Cancelled,
            ..served("2026-11-16", 10, Expansion, 0, 0)
        }),
    ];
    let f = Figures::of(&facts, 15);
    assert_eq!((f.tickets, f.served, f.no_shows, f.cancelled), (4, 2, 1, 1));
    assert_eq!(f.mean_wait, Some((4.0 + 20.0 + 10.0) / 3.0));
    assert_eq!(f.p90_wait, Some(20.0));
    assert_eq!(f.mean_service, Some(3.0));
    assert_eq!(f.within_tmax, Some(0.5), "4 and 10 minutes of four tickets");
    assert_eq!((f.rated, f.mean_stars), (2, Some(4.0)));
    assert_eq!(f.no_show_rate(), Some(0.25));
}

#[test]
fn the_query_defaults_to_the_last_week_and_refuses_bad_ranges() {
    let today = date("2026-11-22");
    let q = DashboardQuery::parse(Some("xinghu"), None, None, None, today).unwrap();
    assert_eq!(
        (q.from, q.to, q.tmax_minutes),
        (date("2026-11-16"), today, 15)
    );
    assert_eq!(q.history_from(), date("2026-10-25"));
    // The week before the range is what the figures are compared with.
    assert_eq!(
        (q.previous().from, q.previous().to),
        (date("2026-11-09"), date("2026-11-15"))
    );
    // A range longer than the forecast's four weeks reads from the start of the period before
    // it (53 days from 2026-10-01 to 2026-11-22, so from 2026-08-09).
    let month = DashboardQuery::parse(None, Some("2026-10-01"), None, None, today).unwrap();
    assert_eq!(month.history_from(), date("2026-08-09"));
    for (from, to, tmax) in [
        (Some("2026-11-30"), Some("2026-11-01"), None),
        (Some("yesterday"), None, None),
        (Some("2026-01-01"), Some("2026-11-01"), None),
        (None, None, Some("0")),
        (None, None, Some("ten")),
    ] {
        let err = DashboardQuery::parse(None, from, to, tmax, today).unwrap_err();
        assert_eq!(err.status(), 400, "{from:?} {to:?} {tmax:?}");
    }
}

#[test]
fn the_dashboard_reads_the_range_and_names_the_clerks() {
    let facts = vec![
        fact(served("2026-11-02", 9, Payment, 3, 2)), // history only: before the range
        fact(served("2026-11-10", 9, Payment, 3, 2)), // the week before: compared with
        fact(served("2026-11-16", 9, Payment, 3, 2)),
        fact(Made {
            counter: 2,
            staff: 8,
            ..served("2026-11-17", 15, Expansion, 30, 10)
        }),
    ];
    let q = DashboardQuery::parse(
        Some("xinghu"),
        Some("2026-11-16"),
        Some("2026-11-22"),
        None,
        date("2026-11-22"),
    )
    .unwrap();
    let signed_in = |at: i64, status: &str| StaffingChange {
        day: "2026-11-16".into(),
        counter: 1,
        at,
        status: status.into(),
    };
    // Counter 1 open from 15:00 to 15:45 on the 16th: three quarters of a counter at 15.
    let fifteen = date("2026-11-16")
        .and_hms_opt(15, 0, 0)
        .and_then(|t| t.and_local_timezone(crate::hours::china_tz()).single())
        .unwrap()
        .timestamp_millis();
    let changes = [
        signed_in(fifteen, "open"),
        signed_in(fifteen + 45 * 60_000, "closed"),
    ];
    let d = build(&q, &DayTally::of_facts(&facts), &changes, |id| {
        (id == 7).then(|| "王晓梅".to_string())
    });
    assert_eq!(d.totals.tickets, 2);
    // The week before the range (9–15 November) is the ticket of the 10th.
    assert_eq!(d.previous.tickets, 1);
    assert_eq!(
        (d.previous_from.as_str(), d.previous_to.as_str()),
        ("2026-11-09", "2026-11-15")
    );
    assert_eq!(d.per_day.len(), 7);
    assert_eq!((d.per_day[0].tickets, d.per_day[1].tickets), (1, 1));
    assert_eq!(d.per_hour[15].tickets, 1);
    let keys: Vec<&str> = d.by_business.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["payment", "expansion"]);
    assert_eq!(d.by_counter.len(), 2);
    assert_eq!(d.by_staff[0].name.as_deref(), Some("王晓梅"));
    assert_eq!(d.by_staff[1].name, None);
    assert_eq!(d.totals.within_tmax, Some(0.5));
    // The forecast reads the four weeks before the 22nd and starts on it: Monday the 23rd at
    // 9 has weights 4 (the 16th, one ticket) and 2 (the 2nd, one ticket) of 10.
    assert_eq!(d.forecast[0].day, "2026-11-22");
    assert_eq!(d.forecast[1].day, "2026-11-23");
    assert!((d.forecast[1].hours[9] - 0.6).abs() < 1e-9);
    assert!(!d.staffing.is_empty());
    let at_fifteen = d
        .staffing
        .iter()
        .find(|r| r.hour == 15 && r.business.is_none())
        .unwrap();
    assert_eq!(at_fifteen.staffed, Some(0.75));
    assert!(d
        .staffing
        .iter()
        .all(|r| r.business.is_none() || r.staffed.is_none()));
    // An hour with a counter open and nobody arriving still has its pooled row.
    let quiet = [
        signed_in(fifteen + 2 * 3_600_000, "open"),
        signed_in(fifteen + 3 * 3_600_000, "closed"),
    ];
    let d = build(&q, &DayTally::of_facts(&facts), &quiet, |_| None);
    let seventeen = d.staffing.iter().find(|r| r.hour == 17).unwrap();
    assert_eq!(
        (seventeen.business, seventeen.arrivals, seventeen.staffed),
        (None, 0.0, Some(1.0))
    );
    assert!(d.staffing.windows(2).all(|w| w[0].hour <= w[1].hour));
}

#[test]
fn staffing_compares_recommended_with_counters_at_work() {
    // Two days, 60 payments an hour at 9:00 taking 4 minutes (4 Erlangs), served at counters
    // 1–3 on the first day and 1–5 on the second.
    let mut facts = Vec::new();
    for (day, counters) in [("2026-11-16", 3), ("2026-11-17", 5)] {
        for i in 0..60 {
            facts.push(fact(Made {
                counter: 1 + i % counters,
                ..served(day, 9, Payment, 0, 4)
            }));
        }
    }
    let days = DayTally::of_facts(&facts);
    let plan = staffing(&days.iter().collect::<Vec<_>>(), 15);
    let pooled = plan
        .iter()
        .find(|r| r.hour == 9 && r.business.is_none())
        .unwrap();
    assert_eq!(pooled.arrivals, 60.0);
    assert_eq!(pooled.service_minutes, 4.0);
    assert_eq!(pooled.actual, 4.0);
    // At 4 Erlangs, 5 counters serve 80% within 15 minutes; Erlang A never asks for more.
    assert_eq!(pooled.erlang_c, 5);
    assert!(pooled.erlang_a <= pooled.erlang_c);
    let payment = plan.iter().find(|r| r.business == Some(Payment)).unwrap();
    assert_eq!(payment.erlang_c, pooled.erlang_c);
}
