-- The agents' inbox lists the threads with unread customer messages first, then the latest
-- (functions/src/consultations.rs). Each thread keeps the id of each side's last message, so
-- "unread" is a comparison on the thread's own row, and this index holds the inbox's order: a
-- page reads the rows it shows instead of counting the messages of every thread ever opened.
ALTER TABLE consult_threads ADD COLUMN customer_last_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE consult_threads ADD COLUMN agent_last_id INTEGER NOT NULL DEFAULT 0;
UPDATE consult_threads SET
  customer_last_id = COALESCE((SELECT MAX(m.id) FROM consult_messages m
                               WHERE m.thread_id = consult_threads.id AND m.side = 'customer'), 0),
  agent_last_id = COALESCE((SELECT MAX(m.id) FROM consult_messages m
                            WHERE m.thread_id = consult_threads.id AND m.side = 'agent'), 0);
CREATE INDEX consult_threads_agent_inbox
  ON consult_threads(customer_last_id > agent_read_id DESC, updated_at DESC);
