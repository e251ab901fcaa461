-- Bills, ledger and payments move to the billing databases (migrations-billing/,
-- domain::billing::regions, docs/SCALE.md). A deployment holding bills before this migration
-- copies them first (README, "Deploying": `wrangler d1 export --table` per table, then each
-- region's rows into its database, bill and payment ids renumbered as sequence × 64 + the
-- database's number).
DROP TABLE IF EXISTS bills;
DROP TABLE IF EXISTS payments;
DROP TABLE IF EXISTS ledger;
