package org.daysofchaos.scoreboard.alerts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.daysofchaos.core.scoring.Judging;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.scoreboard.persistence.Db;

/**
 * The alerts received by the webhook ({@code chaos_alert}) and the first of them per incident: the
 * incident's monitoring detection by alert, overall and per team.
 */
public final class AlertStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> LABELS = new TypeReference<>() {};
  private static final String COLUMNS =
      "a.id, a.received_at, a.alertname, a.status, a.starts_at, a.fingerprint, a.labels_json,"
          + " a.incident_id, a.team, a.actor";

  /**
   * One stored alert.
   *
   * @param receivedAt when the webhook received it
   * @param startsAt when Prometheus saw it firing, as Alertmanager tells; null if unknown
   * @param incidentId the incident it matched; null when it matched none
   * @param team the team whose Alertmanager sent it; null when not sent by a team
   * @param actor who called the webhook
   */
  public record StoredAlert(
      long id,
      Instant receivedAt,
      String alertname,
      String status,
      Instant startsAt,
      String fingerprint,
      Map<String, String> labels,
      String incidentId,
      String team,
      String actor) {}

  /**
   * The first alert of an incident (or of a team in an incident): its monitoring detection.
   *
   * @param at when the webhook received it: the detection time, precise (push)
   * @param startsAt when Prometheus saw it firing, as Alertmanager tells; null if unknown
   * @param afterInjection from the moment the fault took effect to {@code at}
   * @param team null when the alert came from no team (e.g. the game master's own Alertmanager)
   */
  public record FirstAlert(
      Instant at,
      Instant startsAt,
      String alertname,
      String team,
      String fingerprint,
      @JsonIgnore Duration afterInjection) {
    /** In JSON as milliseconds, like the incident's own {@code detectionMillis}. */
    @JsonProperty
    public Long afterInjectionMillis() {
      return afterInjection == null ? null : afterInjection.toMillis();
    }
  }

  /**
   * The monitoring detection of one incident by alerts.
   *
   * @param first the first matching alert from anyone
   * @param byTeam the first matching alert of each team that sent one
   */
  public record IncidentAlerts(
      String incidentId, FirstAlert first, Map<String, FirstAlert> byTeam) {
    public IncidentAlerts {
      byTeam = Collections.unmodifiableMap(new TreeMap<>(byTeam));
    }
  }

  private final Db db;

  public AlertStore(Db db) {
    this.db = db;
  }

  /**
   * Stores a firing alert, matched to {@code incidentId} (null: it matched no incident).
   *
   * @param team the team whose Alertmanager sent it, null for none
   * @return the new row's id; empty when this alert was already recorded: for the same incident and
   *     team (a match counts once), or, unmatched, for the same firing episode
   */
  public Optional<Long> record(
      WebhookPayload.Alert alert,
      Instant receivedAt,
      String incidentId,
      String team,
      String actor) {
    String key = matchKey(alert, incidentId, team);
    try {
      db.update(
          "INSERT INTO chaos_alert (received_at, alertname, status, starts_at, fingerprint,"
              + " labels_json, incident_id, team, actor, match_key)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          receivedAt,
          alert.alertname(),
          alert.status(),
          alert.startsAt(),
          alert.fingerprint(),
          labelsJson(alert.labels()),
          incidentId,
          team,
          actor,
          key);
    } catch (Db.DbException e) {
      // The unique match key refused it: a re-sent alert, or the same one from a second
      // Alertmanager of a pair (possibly to another node of the cluster). Anything else is real.
      if (exists(key)) {
        return Optional.empty();
      }
      throw e;
    }
    return db.one("SELECT id FROM chaos_alert WHERE match_key = ?", rs -> rs.getLong(1), key);
  }

  /** Alerts {@code actor} stored since {@code since} (the per-minute limit). */
  public long countSince(String actor, Instant since) {
    return db.one(
            "SELECT COUNT(*) FROM chaos_alert WHERE actor = ? AND received_at > ?",
            rs -> rs.getLong(1),
            actor,
            since)
        .orElse(0L);
  }

  /** Alerts {@code actor} stored for one incident. */
  public long countOfIncident(String actor, String incidentId) {
    return db.one(
            "SELECT COUNT(*) FROM chaos_alert WHERE actor = ? AND incident_id = ?",
            rs -> rs.getLong(1),
            actor,
            incidentId)
        .orElse(0L);
  }

  /** True when row {@code id} is the earliest alert of its incident, from anyone. */
  public boolean isFirstOfIncident(long id, String incidentId) {
    return db.one(
            "SELECT MIN(id) FROM chaos_alert WHERE incident_id = ?",
            rs -> rs.getLong(1),
            incidentId)
        .filter(min -> min == id)
        .isPresent();
  }

  /** True when row {@code id} is the earliest alert of its incident from {@code team}. */
  public boolean isFirstOfTeam(long id, String incidentId, String team) {
    return db.one(
            "SELECT MIN(id) FROM chaos_alert WHERE incident_id = ? AND team = ?",
            rs -> rs.getLong(1),
            incidentId,
            team)
        .filter(min -> min == id)
        .isPresent();
  }

  /** Every alert matched to an incident, in the order received. */
  public List<StoredAlert> ofIncident(String incidentId) {
    return db.query(
        "SELECT " + COLUMNS + " FROM chaos_alert a WHERE a.incident_id = ? ORDER BY a.id",
        AlertStore::row,
        incidentId);
  }

  /** The alerts that matched no incident, newest first. */
  public List<StoredAlert> unmatched(int limit) {
    return db.query(
        "SELECT "
            + COLUMNS
            + " FROM chaos_alert a WHERE a.incident_id IS NULL ORDER BY a.id DESC FETCH FIRST "
            + Math.max(1, limit)
            + " ROWS ONLY",
        AlertStore::row);
  }

  /** The monitoring detection by alert of one incident; empty when no alert matched it. */
  public Optional<IncidentAlerts> firstAlertsOfIncident(String incidentId) {
    return Optional.ofNullable(
        fold(db.query(
                "SELECT "
                    + COLUMNS
                    + ", i.injected_at FROM chaos_alert a JOIN chaos_incident i"
                    + " ON a.incident_id = i.id WHERE a.incident_id = ?"
                    + " ORDER BY a.received_at, a.id",
                AlertStore::matched,
                incidentId))
            .get(incidentId));
  }

  /**
   * Each team's first alert of each incident as the scoring rules read it: an alert from a team's
   * own Alertmanager before its detection claim earns the own-alerting bonus. The board and the
   * reports both read alerts through this, so that they never disagree.
   */
  public static List<Play> asPlays(Map<String, IncidentAlerts> firstAlerts) {
    List<Play> plays = new ArrayList<>();
    for (IncidentAlerts a : firstAlerts.values()) {
      a.byTeam()
          .forEach(
              (team, first) ->
                  plays.add(
                      Judging.firstAlert(team, a.incidentId(), first.at(), first.alertname())));
    }
    return plays;
  }

  /**
   * The monitoring detection by alert of every incident of a game day that an alert matched, by
   * incident id (incidents in the order of their first alert).
   */
  public Map<String, IncidentAlerts> firstAlerts(String gameDayId) {
    return fold(
        db.query(
            "SELECT "
                + COLUMNS
                + ", i.injected_at FROM chaos_alert a JOIN chaos_incident i"
                + " ON a.incident_id = i.id WHERE i.game_day_id = ?"
                + " ORDER BY a.received_at, a.id",
            AlertStore::matched,
            gameDayId));
  }

  private record Matched(StoredAlert alert, Instant injectedAt) {
    FirstAlert first() {
      return new FirstAlert(
          alert.receivedAt(),
          alert.startsAt(),
          alert.alertname(),
          alert.team(),
          alert.fingerprint(),
          injectedAt == null ? null : Duration.between(injectedAt, alert.receivedAt()));
    }
  }

  /** Keeps the first alert of each incident and of each team in it; rows come oldest first. */
  private static Map<String, IncidentAlerts> fold(List<Matched> rows) {
    Map<String, FirstAlert> first = new LinkedHashMap<>();
    Map<String, Map<String, FirstAlert>> byTeam = new LinkedHashMap<>();
    for (Matched row : rows) {
      String incident = row.alert().incidentId();
      first.putIfAbsent(incident, row.first());
      Map<String, FirstAlert> teams = byTeam.computeIfAbsent(incident, k -> new TreeMap<>());
      if (row.alert().team() != null) {
        teams.putIfAbsent(row.alert().team(), row.first());
      }
    }
    Map<String, IncidentAlerts> result = new LinkedHashMap<>();
    first.forEach((id, f) -> result.put(id, new IncidentAlerts(id, f, byTeam.get(id))));
    return result;
  }

  private boolean exists(String key) {
    return db.one("SELECT 1 FROM chaos_alert WHERE match_key = ?", rs -> 1, key).isPresent();
  }

  /** What makes a row unique: see V5__alerts.sql. */
  static String matchKey(WebhookPayload.Alert alert, String incidentId, String team) {
    String who = team == null ? "" : team;
    if (incidentId != null) {
      return incidentId + "|" + who + "|" + alert.fingerprint();
    }
    return "-|" + who + "|" + alert.fingerprint() + "|" + alert.startsAt();
  }

  static String labelsJson(Map<String, String> labels) {
    try {
      String json = JSON.writeValueAsString(new TreeMap<>(labels));
      // The column holds 10 000 characters; labels that long are not worth keeping whole.
      return json.length() <= 10_000
          ? json
          : JSON.writeValueAsString(Map.of("alertname", labels.get("alertname")));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write labels as JSON", e);
    }
  }

  private static StoredAlert row(ResultSet rs) throws SQLException {
    Map<String, String> labels;
    try {
      labels = JSON.readValue(rs.getString("labels_json"), LABELS);
    } catch (JsonProcessingException e) {
      labels = Map.of();
    }
    return new StoredAlert(
        rs.getLong("id"),
        Db.instant(rs, "received_at"),
        rs.getString("alertname"),
        rs.getString("status"),
        Db.instant(rs, "starts_at"),
        rs.getString("fingerprint"),
        labels,
        rs.getString("incident_id"),
        rs.getString("team"),
        rs.getString("actor"));
  }

  private static Matched matched(ResultSet rs) throws SQLException {
    return new Matched(row(rs), Db.instant(rs, "injected_at"));
  }
}
