package org.daysofchaos.scoreboard.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.report.ActionItem;
import org.daysofchaos.core.report.Notes;
import org.daysofchaos.scoreboard.persistence.Db;

/** The game master's notes and action items of each game day ({@code chaos_report_notes}). */
public final class NotesStore {
  /** The longest notes text, and the most action items, that a report keeps. */
  public static final int MAX_TEXT = 10_000;

  public static final int MAX_ACTIONS = 50;
  public static final int MAX_ACTION_TEXT = 300;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<ActionItem>> ACTIONS = new TypeReference<>() {};

  private final Db db;

  public NotesStore(Db db) {
    this.db = db;
  }

  public Notes of(String gameDayId) {
    return db.one(
            "SELECT notes_text, actions_json, updated_by, updated_at FROM chaos_report_notes"
                + " WHERE game_day_id = ?",
            NotesStore::row,
            gameDayId)
        .orElse(Notes.none());
  }

  /**
   * Replaces the notes of a game day.
   *
   * @throws IllegalArgumentException naming the field that is too long
   */
  public Notes save(
      String gameDayId, String text, List<ActionItem> actions, String by, Instant at) {
    Notes notes = new Notes(text, actions, Optional.of(by), Optional.of(at));
    check(notes);
    String json = actionsJson(notes.actions());
    int updated =
        db.update(
            "UPDATE chaos_report_notes SET notes_text = ?, actions_json = ?, updated_by = ?,"
                + " updated_at = ? WHERE game_day_id = ?",
            notes.text(),
            json,
            by,
            at,
            gameDayId);
    if (updated == 0) {
      try {
        db.update(
            "INSERT INTO chaos_report_notes (game_day_id, notes_text, actions_json, updated_by,"
                + " updated_at) VALUES (?, ?, ?, ?, ?)",
            gameDayId,
            notes.text(),
            json,
            by,
            at);
      } catch (Db.DbException e) {
        // Another game master inserted the row first: the last write wins, as for an update.
        save(gameDayId, text, actions, by, at);
      }
    }
    return notes;
  }

  static void check(Notes notes) {
    if (notes.text().length() > MAX_TEXT) {
      throw new IllegalArgumentException("text: at most " + MAX_TEXT + " characters");
    }
    if (notes.actions().size() > MAX_ACTIONS) {
      throw new IllegalArgumentException("actions: at most " + MAX_ACTIONS + " action items");
    }
    for (int i = 0; i < notes.actions().size(); i++) {
      ActionItem a = notes.actions().get(i);
      if (a.text().isEmpty()) {
        throw new IllegalArgumentException("actions[" + i + "].text: say what is to be done");
      }
      if (a.text().length() > MAX_ACTION_TEXT || a.owner().length() > 200) {
        throw new IllegalArgumentException(
            "actions["
                + i
                + "]: text at most "
                + MAX_ACTION_TEXT
                + ", owner at most 200 characters");
      }
    }
  }

  private static String actionsJson(List<ActionItem> actions) {
    try {
      return JSON.writeValueAsString(actions);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write action items as JSON", e);
    }
  }

  private static Notes row(ResultSet rs) throws SQLException {
    List<ActionItem> actions;
    try {
      actions = JSON.readValue(rs.getString("actions_json"), ACTIONS);
    } catch (JsonProcessingException e) {
      actions = List.of();
    }
    return new Notes(
        rs.getString("notes_text"),
        actions,
        Optional.ofNullable(rs.getString("updated_by")),
        Optional.ofNullable(Db.instant(rs, "updated_at")));
  }
}
