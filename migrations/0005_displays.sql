-- Hall TVs: each is paired by a token a hall manager creates; only its SHA-256 is stored.
-- A revoked token stops the TV's feed within seconds and cannot be used again.
CREATE TABLE display_tokens (
  id           INTEGER PRIMARY KEY,
  hall_id      TEXT NOT NULL REFERENCES halls(id),
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  created_by   INTEGER NOT NULL REFERENCES users(id),
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER,
  revoked_at   INTEGER
);
CREATE INDEX display_tokens_hall ON display_tokens(hall_id);

-- Whether the hall's TVs say each call in English too, after Chinese.
ALTER TABLE halls ADD COLUMN announce_english INTEGER NOT NULL DEFAULT 0;
