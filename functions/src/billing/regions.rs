//! The billing databases (`domain::billing::regions`): which one holds an account's or an id's
//! bills, ledger and payments, and an account's money figures read from there.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::projects::today;
use crate::router::Ctx;
use domain::billing::regions::Database;
use domain::ApiError;
use futures_util::future::try_join_all;
use serde::Deserialize;
use std::collections::BTreeMap;
use worker::Env;

/// The billing database `db`.
pub fn open(env: &Env, db: Database) -> Result<Db> {
    Db::bound(env, &db.binding())
}

/// The billing database of account `number`.
pub fn of_account(ctx: &Ctx, number: &str) -> Result<Db> {
    open(&ctx.env, Database::of_account(number))
}

/// The billing database that gave out bill or payment `id`; 404 for `what` if none did.
pub fn of_id(ctx: &Ctx, id: i64, what: &str) -> Result<Db> {
    let db = Database::of_id(id).ok_or_else(|| ApiError::not_found(what))?;
    open(&ctx.env, db)
}

/// What an account owes and has paid, from its billing database.
#[derive(Deserialize, Default, Clone)]
pub struct Money {
    pub number: String,
    pub balance_fen: i64,
    pub unpaid_bills: u32,
    pub unpaid_fen: i64,
    pub overdue_bills: u32,
}

const SELECT_MONEY: &str = "SELECT j.value AS number, \
     (SELECT COALESCE(SUM(amount_fen), 0) FROM ledger l WHERE l.number = j.value) AS balance_fen, \
     (SELECT COUNT(*) FROM bills b WHERE b.number = j.value AND b.payment_id IS NULL) AS unpaid_bills, \
     (SELECT COALESCE(SUM(amount_fen), 0) FROM bills b WHERE b.number = j.value AND b.payment_id IS NULL) AS unpaid_fen, \
     (SELECT COUNT(*) FROM bills b WHERE b.number = j.value AND b.payment_id IS NULL AND b.due_on < ?1) AS overdue_bills \
     FROM json_each(?2) j";

/// The money figures of `numbers`, one read per billing database they live in, all at once.
pub async fn money(ctx: &Ctx, numbers: &[&str]) -> Result<BTreeMap<String, Money>> {
    let mut by_database: BTreeMap<Database, Vec<&str>> = BTreeMap::new();
    for number in numbers {
        by_database
            .entry(Database::of_account(number))
            .or_default()
            .push(number);
    }
    let day = today(ctx.now).to_string();
    let reads = by_database.into_iter().map(|(database, numbers)| {
        let day = day.clone();
        async move {
            let db = open(&ctx.env, database)?;
            db.all::<Money>(SELECT_MONEY, args![day, serde_json::to_string(&numbers)?])
                .await
        }
    });
    Ok(try_join_all(reads)
        .await?
        .into_iter()
        .flatten()
        .map(|m| (m.number.clone(), m))
        .collect())
}
