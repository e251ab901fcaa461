//! The OpenAPI 3.1 document of the whole API, made from the route table and the access policy,
//! so no route can exist without its entry: each path with its method, path parameters, who may
//! call it, and the one error shape every 4xx shares.

use crate::policy::{audience, Audience};
use crate::routes::{Endpoint, Method};
use crate::wire::wire_name;
use serde_json::{json, Map, Value};

/// `/api/halls/:hall/tickets/:ticket` → `/api/halls/{hall}/tickets/{ticket}`.
pub fn openapi_path(pattern: &str) -> String {
    pattern
        .split('/')
        .map(|s| match s.strip_prefix(':') {
            Some(name) => format!("{{{name}}}"),
            None => s.to_string(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

pub fn method_name(method: Method) -> &'static str {
    match method {
        Method::Get => "get",
        Method::Post => "post",
        Method::Put => "put",
        Method::Delete => "delete",
    }
}

/// `TicketCreate` → `Ticket create`.
fn summary(endpoint: Endpoint) -> String {
    let name = format!("{endpoint:?}");
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if i > 0 && c.is_uppercase() {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn operation(endpoint: Endpoint) -> Value {
    let pattern = endpoint.pattern();
    let tag = pattern.split('/').nth(2).unwrap_or("api");
    let parameters: Vec<Value> = pattern
        .split('/')
        .filter_map(|s| s.strip_prefix(':'))
        .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}))
        .collect();
    let (security, who) = match audience(endpoint) {
        Audience::Public => (json!([]), "Anyone, without signing in.".to_string()),
        Audience::SignedIn => (json!([{"session": []}]), "Any signed-in user.".to_string()),
        Audience::Roles(roles) => (
            json!([{"session": []}]),
            format!(
                "Signed-in roles: {}.",
                roles.iter().map(wire_name).collect::<Vec<_>>().join(", ")
            ),
        ),
    };
    let mut responses = Map::new();
    responses.insert(
        "200".into(),
        json!({"description": "Success (201 when created)."}),
    );
    for (status, meaning) in [
        ("400", "Bad input: nothing changed."),
        ("401", "Not signed in."),
        ("403", "Signed in, but not allowed."),
        ("404", "No such thing, or not yours to see."),
        ("409", "Conflicts with the current state."),
    ] {
        responses.insert(
            status.into(),
            json!({"description": meaning, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}),
        );
    }
    json!({
        "operationId": format!("{endpoint:?}"),
        "summary": summary(endpoint),
        "description": who,
        "tags": [tag],
        "parameters": parameters,
        "security": security,
        "responses": responses,
    })
}

pub fn document() -> Value {
    let mut paths: Map<String, Value> = Map::new();
    for &endpoint in Endpoint::ALL {
        let item = paths
            .entry(openapi_path(endpoint.pattern()))
            .or_insert_with(|| json!({}));
        item[method_name(endpoint.method())] = operation(endpoint);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Gridhall API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The online business hall of a power utility. Times are epoch milliseconds (UTC), dates are the hall's local YYYY-MM-DD. Every refusal is a 4xx with the body {\"error\":{\"code\",\"message\"}}.",
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": "gh_session"}
            },
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {
                        "type": "object",
                        "required": ["code", "message"],
                        "properties": {"code": {"type": "string"}, "message": {"type": "string"}}
                    }}
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_in_the_document_once() {
        let doc = document();
        let mut operations = 0;
        for &e in Endpoint::ALL {
            let op = &doc["paths"][openapi_path(e.pattern())][method_name(e.method())];
            assert_eq!(op["operationId"], format!("{e:?}"), "{e:?} is missing");
            operations += 1;
        }
        let counted: usize = doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .map(|item| item.as_object().unwrap().len())
            .sum();
        assert_eq!(counted, operations);
        assert_eq!(
            openapi_path("/api/halls/:hall/tickets/:ticket"),
            "/api/halls/{hall}/tickets/{ticket}"
        );
        assert_eq!(
            doc["paths"]["/api/halls/{hall}/tickets/{ticket}"]["get"]["parameters"][1]["name"],
            "ticket"
        );
    }
}
