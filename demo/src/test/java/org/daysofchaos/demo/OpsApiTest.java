package org.daysofchaos.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.daysofchaos.agents.process.LocalProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ops API over real HTTP on loopback, with the levers in memory and a fake inventory. */
class OpsApiTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = "the-ops-token";

  private final Levers levers = new Levers(Clock.fixed(NOW, ZoneOffset.UTC));
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final FakeInventory inventory = new FakeInventory();
  private BookingConfig config;
  private OpsApi ops;

  /** An inventory whose restart gives it the next pid, or fails when told to. */
  private static final class FakeInventory implements LocalProcess {
    volatile long pid = 100;
    volatile String failure;

    @Override
    public long pid() {
      return pid;
    }

    @Override
    public boolean canRestart() {
      return true;
    }

    @Override
    public void restart() throws Exception {
      if (failure != null) {
        throw new IOException(failure);
      }
      pid++;
    }
  }

  @BeforeEach
  void start() throws Exception {
    config = BookingConfig.create();
    ops = new OpsApi(0, TOKEN, levers, inventory, config, metrics);
  }

  @AfterEach
  void stop() throws IOException {
    ops.close();
    config.close();
  }

  @Test
  void rollbackPutsTheLastGoodBookingConfigBack() throws Exception {
    Files.writeString(config.file(), BookingConfig.POOL_SIZE + "=0\n");
    assertThat(config.reload().error()).contains("payment.pool.size is 0");
    assertThat(get("/ops/state").body()).contains("\"ok\":false");

    HttpResponse<String> answer = post("/ops/booking/config/rollback", null);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("restored the last good file", "\"ok\":true");
    assertThat(Files.readString(config.file())).isEqualTo(BookingConfig.GOOD);
    assertThat(config.current().ok()).isTrue();
    assertThat(post("/ops/booking/config/rollback", null).body())
        .contains("the file was already good");
  }

  @Test
  void failoverSendsPaymentsToTheReplicaAndBack() throws Exception {
    HttpResponse<String> answer = post("/ops/payment/failover?to=replica", null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"instance\":\"replica\"");
    assertThat(levers.current().payment()).isEqualTo(PaymentInstance.REPLICA);

    post("/ops/payment/failover?to=primary", null);
    assertThat(levers.current().payment()).isEqualTo(PaymentInstance.PRIMARY);
  }

  @Test
  void aFormPostMovesTheLeverLikeTheQueryString() throws Exception {
    HttpResponse<String> answer =
        post("/ops/booking/circuit-breaker", "dependency=payment&state=open");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(levers.current().breaker(Dependency.PAYMENT)).isEqualTo(BreakerState.OPEN);
    assertThat(levers.current().breaker(Dependency.INVENTORY)).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void theTimeoutOfOneDependencyChangesAlone() throws Exception {
    post("/ops/booking/timeout?dependency=inventory&ms=250", null);

    assertThat(levers.current().timeout(Dependency.INVENTORY)).isEqualTo(Duration.ofMillis(250));
    assertThat(levers.current().timeout(Dependency.PAYMENT)).isEqualTo(LeverState.DEFAULT_TIMEOUT);
  }

  @Test
  void restartReportsTheOldAndNewPid() throws Exception {
    HttpResponse<String> answer = post("/ops/inventory/restart", null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"previousPid\":100", "\"pid\":101");
  }

  @Test
  void aRestartThatFailsIsA500WithTheReasonAndNoStackTrace() throws Exception {
    inventory.failure = "the inventory process did not start within 30 s";

    HttpResponse<String> answer = post("/ops/inventory/restart", null);

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body())
        .isEqualTo(
            "{\"error\":\"inventory did not restart: the inventory process did not start within"
                + " 30 s\"}");
    assertThat(levers.pulls())
        .last()
        .extracting(Levers.Pull::outcome)
        .asString()
        .startsWith("failed");
  }

  @Test
  void resetPutsEveryLeverBack() throws Exception {
    post("/ops/payment/failover?to=replica", null);
    post("/ops/booking/circuit-breaker?dependency=inventory&state=open", null);
    post("/ops/booking/timeout?dependency=payment&ms=5", null);

    post("/ops/reset", null);

    assertThat(levers.current()).isEqualTo(LeverState.DEFAULTS);
  }

  @Test
  void everyPullIsLoggedWithItsTimeAndCounted() throws Exception {
    post("/ops/payment/failover?to=replica", null);
    post("/ops/inventory/restart", null);

    assertThat(levers.pulls())
        .extracting(Levers.Pull::at, Levers.Pull::lever)
        .containsExactly(
            tuple(NOW, "payment failover to replica"), tuple(NOW, "inventory restart"));
    assertThat(metrics.counter("ops_lever_pulls", "lever", "payment-failover").count())
        .isEqualTo(1.0);
    assertThat(get("/ops/state").body())
        .contains("\"lever\":\"payment failover to replica\"", "\"at\":\"" + NOW + "\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/ops/payment/failover?to=secondary"
            + "|POST /ops/payment/failover: to must be primary or replica, got 'secondary'",
        "/ops/payment/failover"
            + "|POST /ops/payment/failover: parameter 'to' is missing (primary or replica)",
        "/ops/payment/failover?to=replica&to=primary"
            + "|POST /ops/payment/failover: parameter 'to' is given twice",
        "/ops/booking/timeout?dependency=payment&ms=soon"
            + "|POST /ops/booking/timeout: ms must be a whole number of milliseconds from 1 to"
            + " 60000, got 'soon'",
        "/ops/booking/timeout?dependency=payment&ms=0"
            + "|POST /ops/booking/timeout: ms must be from 1 to 60000 milliseconds, got 0",
        "/ops/booking/circuit-breaker?dependency=billing&state=open"
            + "|POST /ops/booking/circuit-breaker: dependency must be payment or inventory, got"
            + " 'billing'",
        "/ops/booking/circuit-breaker?dependency=payment&state=half-open"
            + "|POST /ops/booking/circuit-breaker: state must be closed or open, got 'half-open'",
        "/ops/booking/circuit-breaker?dependancy=payment&state=open"
            + "|POST /ops/booking/circuit-breaker: unknown parameter 'dependancy'; allowed:"
            + " dependency, state",
        "/ops/inventory/restart?force=true"
            + "|POST /ops/inventory/restart: unknown parameter 'force'; it takes none",
      })
  void badInputIsA400NamingTheParameterAndLeavesTheLeversAlone(String path, String message)
      throws Exception {
    HttpResponse<String> answer = post(path, null);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"error\":\"" + message + "\"}");
    assertThat(levers.current()).isEqualTo(LeverState.DEFAULTS);
    assertThat(inventory.pid).isEqualTo(100);
  }

  @Test
  void aJsonBodyIsRefusedRatherThanIgnored() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(ops.url().resolve("/ops/payment/failover"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"replica\"}"))
            .build();

    HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .contains("send the parameters in the query string or as a form")
        .contains("not as application/json");
  }

  @Test
  void aLeverCannotBePulledWithGet() throws Exception {
    HttpResponse<String> answer = get("/ops/payment/failover?to=replica");

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
    assertThat(levers.current().payment()).isEqualTo(PaymentInstance.PRIMARY);
  }

  @Test
  void anUnknownPathIsA404ListingTheEndpoints() throws Exception {
    HttpResponse<String> answer = post("/ops/payment/fail-over", null);

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body())
        .contains("no ops endpoint at /ops/payment/fail-over")
        .contains("POST /ops/payment/failover");
  }

  /** Issue 13, finding 7: any local process, and any web page, could pull the levers. */
  @Test
  void withoutTheOpsTokenNothingIsAnsweredAndNoLeverMoves() throws Exception {
    for (String authorization : new String[] {null, "Bearer not-the-token", "Bearer "}) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(ops.url().resolve("/ops/payment/failover?to=replica"))
              .POST(HttpRequest.BodyPublishers.noBody());
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> answer =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.body()).contains("sign in there");
    }
    assertThat(levers.current().payment()).isEqualTo(PaymentInstance.PRIMARY);
    post("/ops/payment/failover?to=replica", null);
    assertThat(get("/ops/state").body()).contains("\"by\":\"blue-player (team blue)\"");
  }

  @Test
  void thePageHasAFormForEveryLever() throws Exception {
    HttpResponse<String> page = get("/ops");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains(
            "action=\"/ops/payment/failover\"",
            "action=\"/ops/inventory/restart\"",
            "action=\"/ops/booking/circuit-breaker\"",
            "action=\"/ops/booking/timeout\"");
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(ops.url().resolve(path))
            .header("Authorization", "Bearer " + TOKEN)
            .header(OpsApi.ACTOR, "blue-player (team blue)");
    if (form == null) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(ops.url().resolve(path))
            .header("Authorization", "Bearer " + TOKEN)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
