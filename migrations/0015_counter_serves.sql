-- Dynamic counters: a manager moves a counter to other business types during the day
-- (domain::queue::engine::staffing::set_serves). The change is a row of counter_changes with
-- the types it serves from then on; staffing rows leave it NULL. `trained_json` names the types
-- a counter's clerk may take from another line when none of its own wait; NULL: every type.
ALTER TABLE counter_changes ADD COLUMN serves_json TEXT;  -- [domain::halls::BusinessType]
ALTER TABLE counters ADD COLUMN trained_json TEXT;        -- [domain::halls::BusinessType] or NULL
