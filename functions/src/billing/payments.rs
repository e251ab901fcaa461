//! Payments: create one for bills and a top-up (the idempotency key makes a retry the same
//! payment), show it as an e-receipt, and settle it from the sandbox page or a gateway's signed
//! notice (a 400 unless its signature matches). Settling is one D1 batch whose statements each check the payment is paid, so a
//! repeated or racing notice credits the ledger once. A payment lives in its account's billing
//! database (`regions`) with the bills it pays, and its id names that database; so a payment key
//! is one payment per user and account region.

use super::provider::{self, SANDBOX};
use super::{account_by_number, bills_by_ids, bound, regions};
use crate::args;
use crate::crypto::sha256_hex;
use crate::db::Db;
use crate::error::Result;
use crate::http::{json, ok, parse_id, query_param, read_body, read_json};
use crate::notify::{tell, Envelope};
use crate::projects::today;
use crate::router::Ctx;
use domain::accounts::constant_time_eq;
use domain::billing::accounts::UtilityAccount;
use domain::billing::payments::{
    receipt_number, signature, Decision, DecisionInput, GatewayNotice, PayInput, Payment,
    PaymentDetail, PaymentStatus,
};
use domain::billing::regions::Database;
use domain::notify::inbox::CaseKind;
use domain::notify::texts::Message;
use domain::{ApiError, Reason, MAX_BODY_BYTES};
use serde::Deserialize;
use worker::Response;

/// A payment as its billing database holds it.
#[derive(Deserialize)]
pub struct Row {
    id: i64,
    user_id: i64,
    number: String,
    bill_ids_json: String,
    top_up_fen: i64,
    amount_fen: i64,
    status: PaymentStatus,
    provider: String,
    created_at: i64,
    settled_at: Option<i64>,
    receipt_no: Option<String>,
    receipt_key_hash: Option<String>,
}

const SELECT: &str = "SELECT id, user_id, number, bill_ids_json, top_up_fen, amount_fen, status, \
     provider, created_at, settled_at, receipt_no, receipt_key_hash FROM payments";

/// The payer of a payment made at a kiosk by a customer who identified by 户号 and name.
pub const NO_USER: i64 = 0;

impl Row {
    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    pub fn number(&self) -> &str {
        &self.number
    }

    fn payment(self, ctx: &Ctx) -> Result<Payment> {
        Ok(Payment {
            checkout_url: provider::checkout_url(
                &ctx.env,
                &self.provider,
                self.id,
                self.amount_fen,
            ),
            id: self.id,
            account: self.number,
            bill_ids: serde_json::from_str(&self.bill_ids_json)?,
            top_up_fen: self.top_up_fen,
            amount_fen: self.amount_fen,
            status: self.status,
            provider: self.provider,
            created_at: self.created_at,
            settled_at: self.settled_at,
            receipt_no: self.receipt_no,
        })
    }
}

async fn by_key(db: &Db, user: i64, key: &str) -> Result<Option<Row>> {
    db.first(
        &format!("{SELECT} WHERE user_id = ? AND idempotency_key = ?"),
        args![user, key],
    )
    .await
}

async fn by_id(db: &Db, id: i64) -> Result<Row> {
    db.found(&format!("{SELECT} WHERE id = ?"), args![id], "payment")
        .await
}

/// The payment in the path, if it is the caller's, and its billing database.
async fn own(ctx: &Ctx) -> Result<(Db, Row)> {
    let id = parse_id(ctx.matched.param(), "payment")?;
    let (db, row) = load(ctx, id).await?;
    if row.user_id != ctx.actor()?.user_id {
        return Err(ApiError::not_found("payment").into());
    }
    Ok((db, row))
}

/// A key seen before gives its payment if it asks for the same thing.
fn replay(ctx: &Ctx, row: Row, input: &PayInput) -> Result<Payment> {
    let payment = row.payment(ctx)?;
    if !payment.same_request(input) {
        return Err(ApiError::new(
            Reason::PaymentKeyReused,
            "this payment key was used for a different payment; start a new payment",
        )
        .into());
    }
    Ok(payment)
}

pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let input: PayInput = read_json(&mut ctx.req).await?;
    let input = input.checked()?;
    let user = ctx.actor()?.user_id;
    bound(ctx, &input.account).await?;
    let (payment, status) = make(ctx, user, &input, None).await?;
    json(status, &payment)
}

/// The payment under `input`'s key: the one `payer` made before (a retry, 200), or a new one
/// (201) for bills of the account, which the caller has checked `payer` may pay. A kiosk
/// payment keeps its receipt key's hash.
pub async fn make(
    ctx: &Ctx,
    payer: i64,
    input: &PayInput,
    receipt_key_hash: Option<&str>,
) -> Result<(Payment, u16)> {
    let database = Database::of_account(&input.account);
    let db = regions::open(&ctx.env, database)?;
    if let Some(row) = by_key(&db, payer, &input.idempotency_key).await? {
        return Ok((replay(ctx, row, input)?, 200));
    }
    let bills = bills_by_ids(&db, &input.bill_ids).await?;
    let amount = input.amount(&bills)?;
    let provider = provider::current(&ctx.env);
    let next_id = database.next_id_sql("payments");
    let written = db
        .run(
            &format!("INSERT INTO payments (id, user_id, number, bill_ids_json, top_up_fen, amount_fen, status, provider, idempotency_key, created_at, receipt_key_hash) \
             VALUES ({next_id}, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?) ON CONFLICT (user_id, idempotency_key) DO NOTHING"),
            args![payer, &input.account, serde_json::to_string(&input.bill_ids)?, input.top_up_fen, amount,
                  provider, &input.idempotency_key, ctx.now.timestamp_millis(), receipt_key_hash],
        )
        .await?;
    let row = by_key(&db, payer, &input.idempotency_key)
        .await?
        .ok_or_else(|| ApiError::internal("the payment was not stored; please try again"))?;
    // A double click that raced this one past the first check finds the same row here.
    let status = if written.changes == 1 { 201 } else { 200 };
    Ok((replay(ctx, row, input)?, status))
}

pub async fn handle_get(ctx: &mut Ctx) -> Result<Response> {
    let (db, row) = own(ctx).await?;
    let account = bound(ctx, &row.number)
        .await
        .map_err(|_| ApiError::not_found("payment"))?;
    ok(&detail(ctx, &db, row, account).await?)
}

/// The e-receipt of payment `row` of `account`.
pub async fn detail(
    ctx: &Ctx,
    db: &Db,
    row: Row,
    account: UtilityAccount,
) -> Result<PaymentDetail> {
    let payment = row.payment(ctx)?;
    Ok(PaymentDetail {
        bills: bills_by_ids(db, &payment.bill_ids).await?,
        payment,
        holder_name: account.holder_name,
        address: account.address,
    })
}

/// Payment `id` and its billing database; 404 when there is none.
pub async fn load(ctx: &Ctx, id: i64) -> Result<(Db, Row)> {
    let db = regions::of_id(ctx, id, "payment")?;
    let row = by_id(&db, id).await?;
    Ok((db, row))
}

/// `/api/receipts/:id?key=`: a kiosk payment's receipt, for whoever holds the key printed on
/// it as a QR code. A wrong key is the same 404 as no such payment.
pub async fn handle_receipt(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), "payment")?;
    let key = query_param(&ctx.req, "key")?.unwrap_or_default();
    let (db, row) = load(ctx, id).await?;
    let hash = sha256_hex(&key).await?;
    let matches = row
        .receipt_key_hash
        .as_deref()
        .is_some_and(|kept| constant_time_eq(kept.as_bytes(), hash.as_bytes()));
    if key.is_empty() || !matches {
        return Err(ApiError::not_found("receipt").into());
    }
    let account = account_by_number(ctx, &row.number, "receipt").await?;
    ok(&detail(ctx, &db, row, account).await?)
}

/// Applies the provider's decision; a repeat changes nothing and answers with the payment.
pub async fn settle(ctx: &Ctx, db: &Db, row: Row, decision: Decision) -> Result<Response> {
    let id = row.id;
    let now = ctx.now.timestamp_millis();
    match row.status.settle(decision)? {
        None => {}
        Some(PaymentStatus::Declined) => {
            db.run(
                    "UPDATE payments SET status = 'declined', settled_at = ? WHERE id = ? AND status = 'pending'",
                    args![now, id],
                )
                .await?;
        }
        Some(_) => {
            let receipt = receipt_number(today(ctx.now), id);
            let paid = "EXISTS (SELECT 1 FROM payments WHERE id = ?1 AND status = 'paid')";
            db.batch(vec![
                    db.statement(
                        "UPDATE payments SET status = 'paid', settled_at = ?, receipt_no = ? WHERE id = ? AND status = 'pending'",
                        args![now, &receipt, id],
                    )?,
                    db.statement(
                        &format!("UPDATE bills SET payment_id = ?1 WHERE payment_id IS NULL AND id IN \
                         (SELECT value FROM json_each(?2)) AND {paid}"),
                        args![id, &row.bill_ids_json],
                    )?,
                    db.statement(
                        "INSERT OR IGNORE INTO ledger (number, at, kind, amount_fen, reference, payment_id) \
                         SELECT number, settled_at, 'payment', amount_fen, receipt_no, id FROM payments WHERE id = ? AND status = 'paid'",
                        args![id],
                    )?,
                ])
                .await?;
            // The id is the payment's: a repeated notice tells the payer nothing new.
            let envelope = Envelope {
                message_id: format!("payment:{id}:paid"),
                case_kind: CaseKind::Payment,
                case_id: id.to_string(),
                link: Some(format!("/payments/{id}")),
                message: Message::PaymentReceipt {
                    account: row.number.clone(),
                    fen: row.amount_fen,
                },
                at: now,
            };
            if row.user_id != NO_USER {
                tell(&ctx.db, &ctx.env, &[row.user_id], &envelope).await?;
            }
        }
    }
    let row = by_id(db, id).await?;
    ok(&row.payment(ctx)?)
}

/// The sandbox provider's confirm and decline buttons, for the payer only.
pub async fn handle_sandbox(ctx: &mut Ctx) -> Result<Response> {
    let input: DecisionInput = read_json(&mut ctx.req).await?;
    let (db, row) = own(ctx).await?;
    sandbox(ctx, &db, row, input.decision).await
}

/// The sandbox's decision on payment `row`, which the caller has checked is theirs.
pub async fn sandbox(ctx: &Ctx, db: &Db, row: Row, decision: Decision) -> Result<Response> {
    if row.provider != SANDBOX {
        return Err(ApiError::new(
            Reason::GatewayOnly,
            "this payment goes through the payment gateway",
        )
        .into());
    }
    settle(ctx, db, row, decision).await
}

/// The gateway's notice: its body signed with the shared secret in `x-signature`.
pub async fn handle_notify(ctx: &mut Ctx) -> Result<Response> {
    let Some(secret) = provider::notify_secret(&ctx.env) else {
        return Err(
            ApiError::validation("x-signature", "no payment gateway is configured here").into(),
        );
    };
    let sent = ctx.req.headers().get("x-signature")?.unwrap_or_default();
    let body = read_body(&mut ctx.req, MAX_BODY_BYTES, "the notice is too large").await?;
    if !constant_time_eq(sent.as_bytes(), signature(&secret, &body).as_bytes()) {
        return Err(
            ApiError::validation("x-signature", "the notice's signature does not match").into(),
        );
    }
    let notice: GatewayNotice = serde_json::from_slice(&body).map_err(|e| {
        ApiError::invalid(
            "body",
            Reason::BadField,
            format!("not a payment notice: {e}"),
        )
    })?;
    let (db, row) = load(ctx, notice.payment_id).await?;
    settle(ctx, &db, row, notice.decision).await
}
