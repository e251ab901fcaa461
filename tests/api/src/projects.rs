//! Connection projects as the tests drive them: apply, read, upload, act.

use crate::Client;
use domain::projects::bodies::{ProjectDetail, ProjectDocument, ProjectSummary};
use domain::projects::process::Action;
use domain::wire::wire_name;
use serde_json::json;

/// The smallest file the upload check takes as a PDF.
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/// A gaoxin new connection of 400 kVA applied for by `customer`.
pub fn apply(customer: &Client, title: &str) -> ProjectDetail {
    customer
        .post(
            "/api/projects",
            &json!({ "title": title, "address": "江城市高新区创新路 18 号 6 幢", "hall_id": "gaoxin",
                     "kind": "new_connection", "capacity_kva": 400 }),
        )
        .assert_status(201)
        .json()
}

pub fn detail(client: &Client, id: i64) -> ProjectDetail {
    client
        .get(&format!("/api/projects/{id}"))
        .assert_status(200)
        .json()
}

pub fn upload(client: &Client, id: i64, kind: &str) -> ProjectDocument {
    client
        .upload(
            &format!("/api/projects/{id}/documents?kind={kind}"),
            "application/pdf",
            PDF,
        )
        .assert_status(201)
        .json()
}

/// Takes `action` as `who`, uploading a PDF for each document its gate asks for (as the API
/// offers it), with `firms` chosen and a reason.
pub fn act(who: &Client, id: i64, action: Action, firms: &[i64]) -> ProjectDetail {
    let offered = detail(who, id);
    let option = offered
        .actions
        .iter()
        .find(|o| o.action == action)
        .unwrap_or_else(|| panic!("{action:?} is not offered: {:?}", offered.actions));
    let documents: Vec<i64> = option
        .documents
        .iter()
        .map(|k| upload(who, id, &wire_name(k)).id)
        .collect();
    who.post(
        &format!("/api/projects/{id}/actions"),
        &json!({ "action": action, "documents": documents, "firms": firms,
                 "comment": "图纸计量方式与方案不一致，请修改" }),
    )
    .assert_status(200)
    .json()
}

/// Asserts that `login` finds project `id` in its list and may open it exactly when `sees`
/// (403 otherwise).
#[track_caller]
pub fn assert_sees(login: &str, id: i64, sees: bool) {
    let client = Client::demo(login);
    let listed: Vec<ProjectSummary> = client.get("/api/projects").assert_status(200).json();
    assert_eq!(listed.iter().any(|s| s.id == id), sees, "{login} list");
    let reply = client.get(&format!("/api/projects/{id}"));
    if sees {
        reply.assert_status(200);
    } else {
        reply.assert_error(403, "forbidden");
    }
}
