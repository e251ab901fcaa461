//! Four weeks of finished tickets for every hall, so the dashboard, the heatmap, the forecast
//! and the staffing plan have history to read. Each open day is simulated on the real queue
//! engine (`domain::queue::sim`) with the hall's counters and hours, busier at the month's turn
//! and on Mondays, with customers who give up after ~13 minutes; a few called customers do not
//! come, and most who were served rate the visit.

use crate::data::{halls, Hall};
use crate::projects::china_today;
use crate::sql::text;
use chrono::{Datelike, Days, NaiveDate, Timelike, Weekday};
use domain::hours::china_tz;
use domain::operations::facts::{Outcome, TicketFact};
use domain::operations::plan::PATIENCE_MINUTES;
use domain::queue::sim::{run_observed, seeds_hall_profile};
use domain::queue::Channel;
use domain::wire::wire_name;
use std::fmt::Write;

pub const DAYS: u64 = 28;
/// Rows per INSERT statement.
const CHUNK: usize = 400;

/// The hall's share of the seeds' 2.35 arrivals a minute.
fn scale(hall: &str) -> f64 {
    match hall {
        "xinghu" => 1.0,
        "binjiang" => 0.4,
        _ => 0.3,
    }
}

/// Busier at the month's turn and on Mondays, quieter on Saturdays.
fn day_factor(day: NaiveDate) -> f64 {
    let month_turn = day.day() <= 3 || day.succ_opt().is_some_and(|d| d.day() <= 2);
    let weekday = match day.weekday() {
        Weekday::Mon => 1.15,
        Weekday::Sat => 0.7,
        _ => 1.0,
    };
    weekday * if month_turn { 1.3 } else { 1.0 }
}

/// A repeatable number in 0..100 for a ticket.
fn roll(day: NaiveDate, id: u32, salt: u32) -> u32 {
    (day.num_days_from_ce() as u32)
        .wrapping_mul(2_654_435_761)
        .wrapping_add(id.wrapping_mul(40_503))
        .wrapping_add(salt.wrapping_mul(97))
        .wrapping_mul(2_246_822_519)
        >> 7
        & 0xFFFF
}

pub fn facts_of_day(hall: &Hall, day: NaiveDate, seed: u64) -> Vec<TicketFact> {
    let Some(hours) = hall.hours.on(day.weekday()) else {
        return Vec::new();
    };
    let mut config = seeds_hall_profile(seed);
    let factor = scale(hall.id) * day_factor(day);
    config
        .arrivals_per_minute
        .iter_mut()
        .for_each(|r| *r *= factor);
    // One unmeasured day: the history needs the tickets, not the estimates' accuracy.
    config.days = 1;
    config.warm_up_days = 1;
    config.open_minute = (hours.open.hour() * 60 + hours.open.minute()) as i64;
    config.close_minute = (hours.close.hour() * 60 + hours.close.minute()) as i64 - 15;
    config.counters = hall.counters.iter().map(|c| c.to_vec()).collect();
    config.patience_minutes = Some(PATIENCE_MINUTES);
    let midnight = day
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(china_tz()).single())
        .map_or(0, |t| t.timestamp_millis());
    let mut facts = Vec::new();
    run_observed(&config, |_, queue| {
        for t in &queue.tickets {
            let Some(mut f) = TicketFact::of(hall.id, &day.to_string(), t, None) else {
                continue;
            };
            for at in [&mut f.issued_at, &mut f.finished_at] {
                *at += midnight;
            }
            for at in [&mut f.called_at, &mut f.started_at].into_iter().flatten() {
                *at += midnight;
            }
            facts.push(f);
        }
    });
    for f in &mut facts {
        mark_no_show_and_rating(f, day);
    }
    facts
}

/// A third took their number remotely. Three in a hundred called customers never come; two in three served rate the visit, lower
/// after a long wait.
fn mark_no_show_and_rating(f: &mut TicketFact, day: NaiveDate) {
    if roll(day, f.ticket_id, 4) % 100 < 35 {
        f.channel = Channel::Remote;
    }
    if f.outcome != Outcome::Served {
        return;
    }
    if roll(day, f.ticket_id, 1) % 100 < 3 {
        f.outcome = Outcome::NoShow;
        f.finished_at = f.called_at.unwrap_or(f.issued_at) + 3 * 60_000;
        f.started_at = None;
        return;
    }
    if roll(day, f.ticket_id, 2).is_multiple_of(3) {
        return;
    }
    let wait = f.wait_minutes().unwrap_or(0.0);
    let r = roll(day, f.ticket_id, 3) % 100;
    f.stars = Some(match wait {
        w if w < 10.0 => {
            if r < 80 {
                5
            } else {
                4
            }
        }
        w if w < 20.0 => {
            if r < 40 {
                5
            } else if r < 85 {
                4
            } else {
                3
            }
        }
        _ => {
            if r < 30 {
                4
            } else if r < 75 {
                3
            } else {
                2
            }
        }
    });
}

/// The login of the clerk at a counter: the hall's staff in turn.
fn clerk(hall: &str, counter: Option<u32>) -> String {
    let staff = match hall {
        "xinghu" => 6,
        "binjiang" => 4,
        _ => 3,
    };
    counter.map_or("NULL".into(), |c| {
        text(&format!("staff.{hall}.{}", (c - 1) % staff + 1))
    })
}

fn opt(v: Option<i64>) -> String {
    v.map_or("NULL".into(), |v| v.to_string())
}

pub fn row(f: &TicketFact) -> String {
    format!(
        "({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})",
        text(&f.hall_id),
        text(&f.day),
        f.ticket_id,
        text(&wire_name(&f.business)),
        text(&wire_name(&f.priority)),
        text(&wire_name(&f.channel)),
        f.issued_at,
        opt(f.called_at),
        opt(f.started_at),
        f.finished_at,
        text(&wire_name(&f.outcome)),
        opt(f.counter.map(i64::from)),
        clerk(
            &f.hall_id,
            f.counter.filter(|_| f.outcome != Outcome::Cancelled)
        ),
        opt(f.stars.map(i64::from)),
    )
}

/// A day's sign-ins: each counter's clerk signs in a few minutes after opening (one more per
/// counter), every second counter pauses for lunch from 12:00 to 12:30, and all are signed out
/// at closing. Rows for `counter_changes`.
fn staffing_of_day(hall: &Hall, day: NaiveDate) -> Vec<String> {
    let Some(hours) = hall.hours.on(day.weekday()) else {
        return Vec::new();
    };
    let at = |minute: u32| {
        day.and_hms_opt(minute / 60, minute % 60, 0)
            .and_then(|t| t.and_local_timezone(china_tz()).single())
            .map_or(0, |t| t.timestamp_millis())
    };
    let open = hours.open.hour() * 60 + hours.open.minute();
    let close = hours.close.hour() * 60 + hours.close.minute();
    let mut rows = Vec::new();
    for c in 1..=hall.counters.len() as u32 {
        let clerk = clerk(hall.id, Some(c));
        let mut changes = vec![(open + 2 * c, "open")];
        if c % 2 == 0 && open < 12 * 60 && close > 13 * 60 {
            changes.extend([(12 * 60, "paused"), (12 * 60 + 30, "open")]);
        }
        changes.push((close, "closed"));
        for (minute, status) in changes {
            let seq = rows.len() + 1;
            let (reason, signed_in) = match status {
                "paused" => (text("午休"), clerk.clone()),
                "closed" => ("NULL".into(), "NULL".into()),
                _ => ("NULL".into(), clerk.clone()),
            };
            rows.push(format!(
                "({}, {}, {seq}, {}, {c}, {}, {reason}, {signed_in})",
                text(hall.id),
                text(&day.to_string()),
                at(minute),
                text(status),
            ));
        }
    }
    rows
}

pub fn write_history(out: &mut String) {
    let today = china_today();
    let mut facts = Vec::new();
    let mut staffing = Vec::new();
    for (h, hall) in halls().iter().enumerate() {
        for back in 1..=DAYS {
            let day = today - Days::new(back);
            facts.extend(facts_of_day(
                hall,
                day,
                day.num_days_from_ce() as u64 * 7 + h as u64,
            ));
            staffing.extend(staffing_of_day(hall, day));
        }
    }
    for chunk in staffing.chunks(CHUNK) {
        let _ = writeln!(
            out,
            "INSERT OR IGNORE INTO counter_changes (hall_id, day, seq, at, counter, status, reason, clerk_id, by_id) \
             SELECT column1, column2, column3, column4, column5, column6, column7, \
             (SELECT id FROM users WHERE login = column8), (SELECT id FROM users WHERE login = column8) FROM (VALUES {});",
            chunk.join(",\n")
        );
    }
    for chunk in facts.chunks(CHUNK) {
        let rows: Vec<String> = chunk.iter().map(row).collect();
        let _ = writeln!(
            out,
            "INSERT OR IGNORE INTO ticket_facts (hall_id, day, ticket_id, business, priority, channel, issued_at, called_at, started_at, finished_at, outcome, counter, staff_id, stars) \
             SELECT column1, column2, column3, column4, column5, column6, column7, column8, column9, column10, column11, column12, \
             (SELECT id FROM users WHERE login = column13), column14 FROM (VALUES {});",
            rows.join(",\n")
        );
    }
}
