#!/usr/bin/env python3
"""Loads SQL statements (one a line, from stdin) into the local D1 databases of a wrangler
state folder, each database in one transaction: the scale generator's millions of rows in a
minute, where `wrangler d1 execute --file` takes about 17,000 rows a second. A line led by a
billing database's binding and a tab (`BILLING_2\tINSERT …`) goes to that database
(domain::billing::regions), any other line to the city's. The server must not be running on
that state. Usage: demo scale N SEED DIR | scripts/load_sql.py STATE_DIR"""
import pathlib
import sqlite3
import sys

CITY = "DB"


def databases(state: pathlib.Path) -> dict[str, sqlite3.Connection]:
    """The state's D1 databases by binding: the city's has `users`, a billing database says
    which it is in `billing_database` (written by scripts/db.sh)."""
    found: dict[str, sqlite3.Connection] = {}
    folder = state / "v3" / "d1" / "miniflare-D1DatabaseObject"
    for path in sorted(folder.glob("*.sqlite")):
        if path.name == "metadata.sqlite":
            continue
        db = sqlite3.connect(path, isolation_level=None)
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "users" in tables:
            found[CITY] = db
        elif "billing_database" in tables:
            row = db.execute("SELECT binding FROM billing_database").fetchone()
            if row:
                found[row[0]] = db
    if CITY not in found:
        sys.exit(f"no city database under {state}: run scripts/db.sh on it first")
    return found


def main() -> int:
    dbs = databases(pathlib.Path(sys.argv[1]))
    for db in dbs.values():
        db.execute("BEGIN")
    count = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        target, sep, sql = line.partition("\t")
        if not sep or not target.startswith("BILLING_"):
            target, sql = CITY, line
        if target not in dbs:
            sys.exit(f"no local database {target}: run scripts/db.sh on the state first")
        dbs[target].execute(sql)
        count += 1
    for db in dbs.values():
        db.execute("COMMIT")
        db.close()
    print(f"[scale] {count} statements loaded into {len(dbs)} databases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
