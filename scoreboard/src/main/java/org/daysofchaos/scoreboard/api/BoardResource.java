package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scoring.Standing;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.leaderboard.BoardHub;
import org.daysofchaos.scoreboard.leaderboard.BoardView;
import org.daysofchaos.scoreboard.leaderboard.Boards;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.play.BoardChanged;
import org.daysofchaos.scoreboard.play.PlayRecord;
import org.daysofchaos.scoreboard.play.PlayStore;
import org.daysofchaos.scoreboard.play.Plays;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The leaderboard of a game day, pushed live; its freeze; the game master's view of teams. */
@Path("/api/gamedays/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.GAME_MASTER)
public class BoardResource {
  @Inject Boards boards;
  @Inject BoardHub hub;
  @Inject Event<BoardChanged> boardChanged;
  @Inject Plays plays;
  @Inject PlayStore store;
  @Inject GameDays gameDays;
  @Inject ScenarioCatalog catalog;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject SecurityIdentity identity;

  /** A team as the game master sees it: every line of its score, every play. */
  public record TeamProgress(String team, Standing standing, List<PlayRecord> plays) {}

  /** A free-text diagnosis waiting for a verdict, next to the answer key. */
  public record Review(
      PlayRecord play,
      String incident,
      String scenarioId,
      String answerComponent,
      String answerFault) {}

  public record Verdict(Boolean accept) {}

  /** The board; {@code live=true} (game masters only) looks past a freeze. */
  @GET
  @Path("board")
  @RolesAllowed({Roles.GAME_MASTER, Roles.PLAYER, Roles.VIEWER})
  public BoardView board(@PathParam("id") String id, @QueryParam("live") boolean live) {
    if (live && !identity.hasRole(Roles.GAME_MASTER)) {
      throw new ForbiddenException("only a game master sees the live board during a freeze");
    }
    return boards.view(boards.compute(id, live), live);
  }

  /** Server-sent events: the board now, then every change (each a BoardView, as JSON). */
  @GET
  @Path("board/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.GAME_MASTER, Roles.PLAYER, Roles.VIEWER})
  @Blocking
  public Multi<String> stream(@PathParam("id") String id) {
    gameDays.get(id); // 404 for an unknown game day, before the stream opens
    return hub.subscribe(id);
  }

  @POST
  @Path("board/freeze")
  public BoardView freeze(@PathParam("id") String id) {
    gameDays.get(id);
    store.setFrozenAt(id, clock.instant());
    audit.record(Caller.name(identity), "board-frozen", "game day " + id, "");
    boardChanged.fire(new BoardChanged(id));
    return boards.view(boards.compute(id, false), false);
  }

  @POST
  @Path("board/unfreeze")
  public BoardView unfreeze(@PathParam("id") String id) {
    gameDays.get(id);
    store.setFrozenAt(id, null);
    audit.record(Caller.name(identity), "board-unfrozen", "game day " + id, "");
    boardChanged.fire(new BoardChanged(id));
    return boards.view(boards.compute(id, false), false);
  }

  @GET
  @Path("teams")
  public List<TeamProgress> teams(@PathParam("id") String id) {
    Boards.Computed c = boards.compute(id, true);
    return c.leaderboard().standings().stream()
        .map(s -> new TeamProgress(s.team(), s, c.playsOf(s.team())))
        .toList();
  }

  @GET
  @Path("reviews")
  public List<Review> reviews(@PathParam("id") String id) {
    Boards.Computed c = boards.compute(id, true);
    return store.pendingReviews(id).stream().map(p -> review(p, c)).toList();
  }

  private Review review(PlayRecord p, Boards.Computed c) {
    Optional<Incident> incident =
        c.incidents().stream().filter(i -> i.id().equals(p.incidentId())).findFirst();
    Optional<Scenario> scenario =
        incident.map(i -> catalog.scenario(i.scenarioId(), i.scenarioSha256()));
    return new Review(
        p,
        c.labels().get(p.incidentId()),
        incident.map(Incident::scenarioId).orElse(null),
        scenario.flatMap(Scenario::diagnosis).map(d -> d.component()).orElse(null),
        scenario.flatMap(Scenario::diagnosis).map(d -> d.fault()).orElse(null));
  }

  /** Accepts or rejects a free-text diagnosis: {@code {"accept": true}}. */
  @POST
  @Path("reviews/{play}")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
  public PlayRecord judge(@PathParam("id") String id, @PathParam("play") long play, Verdict v) {
    if (v == null || v.accept() == null) {
      throw new IllegalArgumentException("give {\"accept\": true} or {\"accept\": false}");
    }
    return plays.review(Caller.name(identity), id, play, v.accept());
  }
}
