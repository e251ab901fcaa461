-- The 95598 service loop. Commitments become terms: each topic promises one or more
-- milestones (contact, arrival, restoration, result, reply) within minutes or working days.
-- Each order keeps the deadlines it was given, one row per milestone and round (an unsatisfied
-- callback reopens a complaint: its result is owed again, as round 2), and each overdue
-- deadline is escalated once.

CREATE TABLE work_order_terms (
  topic         TEXT NOT NULL,
  milestone     TEXT NOT NULL,
  minutes       INTEGER,
  working_days  INTEGER,
  PRIMARY KEY (topic, milestone),
  CHECK ((minutes IS NULL) <> (working_days IS NULL))
);
INSERT INTO work_order_terms (topic, milestone, minutes, working_days) VALUES
  ('repair_urban', 'arrival', 45, NULL), ('repair_urban', 'restore', 180, NULL),
  ('repair_rural', 'arrival', 90, NULL), ('repair_rural', 'restore', 240, NULL),
  ('repair_remote', 'arrival', 120, NULL), ('repair_remote', 'restore', 240, NULL),
  ('meter_fault', 'reply', 480, NULL),
  ('complaint', 'contact', 1440, NULL), ('complaint', 'result', NULL, 5),
  ('suggestion', 'reply', 4320, NULL), ('consultation', 'reply', 1440, NULL);
-- Minutes the admin had already changed are kept.
UPDATE work_order_terms SET minutes = (
  SELECT c.minutes FROM work_order_commitments c WHERE c.topic = work_order_terms.topic)
WHERE milestone IN ('arrival', 'reply')
  AND topic IN (SELECT topic FROM work_order_commitments);
DROP TABLE work_order_commitments;

CREATE TABLE work_order_deadlines (
  order_id      INTEGER NOT NULL REFERENCES work_orders(id),
  milestone     TEXT NOT NULL,
  round         INTEGER NOT NULL DEFAULT 1,
  started_at    INTEGER NOT NULL,
  due_at        INTEGER NOT NULL,
  met_at        INTEGER,
  escalated_at  INTEGER,
  PRIMARY KEY (order_id, milestone, round)
);
-- The escalation sweep reads only deadlines still owed and not yet reported.
CREATE INDEX work_order_deadlines_owed ON work_order_deadlines(due_at)
  WHERE met_at IS NULL AND escalated_at IS NULL;
CREATE INDEX work_order_deadlines_escalated ON work_order_deadlines(escalated_at)
  WHERE escalated_at IS NOT NULL;
-- Repair times per month: the met arrivals and restorations by when their clocks started.
CREATE INDEX work_order_deadlines_met ON work_order_deadlines(milestone, started_at)
  WHERE met_at IS NOT NULL;

INSERT INTO work_order_deadlines (order_id, milestone, started_at, due_at, met_at)
SELECT id,
       CASE WHEN topic LIKE 'repair_%' THEN 'arrival'
            WHEN topic = 'complaint' THEN 'contact' ELSE 'reply' END,
       created_at, deadline_at, met_at
FROM work_orders;

ALTER TABLE work_orders DROP COLUMN deadline_at;
ALTER TABLE work_orders DROP COLUMN met_at;
-- When a complainant was first contacted; callbacks since the last reply that did not reach
-- the customer; the last callback's outcome.
ALTER TABLE work_orders ADD COLUMN contacted_at INTEGER;
ALTER TABLE work_orders ADD COLUMN unreached INTEGER NOT NULL DEFAULT 0;
ALTER TABLE work_orders ADD COLUMN callback TEXT;

-- Who heads each department: told, with the hall's managers, of its overdue orders.
CREATE TABLE department_heads (
  department  TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id)
);
