package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.daysofchaos.scoreboard.security.Account;
import org.daysofchaos.scoreboard.security.Accounts;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Role;
import org.daysofchaos.scoreboard.security.Roles;

/** Accounts, managed by game masters. */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.GAME_MASTER)
public class AccountResource {
  @Inject Accounts accounts;
  @Inject SecurityIdentity identity;

  /** A new account: a player names its game day and team. */
  public record NewAccount(String username, String role, String gameDay, String team) {}

  /** The account and its one-time password, shown only in this answer. */
  public record Created(Account account, String oneTimePassword) {}

  @GET
  public List<Account> list() {
    return accounts.list();
  }

  @POST
  public Response create(NewAccount request) {
    if (request == null) {
      throw new IllegalArgumentException(
          "give {\"username\": …, \"role\": …, \"gameDay\": …, \"team\": …}");
    }
    Accounts.Created created =
        accounts.create(
            request.username(),
            Role.parse(request.role()),
            blankToNull(request.gameDay()),
            blankToNull(request.team()),
            Caller.name(identity));
    return Response.status(201)
        .entity(new Created(created.account(), created.oneTimePassword()))
        .build();
  }

  /** Disables an account and revokes its sessions and tokens (kept for the audit trail). */
  @DELETE
  @Path("{username}")
  public Response disable(@PathParam("username") String username) {
    accounts.disable(username, Caller.name(identity));
    return Response.noContent().build();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
