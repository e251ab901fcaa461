//! Two years of metering for every demo account: daily peak and valley kWh (objects for R2), a bill per month
//! priced by the domain's tariff, and payments for all but the latest bills, so the usage
//! charts, the ledger and the arrears reminder all have something to show. Past bills count as
//! paid at a counter (no online payer: user 0). Dated back from the month the demo is loaded in.
//! Bills, ledger and payments go to each account's billing database (`demo billing N`), the
//! bindings to the city's.

use crate::data::{Account, UTILITY_ACCOUNTS};
use crate::projects::{china_today, SOLAR_ACCOUNT, SOLAR_KVA, SOLAR_MONTHS};
use crate::sql::text;
use chrono::{Datelike, Months, NaiveDate, NaiveTime};
use domain::billing::accounts::Category;
use domain::billing::bills::{issue, DayUsage, DAYS_TO_PAY};
use domain::billing::payments::receipt_number;
use domain::billing::regions::Database;
use domain::billing::tariff::Plan;
use domain::billing::usage_year;
use domain::projects::solar::typical_feed_in_kwh;
use domain::wire::from_wire_name;
use std::fmt::Write;

pub const MONTHS: u32 = 24;

/// A repeatable number in 0..1000 for a day of an account.
fn noise(number: &str, day: NaiveDate) -> u32 {
    let seed = number.bytes().fold(day.num_days_from_ce() as u32, |h, b| {
        h.wrapping_mul(31).wrapping_add(b as u32)
    });
    seed.wrapping_mul(2_654_435_761) % 1000
}

/// The day's (peak, valley) kWh: more in summer and winter, less on a business's weekend.
pub fn day_use(number: &str, category: Category, day: NaiveDate) -> (u32, u32) {
    let base = match category {
        Category::Residential => 9,
        Category::Commercial => 60,
        Category::Industrial => 900,
    };
    let season = match day.month() {
        7 | 8 => 16,
        1 | 2 | 12 => 14,
        6 | 9 => 12,
        _ => 10,
    };
    let weekend = day.weekday().number_from_monday() > 5;
    let business_rest = category != Category::Residential && weekend;
    let spread = 80 + noise(number, day) * 40 / 1000; // 80..120 %
    let total = base * season * spread / 1000 / if business_rest { 3 } else { 1 };
    let valley_share = if category == Category::Residential {
        35
    } else {
        25
    };
    let valley = total * valley_share / 100;
    (total - valley, valley)
}

pub fn ms(day: NaiveDate, hh: u32) -> i64 {
    let utc = day.and_time(NaiveTime::from_hms_opt(hh, 0, 0).unwrap_or_default())
        - chrono::Duration::hours(8);
    utc.and_utc().timestamp_millis()
}

/// The billed months' daily use of every demo account, as the objects the Worker reads
/// (`domain::billing::usage_year`): (key, bytes), one per account and year.
pub fn usage_objects() -> Vec<(String, Vec<u8>)> {
    let this_month = china_today().with_day(1).unwrap_or_default();
    UTILITY_ACCOUNTS
        .iter()
        .flat_map(|a| {
            let category: Category = from_wire_name(a.category).unwrap_or(Category::Residential);
            account_usage(a.number, category, this_month).1
        })
        .collect()
}

/// An account's days of the `MONTHS` months before `this_month`, and the same as its objects
/// for R2 (key, bytes), one per year.
pub fn account_usage(
    number: &str,
    category: Category,
    this_month: NaiveDate,
) -> (Vec<DayUsage>, Vec<(String, Vec<u8>)>) {
    let first = this_month - Months::new(MONTHS);
    let days: Vec<DayUsage> = first
        .iter_days()
        .take_while(|d| *d < this_month)
        .map(|day| {
            let (peak_kwh, valley_kwh) = day_use(number, category, day);
            DayUsage {
                day,
                peak_kwh,
                valley_kwh,
            }
        })
        .collect();
    let objects = (first.year()..=this_month.year())
        .map(|year| {
            (
                usage_year::key(number, year),
                usage_year::encode(year, &days),
            )
        })
        .filter(|(_, bytes)| !bytes.is_empty())
        .collect();
    (days, objects)
}

/// The demo's bindings (the city's database).
pub fn write_bindings(out: &mut String) {
    let this_month = china_today().with_day(1).unwrap_or_default();
    for a in UTILITY_ACCOUNTS {
        if let Some(login) = a.login {
            let _ = writeln!(
                out,
                "INSERT OR IGNORE INTO account_bindings (user_id, number, bound_at) \
                 SELECT id, {}, {} FROM users WHERE login = {};",
                text(a.number),
                ms(this_month - Months::new(MONTHS), 9),
                text(login)
            );
        }
    }
}

/// The bills, ledger and payments of the accounts living in billing database `database`, and
/// its name (`billing_database`).
pub fn write_billing(out: &mut String, database: Database) {
    let _ = writeln!(
        out,
        "INSERT INTO billing_database (binding) SELECT {0} WHERE NOT EXISTS (SELECT 1 FROM billing_database);",
        text(&database.binding())
    );
    let this_month = china_today().with_day(1).unwrap_or_default();
    for (index, a) in (1i64..).zip(UTILITY_ACCOUNTS) {
        if Database::of_account(a.number) != database {
            continue;
        }
        let category: Category = from_wire_name(a.category).unwrap_or(Category::Residential);
        let plan: Plan = from_wire_name(a.plan).unwrap_or(Plan::Flat);
        for back in (1..=MONTHS).rev() {
            let first = this_month - Months::new(back);
            let id = database.id(index * 1000 + i64::from(MONTHS - back));
            write_month(out, a, category, plan, first, id, back);
        }
    }
}

/// Bills of the last month stay unpaid; 张伟's home, 孙桂兰 and 吴永福 (who pay at the kiosk)
/// also owe the month before (overdue).
fn unpaid(a: &Account, back: u32) -> bool {
    back == 1 || (back == 2 && ["3301000001", "3301000010", "3302000011"].contains(&a.number))
}

fn write_month(
    out: &mut String,
    a: &Account,
    category: Category,
    plan: Plan,
    first: NaiveDate,
    id: i64,
    back: u32,
) {
    let next = first + Months::new(1);
    let (mut peak, mut valley) = (0, 0);
    for day in first.iter_days().take_while(|d| *d < next) {
        let (p, v) = day_use(a.number, category, day);
        peak += p;
        valley += v;
    }
    let amount = issue(category, plan, peak, valley);
    // The connected rooftop PV feeds in from its first whole month on the grid.
    let feed_in = if a.number == SOLAR_ACCOUNT && back < SOLAR_MONTHS {
        typical_feed_in_kwh(SOLAR_KVA, first.month())
    } else {
        0
    };
    let due = next + chrono::Duration::days(DAYS_TO_PAY);
    let period = first.format("%Y-%m").to_string();
    let paid = !unpaid(a, back);
    let _ = writeln!(
        out,
        "INSERT OR IGNORE INTO bills (id, number, period, peak_kwh, valley_kwh, plan, amount_fen, issued_on, due_on, payment_id, feed_in_kwh) \
         VALUES ({id}, {}, '{period}', {peak}, {valley}, {}, {amount}, '{next}', '{due}', {}, {feed_in});",
        text(a.number),
        text(a.plan),
        if paid { id.to_string() } else { "NULL".into() }
    );
    let _ = writeln!(
        out,
        "INSERT OR IGNORE INTO ledger (number, at, kind, amount_fen, reference, bill_id) VALUES ({}, {}, 'bill', {}, '{period}', {id});",
        text(a.number),
        ms(next, 8),
        -amount
    );
    if paid {
        let paid_on = next + chrono::Duration::days(5);
        let receipt = receipt_number(paid_on, id);
        let at = ms(paid_on, 10);
        let _ = writeln!(
            out,
            "INSERT OR IGNORE INTO payments (id, user_id, number, bill_ids_json, top_up_fen, amount_fen, status, provider, idempotency_key, created_at, settled_at, receipt_no) \
             VALUES ({id}, 0, {}, '[{id}]', 0, {amount}, 'paid', 'counter', 'demo-{id}', {at}, {at}, '{receipt}');",
            text(a.number)
        );
        let _ = writeln!(
            out,
            "INSERT OR IGNORE INTO ledger (number, at, kind, amount_fen, reference, payment_id) VALUES ({}, {at}, 'payment', {amount}, '{receipt}', {id});",
            text(a.number)
        );
    }
}
