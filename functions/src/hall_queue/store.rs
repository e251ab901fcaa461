//! The queue object's own SQLite storage: the queue's state, one row per ticket, the calls
//! screens show, and an outbox of events waiting to be copied to D1.

use domain::notify::queue::Watch;
use domain::queue::protocol::CallView;
use domain::queue::{EventKind, HallQueue, QueueEvent, QueueMeta, Ticket};
use serde::Deserialize;
use std::collections::BTreeMap;
use worker::{Result, SqlStorage, SqlStorageValue};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, key TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (k TEXT PRIMARY KEY, id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS calls (seq INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS watches (id INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notices (id INTEGER PRIMARY KEY AUTOINCREMENT, json TEXT NOT NULL);
";

/// What the object keeps in memory between requests.
pub struct Live {
    pub queue: HallQueue,
    /// Each ticket's link key.
    pub keys: BTreeMap<u32, String>,
    /// Calls and recalls, oldest first.
    pub calls: Vec<CallView>,
    /// What owners asked to hear of their tickets (domain::notify::queue), while it can happen.
    pub watches: BTreeMap<u32, Watch>,
}

pub struct Store(SqlStorage);

#[derive(Deserialize)]
struct Text {
    v: String,
}

#[derive(Deserialize)]
struct TicketRow {
    id: i64,
    key: String,
    json: String,
}

#[derive(Deserialize)]
struct IdemRow {
    k: String,
    id: i64,
}

#[derive(Deserialize)]
pub struct OutboxRow {
    pub seq: i64,
    pub json: String,
}

fn json_err_text(what: &str) -> worker::Error {
    worker::Error::RustError(format!("stored queue data is malformed: {what}"))
}

fn json_err(e: serde_json::Error) -> worker::Error {
    worker::Error::RustError(format!("stored queue data is malformed: {e}"))
}

impl Store {
    /// Creates the tables; run once when the object starts.
    pub fn create(sql: SqlStorage) -> Result<Store> {
        sql.exec(SCHEMA, None)?;
        Ok(Store(sql))
    }

    pub fn new(sql: SqlStorage) -> Store {
        Store(sql)
    }

    /// The stored queue, if this object has one.
    pub fn load(&self) -> Result<Option<Live>> {
        let meta: Vec<Text> = self
            .0
            .exec("SELECT v FROM meta WHERE k = 'queue'", None)?
            .to_array()?;
        let Some(meta) = meta.into_iter().next() else {
            return Ok(None);
        };
        let meta: QueueMeta = serde_json::from_str(&meta.v).map_err(json_err)?;
        let rows: Vec<TicketRow> = self
            .0
            .exec("SELECT id, key, json FROM tickets", None)?
            .to_array()?;
        let mut keys = BTreeMap::new();
        let mut tickets = Vec::with_capacity(rows.len());
        for row in rows {
            keys.insert(row.id as u32, row.key);
            tickets.push(serde_json::from_str::<Ticket>(&row.json).map_err(json_err)?);
        }
        let idem: Vec<IdemRow> = self
            .0
            .exec("SELECT k, id FROM idempotency", None)?
            .to_array()?;
        let idempotency = idem.into_iter().map(|r| (r.k, r.id as u32)).collect();
        let calls: Vec<Text> = self
            .0
            .exec("SELECT json AS v FROM calls ORDER BY seq", None)?
            .to_array()?;
        let calls = calls
            .iter()
            .map(|c| serde_json::from_str(&c.v))
            .collect::<std::result::Result<_, _>>()
            .map_err(json_err)?;
        let watches: Vec<TicketRow> = self
            .0
            .exec("SELECT id, '' AS key, json FROM watches", None)?
            .to_array()?;
        let watches = watches
            .into_iter()
            .map(|w| {
                Ok((
                    u32::try_from(w.id).map_err(|_| json_err_text("watch id"))?,
                    serde_json::from_str(&w.json).map_err(json_err)?,
                ))
            })
            .collect::<Result<_>>()?;
        Ok(Some(Live {
            queue: HallQueue::restore(meta, tickets, idempotency),
            keys,
            calls,
            watches,
        }))
    }

    /// Writes what a change touched: the queue's state, the tickets its events name, new calls,
    /// and the events themselves into the outbox. All within the object's implicit transaction.
    pub fn save(
        &self,
        live: &Live,
        events: &[QueueEvent],
        new_calls: &[CallView],
        outbox: &[(u64, String)],
    ) -> Result<()> {
        let meta = serde_json::to_string(&live.queue.meta()).map_err(json_err)?;
        self.0.exec("INSERT INTO meta (k, v) VALUES ('queue', ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v", vec![meta.into()])?;
        let mut touched: Vec<u32> = events.iter().map(|e| e.ticket_id).collect();
        touched.dedup();
        for id in touched {
            let Ok(ticket) = live.queue.ticket(id) else {
                continue;
            };
            let json = serde_json::to_string(ticket).map_err(json_err)?;
            let key = live.keys.get(&id).cloned().unwrap_or_default();
            self.0.exec(
                "INSERT INTO tickets (id, key, json) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json",
                vec![SqlStorageValue::Integer(id as i64), key.into(), json.into()],
            )?;
        }
        // Only a check-in adds a key: skip the scan for every other change.
        let issued: Vec<u32> = events
            .iter()
            .filter(|e| e.kind == EventKind::Issued)
            .map(|e| e.ticket_id)
            .collect();
        if !issued.is_empty() {
            for (k, id) in live
                .queue
                .idempotency
                .iter()
                .filter(|(_, id)| issued.contains(id))
            {
                self.0.exec(
                    "INSERT OR IGNORE INTO idempotency (k, id) VALUES (?, ?)",
                    vec![k.clone().into(), SqlStorageValue::Integer(*id as i64)],
                )?;
            }
        }
        for (i, call) in new_calls.iter().enumerate() {
            let seq = live.calls.len() - new_calls.len() + i;
            let json = serde_json::to_string(call).map_err(json_err)?;
            self.0.exec(
                "INSERT OR REPLACE INTO calls (seq, json) VALUES (?, ?)",
                vec![SqlStorageValue::Integer(seq as i64), json.into()],
            )?;
        }
        for (seq, json) in outbox {
            self.0.exec(
                "INSERT OR REPLACE INTO outbox (seq, json) VALUES (?, ?)",
                vec![SqlStorageValue::Integer(*seq as i64), json.clone().into()],
            )?;
        }
        Ok(())
    }

    /// Writes a ticket's watch, or forgets it once nothing more can be told.
    pub fn save_watch(&self, id: u32, watch: Option<&Watch>) -> Result<()> {
        let id = SqlStorageValue::Integer(i64::from(id));
        match watch {
            Some(w) => {
                let json = serde_json::to_string(w).map_err(json_err)?;
                self.0.exec(
                    "INSERT INTO watches (id, json) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json",
                    vec![id, json.into()],
                )?;
            }
            None => {
                self.0.exec("DELETE FROM watches WHERE id = ?", vec![id])?;
            }
        }
        Ok(())
    }

    /// A ticket the change did not otherwise touch (a phone given with a watch).
    pub fn save_ticket(&self, ticket: &Ticket) -> Result<()> {
        let json = serde_json::to_string(ticket).map_err(json_err)?;
        self.0.exec(
            "UPDATE tickets SET json = ? WHERE id = ?",
            vec![json.into(), SqlStorageValue::Integer(i64::from(ticket.id))],
        )?;
        Ok(())
    }

    pub fn add_notice(&self, json: String) -> Result<()> {
        self.0
            .exec("INSERT INTO notices (json) VALUES (?)", vec![json.into()])?;
        Ok(())
    }

    pub fn notices(&self, limit: i64) -> Result<Vec<OutboxRow>> {
        self.0
            .exec(
                "SELECT id AS seq, json FROM notices ORDER BY id LIMIT ?",
                vec![SqlStorageValue::Integer(limit)],
            )?
            .to_array()
    }

    pub fn clear_notices(&self, up_to: i64) -> Result<()> {
        self.0.exec(
            "DELETE FROM notices WHERE id <= ?",
            vec![SqlStorageValue::Integer(up_to)],
        )?;
        Ok(())
    }

    pub fn outbox(&self, limit: i64) -> Result<Vec<OutboxRow>> {
        self.0
            .exec(
                "SELECT seq, json FROM outbox ORDER BY seq LIMIT ?",
                vec![SqlStorageValue::Integer(limit)],
            )?
            .to_array()
    }

    pub fn clear_outbox(&self, up_to: i64) -> Result<()> {
        self.0.exec(
            "DELETE FROM outbox WHERE seq <= ?",
            vec![SqlStorageValue::Integer(up_to)],
        )?;
        Ok(())
    }
}
