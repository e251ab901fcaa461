-- Per hall and day, the figures read across many days, kept by triggers from ticket_facts
-- (docs/SCALE.md, "hot figures as aggregates"): the live wait's "inside the range last week"
-- share reads seven days × halls rows instead of a week of tickets (~210,000 for the city).
-- measured: tickets called that were shown a wait range; inside: called within it (whole
-- minutes waited, as operations::accuracy counts them).
CREATE TABLE hall_day_figures (
  day TEXT NOT NULL,
  hall_id TEXT NOT NULL,
  measured INTEGER NOT NULL,
  inside INTEGER NOT NULL,
  PRIMARY KEY (day, hall_id)
) WITHOUT ROWID;

-- Every writer of ticket facts (the queue objects' outbox, the demo loader, the generator) keeps
-- the figures by these triggers; a retried insert that is ignored fires none.
CREATE TRIGGER hall_day_figures_on_insert AFTER INSERT ON ticket_facts
WHEN NEW.called_at IS NOT NULL AND NEW.promised_low IS NOT NULL BEGIN
  INSERT INTO hall_day_figures (day, hall_id, measured, inside)
  VALUES (NEW.day, NEW.hall_id, 1,
    (NEW.called_at - NEW.issued_at) / 60000 BETWEEN NEW.promised_low AND NEW.promised_high)
  ON CONFLICT (day, hall_id) DO UPDATE SET
    measured = measured + 1, inside = inside + excluded.inside;
END;

CREATE TRIGGER hall_day_figures_on_delete AFTER DELETE ON ticket_facts
WHEN OLD.called_at IS NOT NULL AND OLD.promised_low IS NOT NULL BEGIN
  UPDATE hall_day_figures SET measured = measured - 1,
    inside = inside - ((OLD.called_at - OLD.issued_at) / 60000 BETWEEN OLD.promised_low AND OLD.promised_high)
  WHERE day = OLD.day AND hall_id = OLD.hall_id;
END;

-- Facts are written once (only their stars change later); should a measured column change, the
-- old row leaves the figures and the new one enters them.
CREATE TRIGGER hall_day_figures_on_update
AFTER UPDATE OF called_at, issued_at, promised_low, promised_high ON ticket_facts BEGIN
  UPDATE hall_day_figures SET measured = measured - 1,
    inside = inside - ((OLD.called_at - OLD.issued_at) / 60000 BETWEEN OLD.promised_low AND OLD.promised_high)
  WHERE day = OLD.day AND hall_id = OLD.hall_id
    AND OLD.called_at IS NOT NULL AND OLD.promised_low IS NOT NULL;
  INSERT INTO hall_day_figures (day, hall_id, measured, inside)
  SELECT NEW.day, NEW.hall_id, 1,
    (NEW.called_at - NEW.issued_at) / 60000 BETWEEN NEW.promised_low AND NEW.promised_high
  WHERE NEW.called_at IS NOT NULL AND NEW.promised_low IS NOT NULL
  ON CONFLICT (day, hall_id) DO UPDATE SET
    measured = measured + 1, inside = inside + excluded.inside;
END;

-- The facts already kept.
INSERT INTO hall_day_figures (day, hall_id, measured, inside)
SELECT day, hall_id, COUNT(*),
  SUM((called_at - issued_at) / 60000 BETWEEN promised_low AND promised_high)
FROM ticket_facts WHERE called_at IS NOT NULL AND promised_low IS NOT NULL
GROUP BY day, hall_id;
