//! The dashboard's days: each hall's finished tickets of a day summed once
//! (`domain::operations::tally`) and kept in `hall_day_tallies` (migration 0034). A day whose
//! facts changed since (today's, or one a late rating touched) is tallied again from its facts
//! when read; the tally is stored only if nothing changed in between.

use crate::args;
use crate::db::{Arg, Db};
use crate::error::Result;
use chrono::NaiveDate;
use domain::operations::facts::TicketFact;
use domain::operations::tally::DayTally;
use serde::Deserialize;
use std::collections::HashMap;
use worker::D1PreparedStatement;

/// Days tallied per round trip: about 100,000 tickets at most, well inside a D1 result.
const DAYS_PER_ROUND: usize = 100;
/// Round trips one read makes at most: a city's 92 days plus four weeks are ~3,600 hall-days.
/// A read that stops here shows the days tallied so far; the next one goes on.
const MOST_ROUNDS: usize = 40;

#[derive(Deserialize)]
struct Stored {
    tally: String,
}

#[derive(Deserialize)]
struct Stale {
    day: String,
    hall_id: String,
    changes: i64,
}

/// The tallies of the days from `from` to `to`, of one hall or of the city.
pub async fn day_tallies(
    db: &Db,
    hall: Option<&str>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DayTally>> {
    let (days, mut bound) = match hall {
        Some(h) => ("day BETWEEN ?1 AND ?2 AND hall_id = ?3", vec![h.into()]),
        None => ("day BETWEEN ?1 AND ?2", vec![]),
    };
    bound.splice(0..0, args![from.to_string(), to.to_string()]);
    let stale = format!(
        "SELECT day, hall_id, changes FROM hall_day_tallies WHERE {days} AND tally IS NULL \
         ORDER BY day, hall_id LIMIT {DAYS_PER_ROUND}"
    );
    let mut round = 0;
    loop {
        round += 1;
        let results = db
            .reads(vec![
                statement(db, &format!("SELECT tally FROM hall_day_tallies WHERE {days} AND tally IS NOT NULL"), &bound)?,
                statement(db, &stale, &bound)?,
                statement(db, &format!(
                    "SELECT f.hall_id, f.day, f.ticket_id, f.business, f.priority, f.channel, f.issued_at, \
                     f.called_at, f.started_at, f.finished_at, f.outcome, f.counter, f.staff_id, f.stars, \
                     f.promised_minutes, f.promised_low, f.promised_high, f.baseline_minutes \
                     FROM ({stale}) AS t JOIN ticket_facts AS f ON f.hall_id = t.hall_id AND f.day = t.day"
                ), &bound)?,
            ])
            .await?;
        let [stored, stale_days, stale_facts] = <[_; 3]>::try_from(results).map_err(|_| {
            worker::Error::RustError("D1 answered a batch of three with another count".into())
        })?;
        let stale_days: Vec<Stale> = stale_days.results()?;
        let facts: Vec<TicketFact> = stale_facts.results()?;
        let fresh = tally_stale(db, &stale_days, &facts).await?;
        if stale_days.len() < DAYS_PER_ROUND || round == MOST_ROUNDS {
            let mut tallies = Vec::new();
            for row in stored.results::<Stored>()? {
                tallies.push(serde_json::from_str(&row.tally)?);
            }
            tallies.extend(fresh);
            return Ok(tallies);
        }
    }
}

fn statement(db: &Db, sql: &str, bound: &[Arg]) -> Result<D1PreparedStatement> {
    db.statement(sql, bound.to_vec())
}

/// Tallies the stale days from their facts and stores each tally unless its day changed since.
async fn tally_stale(db: &Db, days: &[Stale], facts: &[TicketFact]) -> Result<Vec<DayTally>> {
    let mut by_day: HashMap<(&str, &str), Vec<&TicketFact>> = HashMap::new();
    for f in facts {
        by_day.entry((&f.hall_id, &f.day)).or_default().push(f);
    }
    let mut tallies = Vec::new();
    let mut writes = Vec::new();
    for stale in days {
        let Ok(day) = stale.day.parse::<NaiveDate>() else {
            continue;
        };
        let of_day = by_day
            .get(&(stale.hall_id.as_str(), stale.day.as_str()))
            .into_iter()
            .flatten()
            .copied();
        let tally = DayTally::of(&stale.hall_id, day, of_day);
        writes.push(db.statement(
            "UPDATE hall_day_tallies SET tally = ?1 WHERE day = ?2 AND hall_id = ?3 AND changes = ?4",
            args![serde_json::to_string(&tally)?, &stale.day, &stale.hall_id, stale.changes],
        )?);
        tallies.push(tally);
    }
    db.batch(writes).await?;
    Ok(tallies)
}
