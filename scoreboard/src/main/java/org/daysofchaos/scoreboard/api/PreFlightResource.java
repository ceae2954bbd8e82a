package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.core.run.PreFlight;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;
import org.daysofchaos.scoreboard.targets.Targets;

/**
 * The pre-flight of a game day from the server (the console's Pre-flight button): the checklist of
 * {@code chaos validate --live} for every scenario the game day plays, in the version it was loaded
 * with and with the game day's guardrails, against this server's targets. Nothing is injected; the
 * probes and the alert sources are asked once each, now.
 */
@Path("/api/gamedays/{id}/preflight")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.GAME_MASTER)
public class PreFlightResource {
  @Inject SecurityIdentity identity;
  @Inject GameDays gameDays;
  @Inject ScenarioCatalog catalog;
  @Inject Targets targets;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** One item of the checklist. */
  public record Item(String scenario, String what, boolean ok, String detail) {}

  /**
   * The checklist of a game day.
   *
   * @param ok whether every item passed
   * @param failed how many did not
   */
  public record Checklist(
      String gameDay, Instant checkedAt, boolean ok, int checked, int failed, List<Item> items) {}

  /** Runs the checklist; a GET for a browser or curl, the same as the console's POST. */
  @GET
  public Checklist get(@PathParam("id") String id) {
    return check(id);
  }

  @POST
  public Checklist post(@PathParam("id") String id) {
    return check(id);
  }

  private Checklist check(String id) {
    GameDayStore.Row row = gameDays.get(id);
    Instant at = clock.instant();
    Targets.Wiring wiring = targets.wiring();
    List<Item> items = new ArrayList<>();
    for (Scenario scenario : scenarios(row)) {
      for (PreFlight.Item item :
          PreFlight.check(scenario, wiring.injectors(), wiring.probes(), wiring.alerts())) {
        items.add(new Item(item.scenario(), item.what(), item.ok(), item.detail()));
      }
    }
    int failed = (int) items.stream().filter(i -> !i.ok()).count();
    audit.record(
        Caller.name(identity),
        "gameday-preflight",
        "game day " + id,
        items.size() + " item(s), " + failed + " failed");
    return new Checklist(id, at, failed == 0, items.size(), failed, items);
  }

  /**
   * The scenarios the game day plays, once each, in the versions it was loaded with, with its
   * guardrails after their own (as its incidents run them).
   */
  private List<Scenario> scenarios(GameDayStore.Row row) {
    List<Guardrail> guardrails = guardrails(row);
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    for (GameDayStore.SlotRow slot : gameDays.slots(row.id())) {
      scenarios.computeIfAbsent(
          slot.scenarioId(),
          k ->
              catalog
                  .scenario(slot.scenarioId(), slot.scenarioSha256())
                  .plusGuardrails(guardrails));
    }
    return List.copyOf(scenarios.values());
  }

  private List<Guardrail> guardrails(GameDayStore.Row row) {
    GameDayReadResult read = gameDays.read(row.source(), row.yaml());
    return read.gameDay().map(day -> day.guardrails()).orElse(List.of());
  }
}
