//! The e-mail adapter: posts `{id, to, subject, body, link}` to `EMAIL_WEBHOOK_URL` (a mail
//! service's HTTP API or a bridge to the utility's relay). The outbox holds the e-mail as
//! domain::notify::email::EmailText; `link` is made absolute with `SITE_URL` when it is set.

use super::webhook::Gateway;
use super::Failure;
use crate::settings::setting;
use domain::notify::email::EmailText;
use worker::Env;

pub const GATEWAY: Gateway = Gateway {
    setting: "EMAIL_WEBHOOK_URL",
    name: "e-mail gateway",
};

pub async fn send(env: &Env, id: &str, to: &str, stored: &str) -> Result<(), Failure> {
    let text: EmailText = serde_json::from_str(stored)
        .map_err(|e| Failure::permanent(format!("unreadable e-mail in the outbox: {e}")))?;
    let link = text.link.map(|path| match setting(env, "SITE_URL") {
        Some(site) => format!("{}{path}", site.trim_end_matches('/')),
        None => path,
    });
    let payload = serde_json::json!({
        "id": id, "to": to, "subject": text.subject, "body": text.body, "link": link,
    });
    GATEWAY.post(env, &payload).await
}
