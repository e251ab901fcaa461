//! Events on their way to D1 for analytics. They are written to the object's storage with the
//! change that made them, and an alarm copies them to D1 in batches; a failed copy is retried,
//! and the insert ignores rows already copied, so nothing is lost or doubled.

use super::store::Store;
use crate::args;
use crate::db::Db;
use domain::queue::{EventKind, QueueEvent, Ticket};
use domain::wire::wire_name;
use serde::{Deserialize, Serialize};

const BATCH: i64 = 50;

#[derive(Serialize, Deserialize)]
pub struct OutboxEvent {
    pub hall_id: String,
    pub day: String,
    pub event: QueueEvent,
    pub business: String,
    pub priority: String,
    pub channel: String,
    pub issued_at: i64,
    /// For ratings: stars and comment, so low ones open a follow-up.
    pub rating: Option<(u8, String)>,
}

impl OutboxEvent {
    pub fn new(hall_id: &str, day: &str, event: &QueueEvent, ticket: &Ticket) -> OutboxEvent {
        OutboxEvent {
            hall_id: hall_id.into(),
            day: day.into(),
            event: event.clone(),
            business: wire_name(&ticket.business),
            priority: wire_name(&ticket.priority),
            channel: wire_name(&ticket.channel),
            issued_at: ticket.issued_at,
            rating: ticket
                .rating
                .as_ref()
                .filter(|_| event.kind == EventKind::Rated)
                .map(|r| (r.stars, r.comment.clone())),
        }
    }
}

/// Copies one batch to D1. Returns whether more remain.
pub async fn flush(store: &Store, db: &Db) -> crate::error::Result<bool> {
    let rows = store.outbox(BATCH)?;
    let Some(last) = rows.last().map(|r| r.seq) else {
        return Ok(false);
    };
    let mut statements = Vec::new();
    for row in &rows {
        let Ok(e) = serde_json::from_str::<OutboxEvent>(&row.json) else {
            continue;
        };
        let ev = &e.event;
        let reason = ev
            .reason
            .as_ref()
            .and_then(|r| serde_json::to_string(r).ok());
        statements.push(db.statement(
            "INSERT OR IGNORE INTO ticket_events (hall_id, day, seq, at, kind, ticket_id, number, business, priority, channel, issued_at, counter, actor_id, reason, detail) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            args![&e.hall_id, &e.day, ev.seq as i64, ev.at, ev.kind.as_str(), ev.ticket_id as i64, ev.number.to_string(), &e.business, &e.priority, &e.channel, e.issued_at, ev.counter.map(i64::from), ev.actor, reason, ev.detail.clone()],
        )?);
        if let Some((stars, comment)) = e.rating.as_ref().filter(|(stars, _)| *stars <= 2) {
            statements.push(db.statement(
                "INSERT OR IGNORE INTO follow_ups (hall_id, day, ticket_id, number, stars, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                args![&e.hall_id, &e.day, ev.ticket_id as i64, ev.number.to_string(), *stars as i64, comment.clone(), ev.at],
            )?);
        }
    }
    db.batch(statements).await?;
    store.clear_outbox(last)?;
    Ok(rows.len() as i64 == BATCH)
}
