//! The payment provider slot. Locally (and whenever `PAYMENT_GATEWAY_URL` is unset) payments go
//! to the sandbox: the app's own page where the customer confirms or declines. In production the
//! gateway's checkout page takes the customer, and the gateway posts a notice signed with
//! HMAC-SHA256 under `PAYMENT_NOTIFY_SECRET` to `/api/payments/notify`.

use crate::settings::setting;
use worker::Env;

pub const SANDBOX: &str = "sandbox";
pub const GATEWAY: &str = "gateway";

/// Which provider new payments use.
pub fn current(env: &Env) -> &'static str {
    if setting(env, "PAYMENT_GATEWAY_URL").is_some() {
        GATEWAY
    } else {
        SANDBOX
    }
}

/// Where the customer confirms payment `id`.
pub fn checkout_url(env: &Env, provider: &str, id: i64, amount_fen: i64) -> String {
    match setting(env, "PAYMENT_GATEWAY_URL") {
        Some(gateway) if provider == GATEWAY => {
            format!("{gateway}?payment={id}&amount_fen={amount_fen}")
        }
        _ => format!("/pay/{id}"),
    }
}

/// The secret the gateway signs its notices with, if one is configured.
pub fn notify_secret(env: &Env) -> Option<String> {
    setting(env, "PAYMENT_NOTIFY_SECRET")
}
