//! The payment provider slot. Locally (and whenever `PAYMENT_GATEWAY_URL` is unset) payments go
//! to the sandbox: the app's own page where the customer confirms or declines. In production the
//! gateway's checkout page takes the customer, and the gateway posts a notice signed with
//! HMAC-SHA256 under `PAYMENT_NOTIFY_SECRET` to `/api/payments/notify`.

use worker::Env;

pub const SANDBOX: &str = "sandbox";
pub const GATEWAY: &str = "gateway";

fn setting(env: &Env, name: &str) -> Option<String> {
    env.secret(name)
        .map(|s| s.to_string())
        .or_else(|_| env.var(name).map(|v| v.to_string()))
        .ok()
        .filter(|v| !v.is_empty())
}

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
