-- Who staffed which counter when: every sign-in, pause, resume and close, copied from the
-- hall's queue object (functions/src/hall_queue/outbox.rs). The dashboard's staffed counters
-- per hour are read from here (domain::operations::staffed).
CREATE TABLE counter_changes (
  hall_id    TEXT NOT NULL REFERENCES halls(id),
  day        TEXT NOT NULL,            -- the hall's local date, 'YYYY-MM-DD'
  seq        INTEGER NOT NULL,         -- the queue's sequence, shared with ticket_events
  at         INTEGER NOT NULL,
  counter    INTEGER NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('open', 'paused', 'closed')),
  reason     TEXT,                     -- a pause's reason
  clerk_id   INTEGER REFERENCES users(id),  -- signed in after the change; NULL once closed
  by_id      INTEGER REFERENCES users(id),  -- who changed it; NULL for the hall's closing
  PRIMARY KEY (hall_id, day, seq)
);
CREATE INDEX counter_changes_day ON counter_changes(hall_id, day, counter, at);
