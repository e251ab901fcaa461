-- Rooftop PV and home EV charger projects (domain::projects::kinds). SQLite cannot change a
-- CHECK, so the projects table is rebuilt with the new kinds, its indexes and the triggers that
-- keep project_firms; the tables that reference projects(id) keep their rows (the foreign keys
-- are checked at the end, when the new table has the old one's name and ids).
-- A project now names the bound account it connects to (account_no; a home's solar or charger
-- always does). Every glance is cleared: a glance now carries the days the utility has held the case
-- (domain::projects::glance), and the board writes a new one the next time it reads the row.
PRAGMA defer_foreign_keys = true;

CREATE TABLE projects_new (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES users(id),
  hall_id      TEXT NOT NULL REFERENCES halls(id),
  title        TEXT NOT NULL,
  address      TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('new_connection','capacity_increase','rooftop_pv','ev_charger')),
  capacity_kva INTEGER NOT NULL,
  dual_source  INTEGER NOT NULL DEFAULT 0,
  stage        TEXT NOT NULL,
  firm_ids     TEXT NOT NULL DEFAULT ',',
  state_json   TEXT NOT NULL,
  act_token    TEXT NOT NULL DEFAULT '',
  opened_on    TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  glance       TEXT,
  account_no   TEXT                           -- the utility account (户号) it connects to
);
INSERT INTO projects_new (id, customer_id, hall_id, title, address, kind, capacity_kva, dual_source,
  stage, firm_ids, state_json, act_token, opened_on, created_at, updated_at, glance)
SELECT id, customer_id, hall_id, title, address, kind, capacity_kva, dual_source,
  stage, firm_ids, state_json, act_token, opened_on, created_at, updated_at, NULL
FROM projects;
DROP TABLE projects;
ALTER TABLE projects_new RENAME TO projects;

CREATE INDEX projects_customer ON projects(customer_id);
CREATE INDEX projects_hall ON projects(hall_id, stage);
CREATE INDEX projects_open ON projects(id) WHERE stage NOT IN ('energized', 'cancelled');
CREATE INDEX projects_hall_updated ON projects(hall_id, updated_at);
CREATE INDEX projects_updated ON projects(updated_at);

CREATE TRIGGER project_firms_on_insert AFTER INSERT ON projects BEGIN
  INSERT OR IGNORE INTO project_firms (firm_id, project_id)
  SELECT CAST(value AS INTEGER), NEW.id FROM json_each('[' || trim(NEW.firm_ids, ',') || ']');
END;

CREATE TRIGGER project_firms_on_update AFTER UPDATE OF firm_ids ON projects
WHEN OLD.firm_ids IS NOT NEW.firm_ids BEGIN
  DELETE FROM project_firms WHERE project_id = NEW.id;
  INSERT OR IGNORE INTO project_firms (firm_id, project_id)
  SELECT CAST(value AS INTEGER), NEW.id FROM json_each('[' || trim(NEW.firm_ids, ',') || ']');
END;

-- Each project's whole process once power is on (domain::projects::whole::WholeRun), kept when
-- it is energized: the on-time report adds these up by class for a period.
CREATE TABLE project_whole_runs (
  project_id  INTEGER PRIMARY KEY REFERENCES projects(id),
  hall_id     TEXT NOT NULL,
  class       TEXT NOT NULL,
  finished    TEXT NOT NULL,
  used        INTEGER NOT NULL,
  limit_days  INTEGER NOT NULL
);
CREATE INDEX project_whole_runs_finished ON project_whole_runs(finished);
CREATE INDEX project_whole_runs_hall ON project_whole_runs(hall_id, finished);
