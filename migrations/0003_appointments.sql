-- Appointments: a customer's booked slot for one business type at one hall.
-- A booking not arrived for is released by the clock (see domain::queue::appointments).
CREATE TABLE appointments (
  id          INTEGER PRIMARY KEY,
  hall_id     TEXT NOT NULL REFERENCES halls(id),
  business    TEXT NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES users(id),
  start_at    INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('booked','arrived','cancelled')),
  ticket_id   INTEGER,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX appointments_slot ON appointments(hall_id, business, start_at);
CREATE INDEX appointments_customer ON appointments(customer_id, start_at);
