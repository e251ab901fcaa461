-- What the project board shows of a project besides its row (domain::projects::glance): its
-- stage's dates and whose turn it is, kept with the project on every write, so the board's page
-- of 50 reads 50 small records instead of 50 histories (docs/SCALE.md). A project written
-- before this has none; the board reads its history and keeps the glance then.
ALTER TABLE projects ADD COLUMN glance TEXT;
