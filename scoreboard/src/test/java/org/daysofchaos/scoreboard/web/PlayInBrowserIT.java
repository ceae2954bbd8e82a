package org.daysofchaos.scoreboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.daysofchaos.scoreboard.web.Browsers.click;
import static org.daysofchaos.scoreboard.web.Browsers.screenshot;
import static org.daysofchaos.scoreboard.web.Browsers.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.daysofchaos.scoreboard.api.PlayAccounts;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * The demo game day played in real browsers: a game master starts it and fires an until-fixed
 * incident from the console, two teams take it through detection, diagnosis and recovery in their
 * player consoles, and two leaderboard pages follow every point without being reloaded. Screenshots
 * go to target/browser-screenshots.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class PlayInBrowserIT {
  static final String DAY = "demo-day";
  static final String SCENARIO = "demo/until-fixed/payment-primary-down";

  @TestHTTPResource("/")
  URI base;

  Http gm;
  Browsers browsers;

  @BeforeEach
  void setUp() throws Exception {
    Browsers.requireChromium();
    gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("scenarios/demo/gameday.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Http.Answer loaded = gm.postYaml("/api/gamedays", yaml);
      assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
    }
    browsers = new Browsers(base);
  }

  @AfterEach
  void tearDown() {
    if (browsers != null) {
      browsers.close();
    }
    if (gm != null) {
      new Http(DemoTargets.demo.opsUrl())
          .withToken(DemoTargets.demo.opsToken())
          .post("/ops/reset", "", "text/plain");
      gm.post("/api/gamedays/" + DAY + "/stop", "", "text/plain");
      for (JsonNode i : list(gm.getJson("/api/incidents?state=RUNNING"))) {
        gm.post("/api/incidents/" + i.get("id").asText() + "/end", "", "text/plain");
      }
    }
  }

  @Test
  void twoTeamsPlayAnIncidentThroughAllThreeStagesWhileTheBoardsFollow() throws Exception {
    try {
      play();
    } catch (AssertionError | RuntimeException e) {
      browsers.screenshotAll("failed");
      throw e;
    }
  }

  private void play() throws Exception {
    PlayAccounts.ready(gm, "blue-web", "player", DAY, "blue");
    String redOneTime = oneTimePassword("red-web", "player", DAY, "red");
    PlayAccounts.ready(gm, "board-web", "viewer", null, null);

    // An agent with a credential that never said hello: the console lists it as not connected.
    String agent = "console-web-" + System.nanoTime() % 100_000;
    assertThat(gm.postJson("/api/agents", "{\"name\": \"" + agent + "\"}").status()).isEqualTo(201);

    // The game master starts the demo game day in the console.
    WebDriver master = browsers.open();
    browsers.signIn(
        master, TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD, null, "/console");
    waitFor(
        master, d -> new Select(d.findElement(By.id("gameday-select"))).getOptions().size() > 0);
    new Select(master.findElement(By.id("gameday-select"))).selectByValue(DAY);
    waitFor(
        master,
        d ->
            d
                .findElements(
                    By.cssSelector("#agents tr[data-agent='" + agent + "'] td.agent-state"))
                .stream()
                .anyMatch(td -> td.getText().equalsIgnoreCase("not connected")));
    gm.delete("/api/agents/" + agent);
    // The pre-flight checklist first: one line per target, probe and alert, nothing injected.
    click(master, By.id("gd-preflight"));
    waitFor(master, d -> text(d, "console-message").startsWith("Pre-flight:"));
    assertThat(master.findElements(By.cssSelector("#preflight li"))).isNotEmpty();
    assertThat(text(master, "preflight-summary")).contains("item(s) checked");
    click(master, By.id("gd-start"));
    waitFor(master, d -> text(d, "gameday-state").equals("RUNNING"));

    // Two leaderboard pages: a viewer's, and one the game master opens beside the console.
    WebDriver viewer = browsers.open();
    browsers.signIn(viewer, "board-web", PlayAccounts.PASSWORD, null, "/board/" + DAY);
    String console = master.getWindowHandle();
    master.switchTo().newWindow(WindowType.TAB);
    browsers.go(master, "/board/" + DAY);
    String masterBoard = master.getWindowHandle();
    for (WebDriver board : List.of(viewer, master)) {
      waitFor(board, d -> d.findElements(By.cssSelector("#standings tbody tr")).size() == 2);
      ((JavascriptExecutor) board).executeScript("window.notReloaded = true;");
    }

    // The game master fires the until-fixed incident now.
    master.switchTo().window(console);
    new Select(master.findElement(By.id("fire-scenario"))).selectByValue(SCENARIO);
    click(master, By.id("fire-submit"));
    String incident = awaitInjected();
    screenshot(master, "1-console-incident-fired");

    // Blue signs in with its own password; red with its one-time password, then chooses one.
    WebDriver blue = browsers.open();
    browsers.signIn(blue, "blue-web", PlayAccounts.PASSWORD, null, "/play");
    WebDriver red = browsers.open();
    browsers.signIn(red, "red-web", redOneTime, "Red-Team-Passw0rd-2917", "/play");

    // Detection: both claim what they see.
    claim(blue, "booking");
    claim(red, "payment");
    awaitBoards(viewer, master, masterBoard, "blue", 1, 0, 0);
    awaitBoards(viewer, master, masterBoard, "red", 1, 0, 0);

    // Diagnosis: blue is right at once; red is wrong, then writes it out for the game master.
    diagnose(blue, incident, "payment", "outage");
    waitFor(blue, d -> outcome(d, incident, ".diagnosis-outcome").equals("accepted"));
    diagnose(red, incident, "inventory", "crash");
    waitFor(red, d -> outcome(d, incident, ".diagnosis-outcome").equals("rejected"));
    red.findElement(By.id("diag-" + incident + "-text"))
        .sendKeys("the primary payment instance is down");
    click(red, By.id("diag-" + incident + "-submit"));
    waitFor(red, d -> outcome(d, incident, ".diagnosis-outcome").equals("pending"));
    master.switchTo().window(console);
    waitFor(master, d -> d.findElements(By.cssSelector("#reviews li")).size() == 1);
    screenshot(master, "2-console-review");
    click(master, By.cssSelector("#reviews li button[id^=accept-]"));
    waitFor(red, d -> outcome(d, incident, ".diagnosis-outcome").equals("accepted"));
    awaitBoards(viewer, master, masterBoard, "red", 1, 1, 0);

    // Recovery: blue fails payment over on the demo's ops console; both declare the fix.
    assertThat(
            new Http(DemoTargets.demo.opsUrl())
                .withToken(DemoTargets.demo.opsToken())
                .post("/ops/payment/failover?to=replica", "", "text/plain")
                .status())
        .isEqualTo(200);
    click(blue, By.id("fix-" + incident));
    waitFor(blue, d -> outcome(d, incident, ".fix-outcome").equals("pending"));
    click(red, By.id("fix-" + incident));
    screenshot(blue, "3-player-blue-fix-declared");
    awaitBoards(viewer, master, masterBoard, "blue", 1, 1, 1);
    awaitBoards(viewer, master, masterBoard, "red", 1, 1, 1);
    waitFor(blue, d -> outcome(d, incident, ".fix-outcome").equals("accepted"));

    // Both pages show what the API computes, and neither was reloaded.
    JsonNode board = gm.getJson("/api/gamedays/" + DAY + "/board");
    for (String team : List.of("blue", "red")) {
      int points = row(board, team).get("points").asInt();
      assertThat(points).isPositive();
      assertThat(cell(viewer, team, ".points")).isEqualTo(Integer.toString(points));
      master.switchTo().window(masterBoard);
      assertThat(cell(master, team, ".points")).isEqualTo(Integer.toString(points));
    }
    assertThat(row(board, "blue").get("points").asInt())
        .as("blue was right first and fixed first")
        .isGreaterThan(row(board, "red").get("points").asInt());
    for (WebDriver page : List.of(viewer, master)) {
      assertThat(((JavascriptExecutor) page).executeScript("return window.notReloaded === true;"))
          .isEqualTo(true);
    }
    screenshot(viewer, "4-board-viewer");
    screenshot(master, "5-board-game-master");
    screenshot(red, "6-player-red");
    master.switchTo().window(console);
    screenshot(master, "7-console-end");

    // The game master's HALT ALL button: a second click within five seconds halts everything.
    new Select(master.findElement(By.id("fire-scenario"))).selectByValue("demo/payment-latency");
    click(master, By.id("fire-submit"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !gm.getJson("/api/ledger?open=true").isEmpty());
    click(master, By.id("halt-all"));
    assertThat(gm.getJson("/api/halt").get("halted").asBoolean())
        .as("one click only arms the button")
        .isFalse();
    click(master, By.id("halt-all"));
    waitFor(master, d -> text(d, "halt-state").startsWith("HALT-ALL IN EFFECT"));
    // The halt state can be pushed before the halt's answer: its message says it is done.
    waitFor(master, d -> text(d, "console-message").startsWith("Halt-all:"));
    assertThat(gm.getJson("/api/ledger?open=true")).as("every fault reverted").isEmpty();
    assertThat(text(master, "console-message"))
        .matches(
            "Halt-all: [1-9][0-9]* run\\(s\\) aborted and reverted, [0-9]+ leftover"
                + " injection\\(s\\) reverted, 0 still active\\.");
    screenshot(master, "8-console-halted");
    click(master, By.id("halt-release"));
    waitFor(master, d -> text(d, "halt-state").equals("no halt"));
  }

  private String oneTimePassword(String username, String role, String gameDay, String team) {
    Http.Answer created =
        gm.postJson(
            "/api/accounts",
            "{\"username\": \""
                + username
                + "\", \"role\": \""
                + role
                + "\", \"gameDay\": \""
                + gameDay
                + "\", \"team\": \""
                + team
                + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("oneTimePassword").asText();
  }

  private String awaitInjected() {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                list(gm.getJson("/api/incidents?gameDay=" + DAY + "&state=RUNNING")).stream()
                    .filter(i -> i.get("scenarioId").asText().equals(SCENARIO))
                    .filter(i -> !i.path("injectedAt").isNull())
                    .map(i -> i.get("id").asText())
                    .findFirst()
                    .orElse(null),
            id -> id != null);
  }

  private static void claim(WebDriver player, String service) {
    waitFor(player, d -> new Select(d.findElement(By.id("claim-service"))).getOptions().size() > 1);
    new Select(player.findElement(By.id("claim-service"))).selectByValue(service);
    click(player, By.id("claim-submit"));
    waitFor(player, d -> d.findElements(By.cssSelector("section.incident")).size() == 1);
  }

  private static void diagnose(WebDriver player, String incident, String component, String fault) {
    String form = "diag-" + incident;
    waitFor(player, d -> d.findElements(By.id(form + "-component")).size() == 1);
    new Select(player.findElement(By.id(form + "-component"))).selectByValue(component);
    new Select(player.findElement(By.id(form + "-fault"))).selectByValue(fault);
    click(player, By.id(form + "-submit"));
  }

  /** Waits until both board pages show the team's stages, pushed without a reload. */
  private static void awaitBoards(
      WebDriver viewer,
      WebDriver master,
      String masterBoard,
      String team,
      int det,
      int diag,
      int rec) {
    String expected = det + "," + diag + "," + rec;
    waitFor(viewer, d -> stages(d, team).equals(expected));
    String back = master.getWindowHandle();
    master.switchTo().window(masterBoard);
    waitFor(master, d -> stages(d, team).equals(expected));
    master.switchTo().window(back);
  }

  private static String stages(WebDriver board, String team) {
    List<String> counts =
        board
            .findElements(By.cssSelector("#standings tr[data-team='" + team + "'] .stage .count"))
            .stream()
            .map(e -> e.getText().split(" ")[0])
            .toList();
    return String.join(",", counts);
  }

  private static String cell(WebDriver board, String team, String css) {
    return board
        .findElement(By.cssSelector("#standings tr[data-team='" + team + "'] " + css))
        .getText();
  }

  private static String outcome(WebDriver player, String incident, String css) {
    return player
        .findElement(By.cssSelector("section.incident[data-incident='" + incident + "'] " + css))
        .getText();
  }

  private static String text(WebDriver driver, String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private static JsonNode row(JsonNode board, String team) {
    return StreamSupport.stream(board.get("standings").spliterator(), false)
        .filter(r -> r.get("team").asText().equals(team))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
