//! Codes that confirm a mobile number for a remote ticket without an account: sent by SMS
//! through the notification outbox (in development the admin's outbox page shows them), good
//! for ten minutes and one ticket, and limited per number and per network address.

use crate::args;
use crate::crypto::{random_bytes, sha256_hex};
use crate::db::Id;
use crate::error::Result;
use crate::http::{client_ip, ok, read_json};
use crate::limits;
use crate::notify::{self, Envelope, NO_EXTRA};
use crate::router::Ctx;
use domain::accounts::normalise_mobile;
use domain::notify::inbox::CaseKind;
use domain::notify::texts::Message;
use domain::queue::appointments::code_from;
use domain::queue::remote::{typed_code, CodeRequest, CodeSent, CODE_TTL_MS};
use domain::security::limits::{
    CODES_PER_ADDRESS_DAY, CODES_PER_PHONE_DAY, CODE_GAP_PER_PHONE, WRONG_CODES_PER_PHONE,
};
use domain::ApiError;
use worker::Response;

/// Sends a code to the number in the body, within the limits.
pub async fn handle_send_code(ctx: &mut Ctx) -> Result<Response> {
    let request: CodeRequest = read_json(&mut ctx.req).await?;
    let phone = normalise_mobile(&request.phone)?;
    let address = client_ip(&ctx.req);
    limits::admit(
        &ctx.db,
        &[
            (&CODE_GAP_PER_PHONE, &phone),
            (&CODES_PER_PHONE_DAY, &phone),
            (&CODES_PER_ADDRESS_DAY, &address),
        ],
    )
    .await?;
    let now = crate::db::now().timestamp_millis();
    let code = code_from(u32::from_le_bytes(random_bytes::<4>()?));
    let expires_at = now + CODE_TTL_MS;
    let written = ctx
        .db
        .run(
            "INSERT INTO phone_codes (phone, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
            args![&phone, sha256_hex(&format!("{phone}:{code}")).await?, now, expires_at],
        )
        .await?;
    let envelope = Envelope {
        message_id: format!("phone-code:{}", written.last_row_id),
        case_kind: CaseKind::Ticket,
        case_id: "phone-code".into(),
        link: None,
        message: Message::PhoneCode { code },
        at: now,
    };
    let sms = envelope.sms(
        &ctx.db,
        &ctx.env,
        ("SELECT ? AS phone", args![&phone]),
        NO_EXTRA,
        0,
    )?;
    ctx.db.batch(vec![sms]).await?;
    notify::poke(&ctx.env).await;
    ok(&CodeSent { expires_at })
}

/// Uses the code texted to `phone` for one check-in; the retry of that check-in (same
/// idempotency key) may use it again. A wrong or expired code is a 400 naming `code`.
pub async fn redeem(
    ctx: &Ctx,
    phone: &str,
    code: Option<&str>,
    idempotency_key: Option<&str>,
) -> Result<()> {
    let code = typed_code(code)?;
    let now = crate::db::now().timestamp_millis();
    limits::refuse_if_reached(&ctx.db, &[(&WRONG_CODES_PER_PHONE, phone)]).await?;
    let found: Option<Id> = ctx
        .db
        .first(
            "SELECT id FROM phone_codes WHERE phone = ? AND code_hash = ? AND expires_at > ? \
             AND (used_at IS NULL OR used_for = ?) ORDER BY id DESC LIMIT 1",
            args![
                phone,
                sha256_hex(&format!("{phone}:{code}")).await?,
                now,
                idempotency_key
            ],
        )
        .await?;
    let Some(found) = found else {
        limits::count(&ctx.db, &[(&WRONG_CODES_PER_PHONE, phone)]).await?;
        return Err(ApiError::validation(
            "code",
            "that code is wrong or has expired; ask for a new one",
        )
        .into());
    };
    ctx.db
        .run(
            "UPDATE phone_codes SET used_at = COALESCE(used_at, ?), used_for = ? WHERE id = ?",
            args![now, idempotency_key, found.id],
        )
        .await?;
    Ok(())
}
