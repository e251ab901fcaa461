//! Paying bills. A payment covers one or more unpaid bills of one account, plus an optional
//! top-up (预存), and goes through a provider: the local sandbox page, or a gateway that posts a
//! signed notice back. The client sends an idempotency key with each attempt, so a retried or
//! double-clicked payment is the same payment and charges once.

use super::bills::{Bill, BillStatus};
use crate::error::{ApiError, ApiResult};
use crate::Reason;
use chrono::NaiveDate;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

pub const MAX_BILLS: usize = 24;
/// The largest top-up accepted at once: 10,000 yuan.
pub const MAX_TOP_UP_FEN: i64 = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PayInput {
    pub account: String,
    #[serde(default)]
    pub bill_ids: Vec<i64>,
    #[serde(default)]
    pub top_up_fen: i64,
    /// Made once per payment form by the client: 8 to 64 letters, digits, '-' or '_'.
    pub idempotency_key: String,
}

impl PayInput {
    /// The input with its bills sorted, so a retry in another order is the same request.
    pub fn checked(&self) -> ApiResult<PayInput> {
        let key = &self.idempotency_key;
        let key_ok = (8..=64).contains(&key.len())
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !key_ok {
            return Err(ApiError::validation(
                "idempotency_key",
                "send 8 to 64 letters, digits, '-' or '_' as the payment's key",
            ));
        }
        let mut bill_ids = self.bill_ids.clone();
        bill_ids.sort_unstable();
        bill_ids.dedup();
        if bill_ids.len() != self.bill_ids.len() || bill_ids.len() > MAX_BILLS {
            return Err(ApiError::validation(
                "bill_ids",
                format!("choose up to {MAX_BILLS} different bills"),
            ));
        }
        if !(0..=MAX_TOP_UP_FEN).contains(&self.top_up_fen) {
            return Err(ApiError::validation(
                "top_up_fen",
                "a top-up is between 0 and 10,000 yuan",
            ));
        }
        if bill_ids.is_empty() && self.top_up_fen == 0 {
            return Err(ApiError::validation(
                "bill_ids",
                "choose a bill to pay or an amount to top up",
            ));
        }
        Ok(PayInput {
            bill_ids,
            ..self.clone()
        })
    }

    /// What the payment comes to: the chosen bills, which must all be this account's and
    /// unpaid, and the top-up. `bills` are those found by the chosen ids.
    pub fn amount(&self, bills: &[Bill]) -> ApiResult<i64> {
        let ours = |b: &&Bill| b.account == self.account && self.bill_ids.contains(&b.id);
        if bills.iter().filter(ours).count() != self.bill_ids.len() {
            return Err(ApiError::validation(
                "bill_ids",
                "one of these bills is not this account's",
            ));
        }
        if bills.iter().any(|b| b.status == BillStatus::Paid) {
            return Err(ApiError::new(
                Reason::BillPaid,
                "one of these bills is already paid; reload to see what is still owed",
            ));
        }
        Ok(bills.iter().map(|b| b.amount_fen).sum::<i64>() + self.top_up_fen)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Pending,
    Paid,
    Declined,
}

/// The provider's answer, from the sandbox page or the gateway's notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Confirm,
    Decline,
}

impl PaymentStatus {
    /// The status after `decision`: `None` when it is already so (a repeated notice changes
    /// nothing); a conflict when the payment was settled the other way.
    pub fn settle(self, decision: Decision) -> ApiResult<Option<PaymentStatus>> {
        let target = match decision {
            Decision::Confirm => PaymentStatus::Paid,
            Decision::Decline => PaymentStatus::Declined,
        };
        match self {
            PaymentStatus::Pending => Ok(Some(target)),
            done if done == target => Ok(None),
            _ => Err(ApiError::new(
                Reason::AlreadyDone,
                "this payment is already settled",
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Payment {
    pub id: i64,
    pub account: String,
    pub bill_ids: Vec<i64>,
    pub top_up_fen: i64,
    pub amount_fen: i64,
    pub status: PaymentStatus,
    /// "sandbox" or "gateway".
    pub provider: String,
    /// Where the customer confirms the payment with the provider.
    pub checkout_url: String,
    pub created_at: i64,
    pub settled_at: Option<i64>,
    /// Set once paid, e.g. GH20261122-000042.
    pub receipt_no: Option<String>,
}

impl Payment {
    /// Whether `input` asks for this same payment (a retry), not another under a reused key.
    pub fn same_request(&self, input: &PayInput) -> bool {
        self.account == input.account
            && self.bill_ids == input.bill_ids
            && self.top_up_fen == input.top_up_fen
    }
}

pub fn receipt_number(paid_on: NaiveDate, payment_id: i64) -> String {
    format!(
        "GH{}-{payment_id:06}",
        crate::clock_text::date(paid_on).replace('-', "")
    )
}

/// The e-receipt: the payment, what it paid for, and whose account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PaymentDetail {
    pub payment: Payment,
    pub bills: Vec<Bill>,
    pub holder_name: String,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DecisionInput {
    pub decision: Decision,
}

/// A gateway's notice, sent as the JSON body with its HMAC-SHA256 in `x-signature`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GatewayNotice {
    pub payment_id: i64,
    pub decision: Decision,
}

/// The hex HMAC-SHA256 of `body` under the gateway's shared secret.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(body);
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A bill issued: the amount owed goes up.
    Bill,
    /// A payment received.
    Payment,
}

/// A line of the account's ledger; `amount_fen` is negative for bills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LedgerEntry {
    pub at: i64,
    pub kind: EntryKind,
    pub amount_fen: i64,
    /// The bill's period or the payment's receipt number.
    pub reference: String,
    pub balance_fen: i64,
}

/// Fills in the running balance of entries given oldest first.
pub fn running_balance(mut entries: Vec<LedgerEntry>) -> Vec<LedgerEntry> {
    let mut balance = 0;
    for entry in &mut entries {
        balance += entry.amount_fen;
        entry.balance_fen = balance;
    }
    entries
}

#[cfg(test)]
mod tests;
