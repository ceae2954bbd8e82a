package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.ScenarioStore;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;

/** The scenarios the server knows; upload one as YAML. */
@Path("/api/scenarios")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.GAME_MASTER)
public class ScenarioResource {
  @Inject SecurityIdentity identity;
  @Inject ScenarioCatalog catalog;

  @GET
  public List<Dto.ScenarioInfo> list() {
    return catalog.latest().stream().map(ScenarioResource::info).toList();
  }

  /** Loads a scenario (the YAML text is the body); 400 with every problem if it has any. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response upload(String yaml, @QueryParam("source") String source) {
    String name = source == null || source.isBlank() ? "upload.yaml" : source;
    ReadResult result = catalog.register(name, yaml == null ? "" : yaml, Caller.name(identity));
    if (!result.ok()) {
      throw new ApiErrors.Invalid(result.problems());
    }
    String id = result.scenarios().get(0).id();
    return Response.status(201).entity(info(catalog.latest(id).orElseThrow())).build();
  }

  static Dto.ScenarioInfo info(ScenarioStore.Stored s) {
    return new Dto.ScenarioInfo(s.id(), s.title(), s.sha256(), s.source(), s.loadedAt());
  }
}
