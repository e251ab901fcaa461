-- Business expansion (业扩报装): connection projects, their audit trail, documents, reminders,
-- and the in-app inbox and SMS/e-mail outbox their key nodes write to.

CREATE TABLE projects (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES users(id),
  hall_id      TEXT NOT NULL REFERENCES halls(id),  -- the area whose staff run it
  title        TEXT NOT NULL,
  address      TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('new_connection','capacity_increase')),
  capacity_kva INTEGER NOT NULL,
  dual_source  INTEGER NOT NULL DEFAULT 0,
  stage        TEXT NOT NULL,                 -- mirrors state_json, for filters
  firm_ids     TEXT NOT NULL DEFAULT ',',     -- ',1,5,': the chosen firms, for visibility
  state_json   TEXT NOT NULL,                 -- domain::projects::process::Project
  act_token    TEXT NOT NULL DEFAULT '',      -- the last writer's token: one act at a time
  opened_on    TEXT NOT NULL,                 -- China date
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX projects_customer ON projects(customer_id);
CREATE INDEX projects_hall ON projects(hall_id, stage);

-- The audit trail: append-only, one row per step, upload and comment.
CREATE TABLE project_events (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  at          INTEGER NOT NULL,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  party       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('opened','step','upload','comment')),
  action      TEXT,
  from_stage  TEXT,
  to_stage    TEXT,
  text        TEXT
);
CREATE INDEX project_events_project ON project_events(project_id, id);

-- Files in R2 under projects/{project}/{file_id}; never deleted, only superseded.
CREATE TABLE project_documents (
  id             INTEGER PRIMARY KEY,
  project_id     INTEGER NOT NULL REFERENCES projects(id),
  kind           TEXT NOT NULL,
  file_id        TEXT NOT NULL,
  name           TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  size           INTEGER NOT NULL,
  sha256         TEXT NOT NULL,
  uploaded_by    INTEGER NOT NULL REFERENCES users(id),
  party          TEXT NOT NULL,
  uploaded_at    INTEGER NOT NULL,
  step_event_id  INTEGER REFERENCES project_events(id),  -- the gate it was filed with
  superseded_by  INTEGER REFERENCES project_documents(id)
);
CREATE INDEX project_documents_project ON project_documents(project_id);

-- Reminders sent, so each run of a limit reminds and escalates once.
CREATE TABLE project_reminders (
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  stage       TEXT NOT NULL,
  started     TEXT NOT NULL,
  kind        TEXT NOT NULL,
  PRIMARY KEY (project_id, stage, started, kind)
);

CREATE TABLE inbox (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  kind        TEXT NOT NULL,   -- domain::projects::notify::NoticeKind
  stage       TEXT NOT NULL,
  at          INTEGER NOT NULL,
  read_at     INTEGER
);
CREATE INDEX inbox_user ON inbox(user_id, id);

-- Messages for the delivery adapter: 'logged' when no provider is configured (local), else
-- 'pending' until the provider took it ('sent') or refused it ('failed').
CREATE TABLE outbox (
  id          INTEGER PRIMARY KEY,
  channel     TEXT NOT NULL CHECK (channel IN ('sms','email')),
  recipient   TEXT NOT NULL,
  body        TEXT NOT NULL,
  project_id  INTEGER REFERENCES projects(id),
  at          INTEGER NOT NULL,
  status      TEXT NOT NULL
);
CREATE INDEX outbox_status ON outbox(status, id);
