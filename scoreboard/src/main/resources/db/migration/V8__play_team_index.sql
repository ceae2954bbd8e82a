-- Each play checks what its team already did in the game day: look that up by team, not by
-- scanning the whole game day's plays (docs/benchmarks.md, "Leaderboard under load").
CREATE INDEX chaos_play_team ON chaos_play (game_day_id, team, id);
