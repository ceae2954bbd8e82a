package org.daysofchaos.scoreboard.api;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.persistence.StorageLimits;
import org.daysofchaos.scoreboard.security.Accounts;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors as JSON: {@code {"error": "...", "problems": [...]}}, with a fitting status. */
public class ApiErrors {
  /** The body of an error answer. */
  public record Error(String error, List<String> problems) {
    static Error of(String message) {
      return new Error(message, List.of());
    }
  }

  /**
   * A text (scenario, game day) with problems, each as {@code file:line:column: field: message}.
   */
  public static final class Invalid extends RuntimeException {
    final List<Problem> problems;

    public Invalid(List<Problem> problems) {
      super(problems.size() + " problem(s)");
      this.problems = problems;
    }
  }

  @ServerExceptionMapper
  public Response invalid(Invalid e) {
    return json(400, new Error(e.getMessage(), strings(e.problems)));
  }

  @ServerExceptionMapper
  public Response invalidGameDay(GameDays.InvalidGameDay e) {
    return json(400, new Error(e.getMessage(), strings(e.problems())));
  }

  @ServerExceptionMapper
  public Response noGameDay(GameDays.NoSuchGameDay e) {
    return json(404, Error.of(e.getMessage()));
  }

  @ServerExceptionMapper
  public Response loginFailed(Accounts.LoginFailed e) {
    return json(401, Error.of(e.getMessage()));
  }

  @ServerExceptionMapper
  public Response noAccount(Accounts.NoSuchAccount e) {
    return json(404, Error.of(e.getMessage()));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return json(403, Error.of(e.getMessage()));
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return json(404, Error.of(e.getMessage()));
  }

  /** A storage limit: 429 (with when to try again) or 413. */
  @ServerExceptionMapper
  public Response limit(StorageLimits.Exceeded e) {
    Response.ResponseBuilder answer =
        Response.status(e.status()).type("application/json").entity(Error.of(e.getMessage()));
    if (e.status() == 429) {
      answer.header("Retry-After", StorageLimits.MINUTE.toSeconds());
    }
    return answer.build();
  }

  @ServerExceptionMapper
  public Response conflict(IllegalStateException e) {
    return json(409, Error.of(e.getMessage()));
  }

  @ServerExceptionMapper
  public Response badRequest(IllegalArgumentException e) {
    return json(400, Error.of(e.getMessage()));
  }

  private static List<String> strings(List<Problem> problems) {
    return problems.stream().map(Problem::toString).toList();
  }

  private static Response json(int status, Error error) {
    return Response.status(status).type("application/json").entity(error).build();
  }
}
