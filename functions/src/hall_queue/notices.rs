//! Telling customers of their tickets away from the page. After each change the queue works
//! out what is due (domain::notify::queue) and stores it with the change; the alarm then writes
//! it to the one inbox and outbox in D1 (SMS to the ticket's phone; for a signed-in owner the
//! inbox and the channels they chose) and wakes the courier. A copy that fails is tried again
//! at the next alarm; each message's id makes a second copy of it change nothing.

use super::store::{Live, Store};
use crate::db::Db;
use crate::error::Result;
use crate::notify::{poke, preferences, Envelope, NO_EXTRA};
use domain::notify::inbox::CaseKind;
use domain::notify::queue::{due_notices, is_over, QueueNotice};
use domain::notify::texts::Message;
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
    /// A notice of the ticket, or else the hall's broadcast.
    notice: Option<QueueNotice>,
    #[serde(default)]
    broadcast: Option<String>,
    /// The ticket's calls when it was due, so each call's notice has its own id.
    calls: u32,
    phone: Option<String>,
    customer_id: Option<i64>,
    at: i64,
}

impl NoticeRecord {
    fn envelope(&self) -> Envelope {
        let (tag, message) = match (self.notice, &self.broadcast) {
            (Some(notice), _) => (
                match notice {
                    QueueNotice::Ahead { .. } => "ahead".to_string(),
                    QueueNotice::Called { counter } => format!("called:{counter}:{}", self.calls),
                    QueueNotice::MissedCall { counter } => {
                        format!("missed:{counter}:{}", self.calls)
                    }
                    QueueNotice::CancelledByHall => "cancelled".to_string(),
                },
                Message::Queue {
                    number: self.number.clone(),
                    notice,
                },
            ),
            (None, text) => (
                format!("broadcast:{}", self.at),
                Message::Broadcast {
                    text: text.clone().unwrap_or_default(),
                },
            ),
        };
        Envelope {
            message_id: format!("ticket:{}:{}:{}:{tag}", self.hall, self.day, self.ticket),
            case_kind: CaseKind::Ticket,
            case_id: format!("{}/{}/{}", self.hall, self.day, self.ticket),
            link: Some(format!(
                "/halls/{}/tickets/{}?key={}",
                self.hall, self.ticket, self.key
            )),
            message,
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
    broadcast: Option<&str>,
    now: i64,
) -> Result<bool> {
    if live.watches.is_empty() {
        return Ok(false);
    }
    let due = due_notices(&live.queue, &mut live.watches, hall_cancelled, now);
    let record = |id: u32, notice: Option<QueueNotice>| -> Result<NoticeRecord> {
        let ticket = live.queue.ticket(id)?;
        Ok(NoticeRecord {
            hall: live.queue.hall_id.clone(),
            day: live.queue.day.clone(),
            ticket: id,
            key: live.keys.get(&id).cloned().unwrap_or_default(),
            number: ticket.number.to_string(),
            notice,
            broadcast: broadcast.filter(|_| notice.is_none()).map(str::to_string),
            calls: ticket.calls,
            phone: ticket.phone.clone(),
            customer_id: ticket.customer_id,
            at: now,
        })
    };
    for (id, notice) in &due.notices {
        store.add_notice(serde_json::to_string(&record(*id, Some(*notice))?)?)?;
    }
    // The hall's broadcast goes to everyone still waiting for their turn who asked to hear.
    let mut told = !due.notices.is_empty();
    if broadcast.is_some() {
        for (id, watch) in &live.watches {
            let waiting = live.queue.ticket(*id).is_ok_and(|t| !is_over(t.state));
            if watch.is_active() && waiting {
                store.add_notice(serde_json::to_string(&record(*id, None)?)?)?;
                told = true;
            }
        }
    }
    for id in &due.changed {
        store.save_watch(*id, live.watches.get(id))?;
    }
    for id in &due.over {
        store.save_watch(*id, None)?;
    }
    Ok(told)
}

/// Copies stored notices to D1's inbox and outbox; returns whether more are waiting.
pub async fn flush(store: &Store, db: &Db, env: &Env) -> Result<bool> {
    let rows = store.notices(BATCH)?;
    let Some(last) = rows.last().map(|r| r.seq) else {
        return Ok(false);
    };
    let records = rows
        .iter()
        .map(|row| serde_json::from_str::<NoticeRecord>(&row.json))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let customers: Vec<i64> = records.iter().filter_map(|r| r.customer_id).collect();
    let prefs = preferences::of_users(db, &customers).await?;
    let mut statements = Vec::new();
    for record in &records {
        let envelope = record.envelope();
        // A signed-in owner hears by their choices; SMS of the ticket's notices goes to the
        // phone the ticket gave, and a broadcast by SMS only to those who chose it.
        if let Some((&customer, prefs)) = record.customer_id.and_then(|c| prefs.get_key_value(&c)) {
            let by_sms = record.broadcast.is_some();
            statements.extend(envelope.to_person(db, env, customer, prefs, by_sms, NO_EXTRA)?);
        }
        if let (Some(phone), None) = (&record.phone, &record.broadcast) {
            let phone = ("SELECT ? AS phone", crate::args![phone]);
            statements.push(envelope.sms(db, env, phone, NO_EXTRA, 0)?);
        }
    }
    db.batch(statements).await?;
    store.clear_notices(last)?;
    poke(env).await;
    Ok(i64::try_from(rows.len()).unwrap_or(i64::MAX) == BATCH)
}
