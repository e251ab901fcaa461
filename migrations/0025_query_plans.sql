-- Indexes for statements the query-plan test (tests/query_plans.py) found reading whole tables
-- that grow with the city.

-- Staff of a hall by role (follow-up colleagues, escalation, key-account managers), staff of a
-- firm, and the city's staff list.
CREATE INDEX IF NOT EXISTS users_hall_role ON users(hall_id, role);
CREATE INDEX IF NOT EXISTS users_role ON users(role, login);
CREATE INDEX IF NOT EXISTS users_firm ON users(firm_id) WHERE firm_id IS NOT NULL;
-- Who bound an account (bills told of, callers found by 户号).
CREATE INDEX IF NOT EXISTS account_bindings_number ON account_bindings(number);
-- A case's own trail.
CREATE INDEX IF NOT EXISTS work_order_events_order ON work_order_events(order_id);
CREATE INDEX IF NOT EXISTS application_events_application ON application_events(application_id);
-- The dashboard's ranges.
CREATE INDEX IF NOT EXISTS work_orders_created ON work_orders(created_at);
CREATE INDEX IF NOT EXISTS video_calls_ended ON video_calls(ended_at);
CREATE INDEX IF NOT EXISTS video_callbacks_created ON video_callbacks(created_at);
-- The morning's bill notices: issued in the window, or unpaid and falling due in it.
CREATE INDEX IF NOT EXISTS bills_issued ON bills(issued_on);
CREATE INDEX IF NOT EXISTS bills_unpaid_due ON bills(due_on) WHERE payment_id IS NULL;
-- The morning's reminders read only projects still under way.
CREATE INDEX IF NOT EXISTS projects_open ON projects(id) WHERE stage NOT IN ('energized', 'cancelled');
