//! Bills told to the people bound to their account: a new bill once it is issued, and once more
//! when its due date has passed unpaid. Runs with the daily cron and on the admin's demand
//! (`POST /api/admin/bill-notices`); it looks back a few days, so a missed run is caught up, and
//! each bill's message has its own id, so a second run tells nobody twice. The bills are read
//! from every billing database (`regions`), the people bound to them from the city's.

use super::regions;
use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::ok;
use crate::notify::{poke, queue, Envelope};
use crate::projects::today;
use crate::router::Ctx;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::billing::bills::BillRun;
use domain::billing::regions::Database;
use domain::notify::inbox::CaseKind;
use domain::notify::texts::Message;
use futures_util::future::try_join_all;
use serde::Deserialize;
use std::collections::HashMap;
use worker::{Env, Response};

/// How far back a run looks for bills issued or fallen due.
const LOOK_BACK_DAYS: i64 = 3;

/// Bills whose bound users are read at once (a bound parameter's JSON of 10-digit numbers).
const BILLS_A_READ: usize = 500;

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

/// Who bound each of `numbers`, in one read.
async fn bound_users(db: &Db, numbers: &[&str]) -> Result<HashMap<String, Vec<i64>>> {
    #[derive(Deserialize)]
    struct Bound {
        number: String,
        user_id: i64,
    }
    let rows: Vec<Bound> = db
        .all(
            "SELECT number, user_id FROM account_bindings WHERE number IN (SELECT value FROM json_each(?))",
            args![serde_json::to_string(numbers)?],
        )
        .await?;
    let mut users: HashMap<String, Vec<i64>> = HashMap::new();
    for row in rows {
        users.entry(row.number).or_default().push(row.user_id);
    }
    Ok(users)
}

/// The bills issued or fallen due in the window, from every billing database.
async fn bills_in_window(env: &Env, from: &str, day: &str) -> Result<Vec<Row>> {
    let reads = Database::all().map(|database| async move {
        regions::open(env, database)?
            .all::<Row>(
                "SELECT id, number, period, amount_fen, issued_on, payment_id, due_on FROM bills \
                 WHERE issued_on BETWEEN ?1 AND ?2 OR (payment_id IS NULL AND due_on >= ?1 AND due_on < ?2)",
                args![from, day],
            )
            .await
    });
    Ok(try_join_all(reads).await?.into_iter().flatten().collect())
}

pub async fn run(db: &Db, env: &Env, now: DateTime<Utc>) -> Result<BillRun> {
    let day = today(now);
    let from = (day - Duration::days(LOOK_BACK_DAYS)).to_string();
    let rows = bills_in_window(env, &from, &day.to_string()).await?;
    let mut run = BillRun::default();
    for chunk in rows.chunks(BILLS_A_READ) {
        let numbers: Vec<&str> = chunk.iter().map(|b| b.number.as_str()).collect();
        let bound = bound_users(db, &numbers).await?;
        for bill in chunk {
            let Some(users) = bound.get(&bill.number) else {
                continue;
            };
            let Some((tag, message)) = message(bill, day, &mut run) else {
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
            queue(db, env, users, &envelope).await?;
        }
    }
    poke(env).await;
    Ok(run)
}

/// What a bill's people are told today, counted in `run`; nothing for a bill not yet issued.
fn message(bill: &Row, day: NaiveDate, run: &mut BillRun) -> Option<(&'static str, Message)> {
    let day = day.to_string();
    if bill.payment_id.is_none() && bill.due_on < day {
        run.overdue += 1;
        Some((
            "overdue",
            Message::BillOverdue {
                account: bill.number.clone(),
                fen: bill.amount_fen,
            },
        ))
    } else if bill.issued_on <= day {
        run.issued += 1;
        Some((
            "issued",
            Message::BillIssued {
                account: bill.number.clone(),
                month: bill.period.clone(),
                fen: bill.amount_fen,
            },
        ))
    } else {
        None
    }
}

pub async fn handle_run(ctx: &mut Ctx) -> Result<Response> {
    ok(&run(&ctx.db, &ctx.env, ctx.now).await?)
}
