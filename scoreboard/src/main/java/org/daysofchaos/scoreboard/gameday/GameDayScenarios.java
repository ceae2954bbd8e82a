package org.daysofchaos.scoreboard.gameday;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.GameDay;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.core.gameday.Notification;
import org.daysofchaos.scoreboard.incident.GameDayRules;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the engine the scenario each incident runs, already carrying its game day's guardrails
 * (every incident of a day runs with them, after its scenario's own), and tells it when a paused
 * game day was resumed.
 */
@ApplicationScoped
public class GameDayScenarios implements GameDayRules {
  private static final Logger LOG = LoggerFactory.getLogger(GameDayScenarios.class);

  @Inject ScenarioCatalog catalog;
  @Inject GameDayStore store;
  @Inject GameDays gameDays;

  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  /** A game day as read, with the text it was read from. */
  private record Parsed(String yaml, GameDay day) {}

  @Override
  public Scenario scenarioOf(Incident incident) {
    Scenario written;
    try {
      written = catalog.scenario(incident.scenarioId(), incident.scenarioSha256());
    } catch (RuntimeException e) {
      throw new NotRunnable("its scenario cannot be read: " + e.getMessage());
    }
    return written.plusGuardrails(guardrailsOf(incident.gameDayId()));
  }

  @Override
  public Optional<Instant> resumedAt(String gameDayId) {
    return store.find(gameDayId).map(GameDayStore.Row::resumedAt);
  }

  @Override
  public List<Notification> notificationsOf(String gameDayId) {
    if (gameDayId == null) {
      return List.of();
    }
    try {
      return store.find(gameDayId).map(row -> parse(row).notifications()).orElse(List.of());
    } catch (NotRunnable e) {
      // Its run fails on the guardrails already; nothing more to say here.
      LOG.warn("game day {}: notifications unknown: {}", gameDayId, e.getMessage());
      return List.of();
    }
  }

  @Override
  public Map<String, List<Notification>> liveNotifications() {
    Map<String, List<Notification>> byDay = new LinkedHashMap<>();
    for (GameDayStore.Row row : store.list()) {
      if (row.state().live()) {
        byDay.put(row.id(), notificationsOf(row.id()));
      }
    }
    return byDay;
  }

  /** The guardrails of a game day; none for an incident fired outside a game day. */
  private List<Guardrail> guardrailsOf(String gameDayId) {
    if (gameDayId == null) {
      return List.of();
    }
    return store.find(gameDayId).map(row -> parse(row).guardrails()).orElse(List.of());
  }

  private GameDay parse(GameDayStore.Row row) {
    String yaml = row.yaml();
    // Parsed once per text of the game day: a day of thousands of slots fires thousands of
    // incidents, and parsing it for each one made firing fall behind (docs/benchmarks.md).
    Parsed cached = parsed.get(row.id());
    if (cached != null && cached.yaml().equals(yaml)) {
      return cached.day();
    }
    GameDayReadResult read = gameDays.read(row.source(), yaml);
    if (!read.ok()) {
      throw new NotRunnable(
          "its game day "
              + row.id()
              + " no longer reads, so its guardrails are unknown: "
              + read.problems().get(0));
    }
    GameDay day = read.gameDay().orElseThrow();
    parsed.put(row.id(), new Parsed(yaml, day));
    return day;
  }
}
