-- One inbox for every case kind and one outbox for every channel (domain::notify).
-- The inbox keeps the project notices written before: they have no stored words (title_zh IS
-- NULL) and are worded on reading from their kind and stage, as before.

CREATE TABLE inbox_all (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  message_id  TEXT,            -- with user_id unique: a repeated copy of a message is ignored
  topic       TEXT NOT NULL,   -- domain::notify::Topic
  case_kind   TEXT NOT NULL,   -- domain::notify::inbox::CaseKind
  case_id     TEXT NOT NULL,
  link        TEXT,            -- the case's page, if the recipient may open it
  title_zh    TEXT,
  body_zh     TEXT,
  title_en    TEXT,
  body_en     TEXT,
  kind        TEXT,            -- project notices from before 0012: NoticeKind and Stage
  stage       TEXT,
  at          INTEGER NOT NULL,
  read_at     INTEGER
);
INSERT INTO inbox_all (id, user_id, topic, case_kind, case_id, link, kind, stage, at, read_at)
  SELECT id, user_id, 'projects', 'project', CAST(project_id AS TEXT), '/projects/' || project_id,
         kind, stage, at, read_at
  FROM inbox;
DROP TABLE inbox;
ALTER TABLE inbox_all RENAME TO inbox;
CREATE INDEX inbox_user ON inbox(user_id, id);
CREATE UNIQUE INDEX inbox_message ON inbox(user_id, message_id);
CREATE INDEX inbox_unread ON inbox(user_id) WHERE read_at IS NULL;

-- A message per channel. Delivery claims due rows ('pending' with next_at passed, or 'sending'
-- with a lapsed claim) in one UPDATE, so two runs never take the same row
-- (functions/src/notify/courier.rs).
CREATE TABLE outbox_all (
  id            INTEGER PRIMARY KEY,
  message_id    TEXT NOT NULL UNIQUE,  -- the gateway's idempotency key; a repeat insert is ignored
  channel       TEXT NOT NULL CHECK (channel IN ('sms', 'push', 'email')),
  recipient     TEXT NOT NULL,
  body          TEXT NOT NULL,
  topic         TEXT NOT NULL,
  case_kind     TEXT,
  case_id       TEXT,
  at            INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'logged')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_at       INTEGER,
  claimed_until INTEGER,
  sent_at       INTEGER,
  error         TEXT
);
INSERT INTO outbox_all (id, message_id, channel, recipient, body, topic, case_kind, case_id, at,
                        status, next_at)
  SELECT id, 'legacy:' || id, channel, recipient, body, 'projects',
         CASE WHEN project_id IS NULL THEN NULL ELSE 'project' END, CAST(project_id AS TEXT), at,
         status, CASE WHEN status = 'pending' THEN at END
  FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_all RENAME TO outbox;
CREATE INDEX outbox_due ON outbox(status, next_at);

-- A planned outage announced with less than 7 days' notice records that its publisher
-- confirmed it urgent (domain::notify::outages).
ALTER TABLE outages ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
