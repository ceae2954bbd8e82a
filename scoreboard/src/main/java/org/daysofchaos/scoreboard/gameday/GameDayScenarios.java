package org.daysofchaos.scoreboard.gameday;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.scoreboard.incident.GameDayRules;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.Incident;

/**
 * Hands the engine the scenario each incident runs, already carrying its game day's guardrails
 * (every incident of a day runs with them, after its scenario's own), and tells it when a paused
 * game day was resumed.
 */
@ApplicationScoped
public class GameDayScenarios implements GameDayRules {
  @Inject ScenarioCatalog catalog;
  @Inject GameDayStore store;
  @Inject GameDays gameDays;

  private final Map<String, ParsedGuardrails> guardrails = new ConcurrentHashMap<>();

  /** A game day's guardrails, with the text they were read from. */
  private record ParsedGuardrails(String yaml, List<Guardrail> guardrails) {}

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

  /** The guardrails of a game day; none for an incident fired outside a game day. */
  private List<Guardrail> guardrailsOf(String gameDayId) {
    if (gameDayId == null) {
      return List.of();
    }
    Optional<GameDayStore.Row> row = store.find(gameDayId);
    if (row.isEmpty()) {
      return List.of();
    }
    String yaml = row.get().yaml();
    // Parsed once per text of the game day: a day of thousands of slots fires thousands of
    // incidents, and parsing it for each one made firing fall behind (docs/benchmarks.md).
    ParsedGuardrails cached = guardrails.get(gameDayId);
    if (cached != null && cached.yaml().equals(yaml)) {
      return cached.guardrails();
    }
    GameDayReadResult read = gameDays.read(row.get().source(), yaml);
    if (!read.ok()) {
      throw new NotRunnable(
          "its game day "
              + gameDayId
              + " no longer reads, so its guardrails are unknown: "
              + read.problems().get(0));
    }
    List<Guardrail> parsed = read.gameDay().orElseThrow().guardrails();
    guardrails.put(gameDayId, new ParsedGuardrails(yaml, parsed));
    return parsed;
  }
}
