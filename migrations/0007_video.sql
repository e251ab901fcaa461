-- Finished video calls on the customer's record: who, what about, the agent's summary, the
-- chat (with shared files, stored in R2 under calls/{room}/), when, and the customer's rating.
CREATE TABLE video_calls (
  room            TEXT PRIMARY KEY,
  customer_id     INTEGER REFERENCES users(id),   -- NULL: a kiosk customer without an account
  customer_name   TEXT NOT NULL,
  hall_id         TEXT REFERENCES halls(id),
  agent_id        INTEGER NOT NULL REFERENCES users(id),
  topic           TEXT NOT NULL,
  channel         TEXT NOT NULL,                  -- video | audio | chat
  summary         TEXT NOT NULL,
  transcript_json TEXT NOT NULL,
  started_at      INTEGER NOT NULL,
  ended_at        INTEGER NOT NULL,
  rating          INTEGER,
  rating_comment  TEXT
);
CREATE INDEX video_calls_customer ON video_calls(customer_id, ended_at);

-- Callbacks asked for when no agent answered in time: the agents' work items.
CREATE TABLE video_callbacks (
  id            INTEGER PRIMARY KEY,
  room          TEXT NOT NULL UNIQUE,
  customer_id   INTEGER REFERENCES users(id),
  customer_name TEXT NOT NULL,
  phone         TEXT NOT NULL,
  topic         TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  done_at       INTEGER,
  done_by       INTEGER REFERENCES users(id)
);
CREATE INDEX video_callbacks_open ON video_callbacks(done_at, created_at);
