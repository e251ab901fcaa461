//! The SMS adapter: posts `{id, to, body}` to `SMS_WEBHOOK_URL` (the gateway, or a bridge to
//! the operator's API). `id` is the message's unique id, which the gateway uses to drop a
//! repeat; a refusal for good is a number that does not exist or a body it will not send.

use super::webhook::Gateway;
use super::Failure;
use worker::Env;

pub const GATEWAY: Gateway = Gateway {
    setting: "SMS_WEBHOOK_URL",
    name: "SMS gateway",
};

pub async fn send(env: &Env, id: &str, to: &str, body: &str) -> Result<(), Failure> {
    let payload = serde_json::json!({ "id": id, "to": to, "body": body });
    GATEWAY.post(env, &payload).await
}
