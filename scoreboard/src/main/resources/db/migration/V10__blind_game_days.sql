-- A blind game day (blind: true in its file) hides from players, viewers and the public how many
-- incidents fired or are open, and the kinds of fault its scenarios hold (docs/security.md).
ALTER TABLE chaos_game_day ADD COLUMN blind BOOLEAN DEFAULT FALSE NOT NULL;
