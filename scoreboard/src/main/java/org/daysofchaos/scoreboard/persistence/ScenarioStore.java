package org.daysofchaos.scoreboard.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scenarios as they were loaded ({@code chaos_scenario}): the text of each version, by its SHA-256.
 * Incidents point at the version they run, so every node of a cluster runs the same scenario, and a
 * later edit of the file does not change an incident already scheduled.
 */
public final class ScenarioStore {
  /** One loaded version of a scenario. */
  public record Stored(
      String id, String sha256, String title, String source, String yaml, Instant loadedAt) {}

  private final Db db;

  public ScenarioStore(Db db) {
    this.db = db;
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stores a version unless the same text of the same id is already there; returns it. */
  public Stored save(String id, String title, String source, String yaml, Instant at) {
    return save(id, title, source, yaml, at, find(id, sha256(yaml)));
  }

  /**
   * As {@link #save(String, String, String, String, Instant)}, given what {@link #find} returned
   * for this id and text just before: a server start saves each shipped scenario this way, two
   * queries fewer each.
   */
  public Stored save(
      String id,
      String title,
      String source,
      String yaml,
      Instant when,
      Optional<Stored> existing) {
    // The database keeps microseconds: stored as returned, without reading the row back.
    Instant at = when.truncatedTo(ChronoUnit.MICROS);
    String sha = sha256(yaml);
    if (existing.isPresent()) {
      // Loaded again: this text is the latest version of the scenario again.
      String cut = AuditLog.cut(source, 1000);
      int updated =
          db.update(
              "UPDATE chaos_scenario SET loaded_at = ?, source = ? WHERE id = ? AND sha256 = ?",
              at,
              cut,
              id,
              sha);
      if (updated == 1) {
        Stored was = existing.get();
        return new Stored(was.id(), was.sha256(), was.title(), cut, was.yaml(), at);
      }
    }
    try {
      db.update(
          "INSERT INTO chaos_scenario (id, sha256, title, source, yaml, loaded_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          id,
          sha,
          AuditLog.cut(title, 500),
          AuditLog.cut(source, 1000),
          yaml,
          at);
    } catch (Db.DbException e) {
      // Another node stored the same version at the same moment.
      return find(id, sha).orElseThrow(() -> e);
    }
    return new Stored(id, sha, title, source, yaml, at);
  }

  public Optional<Stored> find(String id, String sha256) {
    return db.one(
        "SELECT id, sha256, title, source, yaml, loaded_at FROM chaos_scenario"
            + " WHERE id = ? AND sha256 = ?",
        ScenarioStore::row,
        id,
        sha256);
  }

  /** The most recently loaded version of each scenario, by id. */
  public List<Stored> latest() {
    return db.query(
        "SELECT s.id, s.sha256, s.title, s.source, s.yaml, s.loaded_at FROM chaos_scenario s"
            + " WHERE s.loaded_at = (SELECT MAX(t.loaded_at) FROM chaos_scenario t"
            + " WHERE t.id = s.id) ORDER BY s.id",
        ScenarioStore::row);
  }

  /** The key of a text in {@link #currentTexts()}: where it was loaded from and its SHA-256. */
  public static String textKey(String source, String sha256) {
    return AuditLog.cut(source, 1000) + "\n" + sha256;
  }

  /**
   * The texts that are the latest version of every scenario stored from them, by {@link #textKey},
   * with how many scenarios each holds. A text some of whose scenarios have a later version (an
   * upload, another file) is not there.
   */
  public Map<String, Integer> currentTexts() {
    record Version(String id, String key, Instant loadedAt) {}
    List<Version> versions =
        db.query(
            "SELECT id, sha256, source, loaded_at FROM chaos_scenario",
            rs ->
                new Version(
                    rs.getString("id"),
                    textKey(rs.getString("source"), rs.getString("sha256")),
                    Db.instant(rs, "loaded_at")));
    Map<String, Instant> newest = new HashMap<>();
    for (Version v : versions) {
      newest.merge(v.id(), v.loadedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
    Map<String, Integer> current = new HashMap<>();
    Set<String> outdated = new HashSet<>();
    for (Version v : versions) {
      if (v.loadedAt().equals(newest.get(v.id()))) {
        current.merge(v.key(), 1, Integer::sum);
      } else {
        outdated.add(v.key());
      }
    }
    current.keySet().removeAll(outdated);
    return current;
  }

  private static Stored row(ResultSet rs) throws SQLException {
    return new Stored(
        rs.getString("id"),
        rs.getString("sha256"),
        rs.getString("title"),
        rs.getString("source"),
        rs.getString("yaml"),
        Db.instant(rs, "loaded_at"));
  }
}
