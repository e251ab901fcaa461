//! Where an account's money history lives (docs/SCALE.md, "Per-region D1 databases"). Bills,
//! ledger and payments are kept in one of the billing databases (D1 bindings `BILLING_1`…), not
//! in the city's database: the region of a 户号, its first four digits (a district), names the
//! database. Every read of them is for one account, or runs database by database.
//!
//! Bill and payment ids are in URLs and in the gateway's notices, so an id names its database
//! too: it is `sequence × ID_STRIDE + database`. A database's next id is the next multiple of
//! the stride above its largest, plus its number (`next_id_sql`).

/// The regions and the billing database each one's accounts live in. A region moves to another
/// database only with its rows (and its ids stay, naming the old one), so a new database takes
/// new regions.
const REGIONS: &[(&str, u8)] = &[
    // 江城: 星湖 and 滨江 districts; 高新 district.
    ("3301", 1),
    ("3302", 2),
    // The generated city (make scale-data): one region per hall.
    ("3401", 1),
    ("3402", 2),
    ("3403", 1),
];

/// Where an account of a region not listed lives.
const DEFAULT: Database = Database(1);

/// The billing databases bound to the Worker, `BILLING_1` to `BILLING_{DATABASES}`.
pub const DATABASES: u8 = 2;

/// Ids of bills and payments step by this much, the rest naming their database.
pub const ID_STRIDE: i64 = 64;

/// One billing database, 1..=DATABASES.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Database(u8);

impl Database {
    /// Every billing database, for the runs that go through them all (bill notices).
    pub fn all() -> impl Iterator<Item = Database> {
        (1..=DATABASES).map(Database)
    }

    /// The database of account `number`.
    pub fn of_account(number: &str) -> Database {
        let region = number.get(..4).unwrap_or_default();
        REGIONS
            .iter()
            .find(|(prefix, _)| *prefix == region)
            .map_or(DEFAULT, |(_, n)| Database(*n))
    }

    /// The database holding the bill or payment `id`; none for an id no database gave out.
    pub fn of_id(id: i64) -> Option<Database> {
        let n = u8::try_from(id.checked_rem_euclid(ID_STRIDE)?).ok()?;
        (id > 0 && (1..=DATABASES).contains(&n)).then_some(Database(n))
    }

    /// The Worker's binding for it.
    pub fn binding(self) -> String {
        format!("BILLING_{}", self.0)
    }

    /// Its number, 1..=DATABASES.
    pub fn number(self) -> u8 {
        self.0
    }

    /// The id of the `sequence`th bill or payment in this database (demo data and generator).
    pub fn id(self, sequence: i64) -> i64 {
        sequence * ID_STRIDE + i64::from(self.0)
    }

    /// An SQL expression for the next id of `table` in this database: the next multiple of the
    /// stride above the largest id, plus the database's number. D1 runs a database's statements
    /// one at a time, so an insert using it cannot race another.
    pub fn next_id_sql(self, table: &str) -> String {
        format!(
            "((SELECT COALESCE(MAX(id), 0) FROM {table}) / {ID_STRIDE} + 1) * {ID_STRIDE} + {}",
            self.0
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_lives_in_its_regions_database() {
        assert_eq!(Database::of_account("3301000001").binding(), "BILLING_1");
        assert_eq!(Database::of_account("3302000009").binding(), "BILLING_2");
        assert_eq!(Database::of_account("9999000001"), DEFAULT);
        assert_eq!(Database::of_account("33"), DEFAULT);
        assert_eq!(Database::of_account("33é1"), DEFAULT);
    }

    #[test]
    fn every_region_names_a_bound_database() {
        for (prefix, n) in REGIONS {
            assert!((1..=DATABASES).contains(n), "{prefix} → {n}");
            assert_eq!(prefix.len(), 4);
        }
    }

    #[test]
    fn an_id_names_the_database_that_gave_it_out() {
        for db in Database::all() {
            for sequence in [1, 2, 1_000_000, i64::MAX / ID_STRIDE - 1] {
                assert_eq!(Database::of_id(db.id(sequence)), Some(db));
            }
        }
        assert_eq!(Database::of_id(ID_STRIDE), None);
        assert_eq!(Database::of_id(ID_STRIDE + 63), None);
        assert_eq!(Database::of_id(0), None);
        assert_eq!(Database::of_id(-ID_STRIDE + 1), None);
        assert_eq!(Database::of_id(i64::MIN), None);
    }
}
