-- Per hall and day, the finished tickets summed for the dashboard (domain::operations::tally,
-- docs/SCALE.md): a range's figures read 30 × halls rows instead of every ticket fact. The
-- Worker writes `tally` when a dashboard first needs the day; any change to the day's facts,
-- by any writer, counts in `changes` and clears it, and a tally is stored only if `changes`
-- is still what it was when the facts were read.
CREATE TABLE hall_day_tallies (
  day TEXT NOT NULL,
  hall_id TEXT NOT NULL,
  changes INTEGER NOT NULL,
  tally TEXT,
  PRIMARY KEY (day, hall_id)
) WITHOUT ROWID;

CREATE TRIGGER hall_day_tallies_on_insert AFTER INSERT ON ticket_facts BEGIN
  INSERT INTO hall_day_tallies (day, hall_id, changes) VALUES (NEW.day, NEW.hall_id, 1)
  ON CONFLICT (day, hall_id) DO UPDATE SET changes = changes + 1, tally = NULL;
END;

CREATE TRIGGER hall_day_tallies_on_update AFTER UPDATE ON ticket_facts BEGIN
  INSERT INTO hall_day_tallies (day, hall_id, changes) VALUES (NEW.day, NEW.hall_id, 1)
  ON CONFLICT (day, hall_id) DO UPDATE SET changes = changes + 1, tally = NULL;
  UPDATE hall_day_tallies SET changes = changes + 1, tally = NULL
  WHERE day = OLD.day AND hall_id = OLD.hall_id;
END;

CREATE TRIGGER hall_day_tallies_on_delete AFTER DELETE ON ticket_facts BEGIN
  UPDATE hall_day_tallies SET changes = changes + 1, tally = NULL
  WHERE day = OLD.day AND hall_id = OLD.hall_id;
END;

-- The days already kept, to be tallied when first read.
INSERT INTO hall_day_tallies (day, hall_id, changes)
SELECT DISTINCT day, hall_id, 1 FROM ticket_facts;
