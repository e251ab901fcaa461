//! The OpenAPI 3.1 document of the whole API, made from the route table, the access policy, the
//! contract of each endpoint (`contract`: its body, query and answer by their wire types), the
//! limits and the refusals, so no route can exist without its entry and no entry can drift from
//! the types that travel. The WebSocket feeds are described in the document's text.

pub mod contract;
pub mod refusals;

use crate::policy::{audience, Audience};
use crate::routes::{Endpoint, Method};
use crate::security::limits;
use crate::wire::wire_name;
use contract::{Answer, Body, Format, Success};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
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

/// The generator every schema of the document is made in: JSON Schema 2020-12 (OpenAPI 3.1's
/// dialect), shared definitions under `components/schemas`.
fn generator() -> SchemaGenerator {
    SchemaSettings::draft2020_12()
        .with(|s| {
            s.definitions_path = "/components/schemas".into();
            s.meta_schema = None;
        })
        .into_generator()
}

fn schema_value(schema: schemars::Schema) -> Value {
    schema.to_value()
}

fn parameters(endpoint: Endpoint, generator: &mut SchemaGenerator) -> Vec<Value> {
    let c = contract::of_endpoint(endpoint);
    let mut out: Vec<Value> = endpoint
        .pattern()
        .split('/')
        .filter_map(|s| s.strip_prefix(':'))
        .map(|name| {
            let schema = schema_value(contract::path_param(name, generator));
            json!({"name": name, "in": "path", "required": true, "schema": schema})
        })
        .collect();
    for p in c.query {
        let schema = match p.format {
            Format::Text => json!({"type": "string"}),
            Format::Integer => json!({"type": "integer"}),
            Format::Date => json!({"type": "string", "format": "date"}),
            Format::Month => json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}),
            Format::Flag => json!({"type": "string"}),
            Format::Schema(make) => schema_value(make(generator)),
        };
        out.push(json!({
            "name": p.name, "in": "query", "required": p.required,
            "description": p.about, "schema": schema,
        }));
    }
    if matches!(c.body, Body::File(_)) {
        out.push(json!({
            "name": "x-file-name", "in": "header", "required": false,
            "description": "The file's name, URI-encoded.", "schema": {"type": "string"},
        }));
    }
    if endpoint == Endpoint::PaymentNotify {
        out.push(json!({
            "name": "x-signature", "in": "header", "required": true,
            "description": "HMAC-SHA256 of the body with the gateway's shared secret, hex.",
            "schema": {"type": "string"},
        }));
    }
    if crate::kiosk::VISIT_ENDPOINTS.contains(&endpoint) {
        out.push(json!({
            "name": crate::kiosk::VISIT_HEADER, "in": "header", "required": true,
            "description": "The token of the customer's visit at the kiosk.", "schema": {"type": "string"},
        }));
    }
    if [
        Endpoint::TicketCreate,
        Endpoint::PriorityConfirm,
        Endpoint::DeviceHeartbeat,
        Endpoint::KioskVisitStart,
    ]
    .contains(&endpoint)
    {
        out.push(json!({
            "name": "x-device-token", "in": "header", "required": false,
            "description": "The token of the hall's paired TV or kiosk.", "schema": {"type": "string"},
        }));
    }
    out
}

fn request_body(body: Body, generator: &mut SchemaGenerator) -> Option<Value> {
    match body {
        Body::Empty => None,
        Body::Json(make) => Some(json!({
            "required": true,
            "content": {"application/json": {"schema": schema_value(make(generator))}},
        })),
        Body::File(types) => {
            let content: Map<String, Value> = types
                .iter()
                .map(|t| {
                    (
                        t.to_string(),
                        json!({"schema": {"type": "string", "contentMediaType": t}}),
                    )
                })
                .collect();
            Some(json!({"required": true, "content": content}))
        }
    }
}

fn success(answer: Answer, generator: &mut SchemaGenerator) -> Value {
    match answer {
        Answer::Json(make) => json!({
            "description": "Success.",
            "content": {"application/json": {"schema": schema_value(make(generator))}},
        }),
        Answer::Csv => json!({
            "description": "A CSV file (UTF-8 with a byte order mark).",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        }),
        Answer::File => json!({
            "description": "The stored file, as an attachment in the type it was accepted as.",
            "content": {
                "image/png": {}, "image/jpeg": {}, "image/webp": {}, "application/pdf": {},
                "application/octet-stream": {},
            },
        }),
        Answer::Image => json!({
            "description": "The image, shown inline.",
            "content": {"image/png": {}, "image/jpeg": {}, "image/webp": {}},
        }),
    }
}

fn operation(endpoint: Endpoint, generator: &mut SchemaGenerator) -> Value {
    let c = contract::of_endpoint(endpoint);
    let tag = endpoint.pattern().split('/').nth(2).unwrap_or("api");
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
    let mut description = who;
    let limits = limits::of(endpoint);
    if !limits.is_empty() {
        description.push_str(" Limits: ");
        let texts: Vec<String> = limits.iter().map(|l| l.describe()).collect();
        description.push_str(&texts.join("; "));
        description.push('.');
    }
    let mut responses = Map::new();
    let ok = success(c.answer, generator);
    match c.success {
        Success::Ok => {
            responses.insert("200".into(), ok);
        }
        Success::Created => {
            responses.insert("201".into(), ok);
        }
        Success::CreatedOrRepeated => {
            responses.insert("200".into(), ok.clone());
            responses.insert("201".into(), ok);
        }
    }
    for status in refusals::statuses(endpoint) {
        responses.insert(
            status.to_string(),
            json!({
                "description": refusals::meaning(status),
                "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/Error{status}")}}},
            }),
        );
    }
    let mut op = json!({
        "operationId": format!("{endpoint:?}"),
        "summary": summary(endpoint),
        "description": description,
        "tags": [tag],
        "parameters": parameters(endpoint, generator),
        "security": security,
        "responses": responses,
    });
    if let Some(body) = request_body(c.body, generator) {
        op["requestBody"] = body;
    }
    op
}

const INTRO: &str = "The online business hall of a power utility. Times are epoch milliseconds \
(UTC), dates are the hall's local YYYY-MM-DD. Every refusal is a 4xx with the body \
{\"error\":{\"code\",\"reason\",\"message\",\"field\"?}}: `reason` says why in one word (each \
status lists the reasons it may carry), `message` is English for logs. Writes (POST, PUT, \
DELETE) must come from the site's own pages: send `Origin` with the site's origin (else \
`Sec-Fetch-Site: same-origin`), or get 403 `cross_site`; the payment gateway's signed notice is \
the exception.\n\nWebSocket feeds (the same origin rule; JSON text messages, `ping` is answered \
`pong`):\n\
- `/ws/halls/{hall}?date=YYYY-MM-DD[&key=]`: the hall's queue, one `QueueMessage` per change.\n\
- `/ws/displays/{hall}?token=`: a paired TV's feed, `QueueMessage`s; closed when revoked.\n\
- `/ws/video/desk` (agents): the desk, a `DeskView` per change.\n\
- `/ws/video/rooms/{room}?key=`: a call room; sends `RoomMessage`s, takes `Signal`s.";

pub fn document() -> Value {
    let mut generator = generator();
    let mut paths: Map<String, Value> = Map::new();
    for &endpoint in Endpoint::ALL {
        let op = operation(endpoint, &mut generator);
        let item = paths
            .entry(openapi_path(endpoint.pattern()))
            .or_insert_with(|| json!({}));
        item[method_name(endpoint.method())] = op;
    }
    // The feeds' messages, named in the text above.
    for make in [
        schema_of::<crate::queue::feed::QueueMessage>,
        schema_of::<crate::video::desk::DeskView>,
        schema_of::<crate::video::room::RoomMessage>,
        schema_of::<crate::video::signal::Signal>,
    ] {
        make(&mut generator);
    }
    let mut schemas = generator.take_definitions(true);
    for (name, schema) in refusals::error_schemas() {
        schemas.insert(name, schema);
    }
    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "Gridhall API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": INTRO,
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "session": {
                    "type": "apiKey", "in": "cookie", "name": "gh_session",
                    "description": "Set by register and login: HttpOnly, SameSite=Lax, Secure outside localhost, 14 days.",
                }
            },
            "schemas": schemas,
        }
    })
}

fn schema_of<T: JsonSchema>(generator: &mut SchemaGenerator) -> schemars::Schema {
    generator.subschema_for::<T>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_in_the_document_once_with_its_answer() {
        let doc = document();
        let mut operations = 0;
        for &e in Endpoint::ALL {
            let op = &doc["paths"][openapi_path(e.pattern())][method_name(e.method())];
            assert_eq!(op["operationId"], format!("{e:?}"), "{e:?} is missing");
            let ok = op["responses"]
                .as_object()
                .unwrap()
                .keys()
                .any(|s| s == "200" || s == "201");
            assert!(ok, "{e:?} documents no success");
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
            doc["paths"]["/api/halls/{hall}/tickets/{ticket}"]["get"]["parameters"][1]["name"],
            "ticket"
        );
    }

    #[test]
    fn every_reference_names_a_schema_in_the_document() {
        let doc = document();
        let text = doc.to_string();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
            let name = part.split('"').next().unwrap();
            assert!(
                schemas.contains_key(name),
                "{name} is referred to but missing"
            );
        }
        let ticket = &doc["paths"]["/api/halls/{hall}/tickets"]["post"];
        assert!(
            ticket["requestBody"]["content"]["application/json"]["schema"]["$ref"]
                .as_str()
                .unwrap()
                .ends_with("CheckInRequest")
        );
        assert!(
            ticket["responses"]["429"].is_object(),
            "limits are documented"
        );
        assert!(ticket["description"]
            .as_str()
            .unwrap()
            .contains("numbers taken from this network"));
    }
}
