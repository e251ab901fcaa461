-- Fair remote tickets (issue 19): a customer without an account confirms a mobile number with
-- a code sent by SMS before taking a number from away (domain::queue::remote). A code is good
-- for ten minutes and one ticket; `used_for` is that check-in's idempotency key, so its retry
-- is not refused. Limits per number and address use login_failures' throttle windows.
CREATE TABLE phone_codes (
  id          INTEGER PRIMARY KEY,
  phone       TEXT NOT NULL,
  code_hash   TEXT NOT NULL,            -- sha256 of 'phone:code'
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER,
  used_for    TEXT
);
CREATE INDEX phone_codes_phone ON phone_codes(phone, expires_at);
