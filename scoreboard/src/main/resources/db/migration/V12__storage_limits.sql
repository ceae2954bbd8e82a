-- The storage limits count what one sender stored recently (docs/security.md, "Storage limits").
CREATE INDEX chaos_play_user_time ON chaos_play (username, played_at);
CREATE INDEX chaos_play_team_incident ON chaos_play (game_day_id, team, incident_id);
CREATE INDEX chaos_alert_actor_time ON chaos_alert (actor, received_at);
CREATE INDEX chaos_alert_actor_incident ON chaos_alert (actor, incident_id);
