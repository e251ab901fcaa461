//! Gridhall's Worker. Every request comes here first (`wrangler.toml`): `/api/*` to the router,
//! `/ws/*` to the sockets, anything else to `pages` (a static file of the build, or the entry
//! of the app that draws the page), and every answer leaves through `defences`. Every business
//! rule lives in `domain`.

mod admin;
mod appointments;
mod arrivals;
mod auth;
mod billing;
mod board_page;
mod case_contacts;
mod check_in;
mod clock;
mod consultations;
mod counters;
mod crypto;
mod db;
mod defences;
mod displays;
mod edge_cache;
mod error;
mod files;
mod firms;
mod follow_ups;
mod hall_business;
mod hall_calendar;
mod hall_queue;
mod halls;
mod health;
mod http;
mod kiosk;
mod limits;
mod notices;
mod notify;
mod operations;
mod outages;
mod pages;
mod phone_codes;
mod posters;
mod projects;
mod publish;
mod queue;
mod router;
mod service;
mod settings;
mod tally;
mod users;
mod video;

use domain::security::headers::Served;
use worker::{event, Context, Env, Request, Response, ScheduleContext, ScheduledEvent};

pub use hall_queue::HallQueueObject;
pub use notify::courier::CourierObject;
pub use video::{CallRoomObject, VideoDeskObject};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    let site = defences::site(&req);
    let (resp, served) = answer(req, env).await;
    Ok(defences::protect(resp, &served, &site))
}

/// The answer to a request, and what it serves (which decides its defences).
async fn answer(req: Request, env: Env) -> (Response, Served) {
    let path = req.path();
    if path.starts_with("/ws/") {
        return (socket(req, env).await, Served::Api);
    }
    if path.starts_with("/api/") {
        return (router::handle_api(req, env).await, Served::Api);
    }
    pages::handle_page(req, env).await
}

async fn socket(req: Request, env: Env) -> Response {
    if let Err(e) = defences::refuse_foreign_socket(&req) {
        return http::error_response(&e.0);
    }
    let path = req.path();
    let opened = if path.starts_with("/ws/halls/") {
        queue::handle_socket(req, env).await
    } else if path.starts_with("/ws/displays/") {
        displays::handle_socket(req, env).await
    } else if path == "/ws/video/desk" {
        video::sockets::handle_desk_socket(req, env).await
    } else if path.starts_with("/ws/video/rooms/") {
        video::sockets::handle_room_socket(req, env).await
    } else {
        return router::handle_api(req, env).await;
    };
    opened.unwrap_or_else(|e| http::error_response(&e.0))
}

/// The crons (wrangler.toml): every ten minutes, overdue work orders are escalated; every
/// morning also due-soon reminders and overdue escalations for projects, bills issued and
/// fallen due, and to R2 the outbox's messages past 90 days, the ticket events past a week and
/// the ticket facts past 120 days. Then the courier delivers what is due.
/// The morning cron, as wrangler.toml names it.
const DAILY: &str = "0 1 * * *";

#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    match db::Db::new(&env) {
        Ok(db) => {
            let escalations =
                service::work_orders::deadlines::run_escalations(&db, &env, db::now()).await;
            if let Err(e) = escalations {
                worker::console_error!("work-order escalations failed: {}", e.0.message);
            }
            if event.cron() == DAILY {
                if let Err(e) = projects::run_reminders(&db, &env, db::now()).await {
                    worker::console_error!("project reminders failed: {}", e.0.message);
                }
                if let Err(e) = billing::notices::run(&db, &env, db::now()).await {
                    worker::console_error!("bill notices failed: {}", e.0.message);
                }
                if let Err(e) = notify::archive::run(&db, &env, db::now()).await {
                    worker::console_error!("outbox archive failed: {}", e.0.message);
                }
                if let Err(e) = hall_queue::archive::run(&db, &env, db::now()).await {
                    worker::console_error!("ticket history archive failed: {}", e.0.message);
                }
            }
        }
        Err(e) => worker::console_error!("no database: {}", e.0.message),
    }
    // Whatever the courier's alarm may have missed leaves now.
    notify::poke(&env).await;
}
