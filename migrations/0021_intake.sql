-- Cases staff take for a caller (95598 phone agents, hall clerks): a work order may have no
-- registered customer yet (a new contact, known by name and mobile), and every order keeps
-- the channel it came by. SQLite cannot drop NOT NULL in place, so the table is rebuilt;
-- the tables that reference it keep pointing at the new one under the old name.
PRAGMA defer_foreign_keys = true;

CREATE TABLE work_orders_new (
  id              INTEGER PRIMARY KEY,
  customer_id     INTEGER REFERENCES users(id),   -- NULL: a caller with no account (caller_name)
  caller_name     TEXT,
  channel         TEXT NOT NULL DEFAULT 'web',    -- web | phone | hall | kiosk | video
  topic           TEXT NOT NULL,
  description     TEXT NOT NULL,
  location        TEXT NOT NULL,
  phone           TEXT NOT NULL,
  hall_id         TEXT NOT NULL,
  account         TEXT,
  status          TEXT NOT NULL,
  department      TEXT,
  created_at      INTEGER NOT NULL,
  contacted_at    INTEGER,
  unreached       INTEGER NOT NULL DEFAULT 0,
  callback        TEXT,
  reply           TEXT,
  stars           INTEGER,
  rating_comment  TEXT,
  updated_at      INTEGER NOT NULL,
  CHECK (customer_id IS NOT NULL OR caller_name IS NOT NULL)
);
INSERT INTO work_orders_new (id, customer_id, topic, description, location, phone, hall_id,
  account, status, department, created_at, contacted_at, unreached, callback, reply, stars,
  rating_comment, updated_at)
SELECT id, customer_id, topic, description, location, phone, hall_id, account, status,
  department, created_at, contacted_at, unreached, callback, reply, stars, rating_comment,
  updated_at
FROM work_orders;
DROP TABLE work_orders;
ALTER TABLE work_orders_new RENAME TO work_orders;
CREATE INDEX work_orders_customer ON work_orders(customer_id);
CREATE INDEX work_orders_hall ON work_orders(hall_id, status);
-- A customer sees the orders taken for their mobile or 户号 before they had an account.
CREATE INDEX work_orders_unclaimed_phone ON work_orders(phone) WHERE customer_id IS NULL;
CREATE INDEX work_orders_unclaimed_account ON work_orders(account) WHERE customer_id IS NULL;
