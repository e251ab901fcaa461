-- A customer rates a decided application like any other service; a low rating is followed up.
ALTER TABLE applications ADD COLUMN stars INTEGER;
ALTER TABLE applications ADD COLUMN rating_comment TEXT;
