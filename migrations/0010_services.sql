-- Online hall services: bound accounts, bills and daily usage, payments and the ledger,
-- applications and work orders.

ALTER TABLE utility_accounts ADD COLUMN hall_id TEXT REFERENCES halls(id);
ALTER TABLE utility_accounts ADD COLUMN plan TEXT NOT NULL DEFAULT 'flat' CHECK (plan IN ('flat','peak_valley'));
ALTER TABLE utility_accounts ADD COLUMN capacity_kva INTEGER NOT NULL DEFAULT 8;

-- Who may see and pay an account: several users may bind one (a family paying for parents).
CREATE TABLE account_bindings (
  user_id   INTEGER NOT NULL REFERENCES users(id),
  number    TEXT NOT NULL REFERENCES utility_accounts(number),
  bound_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, number)
);

CREATE TABLE bills (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL REFERENCES utility_accounts(number),
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

CREATE TABLE daily_usage (
  number      TEXT NOT NULL REFERENCES utility_accounts(number),
  day         TEXT NOT NULL,
  peak_kwh    INTEGER NOT NULL,
  valley_kwh  INTEGER NOT NULL,
  PRIMARY KEY (number, day)
);

-- One row per payment attempt; the client's key makes a retry the same row.
CREATE TABLE payments (
  id               INTEGER PRIMARY KEY,
  user_id          INTEGER NOT NULL REFERENCES users(id),
  number           TEXT NOT NULL REFERENCES utility_accounts(number),
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
  number      TEXT NOT NULL REFERENCES utility_accounts(number),
  at          INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('bill','payment')),
  amount_fen  INTEGER NOT NULL,
  reference   TEXT NOT NULL,
  bill_id     INTEGER UNIQUE,
  payment_id  INTEGER UNIQUE
);
CREATE INDEX ledger_number ON ledger(number, at);

CREATE TABLE applications (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES users(id),
  kind          TEXT NOT NULL,
  number        TEXT,
  hall_id       TEXT NOT NULL,
  request_json  TEXT NOT NULL,
  status        TEXT NOT NULL,
  project_id    INTEGER,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX applications_customer ON applications(customer_id);
CREATE INDEX applications_hall ON applications(hall_id, status);

CREATE TABLE application_events (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications(id),
  at              INTEGER NOT NULL,
  actor_id        INTEGER NOT NULL REFERENCES users(id),
  status          TEXT NOT NULL,
  note            TEXT
);

-- Uploaded files of applications and photos of work orders (stored in R2 under their case).
CREATE TABLE case_files (
  id            TEXT PRIMARY KEY,
  case_kind     TEXT NOT NULL CHECK (case_kind IN ('application','work_order')),
  case_id       INTEGER NOT NULL,
  name          TEXT NOT NULL,
  content_type  TEXT NOT NULL,
  size          INTEGER NOT NULL,
  at            INTEGER NOT NULL
);
CREATE INDEX case_files_case ON case_files(case_kind, case_id);

CREATE TABLE work_orders (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER NOT NULL REFERENCES users(id),
  topic           TEXT NOT NULL,
  description     TEXT NOT NULL,
  location        TEXT NOT NULL,
  phone           TEXT NOT NULL,
  hall_id         TEXT NOT NULL,
  account         TEXT,
  status          TEXT NOT NULL,
  department      TEXT,
  created_at      INTEGER NOT NULL,
  deadline_at     INTEGER NOT NULL,
  met_at          INTEGER,
  reply           TEXT,
  stars           INTEGER,
  rating_comment  TEXT,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX work_orders_customer ON work_orders(customer_id);
CREATE INDEX work_orders_hall ON work_orders(hall_id, status);

CREATE TABLE work_order_events (
  id        INTEGER PRIMARY KEY,
  order_id  INTEGER NOT NULL REFERENCES work_orders(id),
  at        INTEGER NOT NULL,
  actor_id  INTEGER NOT NULL REFERENCES users(id),
  action    TEXT,
  status    TEXT NOT NULL,
  note      TEXT
);

-- The service commitments, in minutes to the topic's milestone; the admin may change them.
CREATE TABLE work_order_commitments (
  topic    TEXT PRIMARY KEY,
  minutes  INTEGER NOT NULL
);
INSERT INTO work_order_commitments (topic, minutes) VALUES
  ('repair_urban', 45), ('repair_rural', 90), ('meter_fault', 480),
  ('complaint', 1440), ('suggestion', 4320), ('consultation', 1440);
