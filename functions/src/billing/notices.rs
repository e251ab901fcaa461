//! Bills told to the people bound to their account: a new bill once it is issued, and once more
//! when its due date has passed unpaid. Runs with the daily cron and on the admin's demand
//! (`POST /api/admin/bill-notices`); it looks back a few days, so a missed run is caught up, and
//! each bill's message has its own id, so a second run tells nobody twice.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::ok;
use crate::notify::{poke, queue, Envelope};
use crate::projects::today;
use crate::router::Ctx;
use chrono::{DateTime, Duration, Utc};
use domain::billing::bills::BillRun;
use domain::notify::inbox::CaseKind;
use domain::notify::texts::Message;
use serde::Deserialize;
use worker::{Env, Response};

/// How far back a run looks for bills issued or fallen due.
const LOOK_BACK_DAYS: i64 = 3;

#[derive(Deserialize)]
struct Row {
    id: i64,
    number: String,
    period: String,
    amount_fen: i64,
    issued_on: String,
    payment_id: Option<i64>,
    due_on: String,
}

async fn bound_users(db: &Db, number: &str) -> Result<Vec<i64>> {
    #[derive(Deserialize)]
    struct Bound {
        user_id: i64,
    }
    let rows: Vec<Bound> = db
        .all(
            "SELECT user_id FROM account_bindings WHERE number = ?",
            args![number],
        )
        .await?;
    Ok(rows.into_iter().map(|r| r.user_id).collect())
}

pub async fn run(db: &Db, env: &Env, now: DateTime<Utc>) -> Result<BillRun> {
    let day = today(now);
    let from = (day - Duration::days(LOOK_BACK_DAYS)).to_string();
    let rows: Vec<Row> = db
        .all(
            "SELECT id, number, period, amount_fen, issued_on, payment_id, due_on FROM bills \
             WHERE issued_on BETWEEN ?1 AND ?2 OR (payment_id IS NULL AND due_on >= ?1 AND due_on < ?2)",
            args![from, day.to_string()],
        )
        .await?;
    let mut run = BillRun::default();
    for bill in rows {
        let users = bound_users(db, &bill.number).await?;
        if users.is_empty() {
            continue;
        }
        let overdue = bill.payment_id.is_none() && bill.due_on < day.to_string();
        let (tag, message) = if overdue {
            run.overdue += 1;
            (
                "overdue",
                Message::BillOverdue {
                    account: bill.number.clone(),
                    fen: bill.amount_fen,
                },
            )
        } else if bill.issued_on <= day.to_string() {
            run.issued += 1;
            (
                "issued",
                Message::BillIssued {
                    account: bill.number.clone(),
                    month: bill.period.clone(),
                    fen: bill.amount_fen,
                },
            )
        } else {
            continue;
        };
        let envelope = Envelope {
            message_id: format!("bill:{}:{tag}", bill.id),
            case_kind: CaseKind::Bill,
            case_id: bill.id.to_string(),
            link: Some(format!("/services/{}", bill.number)),
            message,
            at: now.timestamp_millis(),
        };
        queue(db, env, &users, &envelope).await?;
    }
    poke(env).await;
    Ok(run)
}

pub async fn handle_run(ctx: &mut Ctx) -> Result<Response> {
    ok(&run(&ctx.db, &ctx.env, ctx.now).await?)
}
