-- Reads that followed the city's size (docs/SCALE.md, "what a read touches"):

-- The project reports read a period's runs from the runs kept on write: the ones that finished in
-- the period, of a hall or of the city, and the ones still going (the open ones are the work in
-- flight: project_clock_runs_open of migration 0027 for the city, by hall here).
CREATE INDEX project_clock_runs_finished ON project_clock_runs(finished) WHERE finished IS NOT NULL;
CREATE INDEX project_clock_runs_hall_finished ON project_clock_runs(hall_id, finished)
  WHERE finished IS NOT NULL;
CREATE INDEX project_clock_runs_hall_open ON project_clock_runs(hall_id, late_from)
  WHERE finished IS NULL;

-- The project board's page: the running clocks by due day (the indexes above), then the other
-- projects newest first, of a hall or of the city.
CREATE INDEX projects_hall_updated ON projects(hall_id, updated_at);
CREATE INDEX projects_updated ON projects(updated_at);

-- The firms on each project, kept from projects.firm_ids (",1,5,") by triggers, so a firm's list
-- reads its own projects instead of matching the text of every project.
CREATE TABLE project_firms (
  firm_id INTEGER NOT NULL,
  project_id INTEGER NOT NULL REFERENCES projects(id),
  PRIMARY KEY (firm_id, project_id)
) WITHOUT ROWID;

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

INSERT OR IGNORE INTO project_firms (firm_id, project_id)
SELECT CAST(j.value AS INTEGER), p.id FROM projects p, json_each('[' || trim(p.firm_ids, ',') || ']') j;

-- The work-order board's page: the deadlines still owed, soonest due first (the escalation
-- sweep's index leaves out the escalated ones, which are the most urgent of all).
CREATE INDEX work_order_deadlines_unmet ON work_order_deadlines(due_at) WHERE met_at IS NULL;

-- A planned outage tells the bound customers of its hall whose address names a street of its
-- area (functions/src/outages.rs): the hall's accounts, not the city's.
CREATE INDEX utility_accounts_hall ON utility_accounts(hall_id);
