-- When a game day was last resumed: a trigger whose time came before it was held by the pause,
-- and its incident is missed rather than fired late (docs/server.md, "Misfires").
ALTER TABLE chaos_game_day ADD COLUMN resumed_at TIMESTAMP WITH TIME ZONE;
