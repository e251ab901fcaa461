//! The hall's screens: the manager's message for the day, English calls, and the TVs and kiosks
//! paired by token. A device's feed is the hall queue object's, tagged with its token, so
//! revoking the token closes exactly that device's socket at once. Each device says it is alive
//! every minute (`handle_heartbeat`), which is the "last seen" the console warns on.

use crate::args;
use crate::crypto::{new_token, sha256_hex};
use crate::db::Db;
use crate::error::Result;
use crate::halls::{hall_name, managed_hall};
use crate::http::{created, ok, parse_id, query_param, read_json};
use crate::queue::{object_url, send, stub, today};
use crate::router::Ctx;
use crate::users::audit;
use domain::displays::{
    DeviceKind, DeviceSeen, Display, DisplayCreated, DisplayInput, CLOSE_REVOKED,
};
use domain::queue::board::{BroadcastInput, DisplaySettings};
use domain::queue::protocol::{QueueCommand, Viewer};
use domain::{ApiError, Reason};
use serde_json::json;
use worker::{Env, Request, RequestInit, Response, WebSocketPair};

const SELECT: &str =
    "SELECT id, hall_id, name, kind, created_at, last_seen_at, revoked_at FROM display_tokens";

#[derive(serde::Deserialize)]
struct Row {
    id: i64,
    hall_id: String,
    name: String,
    kind: DeviceKind,
    created_at: i64,
    last_seen_at: Option<i64>,
    revoked_at: Option<i64>,
}

impl Row {
    /// The device as the console shows it at `now_ms`.
    fn display(self, now_ms: i64) -> Display {
        let mut display = Display {
            id: self.id,
            hall_id: self.hall_id,
            name: self.name,
            kind: self.kind,
            created_at: self.created_at,
            last_seen_at: self.last_seen_at,
            revoked_at: self.revoked_at,
            offline: false,
        };
        display.offline = display.quiet(now_ms);
        display
    }
}

pub async fn handle_broadcast(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let input: BroadcastInput = read_json(&mut ctx.req).await?;
    let text = input.message()?;
    let resp = send(
        ctx,
        &hall,
        QueueCommand::SetBroadcast { text: text.clone() },
        Viewer::staff(),
    )
    .await?;
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "hall.broadcast",
        &format!("hall:{hall}"),
        json!({ "text": text }),
    )
    .await?;
    Ok(resp)
}

pub async fn handle_settings(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let settings: DisplaySettings = read_json(&mut ctx.req).await?;
    ctx.db
        .run(
            "UPDATE halls SET announce_english = ? WHERE id = ?",
            args![settings.announce_english as i64, &hall],
        )
        .await?;
    let command = QueueCommand::SetAnnounceEnglish {
        on: settings.announce_english,
    };
    let resp = send(ctx, &hall, command, Viewer::staff()).await?;
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "hall.display_settings",
        &format!("hall:{hall}"),
        json!(settings),
    )
    .await?;
    Ok(resp)
}

/// Paired TVs first, newest first; revoked ones after them.
pub async fn handle_list(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let rows: Vec<Row> = ctx
        .db
        .all(
            &format!("{SELECT} WHERE hall_id = ? ORDER BY revoked_at IS NOT NULL, created_at DESC LIMIT 100"),
            args![&hall],
        )
        .await?;
    let now = ctx.now.timestamp_millis();
    ok(&rows
        .into_iter()
        .map(|row| row.display(now))
        .collect::<Vec<_>>())
}

async fn load(ctx: &Ctx, id: i64, hall: &str) -> Result<Display> {
    let row: Row = ctx
        .db
        .found(
            &format!("{SELECT} WHERE id = ? AND hall_id = ?"),
            args![id, hall],
            "display",
        )
        .await?;
    Ok(row.display(ctx.now.timestamp_millis()))
}

pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let input: DisplayInput = read_json(&mut ctx.req).await?;
    let name = input.name()?;
    let token = new_token()?;
    let actor = ctx.actor()?.user_id;
    let written = ctx
        .db
        .run(
            "INSERT INTO display_tokens (hall_id, name, kind, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            args![&hall, &name, input.kind.as_str(), sha256_hex(&token).await?, actor, ctx.now.timestamp_millis()],
        )
        .await?;
    let display = load(ctx, written.last_row_id, &hall).await?;
    audit(
        &ctx.db,
        Some(actor),
        "display.create",
        &format!("display:{}", display.id),
        json!({ "hall": hall, "name": name, "kind": input.kind }),
    )
    .await?;
    created(&DisplayCreated { display, token })
}

pub async fn handle_revoke(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let id = parse_id(ctx.matched.param_at(1), "display")?;
    let display = load(ctx, id, &hall).await?;
    if display.revoked_at.is_some() {
        return Err(ApiError::new(Reason::AlreadyDone, "this display is already revoked").into());
    }
    ctx.db
        .run(
            "UPDATE display_tokens SET revoked_at = ? WHERE id = ?",
            args![ctx.now.timestamp_millis(), id],
        )
        .await?;
    disconnect(&ctx.env, &hall, &today(ctx.now), id).await?;
    crate::check_in::forget_paired(&hall);
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "display.revoke",
        &format!("display:{id}"),
        json!({ "hall": hall }),
    )
    .await?;
    ok(&load(ctx, id, &hall).await?)
}

/// Closes the revoked TV's socket on today's queue object.
async fn disconnect(env: &Env, hall: &str, day: &str, id: i64) -> Result<()> {
    let url = format!("{}?display={id}", object_url(hall, day, "disconnect"));
    let req = Request::new_with_init(&url, RequestInit::new().with_method(worker::Method::Post))?;
    stub(env, hall, day)?.fetch_with_request(req).await?;
    Ok(())
}

/// A paired device's heartbeat (token in `x-device-token`): its "last seen" moves to now. A
/// revoked or unknown token is a 403, and the device shows its pairing screen.
pub async fn handle_heartbeat(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    hall_name(&ctx.db, &hall).await?;
    let id = paired_device(ctx, &hall).await?;
    ctx.db
        .run(
            "UPDATE display_tokens SET last_seen_at = ? WHERE id = ?",
            args![ctx.now.timestamp_millis(), id],
        )
        .await?;
    let device = load(ctx, id, &hall).await?;
    ok(&DeviceSeen {
        id,
        kind: device.kind,
        name: device.name,
    })
}

/// The device of `hall` whose token the request carries in `x-device-token`; a 403 naming
/// `KioskNotPaired` when the token is unknown, revoked or another hall's.
pub async fn paired_device(ctx: &Ctx, hall: &str) -> Result<i64> {
    let token = ctx
        .req
        .headers()
        .get(crate::check_in::DEVICE_TOKEN)?
        .unwrap_or_default();
    paired_display(&ctx.db, hall, &token).await?.ok_or_else(|| {
        ApiError::new(
            Reason::KioskNotPaired,
            "this device is not paired with the hall; ask the hall manager for a pairing link",
        )
        .into()
    })
}

/// The display a token pairs with this hall, if it is still valid.
pub async fn paired_display(db: &Db, hall: &str, token: &str) -> Result<Option<i64>> {
    let row: Option<crate::db::Id> = db
        .first(
            "SELECT id FROM display_tokens WHERE token_hash = ? AND hall_id = ? AND revoked_at IS NULL",
            args![sha256_hex(token).await?, hall],
        )
        .await?;
    Ok(row.map(|r| r.id))
}

/// A socket closed at once with `CLOSE_REVOKED`, so the TV shows "not paired" and stops trying.
fn refused_socket() -> Result<Response> {
    let pair = WebSocketPair::new()?;
    pair.server.accept()?;
    pair.server
        .close(Some(CLOSE_REVOKED), Some("this display is not paired"))?;
    Ok(Response::from_websocket(pair.client)?)
}

/// `/ws/displays/:hall?token=`: a paired TV's feed from the hall's queue object for today.
pub async fn handle_socket(req: Request, env: Env) -> Result<Response> {
    let hall = crate::queue::socket_hall(&req, "/ws/displays/")?;
    let db = Db::new(&env)?;
    hall_name(&db, &hall).await?;
    let token = query_param(&req, "token")?.unwrap_or_default();
    let Some(display) = paired_display(&db, &hall, &token).await? else {
        return refused_socket();
    };
    let now = crate::clock::request_time(&req, &env);
    db.run(
        "UPDATE display_tokens SET last_seen_at = ? WHERE id = ?",
        args![now.timestamp_millis(), display],
    )
    .await?;
    let url = format!(
        "{}?now={}&display={display}",
        object_url(&hall, &today(now), "ws"),
        now.timestamp_millis()
    );
    crate::queue::forward_socket(&req, &env, &hall, &today(now), &url).await
}
