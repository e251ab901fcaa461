//! Telling customers of their tickets away from the page. After each change the queue works
//! out what is due (domain::notify::queue) and stores it with the change; the alarm then writes
//! it to the one inbox and outbox in D1 (SMS to the ticket's phone; the inbox and a push to the
//! devices of a signed-in owner) and wakes the courier. A copy that fails is tried again
//! at the next alarm; each message's id makes a second copy of it change nothing.

use super::store::{Live, Store};
use crate::db::Db;
use crate::error::Result;
use crate::notify::{poke, Envelope, Users};
use domain::notify::inbox::CaseKind;
use domain::notify::queue::{due_notices, is_over, QueueNotice};
use domain::notify::texts::{Lang, Message};
use serde::{Deserialize, Serialize};
use worker::Env;

const BATCH: i64 = 100;

/// One notice with what its delivery needs, as stored until it is copied.
#[derive(Serialize, Deserialize)]
pub struct NoticeRecord {
    hall: String,
    day: String,
    ticket: u32,
    key: String,
    number: String,
    notice: QueueNotice,
    /// The ticket's calls when it was due, so each call's notice has its own id.
    calls: u32,
    phone: Option<String>,
    customer_id: Option<i64>,
    at: i64,
}

impl NoticeRecord {
    fn envelope(&self) -> Envelope {
        let tag = match self.notice {
            QueueNotice::Ahead { .. } => "ahead".to_string(),
            QueueNotice::Called { counter } => format!("called:{counter}:{}", self.calls),
            QueueNotice::MissedCall { counter } => format!("missed:{counter}:{}", self.calls),
            QueueNotice::CancelledByHall => "cancelled".to_string(),
        };
        Envelope {
            message_id: format!("ticket:{}:{}:{}:{tag}", self.hall, self.day, self.ticket),
            case_kind: CaseKind::Ticket,
            case_id: format!("{}/{}/{}", self.hall, self.day, self.ticket),
            link: Some(format!(
                "/halls/{}/tickets/{}?key={}",
                self.hall, self.ticket, self.key
            )),
            message: Message::Queue {
                number: self.number.clone(),
                notice: self.notice,
            },
            at: self.at,
        }
    }
}

/// Works out the notices this change made due and stores them, with the watches they moved.
/// Returns whether there are any, so the alarm is set for now.
pub fn after_change(
    live: &mut Live,
    store: &Store,
    hall_cancelled: &[u32],
    now: i64,
) -> Result<bool> {
    if live.watches.is_empty() {
        return Ok(false);
    }
    let due = due_notices(&live.queue, &mut live.watches, hall_cancelled, now);
    for (id, notice) in &due {
        let ticket = live.queue.ticket(*id)?;
        let record = NoticeRecord {
            hall: live.queue.hall_id.clone(),
            day: live.queue.day.clone(),
            ticket: *id,
            key: live.keys.get(id).cloned().unwrap_or_default(),
            number: ticket.number.to_string(),
            notice: *notice,
            calls: ticket.calls,
            phone: ticket.phone.clone(),
            customer_id: ticket.customer_id,
            at: now,
        };
        store.add_notice(serde_json::to_string(&record)?)?;
    }
    // Save the watches that moved; forget those of tickets nothing more can happen to.
    let over: Vec<u32> = live
        .watches
        .keys()
        .copied()
        .filter(|id| live.queue.ticket(*id).is_ok_and(|t| is_over(t.state)))
        .collect();
    for id in &over {
        live.watches.remove(id);
        store.save_watch(*id, None)?;
    }
    for (id, _) in &due {
        store.save_watch(*id, live.watches.get(id))?;
    }
    Ok(!due.is_empty())
}

/// Copies stored notices to D1's inbox and outbox; returns whether more are waiting.
pub async fn flush(store: &Store, db: &Db, env: &Env) -> Result<bool> {
    let rows = store.notices(BATCH)?;
    let Some(last) = rows.last().map(|r| r.seq) else {
        return Ok(false);
    };
    let mut statements = Vec::new();
    for row in &rows {
        let record: NoticeRecord = serde_json::from_str(&row.json)?;
        let envelope = record.envelope();
        if let Some(customer) = record.customer_id {
            statements.push(envelope.inbox(db, &Users::one(customer), ("", Vec::new()))?);
            statements.push(envelope.push(
                db,
                env,
                &Users::one(customer),
                ("", Vec::new()),
                Lang::Zh,
            )?);
        }
        if let Some(phone) = &record.phone {
            statements.push(envelope.sms(
                db,
                env,
                ("SELECT ? AS phone", crate::args![phone]),
                ("", Vec::new()),
                Lang::Zh,
                0,
            )?);
        }
    }
    db.batch(statements).await?;
    store.clear_notices(last)?;
    poke(env).await;
    Ok(i64::try_from(rows.len()).unwrap_or(i64::MAX) == BATCH)
}
