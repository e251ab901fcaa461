//! Accounts, bills, usage and payments over HTTP: binding by number and holder name, every
//! read refused to those who did not bind the account, and a payment that charges once however
//! often it is sent or confirmed.

use api_tests::Client;
use domain::billing::accounts::UtilityAccount;
use domain::billing::bills::{Bill, BillDetail, BillStatus, Usage};
use domain::billing::payments::{signature, LedgerEntry, Payment, PaymentDetail, PaymentStatus};
use serde_json::json;

fn bind(client: &Client, number: &str, name: &str) -> api_tests::Reply {
    client.post(
        "/api/utility-accounts",
        &json!({ "number": number, "holder_name": name }),
    )
}

fn bills(client: &Client, number: &str) -> Vec<Bill> {
    client
        .get(&format!("/api/utility-accounts/{number}/bills"))
        .assert_status(200)
        .json()
}

fn account(client: &Client, number: &str) -> UtilityAccount {
    let list: Vec<UtilityAccount> = client
        .get("/api/utility-accounts")
        .assert_status(200)
        .json();
    list.into_iter()
        .find(|a| a.number == number)
        .expect("bound")
}

#[test]
fn an_account_binds_only_with_its_holders_name_and_unbinds() {
    let customer = Client::fresh_customer();
    bind(&customer, "3301000006", "王 芳 芳").assert_error(400, "validation");
    let unknown = bind(&customer, "3309999999", "王芳");
    unknown.assert_error(400, "validation");
    assert_eq!(
        unknown.body["error"]["message"],
        bind(&customer, "3301000006", "李四").body["error"]["message"],
        "a wrong name and an unknown number read the same"
    );
    bind(&customer, "33010", "王芳").assert_error(400, "validation");
    customer
        .raw("POST", "/api/utility-accounts", "{\"number\":".into())
        .assert_error(400, "invalid_json");
    customer
        .get("/api/utility-accounts/3301000006/bills")
        .assert_error(404, "not_found");

    let bound: UtilityAccount = bind(&customer, "3301 000 006", " 王芳 ")
        .assert_status(201)
        .json();
    assert_eq!(
        (bound.holder_name.as_str(), bound.hall_id.as_str()),
        ("王芳", "xinghu")
    );
    bind(&customer, "3301000006", "王芳").assert_error(409, "conflict");
    let family = Client::fresh_customer();
    bind(&family, "3301000006", "王芳").assert_status(201);

    customer
        .delete("/api/utility-accounts/3301000006")
        .assert_status(200);
    customer
        .get("/api/utility-accounts/3301000006/usage")
        .assert_error(404, "not_found");
    assert_eq!(
        bills(&family, "3301000006").len(),
        24,
        "the other binding stays"
    );
    customer
        .delete("/api/utility-accounts/3301000006")
        .assert_error(404, "not_found");
}

#[test]
fn only_customers_and_only_their_own_accounts() {
    Client::anonymous()
        .get("/api/utility-accounts")
        .assert_error(401, "unauthenticated");
    Client::demo("staff.xinghu.1")
        .get("/api/utility-accounts")
        .assert_error(403, "forbidden");
    let stranger = Client::fresh_customer();
    stranger
        .get("/api/utility-accounts/3301000001/ledger")
        .assert_error(404, "not_found");
    let owner = Client::demo("13800138001");
    let bill_id = bills(&owner, "3301000001")[0].id;
    stranger
        .get(&format!("/api/bills/{bill_id}"))
        .assert_error(404, "not_found");
    stranger
        .get("/api/bills/abc")
        .assert_error(404, "not_found");
}

#[test]
fn bills_break_down_by_the_tariff_and_usage_covers_two_years() {
    let owner = Client::demo("13800138001");
    let list = bills(&owner, "3301000001");
    assert_eq!(list.len(), 24);
    let detail: BillDetail = owner
        .get(&format!("/api/bills/{}", list[0].id))
        .assert_status(200)
        .json();
    let lines: i64 = detail.charge.lines.iter().map(|l| l.amount_li).sum();
    assert_eq!((lines + 5) / 10, detail.bill.amount_fen);
    assert_eq!(detail.charge.total_fen, detail.bill.amount_fen);

    let usage: Usage = owner
        .get("/api/utility-accounts/3301000001/usage")
        .assert_status(200)
        .json();
    assert_eq!(usage.months.len(), 24);
    assert_eq!(usage.period, list[0].period, "the latest month by default");
    let days_kwh: u32 = usage.days.iter().map(|d| d.peak_kwh + d.valley_kwh).sum();
    assert_eq!(days_kwh, list[0].kwh(), "the days add up to the bill");
    // The days come from one R2 object per account and year; every month, across the turn of
    // the year, reads its own days and they add up to its bill, peak and valley apart.
    for month in &usage.months {
        let of_month: Usage = owner
            .get(&format!(
                "/api/utility-accounts/3301000001/usage?period={}",
                month.period
            ))
            .assert_status(200)
            .json();
        assert!((28..=31).contains(&of_month.days.len()), "{}", month.period);
        assert!(of_month
            .days
            .iter()
            .all(|d| d.day.format("%Y-%m").to_string() == month.period));
        let peak: u32 = of_month.days.iter().map(|d| d.peak_kwh).sum();
        let valley: u32 = of_month.days.iter().map(|d| d.valley_kwh).sum();
        assert_eq!(
            (peak, valley),
            (month.peak_kwh, month.valley_kwh),
            "{}",
            month.period
        );
    }
    let before: Usage = owner
        .get("/api/utility-accounts/3301000001/usage?period=2001-02")
        .assert_status(200)
        .json();
    assert!(before.days.is_empty(), "no readings before the history");
    owner
        .get("/api/utility-accounts/3301000001/usage?period=2026-13")
        .assert_error(400, "validation");
}

fn pay(client: &Client, body: serde_json::Value) -> api_tests::Reply {
    client.post("/api/payments", &body)
}

#[test]
fn a_double_submitted_payment_charges_once() {
    let customer = Client::fresh_customer();
    bind(&customer, "3301000007", "刘建华").assert_status(201);
    let unpaid: Vec<Bill> = bills(&customer, "3301000007")
        .into_iter()
        .filter(|b| b.status == BillStatus::Unpaid)
        .collect();
    assert_eq!(unpaid.len(), 1);
    let before = account(&customer, "3301000007");
    let body = json!({ "account": "3301000007", "bill_ids": [unpaid[0].id], "top_up_fen": 1000, "idempotency_key": "e2e-double-1" });
    let first: Payment = pay(&customer, body.clone()).assert_status(201).json();
    let again: Payment = pay(&customer, body.clone()).assert_status(200).json();
    assert_eq!(first.id, again.id, "the same key is the same payment");
    assert_eq!(first.amount_fen, unpaid[0].amount_fen + 1000);
    assert_eq!(first.checkout_url, format!("/pay/{}", first.id));
    pay(&customer, json!({ "account": "3301000007", "bill_ids": [], "top_up_fen": 5, "idempotency_key": "e2e-double-1" }))
        .assert_error(409, "conflict");

    let path = format!("/api/payments/{}/sandbox", first.id);
    let paid: Payment = customer
        .post(&path, &json!({ "decision": "confirm" }))
        .assert_status(200)
        .json();
    assert_eq!(paid.status, PaymentStatus::Paid);
    assert!(paid
        .receipt_no
        .as_deref()
        .is_some_and(|r| r.starts_with("GH")));
    customer
        .post(&path, &json!({ "decision": "confirm" }))
        .assert_status(200);
    customer
        .post(&path, &json!({ "decision": "decline" }))
        .assert_error(409, "conflict");
    let after = account(&customer, "3301000007");
    assert_eq!(
        after.balance_fen,
        before.balance_fen + first.amount_fen,
        "credited once"
    );
    assert_eq!(
        (after.unpaid_bills, after.balance_fen),
        (0, 1000),
        "the top-up is left over"
    );
    let ledger: Vec<LedgerEntry> = customer
        .get("/api/utility-accounts/3301000007/ledger")
        .assert_status(200)
        .json();
    assert_eq!(
        ledger
            .iter()
            .filter(|e| e.reference == *paid.receipt_no.as_ref().unwrap())
            .count(),
        1
    );
    assert_eq!(ledger.last().unwrap().balance_fen, 1000);

    pay(&customer, json!({ "account": "3301000007", "bill_ids": [unpaid[0].id], "idempotency_key": "e2e-double-2" }))
        .assert_error(409, "conflict");
    let receipt: PaymentDetail = customer
        .get(&format!("/api/payments/{}", first.id))
        .assert_status(200)
        .json();
    assert_eq!(receipt.bills[0].status, BillStatus::Paid);
    assert_eq!(receipt.holder_name, "刘建华");
    Client::fresh_customer()
        .get(&format!("/api/payments/{}", first.id))
        .assert_error(404, "not_found");
}

#[test]
fn bad_payments_are_refused_and_store_nothing() {
    let customer = Client::fresh_customer();
    bind(&customer, "3301000006", "王芳").assert_status(201);
    let bad = [
        json!({ "account": "3301000006", "bill_ids": [], "idempotency_key": "e2e-bad-0001" }),
        json!({ "account": "3301000006", "top_up_fen": -100, "idempotency_key": "e2e-bad-0002" }),
        json!({ "account": "3301000006", "top_up_fen": 100, "idempotency_key": "short" }),
        json!({ "account": "3301000006", "bill_ids": [1, 1], "idempotency_key": "e2e-bad-0003" }),
        json!({ "account": "3301000006", "bill_ids": [1001], "idempotency_key": "e2e-bad-0004" }),
        json!({ "account": "3301000006", "top_up_fen": "ten", "idempotency_key": "e2e-bad-0005" }),
    ];
    for body in bad {
        pay(&customer, body.clone()).assert_error(400, "validation");
    }
    pay(
        &customer,
        json!({ "account": "3301000001", "top_up_fen": 100, "idempotency_key": "e2e-bad-0006" }),
    )
    .assert_error(404, "not_found");
    customer
        .post(
            "/api/payments/999999/sandbox",
            &json!({ "decision": "confirm" }),
        )
        .assert_error(404, "not_found");
    let payment: Payment = pay(
        &customer,
        json!({ "account": "3301000006", "top_up_fen": 100, "idempotency_key": "e2e-bad-0007" }),
    )
    .assert_status(201)
    .json();
    customer
        .post(
            &format!("/api/payments/{}/sandbox", payment.id),
            &json!({ "decision": "maybe" }),
        )
        .assert_error(400, "validation");
    let declined: Payment = customer
        .post(
            &format!("/api/payments/{}/sandbox", payment.id),
            &json!({ "decision": "decline" }),
        )
        .assert_status(200)
        .json();
    assert_eq!(declined.status, PaymentStatus::Declined);
    let ledger: Vec<LedgerEntry> = customer
        .get("/api/utility-accounts/3301000006/ledger")
        .assert_status(200)
        .json();
    assert!(
        ledger.iter().all(|e| e.amount_fen != 100),
        "nothing credited for a decline"
    );
}

#[test]
fn the_gateway_notice_must_carry_a_valid_signature() {
    let customer = Client::fresh_customer();
    bind(&customer, "3301000006", "王芳").assert_status(201);
    let payment: Payment = pay(
        &customer,
        json!({ "account": "3301000006", "top_up_fen": 2500, "idempotency_key": "e2e-gateway-1" }),
    )
    .assert_status(201)
    .json();
    let gateway = Client::anonymous();
    let body = json!({ "payment_id": payment.id, "decision": "confirm" }).to_string();
    gateway
        .post_signed("/api/payments/notify", &body, "00")
        .assert_error(400, "validation");
    let forged = signature("guessed-secret", body.as_bytes());
    gateway
        .post_signed("/api/payments/notify", &body, &forged)
        .assert_error(400, "validation");
    let not_json = "payment 1 paid";
    gateway
        .post_signed(
            "/api/payments/notify",
            not_json,
            &signature("test-gateway-secret", not_json.as_bytes()),
        )
        .assert_error(400, "validation");
    let signed = signature("test-gateway-secret", body.as_bytes());
    let paid: Payment = gateway
        .post_signed("/api/payments/notify", &body, &signed)
        .assert_status(200)
        .json();
    assert_eq!(paid.status, PaymentStatus::Paid);
    gateway
        .post_signed("/api/payments/notify", &body, &signed)
        .assert_status(200);
    let ledger: Vec<LedgerEntry> = customer
        .get("/api/utility-accounts/3301000006/ledger")
        .assert_status(200)
        .json();
    assert_eq!(
        ledger
            .iter()
            .filter(|e| Some(&e.reference) == paid.receipt_no.as_ref())
            .count(),
        1
    );
}

#[test]
fn accounts_of_two_regions_read_and_pay_from_their_own_billing_databases() {
    // 赵丽's account is in region 3301 (BILLING_1), 黄志强's in 3302 (BILLING_2).
    let customer = Client::fresh_customer();
    bind(&customer, "3301000008", "赵丽").assert_status(201);
    let bound: UtilityAccount = bind(&customer, "3302000004", "黄志强")
        .assert_status(201)
        .json();
    assert_eq!(bound.hall_id, "gaoxin");
    for number in ["3301000008", "3302000004"] {
        let list = bills(&customer, number);
        assert_eq!(list.len(), 24, "{number}: two years of bills");
        let unpaid: Vec<&Bill> = list
            .iter()
            .filter(|b| b.status == BillStatus::Unpaid)
            .collect();
        let figures = account(&customer, number);
        assert_eq!(figures.unpaid_bills as usize, unpaid.len(), "{number}");
        assert_eq!(
            figures.unpaid_fen,
            unpaid.iter().map(|b| b.amount_fen).sum::<i64>()
        );
        let detail: BillDetail = customer
            .get(&format!("/api/bills/{}", list[0].id))
            .assert_status(200)
            .json();
        assert_eq!(detail.bill.account, number);
    }

    let other_region = bills(&customer, "3301000008")[0].id;
    pay(&customer, json!({ "account": "3302000004", "bill_ids": [other_region], "idempotency_key": "e2e-region-0" }))
        .assert_error(400, "validation");
    let owed: Vec<Bill> = bills(&customer, "3302000004")
        .into_iter()
        .filter(|b| b.status == BillStatus::Unpaid)
        .collect();
    let ids: Vec<i64> = owed.iter().map(|b| b.id).collect();
    let payment: Payment = pay(
        &customer,
        json!({ "account": "3302000004", "bill_ids": ids, "idempotency_key": "e2e-region-1" }),
    )
    .assert_status(201)
    .json();
    customer
        .post(
            &format!("/api/payments/{}/sandbox", payment.id),
            &json!({ "decision": "confirm" }),
        )
        .assert_status(200);
    let receipt: PaymentDetail = customer
        .get(&format!("/api/payments/{}", payment.id))
        .assert_status(200)
        .json();
    assert_eq!(receipt.holder_name, "黄志强");
    assert!(receipt.bills.iter().all(|b| b.status == BillStatus::Paid));
    assert_eq!(account(&customer, "3302000004").unpaid_bills, 0);
    let ledger: Vec<LedgerEntry> = customer
        .get("/api/utility-accounts/3302000004/ledger")
        .assert_status(200)
        .json();
    assert_eq!(
        ledger.last().map(|e| e.reference.clone()),
        receipt.payment.receipt_no
    );
    assert!(
        account(&customer, "3301000008").unpaid_bills >= 1,
        "the other region's account still owes"
    );
}
