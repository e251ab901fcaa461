//! Prints the SQL that loads Gridhall's demo data set. Loading it twice changes nothing:
//! everything is inserted once, so what managers and the administrator changed in the console
//! (hall details, counters, firms) stays. (A counter taken away comes back on the next load.)
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
