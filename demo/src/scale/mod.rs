//! A generated city for the scale benchmark (`make scale-data N=…`; docs/SCALE.md): N accounts
//! in the demo's shapes, on top of the demo data set, the same for the same seed.
//!
//! Per 100,000 accounts, as the plan's city scaled down: 60 % bound by an online customer, 24
//! months of bills (priced by the domain's tariff from the daily usage, written as R2 objects),
//! payments and ledger for all but the latest bill; two years of tickets in the demo's halls
//! (each day simulated on the queue engine, as the demo's four weeks are); 4,000 connection
//! projects with their steps and clock runs; 10,000 work orders and 20,000 applications of the
//! bound customers.
//!
//! The SQL goes to `out` one statement per line (scripts/scale-data.sh loads it in one
//! transaction); the usage objects and their `wrangler r2 bulk put` list go under `dir`.

mod activity;
mod bills;

use crate::billing::{ms, MONTHS};
use crate::data::halls;
use crate::projects::china_today;
use crate::sql::{password_hash, text};
use chrono::{Months, NaiveDate};
use domain::billing::accounts::Category;
use domain::billing::tariff::Plan;
use domain::wire::wire_name;
use std::io::{self, Write};
use std::path::Path;

/// Ids of generated rows start here, far above the demo's.
const FIRST_USER: u64 = 2_000_000;
const FIRST_BILL: i64 = 100_000_000;
const FIRST_PROJECT: u64 = 1_000_000;
/// Rows per INSERT statement (D1 takes statements up to 100 KB).
const CHUNK: usize = 300;
/// Days of ticket history.
const TICKET_DAYS: u64 = 730;

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// An index below `len`.
    fn index(&mut self, len: usize) -> usize {
        let n = u64::try_from(len).unwrap_or(u64::MAX);
        usize::try_from(self.below(n)).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }
}

const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰",
];
const STREETS: &[&str] = &[
    "星湖路",
    "江南大道",
    "高新大道",
    "滨江路",
    "文化路",
    "建设路",
];

struct GenAccount {
    number: String,
    user: Option<u64>,
    name: String,
    hall: &'static str,
    category: Category,
    plan: Plan,
}

/// Writes the city of `accounts` accounts for `seed`.
pub fn write(accounts: u64, seed: u64, dir: &Path, out: &mut impl Write) -> io::Result<()> {
    let mut rng = Rng(seed);
    let today = china_today();
    let hall_ids: Vec<&'static str> = halls().iter().map(|h| h.id).collect();
    let list = city(accounts, &hall_ids, &mut rng);
    write_people(out, &list, today)?;
    let objects = bills::write_billing(out, &list, today)?;
    crate::objects::write(dir, "usage.json", objects)?;
    activity::write_tickets(out, today, seed)?;
    let customers = list.iter().filter_map(|a| a.user).collect::<Vec<_>>();
    activity::write_projects(out, accounts / 25, &customers, &hall_ids, today, &mut rng)?;
    activity::write_cases(out, &list, today, &mut rng)
}

fn city(accounts: u64, hall_ids: &[&'static str], rng: &mut Rng) -> Vec<GenAccount> {
    let mut bound = 0;
    (0..accounts)
        .map(|i| {
            let user = (rng.below(100) < 60).then(|| {
                bound += 1;
                FIRST_USER + bound
            });
            let category = match rng.below(100) {
                0..=89 => Category::Residential,
                90..=97 => Category::Commercial,
                _ => Category::Industrial,
            };
            let district = rng.index(hall_ids.len());
            let hall = hall_ids[district];
            GenAccount {
                // The region (first four digits) is the hall's district: 3401, 3402, …
                number: format!("34{:02}{i:06}", district + 1),
                user,
                name: format!("{}{}", rng.pick(SURNAMES), rng.pick(GIVEN)),
                hall,
                category,
                plan: if rng.below(3) == 0 {
                    Plan::PeakValley
                } else {
                    Plan::Flat
                },
            }
        })
        .collect()
}

/// A generated customer's mobile, which is also their login.
fn phone(user: u64) -> String {
    format!("139{:08}", user - FIRST_USER)
}

/// Rows as one INSERT per `CHUNK`, one statement a line, for the city's database.
fn insert(out: &mut impl Write, head: &str, rows: &[String]) -> io::Result<()> {
    insert_into(out, "", head, rows)
}

/// Rows as `insert` does, each line led by `target` and a tab when it is not empty: the
/// billing database the lines go to (`BILLING_2`; scripts/load_sql.py).
fn insert_into(out: &mut impl Write, target: &str, head: &str, rows: &[String]) -> io::Result<()> {
    let lead = if target.is_empty() {
        String::new()
    } else {
        format!("{target}\t")
    };
    for chunk in rows.chunks(CHUNK) {
        writeln!(out, "{lead}{head} VALUES {};", chunk.join(","))?;
    }
    Ok(())
}

fn write_people(out: &mut impl Write, list: &[GenAccount], today: NaiveDate) -> io::Result<()> {
    let hash = text(&password_hash("scale", crate::data::DEMO_PASSWORD));
    let bound_at = ms(today - Months::new(MONTHS), 9);
    let mut users = Vec::new();
    let mut accounts = Vec::new();
    let mut bindings = Vec::new();
    for (i, a) in list.iter().enumerate() {
        accounts.push(format!(
            "({}, {}, {}, {}, {}, {}, 8)",
            text(&a.number),
            text(&a.name),
            text(&format!(
                "江城市{} {} 号",
                STREETS[i % STREETS.len()],
                i / STREETS.len() + 1
            )),
            text(&wire_name(&a.category)),
            text(a.hall),
            text(&wire_name(&a.plan)),
        ));
        if let Some(user) = a.user {
            let phone = phone(user);
            users.push(format!(
                "({user}, '{phone}', {}, 'customer', '{phone}', {hash}, {bound_at})",
                text(&a.name)
            ));
            bindings.push(format!("({user}, {}, {bound_at})", text(&a.number)));
        }
    }
    insert(
        out,
        "INSERT OR IGNORE INTO users (id, login, name, role, phone, password_hash, created_at)",
        &users,
    )?;
    insert(out, "INSERT OR IGNORE INTO utility_accounts (number, holder_name, address, category, hall_id, plan, capacity_kva)", &accounts)?;
    insert(
        out,
        "INSERT OR IGNORE INTO account_bindings (user_id, number, bound_at)",
        &bindings,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The accounts, people and bills of a small city, as SQL.
    fn small_city(seed: u64) -> Vec<u8> {
        let mut rng = Rng(seed);
        let today = china_today();
        let list = city(50, &["xinghu", "gaoxin"], &mut rng);
        let mut out = Vec::new();
        write_people(&mut out, &list, today).unwrap();
        bills::write_billing(&mut out, &list, today).unwrap();
        out
    }

    #[test]
    fn the_same_seed_makes_the_same_city_and_another_seed_another() {
        let sql = small_city(7);
        assert_eq!(sql, small_city(7));
        assert_ne!(sql, small_city(8));
        let text = String::from_utf8(sql).unwrap();
        assert!(
            text.contains("'3401000049'") || text.contains("'3402000049'"),
            "50 accounts"
        );
        assert!(
            text.contains("\nBILLING_1\tINSERT OR IGNORE INTO bills"),
            "bills of region 3401"
        );
        assert!(
            text.contains("\nBILLING_2\tINSERT OR IGNORE INTO bills"),
            "bills of region 3402"
        );
        assert!(
            text.lines().all(|l| l.len() < 100_000),
            "D1 takes statements up to 100 KB"
        );
    }
}
