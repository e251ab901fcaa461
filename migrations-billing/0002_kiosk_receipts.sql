-- A payment made at a kiosk by a customer who identified by 户号 and name has no user
-- (user_id 0); its receipt opens with a key printed as a QR code, of which only the SHA-256
-- is kept.
ALTER TABLE payments ADD COLUMN receipt_key_hash TEXT;
