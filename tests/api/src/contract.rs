//! Every answer the API tests receive is checked against the documented contract
//! (`domain::openapi`): its status must be one the operation documents, and its JSON body must
//! match that status's schema. A test that meets an undocumented answer fails, naming it.

use domain::openapi::{document, method_name, openapi_path};
use domain::routes::{match_route, Method};
use jsonschema::Validator;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The validator of each documented answer (endpoint, status), compiled once per process.
type Validators = Mutex<HashMap<(String, String), Option<Validator>>>;

fn the_document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(document)
}

/// The schema of one documented answer, with the document's components beside it so that its
/// references resolve.
fn validator(operation: &Value, status: &str) -> Option<Validator> {
    let schema = operation["responses"][status]["content"]["application/json"]["schema"].clone();
    if schema.is_null() {
        return None;
    }
    let mut root = serde_json::json!({ "allOf": [schema] });
    root["components"] = the_document()["components"].clone();
    Some(jsonschema::draft202012::new(&root).expect("a documented schema compiles"))
}

/// Panics unless `status` and `body` are what the operation behind `method path` documents.
/// Paths that name no operation (a test of the router itself) are not checked.
#[track_caller]
pub fn check(method: &str, path: &str, status: u16, body: &Value) {
    let path = path.split('?').next().unwrap_or(path);
    let Some(method) = Method::parse(method) else {
        return;
    };
    let Ok(matched) = match_route(method, path) else {
        return;
    };
    let endpoint = matched.endpoint;
    let operation =
        &the_document()["paths"][openapi_path(endpoint.pattern())][method_name(endpoint.method())];
    let status = status.to_string();
    let documented = &operation["responses"][&status];
    assert!(
        documented.is_object(),
        "{endpoint:?} answered {status}, which its contract does not document: {body}"
    );
    if documented["content"]["application/json"].is_null() {
        return;
    }
    static VALIDATORS: OnceLock<Validators> = OnceLock::new();
    let validators = VALIDATORS.get_or_init(Mutex::default);
    let mut validators = validators.lock().unwrap_or_else(|e| e.into_inner());
    let validator = validators
        .entry((format!("{endpoint:?}"), status.clone()))
        .or_insert_with(|| validator(operation, &status));
    if let Some(validator) = validator {
        let problems: Vec<String> = validator
            .iter_errors(body)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(
            problems.is_empty(),
            "{endpoint:?} answered {status} with a body its contract does not allow: {problems:?}\nbody: {body}"
        );
    }
}
