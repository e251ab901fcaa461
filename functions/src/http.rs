//! Request reading and response writing shared by every handler: JSON bodies with a size cap,
//! the error shape, query parameters and the session cookie.

use crate::error::{Error, Result};
use domain::{ApiError, Reason, MAX_BODY_BYTES};
use serde::{de::DeserializeOwned, Serialize};
use worker::{Headers, Request, Response};

pub const SESSION_COOKIE: &str = "gh_session";

pub fn json<T: Serialize>(status: u16, body: &T) -> Result<Response> {
    json_text(status, serde_json::to_string(body)?)
}

/// A JSON response from text already serialised (a Durable Object's answer).
pub fn json_text(status: u16, text: String) -> Result<Response> {
    let headers = Headers::new();
    headers.set("content-type", "application/json; charset=utf-8")?;
    headers.set("cache-control", "no-store")?;
    Ok(Response::ok(text)?
        .with_status(status)
        .with_headers(headers))
}

pub fn ok<T: Serialize>(body: &T) -> Result<Response> {
    json(200, body)
}

pub fn created<T: Serialize>(body: &T) -> Result<Response> {
    json(201, body)
}

pub fn error_response(err: &ApiError) -> Response {
    json(err.status(), &err.body()).unwrap_or_else(|_| {
        Response::ok("{\"error\":{\"code\":\"internal\",\"message\":\"error\"}}")
            .map(|r| r.with_status(err.status()))
            .unwrap_or_else(|_| Response::empty().expect("an empty response can always be built"))
    })
}

/// The request body, refused with 413 (and `too_large`) past `max` bytes, declared or sent.
pub async fn read_body(req: &mut Request, max: usize, too_large: &str) -> Result<Vec<u8>> {
    let refuse = || ApiError::new(Reason::TooLarge, too_large);
    let declared = req
        .headers()
        .get("content-length")?
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > max) {
        return Err(refuse().into());
    }
    let bytes = req
        .bytes()
        .await
        .map_err(|_| ApiError::new(Reason::InvalidJson, "the request body could not be read"))?;
    if bytes.len() > max {
        return Err(refuse().into());
    }
    Ok(bytes)
}

/// Reads a JSON body of at most `MAX_BODY_BYTES`. Syntax errors are `invalid_json`; a missing
/// or wrongly typed field is a `validation` error naming what serde found.
pub async fn read_json<T: DeserializeOwned>(req: &mut Request) -> Result<T> {
    let bytes = read_body(req, MAX_BODY_BYTES, "the request body is larger than 1 MiB").await?;
    // Syntax first, then shape: a truncated document is invalid JSON even if its start has a wrong type.
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::new(
            Reason::InvalidJson,
            format!("the request body is not valid JSON: {e}"),
        )
    })?;
    serde_json::from_value(value).map_err(|e| {
        Error(ApiError::new(
            Reason::BadField,
            format!("the request body has a wrong or missing field: {e}"),
        ))
    })
}

pub fn query_param(req: &Request, name: &str) -> Result<Option<String>> {
    let url = req.url()?;
    Ok(url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty()))
}

pub fn cookie(req: &Request, name: &str) -> Option<String> {
    let header = req.headers().get("cookie").ok()??;
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// Cookies are `Secure` everywhere but plain-HTTP localhost, where browsers would drop them.
fn is_local(req: &Request) -> bool {
    req.url()
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .is_some_and(|h| h == "localhost" || h == "127.0.0.1")
}

pub fn session_cookie(req: &Request, token: &str, max_age_secs: i64) -> String {
    let secure = if is_local(req) { "" } else { "; Secure" };
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}"
    )
}

pub fn with_cookie(mut resp: Response, cookie: &str) -> Result<Response> {
    resp.headers_mut().append("set-cookie", cookie)?;
    Ok(resp)
}

/// The caller's address as Cloudflare reports it; local development has none.
pub fn client_ip(req: &Request) -> String {
    req.headers()
        .get("cf-connecting-ip")
        .ok()
        .flatten()
        .unwrap_or_else(|| "local".into())
}

/// A path id that is not a number names nothing: 404 rather than 400.
pub fn parse_id(raw: &str, what: &str) -> Result<i64> {
    raw.parse().map_err(|_| ApiError::not_found(what).into())
}

/// Answers a client's keep-alive "ping"; whether the message was one.
pub fn answer_ping(ws: &worker::WebSocket, message: &worker::WebSocketIncomingMessage) -> bool {
    let is_ping = matches!(message, worker::WebSocketIncomingMessage::String(t) if t == "ping");
    if is_ping {
        let _ = ws.send_with_str("pong");
    }
    is_ping
}
