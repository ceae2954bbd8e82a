package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint, called as every role and anonymously: who may not call it gets 401 (no one signed
 * in) or 403 (the wrong role), and the call changes nothing. Who may gets past the check (the
 * answer may still be a 400 or 404 for the made-up ids used here).
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class AccessControlTest {
  static final String DAY = "access-day";
  static final String GM = "game-master";
  static final String PLAYER = "player";
  static final String VIEWER = "viewer";
  static final String FRESH = "one-time password";
  static final String ANONYMOUS = "anonymous";
  static final Set<String> ALL = Set.of(GM, PLAYER, VIEWER);

  /**
   * An endpoint and the roles that may call it; a "destructive" one is called only when refused.
   */
  record Endpoint(
      String method, String path, String body, Set<String> allowed, boolean destructive) {
    static Endpoint of(String method, String path, String body, Set<String> allowed) {
      return new Endpoint(method, path, body, allowed, false);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final List<Endpoint> ENDPOINTS =
      List.of(
          Endpoint.of("GET", "/api/gamedays", null, ALL),
          Endpoint.of("POST", "/api/gamedays", "id: x", Set.of(GM)),
          Endpoint.of("GET", "/api/gamedays/nope", null, Set.of(GM)),
          Endpoint.of("POST", "/api/gamedays/nope/start", "", Set.of(GM)),
          Endpoint.of("POST", "/api/gamedays/nope/pause", "", Set.of(GM)),
          Endpoint.of("POST", "/api/gamedays/nope/resume", "", Set.of(GM)),
          Endpoint.of("POST", "/api/gamedays/nope/stop", "", Set.of(GM)),
          Endpoint.of("GET", "/api/gamedays/" + DAY + "/board", null, ALL),
          Endpoint.of("GET", "/api/gamedays/" + DAY + "/board?live=true", null, Set.of(GM)),
          Endpoint.of("GET", "/api/gamedays/" + DAY + "/board/stream", null, ALL),
          Endpoint.of("POST", "/api/gamedays/nope/board/freeze", "", Set.of(GM)),
          Endpoint.of("POST", "/api/gamedays/nope/board/unfreeze", "", Set.of(GM)),
          Endpoint.of("GET", "/api/gamedays/" + DAY + "/teams", null, Set.of(GM)),
          Endpoint.of("GET", "/api/gamedays/" + DAY + "/reviews", null, Set.of(GM)),
          Endpoint.of(
              "POST", "/api/gamedays/" + DAY + "/reviews/999999", "{\"accept\": true}", Set.of(GM)),
          Endpoint.of("GET", "/api/incidents", null, Set.of(GM)),
          Endpoint.of("POST", "/api/incidents", "{}", Set.of(GM)),
          Endpoint.of("GET", "/api/incidents/nope", null, Set.of(GM)),
          Endpoint.of("POST", "/api/incidents/nope/end", "", Set.of(GM)),
          Endpoint.of("GET", "/api/scenarios", null, Set.of(GM)),
          Endpoint.of("POST", "/api/scenarios", "id: x", Set.of(GM)),
          Endpoint.of("GET", "/api/status", null, ALL),
          Endpoint.of("GET", "/api/halt", null, Set.of(GM)),
          new Endpoint("POST", "/api/halt", "{}", Set.of(GM), true),
          new Endpoint("POST", "/api/halt/release", "", Set.of(GM), true),
          Endpoint.of("GET", "/api/ledger", null, Set.of(GM)),
          Endpoint.of("GET", "/api/audit", null, Set.of(GM)),
          Endpoint.of("GET", "/api/accounts", null, Set.of(GM)),
          Endpoint.of("POST", "/api/accounts", "{}", Set.of(GM)),
          Endpoint.of("DELETE", "/api/accounts/nobody", null, Set.of(GM)),
          Endpoint.of("POST", "/api/auth/tokens", "{}", ALL),
          Endpoint.of("GET", "/api/auth/tokens", null, Set.of(GM, PLAYER, VIEWER, FRESH)),
          Endpoint.of(
              "DELETE",
              "/api/auth/tokens/0123456789abcdef",
              null,
              Set.of(GM, PLAYER, VIEWER, FRESH)),
          Endpoint.of("POST", "/api/alerts", "{not json", Set.of()),
          Endpoint.of("GET", "/api/alerts/senders", null, Set.of(GM)),
          Endpoint.of("POST", "/api/alerts/senders", "{}", Set.of(GM)),
          Endpoint.of("DELETE", "/api/alerts/senders/nobody", null, Set.of(GM)),
          Endpoint.of("GET", "/api/alerts?incident=nope", null, Set.of(GM)),
          Endpoint.of("GET", "/api/alerts/first?gameDay=" + DAY, null, Set.of(GM)),
          Endpoint.of("GET", "/api/alerts/unmatched", null, Set.of(GM)),
          Endpoint.of("GET", "/api/reports", null, Set.of(GM, VIEWER)),
          Endpoint.of("GET", "/api/reports/nope", null, Set.of(GM, VIEWER)),
          Endpoint.of("GET", "/api/reports/nope/report.csv", null, Set.of(GM, VIEWER)),
          Endpoint.of("GET", "/api/reports/trend.csv", null, Set.of(GM, VIEWER)),
          Endpoint.of("PUT", "/api/reports/nope/notes", "{}", Set.of(GM)),
          Endpoint.of("GET", "/reports", null, Set.of(GM, VIEWER)),
          Endpoint.of("GET", "/q/openapi", null, Set.of(GM, PLAYER, VIEWER, FRESH, ANONYMOUS)),
          // Kubernetes' probes do not sign in; the answers carry no detail (HealthTest).
          Endpoint.of("GET", "/q/health/live", null, Set.of(GM, PLAYER, VIEWER, FRESH, ANONYMOUS)),
          Endpoint.of("GET", "/q/health/ready", null, Set.of(GM, PLAYER, VIEWER, FRESH, ANONYMOUS)),
          Endpoint.of("GET", "/api/play", null, Set.of(PLAYER)),
          Endpoint.of("POST", "/api/play/detections", "{}", Set.of(PLAYER)),
          Endpoint.of("POST", "/api/play/diagnoses", "{}", Set.of(PLAYER)),
          Endpoint.of("POST", "/api/play/hints", "{}", Set.of(PLAYER)),
          Endpoint.of("POST", "/api/play/fixes", "{}", Set.of(PLAYER)));

  @TestHTTPResource("/")
  URI base;

  Map<String, Http> callers;

  @BeforeEach
  void accounts() {
    Http gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    String day =
        "id: "
            + DAY
            + "\nname: Access\nwindow: { lasts: 10m }\nteams: [blue, red]\n"
            + "scenarios:\n  - scenario: demo/payment-latency\n    at: 9m\n";
    Http.Answer loaded = gm.postYaml("/api/gamedays", day);
    assertThat(loaded.status()).as(loaded.body()).isIn(201, 409);
    callers =
        Map.of(
            GM, gm,
            PLAYER, PlayAccounts.ready(gm, "access-blue", "player", DAY, "blue"),
            VIEWER, PlayAccounts.ready(gm, "access-viewer", "viewer", null, null),
            FRESH, PlayAccounts.fresh(gm, "access-fresh", "viewer"),
            ANONYMOUS, new Http(base));
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointRefusesEveryRoleItDoesNotAllow() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint e : ENDPOINTS) {
      for (String role : List.of(GM, PLAYER, VIEWER, FRESH, ANONYMOUS)) {
        boolean allowed = e.allowed().contains(role);
        if (allowed && e.destructive()) {
          continue;
        }
        tests.add(
            DynamicTest.dynamicTest(
                e + " as " + role + (allowed ? " is allowed" : " is refused"),
                () -> {
                  int status = call(callers.get(role), e);
                  if (allowed) {
                    assertThat(status).as(e + " as " + role).isNotIn(401, 403);
                  } else {
                    assertThat(status)
                        .as(e + " as " + role)
                        .isEqualTo(role.equals(ANONYMOUS) ? 401 : 403);
                  }
                }));
      }
    }
    return tests.stream();
  }

  /** The pages: their own role sees them, another role a 403 page, nobody the sign-in page. */
  @TestFactory
  Stream<DynamicTest> everyPageShowsOnlyToItsRoles() {
    Map<String, Set<String>> pages =
        Map.of("/console", Set.of(GM), "/play", Set.of(PLAYER), "/board/" + DAY, ALL);
    List<DynamicTest> tests = new ArrayList<>();
    pages.forEach(
        (page, allowed) -> {
          for (String role : List.of(GM, PLAYER, VIEWER, FRESH, ANONYMOUS)) {
            int expected =
                allowed.contains(role)
                    ? 200
                    : role.equals(ANONYMOUS) || role.equals(FRESH) ? 303 : 403;
            tests.add(
                DynamicTest.dynamicTest(
                    page + " as " + role + " answers " + expected,
                    () -> {
                      Http.Answer answer = callers.get(role).get(page);
                      assertThat(answer.status()).isEqualTo(expected);
                      if (expected == 303) {
                        assertThat(answer.headers().firstValue("Location").orElseThrow())
                            .contains("/login?next=");
                      }
                    }));
          }
        });
    return tests.stream();
  }

  @Test
  void aBrowserWithoutASessionIsSentToSignInFromTheReportPagesToo() {
    Http browser = callers.get(ANONYMOUS).with("Accept", "text/html,application/xhtml+xml");
    Http.Answer page = browser.get("/reports");
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Freports");
    assertThat(callers.get(ANONYMOUS).get("/reports").status())
        .as("a client that does not ask for HTML gets the 401")
        .isEqualTo(401);
  }

  @Test
  void theSignInPageOnlySendsBackToThisSite() {
    Http anonymous = callers.get(ANONYMOUS);
    assertThat(anonymous.get("/login?next=https://evil.example/").body())
        .contains("data-next=\"/\"")
        .doesNotContain("evil.example");
    assertThat(anonymous.get("/login?next=//evil.example/").body()).doesNotContain("evil.example");
    assertThat(anonymous.get("/login?next=%2F%09%2Fevil.example").body())
        .contains("data-next=\"/\"")
        .doesNotContain("evil.example");
    assertThat(anonymous.get("/login?next=/play").body()).contains("data-next=\"/play\"");
  }

  @Test
  void refusedHaltChangesNothing() {
    for (String role : List.of(PLAYER, VIEWER, FRESH, ANONYMOUS)) {
      call(callers.get(role), new Endpoint("POST", "/api/halt", "{}", Set.of(GM), true));
    }
    assertThat(callers.get(GM).getJson("/api/halt").get("halted").asBoolean()).isFalse();
  }

  @Test
  void oneTimePasswordOnlyLetsTheAccountSeeItselfAndChangeIt() {
    Http fresh = callers.get(FRESH);
    Http.Answer me = fresh.get("/api/auth/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("mustChangePassword").asBoolean()).isTrue();
  }

  @Test
  void aBadBearerTokenIsA401EvenOnOpenPages() {
    Http forged = new Http(base).withToken("doc_forged");
    assertThat(forged.get("/api/status").status()).isEqualTo(401);
    assertThat(new Http(base).with("Cookie", "chaos_session=doc_stale").get("/api/status").status())
        .as("a stale cookie is no session, not an error")
        .isEqualTo(401);
  }

  private int call(Http http, Endpoint e) {
    if (e.path().endsWith("/stream")) {
      return streamStatus(http, e.path());
    }
    return switch (e.method()) {
      case "GET" -> http.get(e.path()).status();
      case "DELETE" -> http.delete(e.path()).status();
      case "PUT" -> http.put(e.path(), e.body(), "application/json").status();
      default ->
          http.post(
                  e.path(),
                  e.body(),
                  e.body().startsWith("{") ? "application/json" : "application/yaml")
              .status();
    };
  }

  /** The status of an event stream, without waiting for its events. */
  private int streamStatus(Http http, String path) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
      http.headers().forEach(request::header);
      HttpResponse<java.io.InputStream> response =
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.body().close();
      return response.statusCode();
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }
}
