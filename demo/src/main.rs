//! Prints the SQL that loads Gridhall's demo data set. Loading it twice changes nothing:
//! reference data (halls, counters, firms) is upserted, people and notices are inserted once.
//!
//! Usage: `cargo run -p demo > demo.sql && wrangler d1 execute DB --local --file demo.sql`

mod billing;
mod data;
mod history;
mod projects;
mod sql;

fn main() {
    let mut out = String::new();
    data::write_all(&mut out);
    print!("{out}");
}
