"""Every SQL statement the Worker ran during the tests, checked with EXPLAIN QUERY PLAN against
the migrated schema it ran on (the city's database or a billing database): a full scan of a table that grows with the city fails, unless the
statement is on the allow list (tests/query_plans_allowed.txt) with its reason.

The test server runs with QUERY_LOG=1, so the Worker logs each statement once per isolate as
`[sql city] "…"` or `[sql billing] "…"` (functions/src/db.rs); this reads them from the
server's log.
Usage: python3 tests/query_plans.py WRANGLER_LOG
"""

import json
import pathlib
import re
import sqlite3
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Tables whose size does not grow with the number of accounts, tickets or cases: one row per
# hall, counter, firm, reference rule or published item a manager writes by hand.
FIXED_SIZE = {
    "halls", "counters", "hall_business", "hall_special_days", "firms", "department_heads",
    "work_order_terms", "display_tokens", "notices", "posters", "outages",
    # One row per hall, clock and firm: the totals of finished project clocks (migration 0027).
    "clock_totals",
}


# Each schema's migrations: the city's database and every billing database (the Worker logs
# which one a statement ran on).
SCHEMAS = {"city": "migrations", "billing": "migrations-billing"}


def schema(folder: str) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    for migration in sorted((ROOT / folder).glob("*.sql")):
        db.executescript(migration.read_text())
    return db


def statements(log: pathlib.Path) -> list[tuple[str, str]]:
    """(schema, statement) in the order first seen."""
    seen = []
    for line in log.read_text(errors="replace").splitlines():
        line = re.sub(r"\x1b\[[0-9;]*m", "", line)  # wrangler colours its warnings
        match = re.search(r'\[sql (\w+)\] (".*")\s*$', line)
        if match:
            found = (match.group(1), json.loads(match.group(2)))
            if found not in seen:
                seen.append(found)
    return seen


def allowed() -> list[tuple[str, str, str]]:
    """(table, a piece of the statement, reason) per line: `table | piece | reason`."""
    out = []
    for line in (ROOT / "tests" / "query_plans_allowed.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            table, piece, reason = (part.strip() for part in line.split("|", 2))
            out.append((table, piece, reason))
    return out


def plan(db: sqlite3.Connection, sql: str) -> list[str]:
    explain = "EXPLAIN QUERY PLAN " + sql
    try:
        rows = db.execute(explain).fetchall()
    except sqlite3.ProgrammingError as e:
        wanted = re.search(r"uses (\d+)", str(e))
        if not wanted:
            raise
        rows = db.execute(explain, [None] * int(wanted.group(1))).fetchall()
    return [row[3] for row in rows]


KEYWORDS = {"where", "join", "left", "inner", "cross", "on", "using", "group", "order", "limit",
            "set", "values", "union", "select", "as", "natural", "outer"}


def aliases(sql: str) -> dict[str, str]:
    """Each name a table goes by in the statement (its own and its alias) → the table."""
    out = {}
    for table, alias in re.findall(r"(?:FROM|JOIN|UPDATE|INTO)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", sql, re.I):
        out[table] = table
        if alias and alias.lower() not in KEYWORDS:
            out[alias] = table
    return out


def partial_indexes(db: sqlite3.Connection) -> set[str]:
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    return {name for name, sql in rows if " WHERE " in sql.upper()}


def full_scans(sql: str, details: list[str], partial: set[str]) -> set[str]:
    """Tables read whole: `SCAN t` (also through a covering index: still every row; through a
    partial index only the rows it holds). SQLite names a table by its alias; a constant row, a
    JSON list or a subquery's rows (`MATERIALIZE t`, `CO-ROUTINE t`: their own reads are lines
    of the plan too) is no table."""
    names = aliases(sql)
    results = {m.group(1) for d in details if (m := re.match(r"(?:MATERIALIZE|CO-ROUTINE) (\w+)", d))}
    out = set()
    for detail in details:
        match = re.match(r"SCAN (\w+)\b(?! VIRTUAL)", detail)
        if not match or match.group(1) == "CONSTANT" or match.group(1) in results:
            continue
        through = re.search(r"USING (?:COVERING )?INDEX (\w+)", detail)
        if through and through.group(1) in partial:
            continue
        table = names.get(match.group(1), match.group(1))
        if table not in FIXED_SIZE:
            out.add(table)
    return out


PAGE = 500


def bounded(sql: str, details: list[str]) -> bool:
    """A newest-first or alphabetical page of a whole table (no WHERE, a LIMIT of at most PAGE
    rows, the order given by the scan itself) reads only the rows it returns."""
    limit = re.search(r"\bLIMIT\s+(\d+)", sql, re.I)
    # `WHERE 1 = 1` is the city-wide viewer's "no condition" (service::listed).
    unconditioned = re.sub(r"\bWHERE\s+1\s*=\s*1\s+(?=ORDER\b)", "", sql, flags=re.I)
    return (limit is not None and int(limit.group(1)) <= PAGE
            and re.search(r"\bWHERE\b", unconditioned, re.I) is None
            and not any("TEMP B-TREE" in d for d in details))


def main() -> int:
    log = pathlib.Path(sys.argv[1])
    dbs = {name: schema(folder) for name, folder in SCHEMAS.items()}
    rules = allowed()
    used_rules = set()
    partial = set().union(*(partial_indexes(db) for db in dbs.values()))
    found = statements(log)
    problems = []
    for name, sql in found:
        if not re.match(r"\s*(SELECT|WITH|UPDATE|DELETE|INSERT)", sql, re.I):
            continue
        if name not in dbs:
            problems.append(f"ran on a schema this test does not know ({name}):\n    {sql}")
            continue
        try:
            details = plan(dbs[name], sql)
        except sqlite3.Error as e:
            problems.append(f"does not prepare against the migrated {name} schema ({e}):\n    {sql}")
            continue
        if bounded(sql, details):
            continue
        for table in sorted(full_scans(sql, details, partial)):
            rule = next((r for r in rules if r[0] == table and r[1] in sql), None)
            if rule:
                used_rules.add(rule)
            else:
                problems.append(f"reads all of {table}:\n    {sql}\n    plan: {details}")
    for name in SCHEMAS:
        if not any(ran_on == name for ran_on, _ in found):
            problems.append(f"no statement ran on the {name} schema: is the log the test server's?")
    for rule in rules:
        if rule not in used_rules:
            print(f"[query plans] note: allowed scan not seen in this run: {rule[0]} | {rule[1]}")
    print(f"[query plans] {len(found)} statements checked, {len(problems)} problems")
    for problem in problems:
        print("  - " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
