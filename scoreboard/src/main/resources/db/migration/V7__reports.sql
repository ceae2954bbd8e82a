-- The game master's notes and action items of a game day's resilience report (docs/reports.md).
-- One row per game day; actions_json is a JSON array of {"text", "owner", "done"}.
CREATE TABLE chaos_report_notes (
  game_day_id   VARCHAR(100)   NOT NULL PRIMARY KEY,
  notes_text    VARCHAR(20000) NOT NULL,
  actions_json  VARCHAR(20000) NOT NULL,
  updated_by    VARCHAR(200)   NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
