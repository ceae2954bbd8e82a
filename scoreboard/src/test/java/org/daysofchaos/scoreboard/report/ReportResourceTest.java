package org.daysofchaos.scoreboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.daysofchaos.core.report.GameDayReport;
import org.daysofchaos.core.report.ReportJson;
import org.daysofchaos.scoreboard.api.PlayAccounts;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report's endpoints on a real server with a played game day (ReportGameDay). */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class ReportResourceTest {
  static final String DAY = ReportGameDay.DAY;

  @TestHTTPResource("/")
  URI base;

  Http gm;
  Http viewer;

  @BeforeEach
  void gameDay() {
    gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    ReportGameDay.ensure(gm);
    viewer = PlayAccounts.ready(gm, "report-viewer", "viewer", null, null);
  }

  @Test
  void givesViewersTheFiguresOfTheGameDayFromTheDatabase() {
    Http.Answer answer = viewer.get("/api/reports/" + DAY);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("format").asInt()).isEqualTo(2);
    GameDayReport r = ReportJson.readGameDay(answer.body());
    assertThat(r.headline()).isEqualTo("Resilience report: Report day");
    assertThat(r.funnel().injected()).isEqualTo(2);
    assertThat(r.funnel().detected()).isEqualTo(2);
    assertThat(r.funnel().diagnosed()).isEqualTo(1);
    assertThat(r.funnel().recovered()).isEqualTo(2);
    assertThat(r.coverage().unmonitored()).containsExactly(DAY + "-2");
    var first = r.incident(DAY + "-1").orElseThrow();
    assertThat(first.service()).isEqualTo("payment");
    assertThat(first.detection().orElseThrow().describe())
        .isEqualTo("40.0 s (± 250ms) by signal booking_request_seconds{quantile=\"0.99\"} > 0.5");
    assertThat(first.alertingLead()).contains(Duration.ofSeconds(80));
    assertThat(first.steadyState()).hasSize(2);
    // Both incidents are time-boxed: back 20 s after their faults ended, at 6 min and 2 min 30 s
    // after the injection. The report counts the 20 s, and has no time to restore.
    assertThat(first.recovery().orElseThrow().after()).isEqualTo(Duration.ofSeconds(360));
    assertThat(first.recoveryTime().orElseThrow().took()).isEqualTo(Duration.ofSeconds(20));
    assertThat(r.selfHealing().count()).isEqualTo(2);
    assertThat(r.selfHealing().worst()).contains(Duration.ofSeconds(20));
    assertThat(r.timeToRestore().count()).isZero();
    // The incident API says the same.
    var detail = gm.getJson("/api/incidents/" + DAY + "-1");
    assertThat(detail.get("recoveryTime").get("kind").asText()).isEqualTo("SELF_HEALING");
    // The API writes durations in seconds.
    assertThat(detail.get("recoveryTime").get("took").asDouble()).isEqualTo(20.0);
    // The same points as the leaderboard, computed by the same function.
    var board = gm.getJson("/api/gamedays/" + DAY + "/board").get("standings");
    assertThat(r.teams().get(0).team()).isEqualTo(board.get(0).get("team").asText());
    assertThat(r.teams().get(0).points()).isEqualTo(board.get(0).get("points").asInt());
    assertThat(r.teams().get(1).points()).isEqualTo(board.get(1).get("points").asInt());
  }

  @Test
  void exportsCsvAndPdfAndTheTrends() {
    Http.Answer csv = viewer.get("/api/reports/" + DAY + "/report.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body().lines().count()).isEqualTo(1 + 2 * 2);
    Http.Answer pdf = viewer.get("/api/reports/" + DAY + "/report.pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.body()).startsWith("%PDF-");
    Http.Answer trend = viewer.get("/api/reports");
    assertThat(trend.status()).isEqualTo(200);
    assertThat(trend.json().get("kind").asText()).isEqualTo("trend");
    assertThat(viewer.get("/reports").body()).contains("Resilience across game days");
  }

  @Test
  void letsOnlyGameMastersWriteTheNotes() throws Exception {
    String body =
        "{\"text\": \"Inventory has no alert.\", \"actions\": [{\"text\": \"Alert on inventory\","
            + " \"owner\": \"ops\", \"done\": false}]}";
    assertThat(put(viewer, body)).isEqualTo(403);
    assertThat(put(gm, body)).isEqualTo(200);
    GameDayReport r = ReportJson.readGameDay(viewer.get("/api/reports/" + DAY).body());
    assertThat(r.notes().text()).isEqualTo("Inventory has no alert.");
    assertThat(r.notes().actions()).hasSize(1);
    assertThat(r.notes().updatedBy()).contains(TestAccounts.GAME_MASTER);
    assertThat(put(gm, "{\"text\": \"x\", \"actions\": [{\"text\": \"\"}]}")).isEqualTo(400);
  }

  @Test
  void refusesPlayersAndAnonymousCallers() {
    Http player = PlayAccounts.ready(gm, "report-blue", "player", DAY, "blue");
    Http anonymous = new Http(base);
    for (String path :
        List.of(
            "/reports",
            "/reports/" + DAY,
            "/api/reports",
            "/api/reports/" + DAY,
            "/api/reports/" + DAY + "/report.csv",
            "/api/reports/" + DAY + "/report.pdf",
            "/api/reports/trend.csv")) {
      assertThat(player.get(path).status()).as(path).isEqualTo(403);
      assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
    }
    assertThat(viewer.get("/api/reports/no-such-day").status()).isEqualTo(404);
  }

  private int put(Http http, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/reports/" + DAY + "/notes"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    http.headers().forEach(request::header);
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
