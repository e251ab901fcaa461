-- Foundation: halls and counters, firms, users and sessions, login throttling, notices, audit log.
-- Times are epoch milliseconds (UTC); dates are 'YYYY-MM-DD'.

CREATE TABLE halls (
  id          TEXT PRIMARY KEY,          -- slug used in URLs, e.g. 'xinghu'
  name        TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  district    TEXT NOT NULL,
  address     TEXT NOT NULL,
  address_en  TEXT NOT NULL,
  phone       TEXT NOT NULL,
  hours_json  TEXT NOT NULL,             -- domain::hours::WeeklyHours
  sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE counters (
  id          INTEGER PRIMARY KEY,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  number      INTEGER NOT NULL,
  serves_json TEXT NOT NULL,             -- [domain::halls::BusinessType]
  UNIQUE (hall_id, number)
);

CREATE TABLE firms (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT NOT NULL UNIQUE,
  kind                  TEXT NOT NULL CHECK (kind IN ('design','construction','test','supervision')),
  grade                 TEXT NOT NULL,
  qualification_no      TEXT NOT NULL UNIQUE,
  qualification_expires TEXT NOT NULL,
  contact               TEXT NOT NULL,
  phone                 TEXT NOT NULL
);

CREATE TABLE users (
  id                 INTEGER PRIMARY KEY,
  login              TEXT NOT NULL UNIQUE,  -- mobile number for customers
  name               TEXT NOT NULL,
  role               TEXT NOT NULL CHECK (role IN ('customer','hall_staff','hall_manager','admin',
                                                   'design','construction','test','supervision')),
  phone              TEXT UNIQUE,
  hall_id            TEXT REFERENCES halls(id),
  firm_id            INTEGER REFERENCES firms(id),
  key_account        INTEGER NOT NULL DEFAULT 0,
  account_manager_id INTEGER REFERENCES users(id),
  password_hash      TEXT NOT NULL,         -- domain::accounts::PasswordHash
  created_at         INTEGER NOT NULL
);

-- Utility accounts (户号) and the customer they are bound to.
CREATE TABLE utility_accounts (
  number      TEXT PRIMARY KEY,
  holder_name TEXT NOT NULL,
  address     TEXT NOT NULL,
  category    TEXT NOT NULL CHECK (category IN ('residential','commercial','industrial')),
  user_id     INTEGER REFERENCES users(id)
);
CREATE INDEX utility_accounts_user ON utility_accounts(user_id);

-- Only a SHA-256 of the session token is stored: a leaked table opens no session.
CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed logins per key ('account:<login>' or 'ip:<address>') in the current window.
CREATE TABLE login_failures (
  key          TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  failures     INTEGER NOT NULL
);

CREATE TABLE notices (
  id           INTEGER PRIMARY KEY,
  hall_id      TEXT REFERENCES halls(id),   -- NULL: every hall
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  starts_at    INTEGER NOT NULL,
  ends_at      INTEGER,
  withdrawn_at INTEGER,
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX notices_window ON notices(starts_at, ends_at);

-- Who changed what, when: one row per change made through the API.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor_id    INTEGER REFERENCES users(id),
  action      TEXT NOT NULL,      -- e.g. 'notice.create'
  subject     TEXT NOT NULL,      -- e.g. 'notice:12'
  detail_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_subject ON audit_log(subject);
