-- A customer's visit at a paired kiosk: begun when they identify (户号 and name, or a phone and
-- its texted code), ended on "done", by the next customer, or after ten minutes. Only the
-- token's SHA-256 is stored; the token lives in the kiosk's memory and opens the visit's
-- accounts (numbers_json) and nothing else.
CREATE TABLE kiosk_visits (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  hall_id      TEXT NOT NULL REFERENCES halls(id),
  display_id   INTEGER NOT NULL REFERENCES display_tokens(id),
  user_id      INTEGER REFERENCES users(id),
  numbers_json TEXT NOT NULL,
  started_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  ended_at     INTEGER
);
CREATE INDEX kiosk_visits_open ON kiosk_visits(display_id, ended_at);
