-- Posters in rotation on the hall TVs, the home page and the hall pages: an image in R2
-- (image_key) or a text, a window, the halls it targets ('[]': every hall) and its place.
CREATE TABLE posters (
  id             INTEGER PRIMARY KEY,
  hall_ids_json  TEXT NOT NULL DEFAULT '[]',
  title          TEXT NOT NULL,
  body           TEXT NOT NULL,
  image_key      TEXT,
  starts_at      INTEGER NOT NULL,
  ends_at        INTEGER,
  position       INTEGER NOT NULL DEFAULT 0,
  withdrawn_at   INTEGER,
  created_by     INTEGER NOT NULL REFERENCES users(id),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
CREATE INDEX posters_window ON posters(starts_at, ends_at);

-- Planned outages (计划停电): where, when and why, announced before they happen.
CREATE TABLE outages (
  id           INTEGER PRIMARY KEY,
  hall_id      TEXT REFERENCES halls(id),   -- NULL: every hall
  area         TEXT NOT NULL,
  reason       TEXT NOT NULL,
  starts_at    INTEGER NOT NULL,
  ends_at      INTEGER NOT NULL,
  withdrawn_at INTEGER,
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX outages_window ON outages(ends_at);
