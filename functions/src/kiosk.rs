//! A customer at the hall's paired kiosk (`domain::kiosk`): a visit begins when they identify,
//! by 户号 and the holder's name (the binding rule and limits, with the kiosk as the "user") or by
//! a phone and its texted code. The visit's token then opens its accounts' owed bills and
//! months, paying them in the payment provider's sandbox, and the receipt; "done", the next
//! customer or ten minutes end it, and revoking the kiosk ends it at once.

pub mod applications;

use crate::args;
use crate::billing::payments::{self, NO_USER};
use crate::billing::{account_by_number, accounts_by_numbers, check_holder, months, owed};
use crate::crypto::{new_token, sha256_hex};
use crate::displays::paired_device;
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{created, json, ok, parse_id, read_json};
use crate::notify::{tell, Envelope};
use crate::phone_codes;
use crate::router::Ctx;
use domain::billing::payments::{DecisionInput, PayInput};
use domain::kiosk::{
    Identify, KioskAccount, KioskPayment, KioskVisit, VisitEnded, VisitInput, CHART_MONTHS,
    VISIT_HEADER, VISIT_MS,
};
use domain::notify::inbox::CaseKind;
use domain::notify::texts::Message;
use domain::{ApiError, Reason};
use serde::Deserialize;
use worker::Response;

/// An open visit, as the request's visit token found it.
pub struct Visit {
    id: i64,
    token: String,
    pub user_id: Option<i64>,
    numbers: Vec<String>,
}

impl Visit {
    /// Who pays: the customer who identified by phone, or no user.
    fn payer(&self) -> i64 {
        self.user_id.unwrap_or(NO_USER)
    }

    /// `number` if this visit may see it; 404 otherwise, so numbers cannot be probed.
    fn account<'a>(&self, number: &'a str) -> Result<&'a str> {
        if self.numbers.iter().any(|n| n == number) {
            Ok(number)
        } else {
            Err(ApiError::not_found("account in this visit").into())
        }
    }
}

#[derive(Deserialize)]
struct VisitRow {
    id: i64,
    user_id: Option<i64>,
    numbers_json: String,
}

/// The open visit whose token the request carries, at a kiosk still paired; 401 otherwise.
pub async fn visit(ctx: &Ctx) -> Result<Visit> {
    let token = ctx.req.headers().get(VISIT_HEADER)?.unwrap_or_default();
    let row: Option<VisitRow> = ctx
        .db
        .first(
            "SELECT v.id, v.user_id, v.numbers_json FROM kiosk_visits v \
             JOIN display_tokens d ON d.id = v.display_id \
             WHERE v.token_hash = ? AND v.ended_at IS NULL AND v.expires_at > ? AND d.revoked_at IS NULL",
            args![sha256_hex(&token).await?, ctx.now.timestamp_millis()],
        )
        .await?;
    let Some(row) = row.filter(|_| !token.is_empty()) else {
        return Err(ApiError::new(
            Reason::KioskVisitOver,
            "this kiosk visit has ended; identify again at the kiosk",
        )
        .into());
    };
    Ok(Visit {
        id: row.id,
        token,
        user_id: row.user_id,
        numbers: serde_json::from_str(&row.numbers_json)?,
    })
}

/// Who the customer is: no user and the one account, or the phone's customer and their
/// bound accounts.
async fn identify(ctx: &Ctx, who: Identify, kiosk: i64) -> Result<(Option<i64>, Vec<String>)> {
    match who {
        Identify::Account(input) => {
            check_holder(ctx, &input, &format!("kiosk-{kiosk}")).await?;
            Ok((None, vec![input.number]))
        }
        Identify::Phone { phone, code } => {
            phone_codes::redeem(ctx, &phone, Some(&code), None).await?;
            let user: Option<crate::db::Id> = ctx
                .db
                .first(
                    "SELECT id FROM users WHERE phone = ? AND role = 'customer'",
                    args![&phone],
                )
                .await?;
            let numbers: Vec<Number> = match &user {
                Some(u) => {
                    ctx.db
                        .all(
                            "SELECT number FROM account_bindings WHERE user_id = ? ORDER BY bound_at, number",
                            args![u.id],
                        )
                        .await?
                }
                None => Vec::new(),
            };
            if numbers.is_empty() {
                return Err(ApiError::new(
                    Reason::NoAccountsForPhone,
                    "no account is bound to this mobile; use the account number and holder's name",
                )
                .into());
            }
            Ok((
                user.map(|u| u.id),
                numbers.into_iter().map(|n| n.number).collect(),
            ))
        }
    }
}

#[derive(Deserialize)]
struct Number {
    number: String,
}

/// `POST /api/halls/:hall/kiosk/visits` from the hall's paired kiosk (its token in
/// `x-device-token`): the previous customer's visit at this kiosk ends, this one begins.
pub async fn handle_start(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    let kiosk = paired_device(ctx, &hall).await?;
    let input: VisitInput = read_json(&mut ctx.req).await?;
    let (user, numbers) = identify(ctx, input.identify()?, kiosk).await?;
    let token = new_token()?;
    let now = ctx.now.timestamp_millis();
    let expires_at = now + VISIT_MS;
    ctx.db
        .batch(vec![
            ctx.db.statement(
                "UPDATE kiosk_visits SET ended_at = ? WHERE display_id = ? AND ended_at IS NULL",
                args![now, kiosk],
            )?,
            ctx.db.statement(
                "INSERT INTO kiosk_visits (token_hash, hall_id, display_id, user_id, numbers_json, started_at, expires_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
                args![sha256_hex(&token).await?, &hall, kiosk, user, serde_json::to_string(&numbers)?, now, expires_at],
            )?,
        ])
        .await?;
    let key_account = tell_account_manager(ctx, &hall, user, &numbers).await?;
    created(&KioskVisit {
        token,
        accounts: accounts_by_numbers(ctx, &numbers).await?,
        key_account,
        by_phone: user.is_some(),
        expires_at,
    })
}

#[derive(Deserialize)]
struct KeyAccount {
    id: i64,
    name: String,
    account_manager_id: Option<i64>,
}

/// A key account at the kiosk (by its phone, or an account it bound): its account manager is
/// told, once per visit. Answers whether it is one.
async fn tell_account_manager(
    ctx: &Ctx,
    hall: &str,
    user: Option<i64>,
    numbers: &[String],
) -> Result<bool> {
    let found: Option<KeyAccount> = ctx
        .db
        .first(
            "SELECT id, name, account_manager_id FROM users WHERE key_account = 1 AND (id = ? OR id IN \
             (SELECT user_id FROM account_bindings WHERE number IN (SELECT value FROM json_each(?)))) \
             ORDER BY id = ? DESC LIMIT 1",
            args![user, serde_json::to_string(numbers)?, user],
        )
        .await?;
    let Some(account) = found else {
        return Ok(false);
    };
    if let Some(manager) = account.account_manager_id {
        let envelope = Envelope {
            message_id: format!("kiosk:{hall}:{}:{}", account.id, ctx.now.timestamp_millis()),
            case_kind: CaseKind::Ticket,
            case_id: format!("{hall}/kiosk"),
            link: Some(domain::workspace::Section::Today.path().into()),
            message: Message::KeyAccountAtKiosk {
                customer: account.name,
                hall: hall_name(&ctx.db, hall).await?,
            },
            at: ctx.now.timestamp_millis(),
        };
        tell(&ctx.db, &ctx.env, &[manager], &envelope).await?;
    }
    Ok(true)
}

/// "Done": the visit's token opens nothing more.
pub async fn handle_end(ctx: &mut Ctx) -> Result<Response> {
    let visit = visit(ctx).await?;
    ctx.db
        .run(
            "UPDATE kiosk_visits SET ended_at = ? WHERE id = ?",
            args![ctx.now.timestamp_millis(), visit.id],
        )
        .await?;
    ok(&VisitEnded { ended: true })
}

/// One of the visit's accounts: what it owes, with each bill's breakdown, and its last months.
pub async fn handle_account(ctx: &mut Ctx) -> Result<Response> {
    let visit = visit(ctx).await?;
    let number = visit.account(ctx.matched.param())?.to_string();
    let account = account_by_number(ctx, &number, "account").await?;
    ok(&KioskAccount {
        owed: owed(ctx, &account).await?,
        months: months(ctx, &account.number, CHART_MONTHS).await?,
        account,
    })
}

/// Pays bills of one of the visit's accounts. The receipt's key comes from the visit's token
/// and the payment's key, so a retry of the same payment gives the same key.
pub async fn handle_pay(ctx: &mut Ctx) -> Result<Response> {
    let visit = visit(ctx).await?;
    let input: PayInput = read_json(&mut ctx.req).await?;
    let input = input.checked()?;
    visit.account(&input.account)?;
    let receipt_key = sha256_hex(&format!("{}:{}", visit.token, input.idempotency_key)).await?;
    let hash = sha256_hex(&receipt_key).await?;
    let (payment, status) = payments::make(ctx, visit.payer(), &input, Some(&hash)).await?;
    json(
        status,
        &KioskPayment {
            payment,
            receipt_key,
        },
    )
}

/// A payment this visit made, and its billing database.
async fn own_payment(ctx: &Ctx, visit: &Visit) -> Result<(crate::db::Db, payments::Row)> {
    let id = parse_id(ctx.matched.param(), "payment")?;
    let (db, row) = payments::load(ctx, id).await?;
    let ours = row.user_id() == visit.payer() && visit.numbers.iter().any(|n| n == row.number());
    if !ours {
        return Err(ApiError::not_found("payment").into());
    }
    Ok((db, row))
}

/// The payment and what it paid, for the kiosk's receipt.
pub async fn handle_payment(ctx: &mut Ctx) -> Result<Response> {
    let visit = visit(ctx).await?;
    let (db, row) = own_payment(ctx, &visit).await?;
    let account = account_by_number(ctx, row.number(), "payment").await?;
    ok(&payments::detail(ctx, &db, row, account).await?)
}

/// The sandbox's scan-to-pay confirm step, shown on the kiosk.
pub async fn handle_sandbox(ctx: &mut Ctx) -> Result<Response> {
    let visit = visit(ctx).await?;
    let input: DecisionInput = read_json(&mut ctx.req).await?;
    let (db, row) = own_payment(ctx, &visit).await?;
    payments::sandbox(ctx, &db, row, input.decision).await
}
