//! The one place every response leaves through: the browser defences
//! (`domain::security::headers`) go on each, and a request that changes something from another
//! site's page is refused before anything reads it (`domain::security::same_origin`).

use crate::error::Result;
use domain::routes::{Endpoint, Method};
use domain::security::headers::{for_response, Served, Site};
use domain::security::same_origin;
use worker::{Headers, Request, Response};

/// The scheme and host the request was addressed to.
pub fn site(req: &Request) -> Site {
    let url = req.url().ok();
    let https = url.as_ref().is_some_and(|u| u.scheme() == "https");
    let host = url
        .as_ref()
        .map(|u| match (u.host_str(), u.port()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_string(),
            (None, _) => String::new(),
        })
        .unwrap_or_default();
    Site { https, host }
}

fn header(req: &Request, name: &str) -> Option<String> {
    req.headers().get(name).ok().flatten()
}

/// Refuses a write that did not come from our own pages (403 `cross_site`).
pub fn refuse_cross_site(req: &Request, method: Method, endpoint: Endpoint) -> Result<()> {
    same_origin::check(
        method,
        endpoint,
        &site(req).origin(),
        header(req, "origin").as_deref(),
        header(req, "sec-fetch-site").as_deref(),
    )?;
    Ok(())
}

/// Refuses a WebSocket opened from another site's page.
pub fn refuse_foreign_socket(req: &Request) -> Result<()> {
    same_origin::check_socket(&site(req).origin(), header(req, "origin").as_deref())?;
    Ok(())
}

/// `resp` with the defences for what it serves. A switch to a WebSocket is passed as it is.
pub fn protect(mut resp: Response, served: &Served, site: &Site) -> Response {
    if resp.status_code() == 101 {
        return resp;
    }
    let ours = for_response(served, site);
    if ours
        .iter()
        .all(|(name, value)| resp.headers_mut().set(name, value).is_ok())
    {
        return resp;
    }
    // A static file's headers are immutable: copy them into a response of our own.
    let headers = Headers::new();
    for (name, value) in resp.headers().entries().chain(
        ours.into_iter()
            .map(|(name, value)| (name.to_string(), value)),
    ) {
        let _ = headers.set(&name, &value);
    }
    let status = resp.status_code();
    match Response::from_body(resp.body().clone()) {
        Ok(copy) => copy.with_status(status).with_headers(headers),
        Err(_) => resp,
    }
}
