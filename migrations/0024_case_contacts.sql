-- Contacts filed on the case: a video call (by its room) or a consultation (by its id) linked
-- to a project, application or work order, from that case's page or by the agent; and the
-- mobile a kiosk caller gave, so the call lands on that customer's record.
CREATE TABLE case_contacts (
  case_kind    TEXT NOT NULL,          -- project | application | work_order
  case_id      INTEGER NOT NULL,
  contact_kind TEXT NOT NULL,          -- video_call | consultation
  reference    TEXT NOT NULL,          -- the call's room or the consultation's id
  topic        TEXT NOT NULL,
  customer_name TEXT NOT NULL,
  linked_by    INTEGER REFERENCES users(id),
  linked_at    INTEGER NOT NULL,
  PRIMARY KEY (case_kind, case_id, contact_kind, reference)
);
ALTER TABLE video_calls ADD COLUMN phone TEXT;
CREATE INDEX video_calls_unclaimed_phone ON video_calls(phone) WHERE customer_id IS NULL;
