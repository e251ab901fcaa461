-- The work-order and application boards list open cases first, then the newest (LIMIT 200 and
-- 50). These indexes hold that order for a hall and for the city, so a board reads the rows it
-- shows instead of sorting every case of the hall or the city (bench/scale.sh: the work-order
-- board of a hall with ~3,000 orders took 2.5× the demo's time before).
CREATE INDEX work_orders_hall_board ON work_orders(hall_id, status IN ('closed', 'cancelled'), created_at DESC);
CREATE INDEX work_orders_city_board ON work_orders(status IN ('closed', 'cancelled'), created_at DESC);
CREATE INDEX applications_hall_board ON applications(hall_id, status IN ('submitted', 'accepted') DESC, updated_at DESC);
CREATE INDEX applications_city_board ON applications(status IN ('submitted', 'accepted') DESC, updated_at DESC);
