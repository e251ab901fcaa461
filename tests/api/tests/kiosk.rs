//! A customer at the hall's paired kiosk: identify by 户号 and name or by a texted code, see
//! what an account owes, pay in the sandbox, open the receipt by its printed key, and "done".

use api_tests::sink::code_for;
use api_tests::{fresh_mobile, kiosk_token, monday, Client};
use domain::billing::payments::{Payment, PaymentDetail, PaymentStatus};
use domain::kiosk::{KioskAccount, KioskPayment, KioskVisit};
use domain::notify::inbox::Inbox;
use domain::service::applications::Application;
use serde_json::json;

/// The hall's own kiosk (a kiosk of its own per test process).
fn kiosk(at: &str) -> Client {
    Client::anonymous()
        .at(at)
        .with_header("x-device-token", &kiosk_token("gaoxin").expect("a kiosk"))
}

fn start(kiosk: &Client, body: serde_json::Value) -> api_tests::Reply {
    kiosk.post("/api/halls/gaoxin/kiosk/visits", &body)
}

/// The kiosk during one customer's visit.
fn during(at: &str, visit: &KioskVisit) -> Client {
    kiosk(at).with_header("x-kiosk-visit", &visit.token)
}

#[test]
fn a_customer_identified_by_account_and_name_pays_two_bills_and_opens_the_receipt() {
    let at = monday(12);
    let kiosk = kiosk(&at);
    start(
        &kiosk,
        json!({ "number": "3302000011", "holder_name": "吴永" }),
    )
    .assert_error(400, "validation");
    Client::anonymous()
        .at(&at)
        .post(
            "/api/halls/gaoxin/kiosk/visits",
            &json!({ "number": "3302000011", "holder_name": "吴永福" }),
        )
        .assert_error(403, "forbidden");
    let visit: KioskVisit = start(
        &kiosk,
        json!({ "number": "3302 000011", "holder_name": "吴 永福" }),
    )
    .assert_status(201)
    .json();
    assert_eq!(visit.accounts.len(), 1);
    assert_eq!(visit.accounts[0].unpaid_bills, 2);
    assert!(!visit.key_account);

    let at_kiosk = during(&at, &visit);
    let account: KioskAccount = at_kiosk
        .get("/api/kiosk/visit/accounts/3302000011")
        .assert_status(200)
        .json();
    assert_eq!(account.owed.len(), 2);
    assert!(account.owed[0].bill.period < account.owed[1].bill.period);
    assert!(account
        .owed
        .iter()
        .all(|b| b.charge.total_fen == b.bill.amount_fen));
    assert!((1..=12).contains(&account.months.len()));
    at_kiosk
        .get("/api/kiosk/visit/accounts/3302000009")
        .assert_error(404, "not_found");

    let ids: Vec<i64> = account.owed.iter().map(|b| b.bill.id).collect();
    let body =
        json!({ "account": "3302000011", "bill_ids": ids, "idempotency_key": "kiosk-pay-0001" });
    let paying: KioskPayment = at_kiosk
        .post("/api/kiosk/visit/payments", &body)
        .assert_status(201)
        .json();
    let again: KioskPayment = at_kiosk
        .post("/api/kiosk/visit/payments", &body)
        .assert_status(200)
        .json();
    assert_eq!(again, paying, "a retry is the same payment and receipt key");
    let total: i64 = account.owed.iter().map(|b| b.bill.amount_fen).sum();
    assert_eq!(paying.payment.amount_fen, total);

    let id = paying.payment.id;
    let paid: Payment = at_kiosk
        .post(
            &format!("/api/kiosk/visit/payments/{id}/sandbox"),
            &json!({ "decision": "confirm" }),
        )
        .assert_status(200)
        .json();
    assert_eq!(paid.status, PaymentStatus::Paid);
    let shown: PaymentDetail = at_kiosk
        .get(&format!("/api/kiosk/visit/payments/{id}"))
        .assert_status(200)
        .json();
    assert_eq!(shown.bills.len(), 2);

    // The receipt's QR code opens it anywhere, with its key and only with it.
    let anyone = Client::anonymous();
    let receipt: PaymentDetail = anyone
        .get(&format!("/api/receipts/{id}?key={}", paying.receipt_key))
        .assert_status(200)
        .json();
    assert_eq!(receipt.holder_name, "吴永福");
    assert!(receipt.payment.receipt_no.is_some());
    anyone
        .get(&format!(
            "/api/receipts/{id}?key=0{}",
            &paying.receipt_key[1..]
        ))
        .assert_error(404, "not_found");
    anyone
        .get(&format!("/api/receipts/{id}"))
        .assert_error(404, "not_found");

    let after: KioskAccount = at_kiosk
        .get("/api/kiosk/visit/accounts/3302000011")
        .assert_status(200)
        .json();
    assert!(after.owed.is_empty());

    at_kiosk.delete("/api/kiosk/visit").assert_status(200);
    let over = at_kiosk.get("/api/kiosk/visit/accounts/3302000011");
    over.assert_error(401, "unauthenticated");
    assert_eq!(over.body["error"]["reason"], "kiosk_visit_over");
}

#[test]
fn the_next_customer_or_a_revoked_kiosk_ends_a_visit() {
    let at = monday(12);
    let manager = Client::demo("manager.gaoxin");
    let created: serde_json::Value = manager
        .post(
            "/api/halls/gaoxin/displays",
            &json!({ "name": "临时自助机", "kind": "kiosk" }),
        )
        .assert_status(201)
        .json();
    let token = created["token"].as_str().expect("a token");
    let kiosk = Client::anonymous()
        .at(&at)
        .with_header("x-device-token", token);
    let who = json!({ "number": "3302000009", "holder_name": "周明" });
    let first: KioskVisit = start(&kiosk, who.clone()).assert_status(201).json();
    let second: KioskVisit = start(&kiosk, who).assert_status(201).json();
    during(&at, &first)
        .get("/api/kiosk/visit/accounts/3302000009")
        .assert_error(401, "unauthenticated");
    let at_kiosk = Client::anonymous()
        .at(&at)
        .with_header("x-kiosk-visit", &second.token);
    at_kiosk
        .get("/api/kiosk/visit/accounts/3302000009")
        .assert_status(200);

    let revoke = format!(
        "/api/halls/gaoxin/displays/{}/revoke",
        created["display"]["id"]
    );
    manager.post(&revoke, &json!({})).assert_status(200);
    at_kiosk
        .get("/api/kiosk/visit/accounts/3302000009")
        .assert_error(401, "unauthenticated");
}

/// The code texted to `phone`.
fn texted(phone: &str) -> String {
    code_for(&Client::anonymous(), phone)
}

#[test]
fn a_customer_identified_by_a_texted_code_sees_the_accounts_they_bound() {
    let at = monday(13);
    let kiosk = kiosk(&at);
    start(&kiosk, json!({ "phone": "13800138003", "code": "000000" }))
        .assert_error(400, "validation");
    let code = texted("13800138003");
    let visit: KioskVisit = start(&kiosk, json!({ "phone": "13800138003", "code": code }))
        .assert_status(201)
        .json();
    let numbers: Vec<&str> = visit.accounts.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(numbers, ["3302000004"]);
    // A code is used once.
    start(&kiosk, json!({ "phone": "13800138003", "code": code })).assert_error(400, "validation");

    let stranger = fresh_mobile();
    let code = texted(&stranger);
    let none = start(&kiosk, json!({ "phone": stranger, "code": code }));
    none.assert_error(404, "not_found");
    assert_eq!(none.body["error"]["reason"], "no_accounts_for_phone");
}

#[test]
fn a_key_account_at_the_kiosk_is_recognised() {
    let at = monday(13);
    let visit: KioskVisit = start(
        &kiosk(&at),
        json!({ "number": "3302000005", "holder_name": "江城精密制造有限公司" }),
    )
    .assert_status(201)
    .json();
    assert!(visit.key_account);
    let inbox: Inbox = Client::demo("staff.gaoxin.1")
        .get("/api/inbox")
        .assert_status(200)
        .json();
    let told = inbox
        .items
        .iter()
        .find(|i| i.title.zh == "大客户到厅")
        .expect("the account manager is told in the inbox");
    assert!(told
        .body
        .zh
        .contains("江城精密制造有限公司正在高新营业厅的自助机上"));
}

/// The first bytes of a JPEG, as the kiosk's camera gives one.
const JPEG: &[u8] = &[
    0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00,
];

#[test]
fn a_customer_identified_by_phone_files_a_transfer_with_photos_that_hall_staff_see() {
    let at = monday(14);
    let kiosk = Client::anonymous()
        .at(&at)
        .with_header("x-device-token", &kiosk_token("xinghu").expect("a kiosk"));
    let transfer = json!({ "kind": "rename_transfer", "account": "3301000002", "new_holder": "张小伟",
                           "id_number": "11010519491231002X", "phone": "13800138000" });

    // 户号 and name see bills, but an application needs a customer to send its progress to.
    let by_account: KioskVisit = kiosk
        .post(
            "/api/halls/xinghu/kiosk/visits",
            &json!({ "number": "3301000002", "holder_name": "张伟" }),
        )
        .assert_status(201)
        .json();
    let refused = during(&at, &by_account).post("/api/kiosk/visit/applications", &transfer);
    refused.assert_error(401, "unauthenticated");
    assert_eq!(refused.body["error"]["reason"], "phone_or_login");

    let code = texted("13800138001");
    let visit: KioskVisit = kiosk
        .post(
            "/api/halls/xinghu/kiosk/visits",
            &json!({ "phone": "13800138001", "code": code }),
        )
        .assert_status(201)
        .json();
    let at_kiosk = during(&at, &visit);
    let filed: Application = at_kiosk
        .post("/api/kiosk/visit/applications", &transfer)
        .assert_status(201)
        .json();
    assert_eq!(filed.customer_name, "张伟");
    let path = format!("/api/kiosk/visit/applications/{}/documents", filed.id);
    at_kiosk
        .upload(&path, "image/jpeg", JPEG)
        .assert_status(201);
    at_kiosk
        .upload(&path, "image/jpeg", JPEG)
        .assert_status(201);
    at_kiosk
        .upload(&path, "text/html", b"<html>")
        .assert_error(400, "validation");
    // Only the visit's customer's own applications take documents.
    at_kiosk
        .upload(
            &format!(
                "/api/kiosk/visit/applications/{}/documents",
                filed.id + 1_000_000
            ),
            "image/jpeg",
            JPEG,
        )
        .assert_error(404, "not_found");

    let board: Vec<Application> = Client::demo("staff.xinghu.2")
        .get("/api/applications")
        .assert_status(200)
        .json();
    let seen = board
        .iter()
        .find(|a| a.id == filed.id)
        .expect("the hall's staff see it");
    assert_eq!(seen.documents.len(), 2);
}
