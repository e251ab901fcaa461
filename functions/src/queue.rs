//! The queue endpoints: checks that only the Worker can make (the session, the hall's hours,
//! staff of this hall), then the command goes to the hall's queue object for today. Taking a
//! number is `check_in`.

use crate::error::Result;
use crate::hall_calendar::hall_calendar;
use crate::http::{parse_id, query_param, read_json};
use crate::router::Ctx;
use domain::accounts::normalise_mobile;
use domain::hours::calendar::DayRule;
use domain::hours::Days;
use domain::hours::{format_local, to_local};
use domain::policy::may_work_hall;
use domain::queue::protocol::{QueueCommand, QueueRequest, Viewer};
use domain::queue::requests::{AtCounter, CounterAction, RateRequest, TicketKey, WatchRequest};
use domain::queue::Clerk;
use domain::{ApiError, Reason, Role};
use worker::{Env, Method, Request, RequestInit, Response};

/// The hall's local date: one queue object per hall and day.
pub fn today(now: chrono::DateTime<chrono::Utc>) -> String {
    to_local(now).format("%Y-%m-%d").to_string()
}

/// The queue object's address for a hall's day.
pub fn object_url(hall: &str, day: &str, action: &str) -> String {
    format!("https://queue/{hall}/{day}/{action}")
}

pub fn stub(env: &Env, hall: &str, day: &str) -> Result<worker::Stub> {
    Ok(env
        .durable_object("HALL_QUEUE")?
        .id_from_name(&format!("{hall}:{day}"))?
        .get_stub()?)
}

pub async fn send(
    ctx: &Ctx,
    hall: &str,
    command: QueueCommand,
    viewer: Viewer,
) -> Result<Response> {
    let request = QueueRequest {
        now: ctx.now.timestamp_millis(),
        actor: ctx.user.as_ref().map(|u| u.id),
        viewer,
        command,
    };
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_body(Some(serde_json::to_string(&request)?.into()));
    let req = Request::new_with_init(&object_url(hall, &today(ctx.now), "command"), &init)?;
    Ok(stub(&ctx.env, hall, &today(ctx.now))?
        .fetch_with_request(req)
        .await?)
}

/// A manager's change to today's queue; the queue's refusal becomes ours.
pub async fn tell_queue(ctx: &Ctx, hall: &str, command: QueueCommand) -> Result<()> {
    let mut response = send(ctx, hall, command, Viewer::staff()).await?;
    if response.status_code() < 400 {
        return Ok(());
    }
    let body: domain::error::ErrorBody = response.json().await?;
    Err(body.error.into())
}

/// Who the caller is to tickets of this hall.
fn viewer(ctx: &Ctx, hall: &str, key: Option<String>) -> Viewer {
    let user = ctx.user.as_ref();
    Viewer {
        customer_id: user.filter(|u| u.role == Role::Customer).map(|u| u.id),
        key,
        staff: ctx.actor().is_ok_and(|a| may_work_hall(&a, hall)),
    }
}

fn ticket_param(ctx: &Ctx) -> Result<u32> {
    let id = parse_id(ctx.matched.param_at(1), "ticket")?;
    u32::try_from(id).map_err(|_| ApiError::not_found("ticket").into())
}

pub async fn handle_snapshot(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    hall_calendar(&ctx.db, &hall).await?;
    send(ctx, &hall, QueueCommand::Snapshot, Viewer::default()).await
}

/// Refuses with the next opening time when the hall is closed now.
pub async fn check_open(ctx: &Ctx, hall: &str) -> Result<()> {
    let calendar = hall_calendar(&ctx.db, hall).await?;
    if let domain::hours::OpenStatus::Closed { next_open } = calendar.status(ctx.now) {
        let why = match calendar.rule_on(to_local(ctx.now).date_naive()) {
            DayRule::PublicHoliday { festival } => format!(" for {festival}"),
            DayRule::Special { note } => format!(" ({note})"),
            DayRule::Weekly | DayRule::MakeUpWorkday { .. } => String::new(),
        };
        let when = next_open
            .map(|t| {
                format!(
                    "; it opens at {}",
                    format_local(t.with_timezone(&chrono::Utc))
                )
            })
            .unwrap_or_default();
        return Err(ApiError::new(
            Reason::HallClosed,
            format!("the hall is closed now{why}{when}"),
        )
        .into());
    }
    Ok(())
}

/// A phone the customer typed, normalised; blank is none.
pub fn given_phone(raw: Option<&str>) -> Result<Option<String>> {
    Ok(raw
        .filter(|p| !p.trim().is_empty())
        .map(normalise_mobile)
        .transpose()?)
}

pub async fn handle_get_ticket(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    let ticket = ticket_param(ctx)?;
    hall_calendar(&ctx.db, &hall).await?;
    let viewer = viewer(ctx, &hall, query_param(&ctx.req, "key")?);
    send(ctx, &hall, QueueCommand::ViewTicket { ticket }, viewer).await
}

pub async fn handle_cancel_ticket(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    let ticket = ticket_param(ctx)?;
    let body: TicketKey = read_json(&mut ctx.req).await?;
    hall_calendar(&ctx.db, &hall).await?;
    let viewer = viewer(ctx, &hall, body.key);
    send(ctx, &hall, QueueCommand::Cancel { ticket }, viewer).await
}

pub async fn handle_rate_ticket(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    let ticket = ticket_param(ctx)?;
    let body: RateRequest = read_json(&mut ctx.req).await?;
    hall_calendar(&ctx.db, &hall).await?;
    let viewer = viewer(ctx, &hall, body.key);
    send(
        ctx,
        &hall,
        QueueCommand::Rate {
            ticket,
            stars: body.stars,
            comment: body.comment,
        },
        viewer,
    )
    .await
}

/// "Tell me when N are ahead / when I am called": by SMS to the phone given here or at
/// check-in, and in the owner's inbox.
pub async fn handle_watch_ticket(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    let ticket = ticket_param(ctx)?;
    let body: WatchRequest = read_json(&mut ctx.req).await?;
    body.check()?;
    let phone = given_phone(body.phone.as_deref())?;
    hall_calendar(&ctx.db, &hall).await?;
    let viewer = viewer(ctx, &hall, body.key);
    let command = QueueCommand::Watch {
        ticket,
        ahead_at: body.ahead_at,
        on_call: body.on_call,
        phone,
    };
    send(ctx, &hall, command, viewer).await
}

pub async fn handle_counter_action(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    let counter = u32::try_from(parse_id(ctx.matched.param_at(1), "counter")?)
        .map_err(|_| ApiError::not_found("counter"))?;
    let action: CounterAction = read_json(&mut ctx.req).await?;
    hall_calendar(&ctx.db, &hall).await?;
    let user = ctx.signed_in()?;
    if !may_work_hall(&ctx.actor()?, &hall) {
        return Err(ApiError::new(Reason::OtherHall, "you work at another hall").into());
    }
    let at = AtCounter {
        counter,
        clerk: Clerk {
            id: user.id,
            name: user.name.clone(),
        },
        manager: matches!(user.role, Role::HallManager | Role::Admin),
    };
    send(ctx, &hall, action.command(at), Viewer::staff()).await
}

/// The hall in a WebSocket path under `prefix`; refuses anything but a WebSocket upgrade.
pub fn socket_hall(req: &Request, prefix: &str) -> Result<String> {
    let path = req.path();
    let hall = path
        .trim_start_matches(prefix)
        .trim_end_matches('/')
        .to_string();
    if hall.is_empty() || hall.contains('/') {
        return Err(ApiError::not_found("hall").into());
    }
    if req.headers().get("upgrade")?.as_deref() != Some("websocket") {
        return Err(ApiError::new(
            Reason::WebSocketOnly,
            "this address takes WebSocket connections",
        )
        .into());
    }
    Ok(hall)
}

/// Hands a WebSocket upgrade to the hall's queue object at `url`.
pub async fn forward_socket(
    req: &Request,
    env: &Env,
    hall: &str,
    day: &str,
    url: &str,
) -> Result<Response> {
    let forwarded =
        Request::new_with_init(url, RequestInit::new().with_headers(req.headers().clone()))?;
    Ok(stub(env, hall, day)?.fetch_with_request(forwarded).await?)
}

/// `/ws/halls/:hall`: hands the WebSocket to the hall's queue object for today.
pub async fn handle_socket(req: Request, env: Env) -> Result<Response> {
    let hall = socket_hall(&req, "/ws/halls/")?;
    let db = crate::db::Db::new(&env)?;
    hall_calendar(&db, &hall).await?;
    let now = crate::clock::request_time(&req, &env);
    let url = format!(
        "{}?now={}",
        object_url(&hall, &today(now), "ws"),
        now.timestamp_millis()
    );
    forward_socket(&req, &env, &hall, &today(now), &url).await
}
