-- Where each hall is (millionths of a degree, for the kiosk's map of the city's halls) and how to
-- get there: bus and metro lines and parking, which the hall's manager keeps.
ALTER TABLE halls ADD COLUMN lat_e6 INTEGER;
ALTER TABLE halls ADD COLUMN lng_e6 INTEGER;
ALTER TABLE halls ADD COLUMN transit TEXT NOT NULL DEFAULT '';
ALTER TABLE halls ADD COLUMN parking TEXT NOT NULL DEFAULT '';
