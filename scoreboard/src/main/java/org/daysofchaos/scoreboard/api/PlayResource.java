package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.daysofchaos.core.Hint;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.core.scoring.Standing;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.leaderboard.Boards;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.play.PlayRecord;
import org.daysofchaos.scoreboard.play.Plays;
import org.daysofchaos.scoreboard.security.Account;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;

/**
 * The player console's API: a player acts for their own team only (the team comes from the account,
 * never from the request). Each POST may carry an {@code Idempotency-Key} header; a request
 * replayed with the same key is refused with 409 and changes nothing.
 */
@Path("/api/play")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLAYER)
public class PlayResource {
  static final String KEY = "Idempotency-Key";

  @Inject Plays plays;
  @Inject Boards boards;
  @Inject ScenarioCatalog catalog;
  @Inject SecurityIdentity identity;

  public record Claim(String service) {}

  public record Diagnosis(String incident, String component, String fault, String text) {}

  public record IncidentRef(String incident) {}

  /** What the console shows: my team's incidents, plays, hints and score. */
  public record Console(
      Account account,
      String gameDay,
      String gameDayName,
      String gameDayState,
      Plays.Options options,
      List<IncidentCard> incidents,
      List<PlayView> plays,
      Standing standing) {}

  /** An incident my team detected. Undetected incidents are not shown: finding them is the game. */
  public record IncidentCard(
      String id,
      String label,
      Instant injectedAt,
      String state,
      String mode,
      String diagnosis,
      String fix,
      List<HintCard> hints) {}

  public record HintCard(
      int number, Instant unlocksAt, int costPercent, boolean bought, String text) {}

  /** A play; {@code incident} is its label ("incident 2") where known, else its id. */
  public record PlayView(
      long id,
      String type,
      Instant at,
      String outcome,
      String incidentId,
      String incident,
      String detail) {}

  public record BoughtHint(PlayView play, String text) {}

  @GET
  public Console console() {
    Account me = Caller.account(identity);
    Boards.Computed board = boards.compute(me.gameDayId(), false);
    Map<String, String> labels = board.labels();
    List<PlayRecord> mine =
        board.playsOf(me.team()).stream().filter(p -> p.type() != PlayType.ALERT).toList();
    List<IncidentCard> cards = new ArrayList<>();
    for (Incident i : board.incidents()) {
      boolean detected =
          mine.stream()
              .anyMatch(
                  p ->
                      p.type() == PlayType.DETECTION_CLAIM
                          && p.outcome() == Outcome.ACCEPTED
                          && i.id().equals(p.incidentId()));
      if (detected) {
        cards.add(card(i, labels.get(i.id()), mine));
      }
    }
    return new Console(
        me,
        board.day().id(),
        board.day().name(),
        board.day().state().name().toLowerCase(Locale.ROOT),
        plays.options(me.gameDayId()),
        cards,
        newestFirst(mine.stream().map(p -> view(p, labels)).toList()),
        boards.standingOf(board, me.team()).orElse(null));
  }

  @POST
  @Path("detections")
  public Response claim(Claim claim, @HeaderParam(KEY) String key) {
    PlayRecord play =
        plays.claimDetection(Caller.account(identity), claim == null ? null : claim.service(), key);
    return created(play);
  }

  @POST
  @Path("diagnoses")
  public Response diagnose(Diagnosis d, @HeaderParam(KEY) String key) {
    if (d == null) {
      throw new IllegalArgumentException(
          "give {\"incident\": …, \"component\": …, \"fault\": …} or {\"incident\": …, \"text\": …}");
    }
    return created(
        plays.diagnose(
            Caller.account(identity), d.incident(), d.component(), d.fault(), d.text(), key));
  }

  @POST
  @Path("hints")
  public Response buyHint(IncidentRef ref, @HeaderParam(KEY) String key) {
    Plays.Bought bought =
        plays.buyHint(Caller.account(identity), ref == null ? null : ref.incident(), key);
    return Response.status(201)
        .entity(new BoughtHint(view(bought.play(), Map.of()), bought.text()))
        .build();
  }

  @POST
  @Path("fixes")
  public Response declareFix(IncidentRef ref, @HeaderParam(KEY) String key) {
    return created(
        plays.declareFix(Caller.account(identity), ref == null ? null : ref.incident(), key));
  }

  private IncidentCard card(Incident i, String label, List<PlayRecord> mine) {
    Scenario s = catalog.scenario(i.scenarioId(), i.scenarioSha256());
    List<PlayRecord> ofIt = mine.stream().filter(p -> i.id().equals(p.incidentId())).toList();
    List<Integer> bought =
        ofIt.stream().filter(p -> p.type() == PlayType.HINT).map(PlayRecord::hintIndex).toList();
    List<Integer> costs = ScoringRules.defaults().hintCostPercents();
    List<HintCard> hints = new ArrayList<>();
    for (int n = 0; n < s.hints().size(); n++) {
      Hint h = s.hints().get(n);
      boolean has = bought.contains(n);
      hints.add(
          new HintCard(
              n + 1,
              i.injectedAt().plus(h.after()),
              costs.get(Math.min(n, costs.size() - 1)),
              has,
              has ? h.text() : null));
    }
    return new IncidentCard(
        i.id(),
        label,
        i.injectedAt(),
        i.state().name().toLowerCase(Locale.ROOT),
        s.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        outcomeOf(ofIt, PlayType.DIAGNOSIS),
        outcomeOf(ofIt, PlayType.FIX),
        hints);
  }

  /** The best outcome of a stage's plays: accepted, else pending, else rejected, else none. */
  private static String outcomeOf(List<PlayRecord> plays, PlayType type) {
    List<Outcome> outcomes =
        plays.stream().filter(p -> p.type() == type).map(PlayRecord::outcome).toList();
    for (Outcome o : List.of(Outcome.ACCEPTED, Outcome.PENDING, Outcome.REJECTED)) {
      if (outcomes.contains(o)) {
        return o.name().toLowerCase(Locale.ROOT);
      }
    }
    return "none";
  }

  static PlayView view(PlayRecord p, Map<String, String> labels) {
    return new PlayView(
        p.id(),
        p.type().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        p.at(),
        p.outcome().name().toLowerCase(Locale.ROOT),
        p.incidentId(),
        p.incidentId() == null ? null : labels.getOrDefault(p.incidentId(), p.incidentId()),
        p.detail());
  }

  private static List<PlayView> newestFirst(List<PlayView> plays) {
    List<PlayView> copy = new ArrayList<>(plays);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static Response created(PlayRecord play) {
    return Response.status(201).entity(view(play, Map.of())).build();
  }
}
