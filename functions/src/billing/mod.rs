//! A customer's utility accounts: binding by number and holder name, the bills, monthly and
//! daily usage, and the ledger. Every read goes through `bound`, so an account is visible only
//! to the users who bound it.

pub mod notices;
pub mod payments;
pub mod provider;
pub mod regions;

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::{client_ip, created, ok, parse_id, query_param, read_json};
use crate::limits;
use crate::router::Ctx;
use chrono::{Datelike, NaiveDate};
use domain::billing::accounts::{no_such_account, BindInput, Category, UtilityAccount, MAX_BOUND};
use domain::billing::bills::{
    period_start, Bill, BillDetail, BillStatus, DayUsage, MonthUsage, Usage,
};
use domain::billing::payments::{running_balance, LedgerEntry};
use domain::billing::tariff::Plan;
use domain::billing::usage_year;
use domain::security::limits::{BIND_FAILURES_PER_ADDRESS, BIND_FAILURES_PER_USER};
use domain::{ApiError, Reason};
use futures_util::future::try_join;
use regions::Money;
use serde::Deserialize;
use serde_json::json;
use worker::Response;

/// An account's columns (`Held`), for the statements that read accounts.
macro_rules! account_columns {
    () => {
        "a.number, a.holder_name, a.address, a.category, a.plan, a.capacity_kva, \
         COALESCE(a.hall_id, '') AS hall_id"
    };
}
const SELECT_ACCOUNTS: &str = concat!(
    "SELECT ",
    account_columns!(),
    " FROM utility_accounts a JOIN account_bindings k ON k.number = a.number WHERE k.user_id = ?1"
);
const SELECT_ACCOUNTS_BY_NUMBER: &str = concat!(
    "SELECT ",
    account_columns!(),
    " FROM utility_accounts a WHERE a.number IN (SELECT value FROM json_each(?)) ORDER BY a.number"
);

/// An account as the city's database holds it; its money is in its billing database.
#[derive(Deserialize)]
struct Held {
    number: String,
    holder_name: String,
    address: String,
    category: Category,
    plan: Plan,
    capacity_kva: u32,
    hall_id: String,
}

impl Held {
    fn with(self, money: Option<&Money>) -> UtilityAccount {
        let money = money.cloned().unwrap_or_default();
        UtilityAccount {
            number: self.number,
            holder_name: self.holder_name,
            address: self.address,
            category: self.category,
            plan: self.plan,
            capacity_kva: self.capacity_kva,
            hall_id: self.hall_id,
            balance_fen: money.balance_fen,
            unpaid_bills: money.unpaid_bills,
            unpaid_fen: money.unpaid_fen,
            overdue_bills: money.overdue_bills,
        }
    }
}

/// The accounts `user` has bound, oldest binding first.
pub async fn bound_accounts(ctx: &Ctx, user: i64) -> Result<Vec<UtilityAccount>> {
    let held: Vec<Held> = ctx
        .db
        .all(
            &format!("{SELECT_ACCOUNTS} ORDER BY k.bound_at, a.number"),
            args![user],
        )
        .await?;
    with_money(ctx, held).await
}

/// The accounts with their money, read from their billing databases.
async fn with_money(ctx: &Ctx, held: Vec<Held>) -> Result<Vec<UtilityAccount>> {
    let numbers: Vec<&str> = held.iter().map(|a| a.number.as_str()).collect();
    let money = regions::money(ctx, &numbers).await?;
    Ok(held
        .into_iter()
        .map(|a| {
            let figures = money.get(&a.number);
            a.with(figures)
        })
        .collect())
}

/// Accounts by number, whoever bound them (a customer who identified at the kiosk), with
/// their money, in number order.
pub async fn accounts_by_numbers(ctx: &Ctx, numbers: &[String]) -> Result<Vec<UtilityAccount>> {
    let held: Vec<Held> = ctx
        .db
        .all(
            SELECT_ACCOUNTS_BY_NUMBER,
            args![serde_json::to_string(numbers)?],
        )
        .await?;
    with_money(ctx, held).await
}

/// Account `number`, whoever bound it, with its money; 404 for `what` when there is none.
pub async fn account_by_number(ctx: &Ctx, number: &str, what: &str) -> Result<UtilityAccount> {
    let mut found = accounts_by_numbers(ctx, &[number.to_string()]).await?;
    Ok(found.pop().ok_or_else(|| ApiError::not_found(what))?)
}

/// The account in the path (or `number`) if the caller bound it; 404 otherwise, so numbers
/// cannot be probed. Its money is read from its billing database at the same time.
pub async fn bound(ctx: &Ctx, number: &str) -> Result<UtilityAccount> {
    let user = ctx.actor()?.user_id;
    let sql = format!("{SELECT_ACCOUNTS} AND a.number = ?2");
    let (held, money) = try_join(
        ctx.db.first::<Held>(&sql, args![user, number]),
        regions::money(ctx, &[number]),
    )
    .await?;
    let held = held.ok_or_else(|| ApiError::not_found("bound account with this number"))?;
    Ok(held.with(money.get(number)))
}

pub async fn handle_list(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.actor()?.user_id;
    ok(&bound_accounts(ctx, user).await?)
}

#[derive(Deserialize)]
struct Holder {
    holder_name: String,
}

/// Refuses unless `input` names an account and its holder. A miss counts against the binding
/// limits of `subject` (a user, or a kiosk) and of the caller's address, and is the same
/// refusal for a wrong number and a wrong name, so guessing tells nothing.
pub async fn check_holder(ctx: &Ctx, input: &BindInput, subject: &str) -> Result<()> {
    let address = client_ip(&ctx.req);
    let counted = [
        (&BIND_FAILURES_PER_USER, subject),
        (&BIND_FAILURES_PER_ADDRESS, address.as_str()),
    ];
    limits::refuse_if_reached(&ctx.db, &counted).await?;
    let holder: Option<Holder> = ctx
        .db
        .first(
            "SELECT holder_name FROM utility_accounts WHERE number = ?",
            args![&input.number],
        )
        .await?;
    if !holder.is_some_and(|h| input.matches_holder(&h.holder_name)) {
        limits::count(&ctx.db, &counted).await?;
        return Err(no_such_account().into());
    }
    Ok(())
}

pub async fn handle_bind(ctx: &mut Ctx) -> Result<Response> {
    let input: BindInput = read_json(&mut ctx.req).await?;
    let input = input.checked()?;
    let user = ctx.actor()?.user_id;
    check_holder(ctx, &input, &user.to_string()).await?;
    let accounts = bound_accounts(ctx, user).await?;
    if accounts.iter().any(|a| a.number == input.number) {
        return Err(
            ApiError::new(Reason::AlreadyBound, "you have bound this account already").into(),
        );
    }
    if accounts.len() >= MAX_BOUND {
        return Err(ApiError::new(
            Reason::BindLimit,
            format!("you can bind up to {MAX_BOUND} accounts; unbind one first"),
        )
        .into());
    }
    ctx.db
        .run(
            "INSERT OR IGNORE INTO account_bindings (user_id, number, bound_at) VALUES (?, ?, ?)",
            args![user, &input.number, ctx.now.timestamp_millis()],
        )
        .await?;
    created(&bound(ctx, &input.number).await?)
}

pub async fn handle_unbind(ctx: &mut Ctx) -> Result<Response> {
    let account = bound(ctx, ctx.matched.param()).await?;
    ctx.db
        .run(
            "DELETE FROM account_bindings WHERE user_id = ? AND number = ?",
            args![ctx.actor()?.user_id, &account.number],
        )
        .await?;
    ok(&json!({ "unbound": account.number }))
}

const SELECT_BILLS: &str = "SELECT id, number AS account, period, peak_kwh, valley_kwh, plan, \
     amount_fen, issued_on, due_on, payment_id FROM bills";

#[derive(Deserialize)]
pub struct BillRow {
    id: i64,
    account: String,
    period: String,
    peak_kwh: u32,
    valley_kwh: u32,
    plan: Plan,
    amount_fen: i64,
    issued_on: chrono::NaiveDate,
    due_on: chrono::NaiveDate,
    payment_id: Option<i64>,
}

impl From<BillRow> for Bill {
    fn from(r: BillRow) -> Bill {
        Bill {
            id: r.id,
            account: r.account,
            period: r.period,
            peak_kwh: r.peak_kwh,
            valley_kwh: r.valley_kwh,
            plan: r.plan,
            amount_fen: r.amount_fen,
            issued_on: r.issued_on,
            due_on: r.due_on,
            status: if r.payment_id.is_some() {
                BillStatus::Paid
            } else {
                BillStatus::Unpaid
            },
            payment_id: r.payment_id,
        }
    }
}

/// The bills with these ids in billing database `db` (a JSON array), in id order.
pub async fn bills_by_ids(db: &Db, ids: &[i64]) -> Result<Vec<Bill>> {
    let rows: Vec<BillRow> = db
        .all(
            &format!("{SELECT_BILLS} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"),
            args![serde_json::to_string(ids)?],
        )
        .await?;
    Ok(rows.into_iter().map(Bill::from).collect())
}

/// Newest first, at most 24 months.
pub async fn handle_bills(ctx: &mut Ctx) -> Result<Response> {
    let account = bound(ctx, ctx.matched.param()).await?;
    let rows: Vec<BillRow> = regions::of_account(ctx, &account.number)?
        .all(
            &format!("{SELECT_BILLS} WHERE number = ? ORDER BY period DESC LIMIT 24"),
            args![&account.number],
        )
        .await?;
    ok(&rows.into_iter().map(Bill::from).collect::<Vec<_>>())
}

pub async fn handle_bill(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), "bill")?;
    let bill = bills_by_ids(&regions::of_id(ctx, id, "bill")?, &[id])
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("bill"))?;
    let account = bound(ctx, &bill.account)
        .await
        .map_err(|_| ApiError::not_found("bill"))?;
    ok(&BillDetail {
        charge: bill.charge(account.category),
        bill,
        address: account.address,
        holder_name: account.holder_name,
    })
}

/// The unpaid bills of `account` with their breakdown, oldest first.
pub async fn owed(ctx: &Ctx, account: &UtilityAccount) -> Result<Vec<BillDetail>> {
    let rows: Vec<BillRow> = regions::of_account(ctx, &account.number)?
        .all(
            &format!(
                "{SELECT_BILLS} WHERE number = ? AND payment_id IS NULL ORDER BY period LIMIT 24"
            ),
            args![&account.number],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let bill = Bill::from(row);
            BillDetail {
                charge: bill.charge(account.category),
                bill,
                address: account.address.clone(),
                holder_name: account.holder_name.clone(),
            }
        })
        .collect())
}

/// The last `count` billed months of account `number`, oldest first.
pub async fn months(ctx: &Ctx, number: &str, count: usize) -> Result<Vec<MonthUsage>> {
    let mut months: Vec<MonthUsage> = regions::of_account(ctx, number)?
        .all(
            "SELECT period, peak_kwh, valley_kwh, amount_fen, feed_in_kwh FROM bills WHERE number = ? ORDER BY period DESC LIMIT ?",
            args![number, i64::try_from(count).unwrap_or(24)],
        )
        .await?;
    months.reverse();
    Ok(months)
}

/// The last 24 months, and the days of `?period=` (default: the latest billed month).
pub async fn handle_usage(ctx: &mut Ctx) -> Result<Response> {
    let account = bound(ctx, ctx.matched.param()).await?;
    let months = months(ctx, &account.number, 24).await?;
    let period = match query_param(&ctx.req, "period")? {
        Some(p) => p,
        None => months.last().map(|m| m.period.clone()).unwrap_or_default(),
    };
    let days = match period_start(&period) {
        Some(first) => usage_days(ctx, &account.number, first).await?,
        None if period.is_empty() => Vec::<DayUsage>::new(),
        None => {
            return Err(
                ApiError::validation("period", "give the month as YYYY-MM, e.g. 2026-10").into(),
            )
        }
    };
    ok(&Usage {
        account: account.number,
        months,
        period,
        days,
    })
}

/// The days of the month starting `first`, from the account's year in R2 (docs/SCALE.md).
async fn usage_days(ctx: &Ctx, number: &str, first: NaiveDate) -> Result<Vec<DayUsage>> {
    let object = ctx
        .env
        .bucket("FILES")?
        .get(usage_year::key(number, first.year()))
        .execute()
        .await?;
    let Some(body) = object.as_ref().and_then(|o| o.body()) else {
        return Ok(Vec::new());
    };
    let bytes = body.bytes().await?;
    usage_year::month(first, &bytes).map_err(|e| {
        worker::console_error!("usage/{number}/{}: {e:?}", first.year());
        ApiError::internal("this account's daily usage cannot be read now; please try again later")
            .into()
    })
}

pub async fn handle_ledger(ctx: &mut Ctx) -> Result<Response> {
    let account = bound(ctx, ctx.matched.param()).await?;
    let entries: Vec<LedgerEntry> = regions::of_account(ctx, &account.number)?
        .all(
            "SELECT at, kind, amount_fen, reference, 0 AS balance_fen FROM ledger WHERE number = ? ORDER BY at, id",
            args![&account.number],
        )
        .await?;
    ok(&running_balance(entries))
}
