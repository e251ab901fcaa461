use super::*;
use crate::billing::tariff::Plan;

fn input(bills: &[i64], top_up: i64) -> PayInput {
    PayInput {
        account: "3301000001".into(),
        bill_ids: bills.to_vec(),
        top_up_fen: top_up,
        idempotency_key: "pay-2026-abcdef".into(),
    }
}

fn bill(id: i64, account: &str, amount: i64, status: BillStatus) -> Bill {
    Bill {
        id,
        account: account.into(),
        period: "2026-10".into(),
        peak_kwh: 100,
        valley_kwh: 0,
        plan: Plan::Flat,
        amount_fen: amount,
        issued_on: "2026-11-01".parse().unwrap(),
        due_on: "2026-11-16".parse().unwrap(),
        status,
        payment_id: None,
    }
}

#[test]
fn a_payment_needs_a_key_and_something_to_pay() {
    let field = |i: PayInput| i.checked().unwrap_err().field.unwrap();
    assert_eq!(field(input(&[], 0)), "bill_ids");
    assert_eq!(field(input(&[1, 1], 0)), "bill_ids");
    assert_eq!(field(input(&[], -1)), "top_up_fen");
    assert_eq!(field(input(&[], MAX_TOP_UP_FEN + 1)), "top_up_fen");
    let mut short = input(&[1], 0);
    short.idempotency_key = "abc".into();
    assert_eq!(field(short), "idempotency_key");
    let mut odd = input(&[1], 0);
    odd.idempotency_key = "key with spaces!".into();
    assert_eq!(field(odd), "idempotency_key");
    assert_eq!(input(&[3, 1, 2], 0).checked().unwrap().bill_ids, [1, 2, 3]);
    assert!(input(&[], 5000).checked().is_ok(), "a top-up alone");
}

#[test]
fn the_amount_is_the_bills_and_the_top_up_of_one_account() {
    let i = input(&[1, 2], 1000).checked().unwrap();
    let bills = [
        bill(1, "3301000001", 10_760, BillStatus::Unpaid),
        bill(2, "3301000001", 14_030, BillStatus::Unpaid),
    ];
    assert_eq!(i.amount(&bills).unwrap(), 25_790);
    let foreign = [
        bill(1, "3301000001", 1, BillStatus::Unpaid),
        bill(2, "3302000009", 1, BillStatus::Unpaid),
    ];
    assert_eq!(
        i.amount(&foreign).unwrap_err().field.as_deref(),
        Some("bill_ids")
    );
    assert_eq!(
        i.amount(&bills[..1]).unwrap_err().field.as_deref(),
        Some("bill_ids")
    );
    let paid = [
        bill(1, "3301000001", 1, BillStatus::Unpaid),
        bill(2, "3301000001", 1, BillStatus::Paid),
    ];
    assert_eq!(i.amount(&paid).unwrap_err().status(), 409);
}

#[test]
fn a_repeated_decision_changes_nothing_and_a_contrary_one_is_refused() {
    use Decision::*;
    use PaymentStatus::*;
    assert_eq!(Pending.settle(Confirm).unwrap(), Some(Paid));
    assert_eq!(Pending.settle(Decline).unwrap(), Some(Declined));
    assert_eq!(Paid.settle(Confirm).unwrap(), None);
    assert_eq!(Declined.settle(Decline).unwrap(), None);
    assert_eq!(Paid.settle(Decline).unwrap_err().status(), 409);
    assert_eq!(Declined.settle(Confirm).unwrap_err().status(), 409);
}

#[test]
fn a_retry_is_the_same_request_whatever_the_order_of_its_bills() {
    let first = input(&[2, 1], 0).checked().unwrap();
    let payment = Payment {
        id: 7,
        account: first.account.clone(),
        bill_ids: first.bill_ids.clone(),
        top_up_fen: 0,
        amount_fen: 100,
        status: PaymentStatus::Pending,
        provider: "sandbox".into(),
        checkout_url: "/pay/7".into(),
        created_at: 0,
        settled_at: None,
        receipt_no: None,
    };
    assert!(payment.same_request(&input(&[1, 2], 0).checked().unwrap()));
    assert!(!payment.same_request(&input(&[1], 0).checked().unwrap()));
    assert!(!payment.same_request(&input(&[1, 2], 5).checked().unwrap()));
}

#[test]
fn receipts_and_signatures_have_fixed_forms() {
    let day: NaiveDate = "2026-11-22".parse().unwrap();
    assert_eq!(receipt_number(day, 42), "GH20261122-000042");
    // RFC 4231 test case 2.
    assert_eq!(
        signature("Jefe", b"what do ya want for nothing?"),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}

#[test]
fn the_ledger_runs_a_balance() {
    let entry = |amount| LedgerEntry {
        at: 0,
        kind: if amount < 0 {
            EntryKind::Bill
        } else {
            EntryKind::Payment
        },
        amount_fen: amount,
        reference: String::new(),
        balance_fen: 0,
    };
    let balances: Vec<i64> = running_balance(vec![entry(-100), entry(-50), entry(200)])
        .iter()
        .map(|e| e.balance_fen)
        .collect();
    assert_eq!(balances, [-100, -150, 50]);
}
