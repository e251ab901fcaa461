#!/usr/bin/env python3
"""Loads SQL statements (one a line, from stdin) into the local D1 database of a wrangler
state folder in one transaction: the scale generator's millions of rows in a minute, where
`wrangler d1 execute --file` takes about 17,000 rows a second. The server must not be running
on that state. Usage: demo scale N SEED DIR | scripts/load_sql.py STATE_DIR"""
import pathlib
import sqlite3
import sys


def database(state: pathlib.Path) -> pathlib.Path:
    found = [p for p in (state / "v3" / "d1" / "miniflare-D1DatabaseObject").glob("*.sqlite")
             if p.name != "metadata.sqlite"]
    if len(found) != 1:
        sys.exit(f"expected one local D1 database under {state}, found {len(found)}: "
                 "run scripts/db.sh on it first")
    return found[0]


def main() -> int:
    db = sqlite3.connect(database(pathlib.Path(sys.argv[1])), isolation_level=None)
    db.execute("BEGIN")
    count = 0
    for line in sys.stdin:
        if line.strip():
            db.execute(line)
            count += 1
    db.execute("COMMIT")
    db.close()
    print(f"[scale] {count} statements loaded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
