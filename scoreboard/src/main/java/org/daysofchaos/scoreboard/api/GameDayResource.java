package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.daysofchaos.core.gameday.GameDay;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;

/** Game days: load one as YAML, then start, pause, resume and stop it. */
@Path("/api/gamedays")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.GAME_MASTER)
public class GameDayResource {
  @Inject SecurityIdentity identity;
  @Inject GameDays gameDays;
  @Inject IncidentStore incidents;

  /** The game days, without their scenarios: everyone signed in may see which exist. */
  @GET
  @RolesAllowed({Roles.GAME_MASTER, Roles.PLAYER, Roles.VIEWER})
  public List<Dto.GameDayInfo> list() {
    return gameDays.list().stream()
        .map(row -> Dto.GameDayInfo.of(row, gameDays.teams(row.id()), List.of(), List.of()))
        .toList();
  }

  /** Loads a game day (the YAML text is the body); 400 with every problem if it has any. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response load(String yaml, @QueryParam("source") String source) {
    String name = source == null || source.isBlank() ? "gameday.yaml" : source;
    GameDay day = gameDays.load(name, yaml == null ? "" : yaml, Caller.name(identity));
    return Response.status(201).entity(info(gameDays.get(day.id()))).build();
  }

  @GET
  @Path("{id}")
  public Dto.GameDayInfo get(@PathParam("id") String id) {
    return info(gameDays.get(id));
  }

  @POST
  @Path("{id}/start")
  public Dto.GameDayInfo start(@PathParam("id") String id) {
    return info(gameDays.start(id, Caller.name(identity)));
  }

  @POST
  @Path("{id}/pause")
  public Dto.GameDayInfo pause(@PathParam("id") String id) {
    return info(gameDays.pause(id, Caller.name(identity)));
  }

  @POST
  @Path("{id}/resume")
  public Dto.GameDayInfo resume(@PathParam("id") String id) {
    return info(gameDays.resume(id, Caller.name(identity)));
  }

  @POST
  @Path("{id}/stop")
  public Dto.GameDayInfo stop(@PathParam("id") String id) {
    return info(gameDays.stop(id, Caller.name(identity)));
  }

  private Dto.GameDayInfo info(GameDayStore.Row row) {
    return Dto.GameDayInfo.of(
        row,
        gameDays.teams(row.id()),
        gameDays.slots(row.id()),
        incidents.list(row.id(), null, 10_000));
  }
}
