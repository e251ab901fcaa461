-- Live accuracy: what each ticket was shown at check-in (domain::queue::ticket::Promised), kept
-- with its fact so the dashboard measures the live figures against the waits that followed
-- (domain::operations::accuracy). NULL for tickets shown no wait.
ALTER TABLE ticket_facts ADD COLUMN promised_minutes REAL;
ALTER TABLE ticket_facts ADD COLUMN promised_low INTEGER;
ALTER TABLE ticket_facts ADD COLUMN promised_high INTEGER;
ALTER TABLE ticket_facts ADD COLUMN baseline_minutes REAL;
