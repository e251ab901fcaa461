//! Gridhall's Worker. `wrangler.toml` sends `/api/*` and `/ws/*` here and serves the apps'
//! static files itself; any other path that is not a file comes here too and gets the entry of
//! the app that draws it (`pages`). Every business rule lives in `domain`.

mod admin;
mod appointments;
mod arrivals;
mod auth;
mod billing;
mod case_contacts;
mod check_in;
mod clock;
mod consultations;
mod counters;
mod crypto;
mod db;
mod displays;
mod error;
mod firms;
mod follow_ups;
mod hall_business;
mod hall_calendar;
mod hall_queue;
mod halls;
mod health;
mod http;
mod notices;
mod notify;
mod operations;
mod outages;
mod pages;
mod phone_codes;
mod posters;
mod projects;
mod queue;
mod router;
mod service;
mod settings;
mod users;
mod video;

use worker::{event, Context, Env, Request, Response, ScheduleContext, ScheduledEvent};

pub use hall_queue::HallQueueObject;
pub use notify::courier::CourierObject;
pub use video::{CallRoomObject, VideoDeskObject};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    if req.path().starts_with("/ws/halls/") {
        return Ok(queue::handle_socket(req, env)
            .await
            .unwrap_or_else(|e| http::error_response(&e.0)));
    }
    if req.path().starts_with("/ws/displays/") {
        return Ok(displays::handle_socket(req, env)
            .await
            .unwrap_or_else(|e| http::error_response(&e.0)));
    }
    if req.path() == "/ws/video/desk" {
        return Ok(video::sockets::handle_desk_socket(req, env)
            .await
            .unwrap_or_else(|e| http::error_response(&e.0)));
    }
    if req.path().starts_with("/ws/video/rooms/") {
        return Ok(video::sockets::handle_room_socket(req, env)
            .await
            .unwrap_or_else(|e| http::error_response(&e.0)));
    }
    if req.path().starts_with("/api/") || req.path().starts_with("/ws/") {
        return Ok(router::handle_api(req, env).await);
    }
    Ok(pages::handle_page(req, env).await)
}

/// The crons (wrangler.toml): every ten minutes, overdue work orders are escalated; every
/// morning also due-soon reminders and overdue escalations for projects, and bills issued and
/// fallen due. Then the courier delivers what is due.
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
            }
        }
        Err(e) => worker::console_error!("no database: {}", e.0.message),
    }
    // Whatever the courier's alarm may have missed leaves now.
    notify::poke(&env).await;
}
