-- Virtual queue: every ticket event for analytics, and follow-ups for low ratings.
-- The live queue itself lives in one Durable Object per hall and day.

CREATE TABLE ticket_events (
  hall_id    TEXT NOT NULL REFERENCES halls(id),
  day        TEXT NOT NULL,            -- the hall's local date, 'YYYY-MM-DD'
  seq        INTEGER NOT NULL,         -- the queue's event sequence
  at         INTEGER NOT NULL,
  kind       TEXT NOT NULL,            -- issued, called, recalled, service_started, served, no_show, transferred, cancelled, rated
  ticket_id  INTEGER NOT NULL,
  number     TEXT NOT NULL,            -- 'A012'
  business   TEXT NOT NULL,
  priority   TEXT NOT NULL,
  channel    TEXT NOT NULL,
  issued_at  INTEGER NOT NULL,
  counter    INTEGER,
  actor_id   INTEGER,
  reason     TEXT,                     -- why it was called (JSON), for calls
  detail     TEXT,
  PRIMARY KEY (hall_id, day, seq)
);
CREATE INDEX ticket_events_kind ON ticket_events(hall_id, kind, at);

CREATE TABLE follow_ups (
  id          INTEGER PRIMARY KEY,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  day         TEXT NOT NULL,
  ticket_id   INTEGER NOT NULL,
  number      TEXT NOT NULL,
  stars       INTEGER NOT NULL,
  comment     TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  resolved_at INTEGER,
  UNIQUE (hall_id, day, ticket_id)
);
