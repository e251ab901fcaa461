//! The generated accounts' bills, payments and ledger, and their daily usage as R2 objects.

use super::{insert_into, GenAccount, FIRST_BILL};
use crate::billing::{account_usage, ms, MONTHS};
use crate::sql::text;
use chrono::{Datelike, Months, NaiveDate};
use domain::billing::bills::{issue, DAYS_TO_PAY};
use domain::billing::payments::receipt_number;
use domain::billing::regions::Database;
use domain::wire::wire_name;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// A billing database's rows, as SQL value lists.
#[derive(Default)]
struct Rows {
    bills: Vec<String>,
    payments: Vec<String>,
    ledger: Vec<String>,
}

/// Bills, payments and ledger as the demo's (billing.rs), each account's in its billing
/// database; the usage objects returned.
pub fn write_billing(
    out: &mut impl Write,
    list: &[GenAccount],
    today: NaiveDate,
) -> io::Result<Vec<(String, Vec<u8>)>> {
    let this_month = today.with_day(1).unwrap_or(today);
    let mut rows: BTreeMap<Database, Rows> = BTreeMap::new();
    let mut objects = Vec::new();
    for (index, a) in (0i64..).zip(list) {
        let (days, account_objects) = account_usage(&a.number, a.category, this_month);
        objects.extend(account_objects);
        let database = Database::of_account(&a.number);
        let Rows {
            bills,
            payments,
            ledger,
        } = rows.entry(database).or_default();
        for back in (1..=MONTHS).rev() {
            let start = this_month - Months::new(back);
            let next = start + Months::new(1);
            let (peak, valley) = days
                .iter()
                .filter(|d| d.day >= start && d.day < next)
                .fold((0, 0), |(p, v), d| (p + d.peak_kwh, v + d.valley_kwh));
            let id = database.id(FIRST_BILL + index * 100 + i64::from(MONTHS - back));
            let amount = issue(a.category, a.plan, peak, valley);
            let due = next + chrono::Duration::days(DAYS_TO_PAY);
            let period = start.format("%Y-%m");
            let paid = back > 1;
            let number = text(&a.number);
            bills.push(format!(
                "({id}, {number}, '{period}', {peak}, {valley}, {}, {amount}, '{next}', '{due}', {})",
                text(&wire_name(&a.plan)),
                if paid { id.to_string() } else { "NULL".into() }
            ));
            ledger.push(format!(
                "({number}, {}, 'bill', {}, '{period}', {id}, NULL)",
                ms(next, 8),
                -amount
            ));
            if paid {
                let paid_on = next + chrono::Duration::days(5);
                let at = ms(paid_on, 10);
                let receipt = receipt_number(paid_on, id);
                let payer = a.user.unwrap_or(0);
                payments.push(format!(
                    "({id}, {payer}, {number}, '[{id}]', 0, {amount}, 'paid', 'counter', 'scale-{id}', {at}, {at}, '{receipt}')"
                ));
                ledger.push(format!(
                    "({number}, {at}, 'payment', {amount}, '{receipt}', NULL, {id})"
                ));
            }
        }
    }
    for (database, rows) in rows {
        let target = database.binding();
        insert_into(out, &target, "INSERT OR IGNORE INTO bills (id, number, period, peak_kwh, valley_kwh, plan, amount_fen, issued_on, due_on, payment_id)", &rows.bills)?;
        insert_into(out, &target, "INSERT OR IGNORE INTO payments (id, user_id, number, bill_ids_json, top_up_fen, amount_fen, status, provider, idempotency_key, created_at, settled_at, receipt_no)", &rows.payments)?;
        insert_into(
            out,
            &target,
            "INSERT INTO ledger (number, at, kind, amount_fen, reference, bill_id, payment_id)",
            &rows.ledger,
        )?;
    }
    Ok(objects)
}
