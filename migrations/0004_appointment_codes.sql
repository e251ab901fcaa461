-- A code per booking, for checking in at the hall's kiosk without signing in. Unique among a
-- hall's open bookings; bookings made before this have none and arrive from the app.
ALTER TABLE appointments ADD COLUMN code TEXT;
CREATE INDEX appointments_code ON appointments(hall_id, code);
