-- Projects' clock runs kept on write (docs/SCALE.md, "hot figures as aggregates";
-- domain::projects::clock_records): the firm directory and the dashboard add up stored verdicts
-- instead of replaying every project's history on the calendar at each request.

-- Every run of every project, rewritten with the project. Only the open ones are read across
-- projects, through the partial index (their number is the work in flight, not the history).
CREATE TABLE project_clock_runs (
  project_id INTEGER NOT NULL REFERENCES projects(id),
  seq INTEGER NOT NULL,
  hall_id TEXT NOT NULL,
  clock TEXT NOT NULL,
  firm_id INTEGER,
  started TEXT NOT NULL,
  finished TEXT,
  used INTEGER NOT NULL,
  limit_days INTEGER NOT NULL,
  late_from TEXT NOT NULL,
  PRIMARY KEY (project_id, seq)
);
CREATE INDEX project_clock_runs_open ON project_clock_runs(late_from) WHERE finished IS NULL;

-- Finished runs added up once, when they finish: one row per hall, clock and firm (0 for the
-- utility's own clocks), so its size follows the reference data, not the city.
CREATE TABLE clock_totals (
  hall_id TEXT NOT NULL,
  clock TEXT NOT NULL,
  firm_id INTEGER NOT NULL,
  counted INTEGER NOT NULL,
  on_time INTEGER NOT NULL,
  PRIMARY KEY (hall_id, clock, firm_id)
);
