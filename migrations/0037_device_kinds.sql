-- A paired device is a TV or a self-service kiosk; the console lists both, with the time each
-- last said it was alive (a heartbeat every minute, see domain::displays).
ALTER TABLE display_tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'display' CHECK (kind IN ('display','kiosk'));
