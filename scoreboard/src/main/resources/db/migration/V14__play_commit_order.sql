-- Plays in the order they commit, per game day (issue 14). A play's id is taken from one sequence
-- before its insert commits, so two nodes (or two requests) can commit play 8 after play 9: a board
-- that had read the plays after 7 and then the plays after 9 never read 8. Recording a play now
-- counts it in its game day's row in the same transaction: the row lock orders the game day's
-- commits, and seq is that number, so "seq > the last one read" misses nothing.
ALTER TABLE chaos_game_day ADD COLUMN play_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE chaos_play ADD COLUMN seq BIGINT;
-- The plays recorded before: all committed, in id order.
UPDATE chaos_play SET seq = id;
UPDATE chaos_game_day SET play_seq =
  COALESCE((SELECT MAX(p.seq) FROM chaos_play p WHERE p.game_day_id = chaos_game_day.id), 0);
ALTER TABLE chaos_play ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX chaos_play_game_day_seq ON chaos_play (game_day_id, seq);
