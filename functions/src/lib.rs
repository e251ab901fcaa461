//! Gridhall's Worker. `wrangler.toml` sends `/api/*` here and serves the app's static files
//! itself; every business rule lives in `domain`.

mod admin;
mod auth;
mod crypto;
mod db;
mod error;
mod firms;
mod halls;
mod health;
mod http;
mod notices;
mod router;
mod users;

use worker::{event, Context, Env, Request, Response};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    Ok(router::handle_api(req, env).await)
}
