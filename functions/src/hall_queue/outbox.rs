//! Events on their way to D1 for analytics: tickets' events and counters' staffing changes.
//! They are written to the object's storage with the change that made them, and an alarm
//! copies them to D1 in batches; a failed copy is retried, and the insert ignores rows already
//! copied, so nothing is lost or doubled.

use super::store::Store;
use crate::args;
use crate::db::Db;
use crate::follow_ups::{open as open_follow_up, Opened};
use domain::follow_ups::{is_low, Rated};
use domain::halls::BusinessType;
use domain::operations::facts::TicketFact;
use domain::queue::{CounterChange, CounterStatus, EventKind, QueueEvent, Ticket};
use domain::wire::wire_name;
use serde::{Deserialize, Serialize};

const BATCH: i64 = 500;

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
    /// For ratings: who to call back.
    #[serde(default)]
    pub customer_id: Option<i64>,
    #[serde(default)]
    pub phone: Option<String>,
    /// For the event that finished the ticket: its row for the dashboard.
    #[serde(default)]
    pub fact: Option<TicketFact>,
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
            customer_id: ticket
                .customer_id
                .filter(|_| event.kind == EventKind::Rated),
            phone: ticket
                .phone
                .clone()
                .filter(|_| event.kind == EventKind::Rated),
            fact: matches!(
                event.kind,
                EventKind::Served | EventKind::NoShow | EventKind::Cancelled
            )
            .then(|| TicketFact::of(hall_id, day, ticket, event.actor))
            .flatten(),
        }
    }
}

/// One row of the object's outbox.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum OutboxRecord {
    /// Stored with the hall and day, as the `counter_changes` row needs them.
    Counter {
        hall_id: String,
        day: String,
        counter_change: CounterChange,
    },
    /// Rows stored before counter changes existed are tickets' events, untagged. Boxed: an
    /// event carries its ticket's whole fact.
    Ticket(Box<OutboxEvent>),
}

/// One `counter_changes` row, as the JSON the insert reads with `json_each`.
#[derive(Serialize)]
struct CounterRow<'a> {
    hall_id: &'a str,
    day: &'a str,
    seq: u64,
    at: i64,
    counter: u32,
    status: &'static str,
    reason: Option<&'a str>,
    clerk_id: Option<i64>,
    by_id: Option<i64>,
    /// A JSON array, when the change moved the counter to other business types.
    serves: Option<&'a [BusinessType]>,
}

const INSERT_COUNTER_CHANGES: &str = "INSERT OR IGNORE INTO counter_changes \
    (hall_id, day, seq, at, counter, status, reason, clerk_id, by_id, serves_json) \
    SELECT value ->> 'hall_id', value ->> 'day', value ->> 'seq', value ->> 'at', value ->> 'counter', \
    value ->> 'status', value ->> 'reason', value ->> 'clerk_id', value ->> 'by_id', value ->> 'serves' \
    FROM json_each(?)";

/// One `ticket_events` row, as the JSON the insert reads with `json_each`.
#[derive(Serialize)]
struct EventRow<'a> {
    hall_id: &'a str,
    day: &'a str,
    seq: u64,
    at: i64,
    kind: &'static str,
    ticket_id: u32,
    number: String,
    business: &'a str,
    priority: &'a str,
    channel: &'a str,
    issued_at: i64,
    counter: Option<u32>,
    actor_id: Option<i64>,
    reason: Option<String>,
    detail: Option<&'a str>,
}

impl<'a> EventRow<'a> {
    fn new(e: &'a OutboxEvent) -> EventRow<'a> {
        let ev = &e.event;
        EventRow {
            hall_id: &e.hall_id,
            day: &e.day,
            seq: ev.seq,
            at: ev.at,
            kind: ev.kind.as_str(),
            ticket_id: ev.ticket_id,
            number: ev.number.to_string(),
            business: &e.business,
            priority: &e.priority,
            channel: &e.channel,
            issued_at: e.issued_at,
            counter: ev.counter,
            actor_id: ev.actor,
            reason: ev
                .reason
                .as_ref()
                .and_then(|r| serde_json::to_string(r).ok()),
            detail: ev.detail.as_deref(),
        }
    }
}

/// The whole batch in one statement: each call to D1 costs far more than a row.
const INSERT_EVENTS: &str = "INSERT OR IGNORE INTO ticket_events \
    (hall_id, day, seq, at, kind, ticket_id, number, business, priority, channel, issued_at, counter, actor_id, reason, detail) \
    SELECT value ->> 'hall_id', value ->> 'day', value ->> 'seq', value ->> 'at', value ->> 'kind', value ->> 'ticket_id', \
    value ->> 'number', value ->> 'business', value ->> 'priority', value ->> 'channel', value ->> 'issued_at', \
    value ->> 'counter', value ->> 'actor_id', value ->> 'reason', value ->> 'detail' FROM json_each(?)";

/// The finished tickets of the batch, rated ones updated after.
const INSERT_FACTS: &str = "INSERT OR IGNORE INTO ticket_facts \
    (hall_id, day, ticket_id, business, priority, channel, issued_at, called_at, started_at, finished_at, outcome, counter, staff_id, stars, \
    promised_minutes, promised_low, promised_high, baseline_minutes) \
    SELECT value ->> 'hall_id', value ->> 'day', value ->> 'ticket_id', value ->> 'business', value ->> 'priority', \
    value ->> 'channel', value ->> 'issued_at', value ->> 'called_at', value ->> 'started_at', value ->> 'finished_at', \
    value ->> 'outcome', value ->> 'counter', value ->> 'staff_id', value ->> 'stars', \
    value ->> 'promised_minutes', value ->> 'promised_low', value ->> 'promised_high', value ->> 'baseline_minutes' FROM json_each(?)";

/// Copies one batch to D1. Returns whether more remain.
pub async fn flush(store: &Store, db: &Db) -> crate::error::Result<bool> {
    let rows = store.outbox(BATCH)?;
    let Some(last) = rows.last().map(|r| r.seq) else {
        return Ok(false);
    };
    let records: Vec<OutboxRecord> = rows
        .iter()
        .filter_map(|row| serde_json::from_str(&row.json).ok())
        .collect();
    let mut events = Vec::new();
    let mut counter_rows = Vec::new();
    for record in &records {
        match record {
            OutboxRecord::Ticket(e) => events.push(e.as_ref()),
            OutboxRecord::Counter {
                hall_id,
                day,
                counter_change: c,
            } => counter_rows.push(CounterRow {
                hall_id,
                day,
                seq: c.seq,
                at: c.at,
                counter: c.counter,
                status: c.status.word(),
                reason: match &c.status {
                    CounterStatus::Paused { reason } => Some(reason.as_str()),
                    _ => None,
                },
                clerk_id: c.clerk_id,
                by_id: c.by,
                serves: c.serves.as_deref(),
            }),
        }
    }
    let event_rows: Vec<EventRow> = events.iter().copied().map(EventRow::new).collect();
    let facts: Vec<&TicketFact> = events.iter().filter_map(|e| e.fact.as_ref()).collect();
    let mut statements = vec![
        db.statement(INSERT_EVENTS, args![serde_json::to_string(&event_rows)?])?,
        db.statement(INSERT_FACTS, args![serde_json::to_string(&facts)?])?,
        db.statement(
            INSERT_COUNTER_CHANGES,
            args![serde_json::to_string(&counter_rows)?],
        )?,
    ];
    for e in &events {
        if let Some((stars, _)) = &e.rating {
            statements.push(db.statement(
                "UPDATE ticket_facts SET stars = ? WHERE hall_id = ? AND day = ? AND ticket_id = ?",
                args![*stars as i64, &e.hall_id, &e.day, e.event.ticket_id as i64],
            )?);
        }
        if let Some((stars, comment)) = e.rating.as_ref().filter(|(stars, _)| is_low(*stars)) {
            let ev = &e.event;
            statements.push(open_follow_up(
                db,
                &Opened {
                    hall_id: e.hall_id.clone(),
                    rated: Rated::Counter,
                    rated_ref: format!("{}/{}/{}", e.hall_id, e.day, ev.ticket_id),
                    subject: format!("{} · {}", ev.number, e.day),
                    link: None,
                    stars: *stars,
                    comment: comment.clone(),
                    customer_id: e.customer_id,
                    customer_name: None,
                    phone: e.phone.clone(),
                    at: ev.at,
                },
            )?);
        }
    }
    db.batch(statements).await?;
    store.clear_outbox(last)?;
    Ok(rows.len() as i64 == BATCH)
}
