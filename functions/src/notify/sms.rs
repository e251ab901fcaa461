//! The SMS adapter: posts `{id, to, body}` as JSON to `SMS_WEBHOOK_URL` (the gateway, or a
//! bridge to the operator's API). `id` is the message's unique id, which the gateway uses to
//! drop a repeat. 2xx is sent; 4xx other than 408 and 429 is a refusal for good (a number
//! that does not exist, a body it will not send); anything else is tried again later.

use super::Failure;
use crate::settings::setting;
use worker::{Env, Fetch, Headers, Method, Request, RequestInit};

pub fn configured(env: &Env) -> bool {
    setting(env, "SMS_WEBHOOK_URL").is_some()
}

pub async fn send(env: &Env, id: &str, to: &str, body: &str) -> Result<(), Failure> {
    let Some(url) = setting(env, "SMS_WEBHOOK_URL") else {
        return Err(Failure::permanent("no SMS gateway is configured".into()));
    };
    let payload = serde_json::json!({ "id": id, "to": to, "body": body }).to_string();
    let headers = Headers::new();
    let _ = headers.set("content-type", "application/json");
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(headers)
        .with_body(Some(payload.into()));
    let request = Request::new_with_init(&url, &init)
        .map_err(|e| Failure::permanent(format!("bad SMS_WEBHOOK_URL: {e}")))?;
    let response = Fetch::Request(request)
        .send()
        .await
        .map_err(|e| Failure::retry(format!("gateway unreachable: {e}")))?;
    Failure::of_status(response.status_code(), "SMS gateway")
}
