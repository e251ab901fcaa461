-- A billing database: the bills, ledger and payments of the accounts whose region it holds
-- (domain::billing::regions, docs/SCALE.md). Every billing database (BILLING_1, BILLING_2, …)
-- has this schema. The accounts and users these rows name live in the city's database, so there
-- are no foreign keys to them here; the Worker reads an account there before its money here.
-- Bill and payment ids are sequence × 64 + the database's number, so an id names its database.

CREATE TABLE bills (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL,
  period      TEXT NOT NULL,
  peak_kwh    INTEGER NOT NULL,
  valley_kwh  INTEGER NOT NULL,
  plan        TEXT NOT NULL,
  amount_fen  INTEGER NOT NULL,
  issued_on   TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  payment_id  INTEGER,
  UNIQUE (number, period)
);
-- The morning's bill notices: issued in the window, or unpaid and falling due in it.
CREATE INDEX bills_issued ON bills(issued_on);
CREATE INDEX bills_unpaid_due ON bills(due_on) WHERE payment_id IS NULL;

-- One row per payment attempt; the client's key makes a retry the same row. `user_id` is the
-- user who paid online (a user of the city's database); 0 for a payment taken at a counter.
CREATE TABLE payments (
  id               INTEGER PRIMARY KEY,
  user_id          INTEGER NOT NULL,
  number           TEXT NOT NULL,
  bill_ids_json    TEXT NOT NULL,
  top_up_fen       INTEGER NOT NULL,
  amount_fen       INTEGER NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('pending','paid','declined')),
  provider         TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  settled_at       INTEGER,
  receipt_no       TEXT,
  UNIQUE (user_id, idempotency_key)
);

-- Bills owed (negative) and payments received; a bill or a payment appears once.
CREATE TABLE ledger (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL,
  at          INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('bill','payment')),
  amount_fen  INTEGER NOT NULL,
  reference   TEXT NOT NULL,
  bill_id     INTEGER UNIQUE,
  payment_id  INTEGER UNIQUE
);
CREATE INDEX ledger_number ON ledger(number, at);

-- Which billing database this is ('BILLING_2'): written once by whoever creates it (scripts/db.sh
-- locally), so a loader writing straight to the files finds each one.
CREATE TABLE billing_database (
  binding  TEXT NOT NULL
);
