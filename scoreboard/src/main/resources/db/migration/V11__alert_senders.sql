-- The Alertmanagers a game master registered (docs/security.md, "Alert senders"): only they may
-- post to POST /api/alerts, each with its own token (only its SHA-256 is kept) and, for a team's
-- Alertmanager, the game day and team its alerts count for.
CREATE TABLE chaos_alert_sender (
  name         VARCHAR(100) NOT NULL PRIMARY KEY,
  token_hash   VARCHAR(64)  NOT NULL,
  game_day_id  VARCHAR(100),
  team         VARCHAR(200),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by   VARCHAR(200) NOT NULL,
  revoked      BOOLEAN      DEFAULT FALSE NOT NULL,
  CONSTRAINT chaos_alert_sender_token UNIQUE (token_hash)
);
