package org.daysofchaos.scoreboard.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.persistence.StorageLimits;
import org.daysofchaos.scoreboard.security.Accounts;
import org.daysofchaos.scoreboard.security.SignInGuard;
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

  /** Too many sign-in attempts (429) or too many password checks at once (503). */
  @ServerExceptionMapper
  public Response signInRefused(SignInGuard.Refused e) {
    return Response.status(e.status())
        .header("Retry-After", e.retryAfterSeconds())
        .type("application/json")
        .entity(Error.of(e.getMessage()))
        .build();
  }

  @ServerExceptionMapper
  public Response noToken(Accounts.NoSuchToken e) {
    return json(404, Error.of(e.getMessage()));
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

  /**
   * A JSON body with a field of the wrong type: 400 naming the field and what it should be (Quarkus
   * answers an empty 400 by itself).
   */
  @ServerExceptionMapper
  public Response wrongJsonType(MismatchedInputException e) {
    String field =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    String expected = "expected " + expected(e.getTargetType());
    return json(400, Error.of(field.isEmpty() ? "the body: " + expected : field + ": " + expected));
  }

  /**
   * A body that is not JSON at all: 400 with where it stops being JSON. Quarkus's JSON reader wraps
   * the parser's error in a 400 WebApplicationException with an empty body; any other
   * WebApplicationException keeps its own answer.
   */
  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e) {
    if (!(e.getCause() instanceof StreamReadException parse)) {
      return e.getResponse();
    }
    JsonLocation at = parse.getLocation();
    String where =
        at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return json(400, Error.of("the body is not valid JSON" + where));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
      return "a number";
    }
    if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
      return "a string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object";
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
