-- Days a hall's manager sets apart from its weekly hours and the national calendar
-- (domain::hours::calendar): extra hours such as 周六延时服务, or a closure. `open` and `close`
-- are local times 'HH:MM'; both NULL: closed all day. Changes are in audit_log.
CREATE TABLE hall_special_days (
  hall_id  TEXT NOT NULL REFERENCES halls(id),
  day      TEXT NOT NULL,                 -- the hall's local date, 'YYYY-MM-DD'
  open     TEXT,
  close    TEXT,
  note     TEXT NOT NULL,
  by_id    INTEGER REFERENCES users(id),
  at       INTEGER NOT NULL,
  PRIMARY KEY (hall_id, day),
  CHECK ((open IS NULL) = (close IS NULL))
);
