-- Each person's choice of channels per topic and quiet hours (domain::notify::Preferences, as
-- JSON); a person without a row has the defaults.
CREATE TABLE notify_preferences (
  user_id     INTEGER PRIMARY KEY REFERENCES users(id),
  json        TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);

-- Each device that receives Web Push: the browser's subscription (functions/src/notify).
CREATE TABLE push_subscriptions (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  endpoint    TEXT NOT NULL UNIQUE,
  p256dh      TEXT NOT NULL,
  auth        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX push_subscriptions_user ON push_subscriptions(user_id);
