package org.daysofchaos.scoreboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.security.Authenticated;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.daysofchaos.scoreboard.api.PlayAccounts;
import org.daysofchaos.scoreboard.security.Roles;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The security suite (issue 13): every endpoint of the server, found by reflection on the JAX-RS
 * resources (so that a new one cannot escape), called by every kind of caller, with and without a
 * foreign {@code Origin}. A caller its annotations do not allow is refused (401 anonymous, 403
 * otherwise); a state-changing call from another origin is refused whoever calls; and nothing is
 * anonymous unless it is on the short list below.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class SecuritySuiteTest {
  static final String DAY = "suite-day";
  static final String FOREIGN = "http://127.0.0.1:1";

  /** The endpoints anyone may call without signing in; any other @PermitAll fails the suite. */
  static final Set<String> ANONYMOUS =
      Set.of(
          "POST /api/auth/login",
          "POST /api/auth/logout",
          "GET /",
          "GET /login",
          "GET /board/{gameDay}",
          "GET /play",
          "GET /console");

  /**
   * Quarkus' own routes (not JAX-RS resources, so not in {@link #endpoints()}) that answer anyone:
   * the OpenAPI document, and the health probes, because a kubelet does not sign in. The health
   * answers say UP or DOWN per check and nothing else (ServerHealth, HealthTest).
   */
  static final Set<String> ANONYMOUS_QUARKUS_ROUTES =
      Set.of("/q/openapi", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started");

  /** Allowed calls that would change what the other tests rely on: only their refusals run. */
  static final Set<String> DESTRUCTIVE =
      Set.of("POST /api/halt", "POST /api/halt/release", "POST /api/auth/password");

  /** A kind of caller: the role it has, if any. */
  record Caller(String name, String role, boolean signedIn) {}

  static final List<Caller> CALLERS =
      List.of(
          new Caller("game master", Roles.GAME_MASTER, true),
          new Caller("player", Roles.PLAYER, true),
          new Caller("viewer", Roles.VIEWER, true),
          new Caller("one-time password", null, true),
          new Caller("scrape token", Roles.METRICS_SCRAPER, true),
          new Caller("alert sender", Roles.ALERT_SENDER, true),
          new Caller("host agent", Roles.AGENT, true),
          new Caller("anonymous", null, false));

  /** An endpoint: its method, its path template, and who may call it. */
  record Endpoint(String method, String template, AnnotatedElement roles, boolean permitAll) {
    String path() {
      return template.replaceAll("\\{[^}]*}", "nope").replace("nope/board", DAY + "/board");
    }

    boolean changesState() {
      return !method.equals("GET");
    }

    boolean allows(Caller c) {
      if (permitAll) {
        return true;
      }
      if (roles.isAnnotationPresent(Authenticated.class)) {
        return c.signedIn();
      }
      return c.role() != null
          && Arrays.asList(roles.getAnnotation(RolesAllowed.class).value()).contains(c.role());
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  @TestHTTPResource("/")
  URI base;

  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  Map<String, Http> callers;
  Http gm;

  /** Every resource method of the server, read from its annotations. */
  static List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.daysofchaos.scoreboard")
            .stream()
            .filter(c -> c.isAnnotatedWith(Path.class))
            .map(c -> c.reflect())
            .forEach(type -> all.addAll(endpointsOf(type)));
    return all;
  }

  private static List<Endpoint> endpointsOf(Class<?> type) {
    String root = type.getAnnotation(Path.class).value();
    List<Endpoint> found = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      String verb = verb(m);
      if (verb == null) {
        continue;
      }
      String sub = m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "";
      String path = (root + "/" + sub).replaceAll("/+", "/");
      path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      AnnotatedElement roles = hasSecurity(m) ? m : type;
      found.add(new Endpoint(verb, path, roles, roles.isAnnotationPresent(PermitAll.class)));
    }
    return found;
  }

  private static boolean hasSecurity(Method m) {
    return m.isAnnotationPresent(RolesAllowed.class)
        || m.isAnnotationPresent(PermitAll.class)
        || m.isAnnotationPresent(Authenticated.class);
  }

  private static String verb(Method m) {
    if (m.isAnnotationPresent(GET.class)) {
      return "GET";
    }
    if (m.isAnnotationPresent(POST.class)) {
      return "POST";
    }
    if (m.isAnnotationPresent(PUT.class)) {
      return "PUT";
    }
    return m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
  }

  @BeforeEach
  void accounts() {
    gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    String day =
        "id: "
            + DAY
            + "\nname: Suite\nwindow: { lasts: 10m }\nteams: [blue]\n"
            + "scenarios:\n  - scenario: demo/payment-latency\n    at: 9m\n";
    assertThat(gm.postYaml("/api/gamedays", day).status()).isIn(201, 409);
    String sender =
        gm.postJson("/api/alerts/senders", "{\"name\": \"suite-" + System.nanoTime() + "\"}")
            .json()
            .get("token")
            .asText();
    String agent =
        gm.postJson("/api/agents", "{\"name\": \"suite-" + System.nanoTime() + "\"}")
            .json()
            .get("credential")
            .asText();
    callers = new LinkedHashMap<>();
    callers.put("game master", gm);
    callers.put("player", PlayAccounts.ready(gm, "suite-blue", "player", DAY, "blue"));
    callers.put("viewer", PlayAccounts.ready(gm, "suite-viewer", "viewer", null, null));
    callers.put("one-time password", PlayAccounts.fresh(gm, "suite-fresh", "viewer"));
    callers.put("scrape token", new Http(base).withToken("test-scrape-token-of-the-metrics"));
    callers.put("alert sender", new Http(base).withToken(sender));
    callers.put("host agent", new Http(base).withToken(agent));
    callers.put("anonymous", new Http(base));
  }

  @Test
  void theSuiteSeesEveryResource() {
    List<String> found = endpoints().stream().map(Endpoint::toString).toList();
    assertThat(found)
        .contains(
            "POST /api/scenarios",
            "POST /api/gamedays",
            "POST /api/alerts",
            "POST /api/agent/v1/hello",
            "POST /api/agent/v1/poll",
            "POST /api/agents",
            "POST /api/halt",
            "PUT /api/reports/{id}/notes",
            "GET /ops",
            "GET /reports/{id}")
        .hasSizeGreaterThan(50);
  }

  @Test
  void nothingIsAnonymousButTheSignInAndThePagesThatSendToIt() {
    assertThat(endpoints().stream().filter(Endpoint::permitAll).map(Endpoint::toString))
        .allMatch(ANONYMOUS::contains, "on the list of anonymous endpoints");
  }

  @Test
  void quarkusRoutesAreAnonymousOnlyForTheOpenApiDocumentAndTheHealthProbes() {
    Http anonymous = callers.get("anonymous");
    for (String route : ANONYMOUS_QUARKUS_ROUTES) {
      assertThat(anonymous.get(route).status()).as(route).isEqualTo(200);
    }
    assertThat(anonymous.get("/q/metrics").status()).isEqualTo(401);
    for (String absent : List.of("/q/health-ui/", "/q/dev-ui/", "/q/dev/")) {
      assertThat(anonymous.get(absent).status()).as(absent).isEqualTo(404);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointTimesEveryCallerWithAndWithoutAForeignOrigin() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      for (Caller c : CALLERS) {
        boolean allowed = e.allows(c);
        if (!(allowed && DESTRUCTIVE.contains(e.toString()))) {
          tests.add(
              DynamicTest.dynamicTest(e + " as " + c.name(), () -> checkOwnOrigin(e, c, allowed)));
        }
        if (e.changesState()) {
          tests.add(
              DynamicTest.dynamicTest(
                  e + " as " + c.name() + " from another origin", () -> checkForeign(e, c)));
        }
      }
    }
    return tests.stream();
  }

  private void checkOwnOrigin(Endpoint e, Caller c, boolean allowed) throws Exception {
    int status = call(callers.get(c.name()), e, null);
    if (e.permitAll()) {
      assertThat(status).as(e + " as " + c.name()).isLessThan(500);
    } else if (allowed) {
      assertThat(status).as(e + " as " + c.name()).isNotIn(401, 403).isLessThan(500);
    } else {
      assertThat(status).as(e + " as " + c.name()).isEqualTo(c.signedIn() ? 403 : 401);
    }
  }

  private void checkForeign(Endpoint e, Caller c) throws Exception {
    int status = call(callers.get(c.name()), e, FOREIGN);
    assertThat(status).as(e + " as " + c.name() + " from " + FOREIGN).isIn(401, 403);
    if (e.toString().equals("POST /api/halt")) {
      assertThat(gm.getJson("/api/halt").get("halted").asBoolean()).isFalse();
    }
  }

  /** The status only: an event stream is closed as soon as it answers. */
  private int call(Http caller, Endpoint e, String origin) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(e.path())).timeout(Duration.ofSeconds(30));
    caller.headers().forEach(request::header);
    if (origin != null) {
      request.header("Origin", origin);
    }
    request.method(
        e.method(),
        e.changesState() && !e.method().equals("DELETE")
            ? HttpRequest.BodyPublishers.ofString("{}")
            : HttpRequest.BodyPublishers.noBody());
    if (e.changesState() && !e.method().equals("DELETE")) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<InputStream> answer = sendOnALiveConnection(request.build());
    answer.body().close();
    return answer.statusCode();
  }

  /**
   * Sends once more, on a new connection, when the pooled one was found closed before any answer
   * (the JDK reports "EOF reached while reading"): the suite makes about 1,300 calls in a row on
   * keep-alive connections, some of them event streams closed early, and on a loaded machine one of
   * them can be reused just as it is torn down. A browser retries such a request in the same way.
   * The destructive calls are not made (see {@link #DESTRUCTIVE}), so sending one twice cannot
   * change the status checked.
   */
  private HttpResponse<InputStream> sendOnALiveConnection(HttpRequest request) throws Exception {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException closedBeforeAnswering) {
      if (!String.valueOf(closedBeforeAnswering.getMessage()).contains("EOF")) {
        throw closedBeforeAnswering;
      }
      HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      return fresh.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }
  }
}
