//! The refusals each endpoint may answer with, by status, and the error shape of each status
//! with the reasons (`domain::Reason`) it may carry: what a program can branch on.

use super::contract::{self, Body};
use crate::policy::{audience, Audience};
use crate::routes::{Endpoint, Method};
use crate::security::limits;
use crate::wire::wire_name;
use crate::{ErrorCode, Reason};
use serde_json::{json, Map, Value};

/// Reasons the apps make themselves; the server never sends them.
const MADE_BY_THE_APPS: [Reason; 3] = [
    Reason::PasswordsDiffer,
    Reason::PushRefused,
    Reason::Network,
];

/// Public endpoints that still answer 401: a wrong login; a number from away without a session
/// or a texted code; video help asked from a case's page, which only its parties may; and a
/// kiosk visit that has ended (`crate::kiosk::VISIT_ENDPOINTS`).
const MAY_ASK_FOR_A_SESSION: [Endpoint; 3] =
    [Endpoint::Login, Endpoint::TicketCreate, Endpoint::VideoAsk];

/// The refusal statuses of `endpoint`.
pub fn statuses(endpoint: Endpoint) -> Vec<u16> {
    let c = contract::of_endpoint(endpoint);
    let has_params = endpoint.pattern().contains(':');
    let has_body = !matches!(c.body, Body::Empty);
    let writes = endpoint.method() != Method::Get;
    let public = audience(endpoint) == Audience::Public;
    let mut out = Vec::new();
    if has_body || has_params || !c.query.is_empty() || endpoint == Endpoint::OpsDashboard {
        out.push(400);
    }
    let asks = MAY_ASK_FOR_A_SESSION.contains(&endpoint)
        || crate::kiosk::VISIT_ENDPOINTS.contains(&endpoint);
    if !public || asks {
        out.push(401);
    }
    if !public || writes || has_params {
        out.push(403);
    }
    if has_params || has_body || !c.query.is_empty() || !public {
        out.push(404);
    }
    if writes {
        out.push(409);
    }
    if has_body || writes {
        out.push(413);
    }
    if !limits::of(endpoint).is_empty() {
        out.push(429);
    }
    out
}

pub fn meaning(status: u16) -> &'static str {
    match status {
        400 => "Bad input: nothing changed. `field` names the field when there is one.",
        401 => "Not signed in.",
        403 => "Signed in, but not allowed; or a write that did not come from the site's own pages (cross_site).",
        404 => "No such thing, or not yours to see.",
        409 => "Conflicts with the current state: nothing changed.",
        413 => "The body is too large.",
        429 => "A limit is used up; the message says when to try again.",
        _ => "Refused.",
    }
}

/// `Error400`, `Error401`, …: the error shape with the codes and reasons of each status.
pub fn error_schemas() -> Map<String, Value> {
    let mut out = Map::new();
    for status in [400u16, 401, 403, 404, 405, 409, 413, 429] {
        let codes: Vec<String> = ErrorCode::REFUSALS
            .iter()
            .filter(|c| c.status() == status)
            .map(wire_name)
            .collect();
        let reasons: Vec<String> = Reason::ALL
            .iter()
            .filter(|r| r.code().status() == status && !MADE_BY_THE_APPS.contains(r))
            .map(wire_name)
            .collect();
        out.insert(
            format!("Error{status}"),
            json!({
                "type": "object",
                "required": ["error"],
                "properties": {"error": {
                    "type": "object",
                    "required": ["code", "reason", "message"],
                    "properties": {
                        "code": {"enum": codes},
                        "reason": {"enum": reasons},
                        "message": {"type": "string"},
                        "field": {"type": "string"},
                    }
                }}
            }),
        );
    }
    out
}
