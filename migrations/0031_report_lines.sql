-- The durations CSV as the finished runs' lines joined (docs/SCALE.md, "hot figures as
-- aggregates"): a finished run's line never changes, so it is written with the run
-- (domain::projects::clock_records::RunRecord::line) and a report reads one text per period
-- instead of decoding and printing every run. NULL while the run is open.
ALTER TABLE project_clock_runs ADD COLUMN line TEXT;

-- Runs that finished before this migration have no line until their project is written again;
-- the report prints those from their fields, found through this index (empty in a database
-- that started with it). `line` leads so that `line IS NULL` picks it over the hall's index.
CREATE INDEX project_clock_runs_unprinted ON project_clock_runs(line, finished)
  WHERE finished IS NOT NULL AND line IS NULL;
