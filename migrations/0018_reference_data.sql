-- Reference data kept in the console (issue 19): how each hall offers each business type
-- (domain::halls::business; a type without a row keeps the standard letter and minutes, and
-- no daily limit), and a firm's suspension by the administrator.
CREATE TABLE hall_business (
  hall_id          TEXT NOT NULL REFERENCES halls(id),
  business         TEXT NOT NULL,     -- domain::halls::BusinessType
  prefix           TEXT NOT NULL,     -- one letter A-Z, unique within the hall
  service_minutes  INTEGER NOT NULL,
  daily_cap        INTEGER,           -- numbers a day; NULL for no limit
  PRIMARY KEY (hall_id, business)
);
ALTER TABLE firms ADD COLUMN suspended TEXT;  -- why it is suspended; NULL while it may work
