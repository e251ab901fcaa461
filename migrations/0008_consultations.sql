-- Written consultations: a customer's thread with the agents (one shared inbox). Each side's
-- read mark is the last message id it has opened, so unread counts are exact.
CREATE TABLE consult_threads (
  id               INTEGER PRIMARY KEY,
  customer_id      INTEGER NOT NULL REFERENCES users(id),
  subject          TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  customer_read_id INTEGER NOT NULL DEFAULT 0,
  agent_read_id    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX consult_threads_customer ON consult_threads(customer_id, updated_at);
CREATE INDEX consult_threads_updated ON consult_threads(updated_at);

-- Messages: text, or a file in R2 under consultations/{thread}/ (file_json: its FileRef).
CREATE TABLE consult_messages (
  id        INTEGER PRIMARY KEY,
  thread_id INTEGER NOT NULL REFERENCES consult_threads(id),
  side      TEXT NOT NULL,            -- customer | agent
  author_id INTEGER NOT NULL REFERENCES users(id),
  text      TEXT,
  file_json TEXT,
  at        INTEGER NOT NULL
);
CREATE INDEX consult_messages_thread ON consult_messages(thread_id, id);
