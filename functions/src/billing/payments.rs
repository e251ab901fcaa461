//! Payments: create one for bills and a top-up (the idempotency key makes a retry the same
//! payment), show it as an e-receipt, and settle it from the sandbox page or a gateway's signed
//! notice (a 400 unless its signature matches). Settling is one D1 batch whose statements each check the payment is paid, so a
//! repeated or racing notice credits the ledger once. A payment lives in its account's billing
//! database (`regions`) with the bills it pays, and its id names that database; so a payment key
//! is one payment per user and account region.

use super::provider::{self, SANDBOX};
use super::{bills_by_ids, bound, regions};
use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::http::{json, ok, parse_id, read_body, read_json};
use crate::notify::{tell, Envelope};
use crate::projects::today;
use crate::router::Ctx;
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

#[derive(Deserialize)]
struct Row {
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
}

const SELECT: &str = "SELECT id, user_id, number, bill_ids_json, top_up_fen, amount_fen, status, \
     provider, created_at, settled_at, receipt_no FROM payments";

impl Row {
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
    let db = regions::of_id(ctx, id, "payment")?;
    let row = by_id(&db, id).await?;
    if row.user_id != ctx.actor()?.user_id {
        return Err(ApiError::not_found("payment").into());
    }
    Ok((db, row))
}

/// A key seen before answers with its payment (200) if it asks for the same thing.
fn replay(ctx: &Ctx, row: Row, input: &PayInput, status: u16) -> Result<Response> {
    let payment = row.payment(ctx)?;
    if !payment.same_request(input) {
        return Err(ApiError::new(
            Reason::PaymentKeyReused,
            "this payment key was used for a different payment; start a new payment",
        )
        .into());
    }
    json(status, &payment)
}

pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let input: PayInput = read_json(&mut ctx.req).await?;
    let input = input.checked()?;
    let user = ctx.actor()?.user_id;
    let database = Database::of_account(&input.account);
    let db = regions::open(&ctx.env, database)?;
    if let Some(row) = by_key(&db, user, &input.idempotency_key).await? {
        return replay(ctx, row, &input, 200);
    }
    let account = bound(ctx, &input.account).await?;
    let bills = bills_by_ids(&db, &input.bill_ids).await?;
    let amount = input.amount(&bills)?;
    let provider = provider::current(&ctx.env);
    let next_id = database.next_id_sql("payments");
    let written = db
        .run(
            &format!("INSERT INTO payments (id, user_id, number, bill_ids_json, top_up_fen, amount_fen, status, provider, idempotency_key, created_at) \
             VALUES ({next_id}, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (user_id, idempotency_key) DO NOTHING"),
            args![user, &account.number, serde_json::to_string(&input.bill_ids)?, input.top_up_fen, amount,
                  provider, &input.idempotency_key, ctx.now.timestamp_millis()],
        )
        .await?;
    let row = by_key(&db, user, &input.idempotency_key)
        .await?
        .ok_or_else(|| ApiError::internal("the payment was not stored; please try again"))?;
    // A double click that raced this one past the first check finds the same row here.
    replay(
        ctx,
        row,
        &input,
        if written.changes == 1 { 201 } else { 200 },
    )
}

pub async fn handle_get(ctx: &mut Ctx) -> Result<Response> {
    let (db, row) = own(ctx).await?;
    let account = bound(ctx, &row.number)
        .await
        .map_err(|_| ApiError::not_found("payment"))?;
    let payment = row.payment(ctx)?;
    ok(&PaymentDetail {
        bills: bills_by_ids(&db, &payment.bill_ids).await?,
        payment,
        holder_name: account.holder_name,
        address: account.address,
    })
}

/// Applies the provider's decision; a repeat changes nothing and answers with the payment.
async fn settle(ctx: &Ctx, db: &Db, row: Row, decision: Decision) -> Result<Response> {
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
            tell(&ctx.db, &ctx.env, &[row.user_id], &envelope).await?;
        }
    }
    let row = by_id(db, id).await?;
    ok(&row.payment(ctx)?)
}

/// The sandbox provider's confirm and decline buttons, for the payer only.
pub async fn handle_sandbox(ctx: &mut Ctx) -> Result<Response> {
    let input: DecisionInput = read_json(&mut ctx.req).await?;
    let (db, row) = own(ctx).await?;
    if row.provider != SANDBOX {
        return Err(ApiError::new(
            Reason::GatewayOnly,
            "this payment goes through the payment gateway",
        )
        .into());
    }
    settle(ctx, &db, row, input.decision).await
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
    if !domain::accounts::constant_time_eq(sent.as_bytes(), signature(&secret, &body).as_bytes()) {
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
    let db = regions::of_id(ctx, notice.payment_id, "payment")?;
    let row = by_id(&db, notice.payment_id).await?;
    settle(ctx, &db, row, notice.decision).await
}
