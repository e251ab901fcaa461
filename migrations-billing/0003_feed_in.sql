-- What a rooftop PV fed into the grid each month (domain::billing::bills::MonthUsage): the
-- two-way meter's export register, read with the month's use; 0 for an account without one.
ALTER TABLE bills ADD COLUMN feed_in_kwh INTEGER NOT NULL DEFAULT 0;
