package org.daysofchaos.scoreboard.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.security.Account;
import org.daysofchaos.scoreboard.security.Role;
import org.daysofchaos.scoreboard.security.TokenIdentityProvider;
import org.daysofchaos.scoreboard.targets.Targets;

/**
 * The pages. They are open to everyone at the HTTP level and check the session themselves: no
 * session sends the browser to the sign-in page, the wrong role gets a 403 page. The data comes
 * from the REST API, which checks roles again on every call.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class Pages {
  @Inject SecurityIdentity identity;
  @Inject GameDays gameDays;
  @Inject Targets targets;

  @Inject
  @Location("login.html")
  Template login;

  @Inject
  @Location("board.html")
  Template board;

  @Inject
  @Location("play.html")
  Template play;

  @Inject
  @Location("console.html")
  Template console;

  @Inject
  @Location("denied.html")
  Template denied;

  /** Each role's home: the console of a game master or player, the board for a viewer. */
  @GET
  public Response home() {
    Optional<Account> me = account();
    if (me.isEmpty() || me.get().mustChangePassword()) {
      return redirect("/login");
    }
    return switch (me.get().role()) {
      case GAME_MASTER -> redirect("/console");
      case PLAYER -> redirect("/play");
      case VIEWER -> latestGameDay().map(id -> redirect("/board/" + id)).orElse(redirect("/login"));
    };
  }

  @GET
  @Path("login")
  public String login(@QueryParam("next") String next) {
    return login.data("next", safeNext(next)).data("title", "Sign in").render();
  }

  @GET
  @Path("board/{gameDay}")
  public Response board(@PathParam("gameDay") String gameDay) {
    return page(
        "/board/" + gameDay,
        List.of(Role.GAME_MASTER, Role.PLAYER, Role.VIEWER),
        me -> {
          GameDayStore.Row day = gameDays.get(gameDay);
          return board.data("day", day).data("me", me).data("title", day.name()).render();
        });
  }

  @GET
  @Path("play")
  public Response play() {
    return page(
        "/play",
        List.of(Role.PLAYER),
        me ->
            play.data("me", me)
                .data("title", "Team " + me.team())
                .data("ops", targets.opsConsole().map(URI::toString).orElse(null))
                .render());
  }

  @GET
  @Path("console")
  public Response console() {
    return page(
        "/console",
        List.of(Role.GAME_MASTER),
        me -> console.data("me", me).data("title", "Game-master console").render());
  }

  private interface Render {
    String html(Account me);
  }

  private Response page(String path, List<Role> allowed, Render render) {
    Optional<Account> me = account();
    if (me.isEmpty() || me.get().mustChangePassword()) {
      return redirect("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }
    if (!allowed.contains(me.get().role())) {
      String html =
          denied
              .data("me", me.get())
              .data("title", "Not for your role")
              .data("path", path)
              .render();
      return Response.status(403).type(MediaType.TEXT_HTML).entity(html).build();
    }
    return Response.ok(render.html(me.get()), MediaType.TEXT_HTML).build();
  }

  private Optional<Account> account() {
    if (identity == null || identity.isAnonymous()) {
      return Optional.empty();
    }
    return Optional.ofNullable(identity.getAttribute(TokenIdentityProvider.ACCOUNT));
  }

  private Optional<String> latestGameDay() {
    return gameDays.list().stream()
        .filter(d -> d.state().live())
        .map(GameDayStore.Row::id)
        .findFirst()
        .or(() -> gameDays.list().stream().map(GameDayStore.Row::id).findFirst());
  }

  /**
   * Only a path of this site: never an open redirect to somewhere else. The text is parsed as a
   * URI, not pattern-matched; control characters and backslashes are refused first, because
   * browsers drop tabs and line breaks from a URL ({@code /<TAB>/evil.example} becomes {@code
   * //evil.example}) and read a backslash as a slash.
   */
  static String safeNext(String next) {
    if (next == null || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
      return "/";
    }
    try {
      URI uri = new URI(next);
      String path = uri.getRawPath();
      boolean local =
          uri.getScheme() == null
              && uri.getRawAuthority() == null
              && path != null
              && path.startsWith("/")
              && !path.startsWith("//");
      return local ? next : "/";
    } catch (URISyntaxException e) {
      return "/";
    }
  }

  private static Response redirect(String to) {
    return Response.seeOther(URI.create(to)).build();
  }
}
