//! A board's page (the project board, the work-order board): the urgent cases first, by the due
//! time of their running clock, then the others in their own order. Each part is a query that
//! reads an index in that order up to a page, and the page is chosen from those two short lists,
//! so a page reads about the rows it shows however many cases a hall or the city has.

/// Cases on one page of a board; a search or filter finds the others.
pub const PAGE: u32 = 50;

/// The SQL for the ids of a page of `page` cases: `urgent`, then `rest`. Each part selects
/// `id, k1, k2` in its order with its own `LIMIT`; a case in both parts (or twice in one) keeps
/// the place of its first row (SQLite gives the bare columns of a `MIN` query from that row).
pub fn ids(urgent: &str, rest: &str, page: u32) -> String {
    format!(
        "SELECT id FROM (SELECT id, MIN(part) AS part, k1, k2 FROM (\
         SELECT id, 0 AS part, k1, k2 FROM ({urgent}) UNION ALL SELECT id, 1, k1, k2 FROM ({rest})) \
         GROUP BY id) ORDER BY part, k1, k2 LIMIT {page}"
    )
}
