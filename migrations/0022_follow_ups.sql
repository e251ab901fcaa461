-- One follow-up list for every low rating: counter visits (as before), video calls and work
-- orders, each with the customer's contact, who has it, a note and an outcome, and the work
-- order it may become. The table is rebuilt: the old one was for tickets only.
CREATE TABLE follow_ups_new (
  id            INTEGER PRIMARY KEY,
  hall_id       TEXT NOT NULL REFERENCES halls(id),
  rated         TEXT NOT NULL,               -- counter | video_call | work_order
  rated_ref     TEXT NOT NULL,               -- hall/day/ticket, the call's room, the order's id
  subject       TEXT NOT NULL,
  link          TEXT,
  stars         INTEGER NOT NULL,
  comment       TEXT NOT NULL,
  customer_id   INTEGER REFERENCES users(id),
  customer_name TEXT,
  phone         TEXT,
  created_at    INTEGER NOT NULL,
  assignee_id   INTEGER REFERENCES users(id),
  note          TEXT,
  outcome       TEXT,                        -- called_back | resolved | not_reached
  resolved_at   INTEGER,
  work_order_id INTEGER REFERENCES work_orders(id),
  UNIQUE (rated, rated_ref)
);
INSERT INTO follow_ups_new (id, hall_id, rated, rated_ref, subject, stars, comment, created_at,
  outcome, resolved_at)
SELECT id, hall_id, 'counter', hall_id || '/' || day || '/' || ticket_id, number, stars, comment,
  created_at, CASE WHEN resolved_at IS NOT NULL THEN 'resolved' END, resolved_at
FROM follow_ups;
DROP TABLE follow_ups;
ALTER TABLE follow_ups_new RENAME TO follow_ups;
CREATE INDEX follow_ups_hall ON follow_ups(hall_id, resolved_at, created_at);
