-- Operations: one row per finished ticket (served, missed or cancelled), what the managers'
-- dashboard reads; copied from the hall queue's outbox with its events, given stars on rating.

CREATE TABLE ticket_facts (
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  day         TEXT NOT NULL,            -- the hall's local date, 'YYYY-MM-DD'
  ticket_id   INTEGER NOT NULL,
  business    TEXT NOT NULL,
  priority    TEXT NOT NULL,
  channel     TEXT NOT NULL,
  issued_at   INTEGER NOT NULL,
  called_at   INTEGER,                  -- the first call
  started_at  INTEGER,
  finished_at INTEGER NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('served','no_show','cancelled')),
  counter     INTEGER,
  staff_id    INTEGER,
  stars       INTEGER,
  PRIMARY KEY (hall_id, day, ticket_id)
);
CREATE INDEX ticket_facts_day ON ticket_facts(day);
