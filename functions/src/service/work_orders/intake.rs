//! Orders staff take for a caller: finding the caller by mobile, 户号 or name, and deciding
//! whose account the order lands in.

use crate::args;
use crate::error::Result;
use crate::http::{ok, query_param};
use crate::router::Ctx;
use domain::service::intake::{Caller, CallerQuery};
use domain::service::work_orders::OrderInput;
use domain::{ApiError, Reason};
use serde::Deserialize;
use std::collections::BTreeMap;
use worker::Response;

/// The customer an order taken by staff belongs to: the one chosen from the search, else the
/// customer registered with the caller's mobile; `None` for a caller with no account yet (they
/// see it once they register that mobile or bind that 户号).
pub async fn customer_of(ctx: &Ctx, input: &OrderInput) -> Result<Option<i64>> {
    if let Some(number) = &input.account {
        let known = ctx
            .db
            .ids(
                "SELECT 1 AS id FROM utility_accounts WHERE number = ?",
                args![number],
            )
            .await?;
        if known.is_empty() {
            return Err(ApiError::invalid(
                "account",
                Reason::AccountNumber,
                "no account has this 户号",
            )
            .into());
        }
    }
    if let Some(id) = input.intake.customer_id {
        let found = ctx
            .db
            .ids(
                "SELECT id FROM users WHERE id = ? AND role = 'customer'",
                args![id],
            )
            .await?;
        return match found.first() {
            Some(&id) => Ok(Some(id)),
            None => Err(ApiError::invalid(
                "customer_id",
                Reason::Caller,
                "no customer has this id; search for the caller again",
            )
            .into()),
        };
    }
    let by_phone = ctx
        .db
        .ids(
            "SELECT id FROM users WHERE role = 'customer' AND phone = ?",
            args![&input.phone],
        )
        .await?;
    Ok(by_phone.first().copied())
}

#[derive(Deserialize)]
struct CallerRow {
    customer_id: i64,
    name: String,
    phone: String,
    account: Option<String>,
}

const CALLERS: &str = "SELECT u.id AS customer_id, u.name, u.phone, k.number AS account \
     FROM users u LEFT JOIN account_bindings k ON k.user_id = u.id WHERE u.role = 'customer' AND ";

/// `GET /api/callers?q=`: the customers with this mobile, this 户号 bound, or a name that
/// starts with `q`; at most 20, each with their bound accounts.
pub async fn handle_callers(ctx: &mut Ctx) -> Result<Response> {
    let q = query_param(&ctx.req, "q")?.unwrap_or_default();
    let (filter, value) = match CallerQuery::parse(&q)? {
        CallerQuery::Phone(phone) => ("u.phone = ?1", phone),
        CallerQuery::Account(number) => (
            "u.id IN (SELECT user_id FROM account_bindings WHERE number = ?1)",
            number,
        ),
        CallerQuery::Name(name) => (
            "u.name LIKE ?1 ESCAPE '\\'",
            format!("{}%", escape_like(&name)),
        ),
    };
    let rows: Vec<CallerRow> = ctx
        .db
        .all(
            &format!(
                "{CALLERS} u.id IN (SELECT u.id FROM users u WHERE u.role = 'customer' AND {filter} \
                 ORDER BY u.name, u.id LIMIT 20) ORDER BY u.name, u.id, k.bound_at"
            ),
            args![value],
        )
        .await?;
    let mut callers = BTreeMap::<(String, i64), Caller>::new();
    for row in rows {
        let caller = callers
            .entry((row.name.clone(), row.customer_id))
            .or_insert_with(|| Caller {
                customer_id: row.customer_id,
                name: row.name,
                phone: row.phone,
                accounts: Vec::new(),
            });
        caller.accounts.extend(row.account);
    }
    ok(&callers.into_values().collect::<Vec<_>>())
}

/// `q` with the LIKE wildcards taken literally.
fn escape_like(q: &str) -> String {
    q.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
