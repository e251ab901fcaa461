-- The outbox keeps 90 days in D1 (docs/SCALE.md; functions/src/notify/archive.rs): the morning
-- run finds the settled messages older than that in time order through this index, moves them to
-- R2 and deletes them. Messages still to send are not in it.
CREATE INDEX outbox_settled ON outbox(at) WHERE status IN ('sent', 'failed', 'logged');
