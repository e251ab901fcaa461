//! Taking a number: who may (the hall's paired kiosk, a signed-in customer, or a phone
//! confirmed by a texted code, see domain::queue::remote), with which priority (asked for from
//! away it waits for the hall to confirm), and the key account's manager told. The kiosk also
//! confirms a remote ticket's priority for the customer standing at it.

use crate::args;
use crate::displays::paired_display;
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{client_ip, json, read_json};
use crate::limits;
use crate::notify::{self, Envelope};
use crate::phone_codes::redeem;
use crate::queue::{check_open, given_phone, send, today};
use crate::router::Ctx;
use domain::accounts::normalise_mobile;
use domain::notify::inbox::CaseKind;
use domain::notify::texts::Message;
use domain::queue::protocol::{QueueCommand, TicketView, Viewer};
use domain::queue::remote::{caller, starting_priority, CodeRequest};
use domain::queue::requests::CheckInRequest;
use domain::queue::{CheckIn, Priority};
use domain::security::limits::TICKETS_PER_ADDRESS;
use domain::{ApiError, Reason, Role};
use std::cell::RefCell;
use std::collections::HashMap;
use worker::Response;

/// The header a paired kiosk sends its token in.
pub const DEVICE_TOKEN: &str = "x-device-token";

/// How long an isolate trusts a kiosk token it checked: a burst of check-ins at one kiosk
/// would otherwise read D1 once each. A revoked kiosk is refused within this time (its TV
/// socket, if any, closes at once).
const PAIRED_CACHE_MS: i64 = 60_000;

thread_local! {
    /// (hall, token) → when it was last found paired. Only tokens found paired are kept, so
    /// made-up tokens never grow it.
    static PAIRED: RefCell<HashMap<(String, String), i64>> = RefCell::default();
}

/// This isolate checks the hall's kiosk tokens in D1 again (one was revoked).
pub fn forget_paired(hall: &str) {
    PAIRED.with_borrow_mut(|cache| cache.retain(|(h, _), _| h != hall));
}

/// Whether the request comes from a device paired with this hall (its token, unrevoked).
async fn from_paired_device(ctx: &Ctx, hall: &str) -> Result<bool> {
    let Some(token) = ctx.req.headers().get(DEVICE_TOKEN)? else {
        return Ok(false);
    };
    let key = (hall.to_string(), token);
    let now = crate::db::now().timestamp_millis();
    let trusted = PAIRED.with_borrow(|paired| {
        paired
            .get(&key)
            .is_some_and(|checked| now - checked < PAIRED_CACHE_MS)
    });
    if trusted {
        return Ok(true);
    }
    let paired = paired_display(&ctx.db, hall, &key.1).await?.is_some();
    PAIRED.with_borrow_mut(|cache| {
        if paired {
            cache.insert(key, now);
        } else {
            cache.remove(&key);
        }
    });
    Ok(paired)
}

/// A key account checking in, and who looks after it.
#[derive(serde::Deserialize)]
struct KeyAccount {
    name: String,
    account_manager_id: Option<i64>,
}

/// A key account is recognised by its signed-in account or by its phone number.
async fn key_account(ctx: &Ctx, phone: Option<&str>) -> Result<Option<KeyAccount>> {
    let user = ctx.user.as_ref().filter(|u| u.key_account).map(|u| u.id);
    if user.is_none() && phone.is_none() {
        return Ok(None);
    }
    ctx.db
        .first(
            "SELECT name, account_manager_id FROM users WHERE key_account = 1 \
             AND (id = ? OR phone = ?) ORDER BY id = ? DESC LIMIT 1",
            args![user, phone, user],
        )
        .await
}

/// Tells a key account's manager that their customer took a number.
async fn tell_account_manager(
    ctx: &Ctx,
    hall: &str,
    account: &KeyAccount,
    ticket: &TicketView,
) -> Result<()> {
    let Some(manager) = account.account_manager_id else {
        return Ok(());
    };
    let day = today(ctx.now);
    let envelope = Envelope {
        message_id: format!("key-account:{hall}:{day}:{}", ticket.id),
        case_kind: CaseKind::Ticket,
        case_id: format!("{hall}/{day}/{}", ticket.id),
        link: Some(domain::workspace::Section::Today.path().into()),
        message: Message::KeyAccountArrived {
            customer: account.name.clone(),
            number: ticket.number.to_string(),
            hall: hall_name(&ctx.db, hall).await?,
        },
        at: ctx.now.timestamp_millis(),
    };
    notify::tell(&ctx.db, &ctx.env, &[manager], &envelope).await
}

pub async fn handle_check_in(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    let body: CheckInRequest = read_json(&mut ctx.req).await?;
    body.check()?;
    check_open(ctx, &hall).await?;
    let phone = given_phone(body.phone.as_deref())?;
    let customer_id = ctx
        .user
        .as_ref()
        .filter(|u| u.role == Role::Customer)
        .map(|u| u.id);
    let paired = from_paired_device(ctx, &hall).await?;
    let who = caller(
        body.channel,
        paired,
        customer_id.is_some(),
        phone.as_deref(),
    )?;
    if !paired {
        let address = client_ip(&ctx.req);
        limits::admit(&ctx.db, &[(&TICKETS_PER_ADDRESS, &address)]).await?;
    }
    if who == domain::queue::remote::Caller::ConfirmedPhone {
        let phone = phone.as_deref().unwrap_or_default();
        redeem(
            ctx,
            phone,
            body.code.as_deref(),
            body.idempotency_key.as_deref(),
        )
        .await?;
    }
    let key_account = key_account(ctx, phone.as_deref()).await?;
    let wanted = if key_account.is_some() {
        Some(Priority::KeyAccount)
    } else {
        body.green_channel.then_some(Priority::GreenChannel)
    };
    let (priority, requested) = starting_priority(who, wanted);
    let check_in = CheckIn {
        business: body.business,
        channel: body.channel,
        priority,
        customer_id,
        phone,
        idempotency_key: body.idempotency_key,
        account_manager: key_account.as_ref().and_then(|k| k.account_manager_id),
        requested,
    };
    let command = QueueCommand::CheckIn {
        check_in,
        key: crate::crypto::new_token()?,
    };
    let mut response = send(ctx, &hall, command, Viewer::staff()).await?;
    let Some(account) = key_account.filter(|_| response.status_code() == 201) else {
        return Ok(response);
    };
    let ticket: TicketView = response.json().await?;
    tell_account_manager(ctx, &hall, &account, &ticket).await?;
    json(201, &ticket)
}

/// The customer at the hall's kiosk confirms the priority their remote ticket asked for, by the
/// phone number it was taken with.
pub async fn handle_confirm_at_kiosk(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    hall_name(&ctx.db, &hall).await?;
    let request: CodeRequest = read_json(&mut ctx.req).await?;
    let phone = normalise_mobile(&request.phone)?;
    if !from_paired_device(ctx, &hall).await? {
        return Err(ApiError::new(
            Reason::KioskNotPaired,
            "only the hall's paired kiosk confirms a priority; ask a clerk",
        )
        .into());
    }
    send(
        ctx,
        &hall,
        QueueCommand::ConfirmByPhone { phone },
        Viewer::staff(),
    )
    .await
}
