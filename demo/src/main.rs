//! Prints the SQL that loads Gridhall's demo data set. Loading it twice changes nothing:
//! everything is inserted once, so what managers and the administrator changed in the console
//! (hall details, counters, firms) stays. (A counter taken away comes back on the next load.)
//!
//! Usage: `cargo run -p demo > demo.sql && wrangler d1 execute DB --local --file demo.sql`;
//! `cargo run -p demo -- billing N` prints the bills, ledger and payments for billing database
//! N (`BILLING_N`, domain::billing::regions);
//! `cargo run -p demo -- usage DIR` writes the daily usage objects for R2 under `DIR` and the
//! list `DIR/usage.json` for `wrangler r2 bulk put` (scripts/db.sh does both);
//! `cargo run -p demo -- scale N SEED DIR` prints a generated city of N accounts (scale.rs,
//! scripts/scale-data.sh).

use domain::billing::regions::{Database, DATABASES};

mod billing;
mod data;
mod history;
mod objects;
mod projects;
mod scale;
mod sql;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => {
            let mut out = String::new();
            data::write_all(&mut out);
            print!("{out}");
            Ok(())
        }
        [mode, n] if mode == "billing" => {
            let Some(database) = Database::all().find(|d| d.number().to_string() == *n) else {
                eprintln!("demo billing N: N is a billing database, 1 to {DATABASES}");
                std::process::exit(2)
            };
            let mut out = String::new();
            billing::write_billing(&mut out, database);
            print!("{out}");
            Ok(())
        }
        [mode, dir] if mode == "usage" => objects::write(
            std::path::Path::new(dir),
            "usage.json",
            billing::usage_objects(),
        ),
        [mode, accounts, seed, dir] if mode == "scale" => {
            let (Ok(accounts), Ok(seed)) = (accounts.parse(), seed.parse()) else {
                eprintln!("demo scale N SEED DIR: N and SEED are whole numbers");
                std::process::exit(2)
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            scale::write(accounts, seed, std::path::Path::new(dir), &mut out)?;
            std::io::Write::flush(&mut out)
        }
        _ => {
            eprintln!("usage: demo                   (prints the SQL of the city's database)\n       demo billing N         (prints the SQL of billing database N)\n       demo usage DIR         (writes the usage objects and DIR/usage.json)\n       demo scale N SEED DIR  (prints a generated city's SQL, writes its usage objects)");
            std::process::exit(2)
        }
    }
}
