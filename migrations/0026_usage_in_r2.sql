-- Daily usage lives in R2, one object per account and year (docs/SCALE.md, "Daily usage →
-- R2"; domain::billing::usage_year): a million accounts' days are ~730 million rows, far past
-- one D1 database. The demo loader writes the objects (scripts/db.sh).
DROP TABLE IF EXISTS daily_usage;
