//! The courier: one Durable Object that delivers the outbox. Whoever queues a message pokes it
//! (`poke`); it sets its alarm for now, and the alarm delivers everything due, then sets
//! itself for the next retry. The daily cron and the admin's "deliver now" run the same
//! [`deliver_due`], which may run beside the alarm: each row is claimed by one conditional
//! UPDATE before it is sent, so a message is sent at most once however many runs race.
//! One courier serves the utility; a province would name one per region (`id_from_name`).

use super::{email, sms, subscriptions, webpush, Failure};
use crate::args;
use crate::db::{now, Db};
use crate::error::{Error, Result};
use crate::http::ok;
use crate::router::Ctx;
use crate::settings::setting;
use domain::notify::outbox::DeliveryRun;
use domain::notify::outbox::{after_failure, AfterFailure, CLAIM_MS, RETRY_BASE_MS};
use serde::Deserialize;
use worker::{durable_object, DurableObject, Env, Request, Response, State};

/// Rows one claim takes; a run claims again until nothing is due.
const BATCH: i64 = 20;

#[derive(Deserialize)]
struct Claimed {
    id: i64,
    message_id: String,
    channel: String,
    recipient: String,
    body: String,
    topic: String,
    attempts: i64,
}

fn retry_base(env: &Env) -> i64 {
    setting(env, "NOTIFY_RETRY_BASE_MS")
        .and_then(|v| v.parse().ok())
        .filter(|ms: &i64| *ms > 0)
        .unwrap_or(RETRY_BASE_MS)
}

fn random() -> u64 {
    crate::crypto::random_bytes::<8>()
        .map(u64::from_le_bytes)
        .unwrap_or(0)
}

/// Claims the due rows: pending ones whose time has come, and ones whose claim lapsed.
async fn claim(db: &Db) -> Result<Vec<Claimed>> {
    let at = now().timestamp_millis();
    db.all(
        "UPDATE outbox SET status = 'sending', attempts = attempts + 1, claimed_until = ? \
         WHERE id IN (SELECT id FROM outbox WHERE (status = 'pending' AND next_at <= ?) \
                      OR (status = 'sending' AND claimed_until < ?) ORDER BY next_at LIMIT ?) \
         RETURNING id, message_id, channel, recipient, body, topic, attempts",
        args![at + CLAIM_MS, at, at, BATCH],
    )
    .await
}

async fn send(db: &Db, env: &Env, m: &Claimed) -> std::result::Result<(), Failure> {
    match m.channel.as_str() {
        "sms" => sms::send(env, &m.message_id, &m.recipient, &m.body).await,
        "email" => email::send(env, &m.message_id, &m.recipient, &m.body).await,
        "push" => {
            let device = subscriptions::keys(db, &m.recipient)
                .await
                .map_err(|e| Failure::retry(e.0.message))?
                .ok_or_else(|| Failure::gone("the device unsubscribed".into()))?;
            let urgent = m.topic == "queue";
            let sent = webpush::send(
                env,
                &m.recipient,
                &device.p256dh,
                &device.auth,
                &m.body,
                urgent,
            )
            .await;
            if sent.as_ref().is_err_and(|f| f.gone) {
                // The browser dropped the subscription: never push to it again.
                subscriptions::forget(db, &m.recipient)
                    .await
                    .map_err(|e| Failure::retry(e.0.message))?;
            }
            sent
        }
        other => Err(Failure::permanent(format!("no adapter for {other}"))),
    }
}

/// Delivers every message that is due, and records each outcome.
pub async fn deliver_due(db: &Db, env: &Env) -> Result<DeliveryRun> {
    let mut run = DeliveryRun::default();
    loop {
        let claimed = claim(db).await?;
        for m in &claimed {
            let at = now().timestamp_millis();
            let outcome = send(db, env, m).await;
            let attempts = u32::try_from(m.attempts).unwrap_or(u32::MAX);
            let (sql, values) = match outcome {
                Ok(()) => {
                    run.sent += 1;
                    (
                        "UPDATE outbox SET status = 'sent', sent_at = ?, claimed_until = NULL, error = NULL WHERE id = ? AND status = 'sending'",
                        args![at, m.id],
                    )
                }
                Err(failure) => {
                    match after_failure(attempts, failure.permanent, retry_base(env), random()) {
                        AfterFailure::RetryIn(wait) => {
                            run.retrying += 1;
                            (
                            "UPDATE outbox SET status = 'pending', next_at = ?, claimed_until = NULL, error = ? WHERE id = ? AND status = 'sending'",
                            args![at + wait, failure.error, m.id],
                        )
                        }
                        AfterFailure::GiveUp => {
                            run.failed += 1;
                            (
                            "UPDATE outbox SET status = 'failed', next_at = NULL, claimed_until = NULL, error = ? WHERE id = ? AND status = 'sending'",
                            args![failure.error, m.id],
                        )
                        }
                    }
                }
            };
            db.run(sql, values).await?;
        }
        if claimed.len() < usize::try_from(BATCH).unwrap_or(usize::MAX) {
            return Ok(run);
        }
    }
}

/// When the courier must look next: the earliest retry or lapsing claim.
async fn next_due(db: &Db) -> Result<Option<i64>> {
    #[derive(Deserialize)]
    struct Next {
        next: Option<i64>,
    }
    let row: Option<Next> = db
        .first(
            "SELECT MIN(t) AS next FROM (SELECT MIN(next_at) AS t FROM outbox WHERE status = 'pending' \
             UNION ALL SELECT MIN(claimed_until) FROM outbox WHERE status = 'sending')",
            args![],
        )
        .await?;
    Ok(row.and_then(|r| r.next))
}

pub async fn poke(env: &Env) -> Result<()> {
    let stub = env
        .durable_object("COURIER")?
        .id_from_name("outbox")?
        .get_stub()?;
    stub.fetch_with_str("https://courier/poke").await?;
    Ok(())
}

/// `POST /api/admin/outbox/deliver`: delivers what is due now, beside the courier.
pub async fn handle_deliver(ctx: &mut Ctx) -> Result<Response> {
    let run = deliver_due(&ctx.db, &ctx.env).await?;
    ok(&run)
}

#[durable_object]
pub struct CourierObject {
    state: State,
    env: Env,
}

impl CourierObject {
    /// Sets the alarm for `at` unless one is set for earlier.
    async fn wake_at(&self, at: i64) -> worker::Result<()> {
        let storage = self.state.storage();
        let current = storage.get_alarm().await?;
        if current.is_none_or(|t| t > at) {
            let when = chrono::DateTime::from_timestamp_millis(at).unwrap_or_else(now);
            storage.set_alarm(when).await?;
        }
        Ok(())
    }
}

fn to_worker(e: Error) -> worker::Error {
    worker::Error::RustError(e.0.message)
}

impl DurableObject for CourierObject {
    fn new(state: State, env: Env) -> Self {
        CourierObject { state, env }
    }

    async fn fetch(&self, _req: Request) -> worker::Result<Response> {
        self.wake_at(now().timestamp_millis()).await?;
        Response::ok("poked")
    }

    async fn alarm(&self) -> worker::Result<Response> {
        let db = Db::new(&self.env).map_err(to_worker)?;
        let mut next = match deliver_due(&db, &self.env).await {
            Ok(_) => None,
            Err(e) => {
                worker::console_error!("outbox delivery failed, will retry: {}", e.0.message);
                Some(now().timestamp_millis() + 5_000)
            }
        };
        // Messages queued during this run are pending and due, so they are counted here.
        if let Some(due) = next_due(&db).await.map_err(to_worker)? {
            next = Some(next.map_or(due, |n| n.min(due)));
        }
        if let Some(at) = next {
            let at = at.max(now().timestamp_millis());
            let when = chrono::DateTime::from_timestamp_millis(at).unwrap_or_else(now);
            self.state.storage().set_alarm(when).await?;
        }
        Response::ok("delivered")
    }
}
