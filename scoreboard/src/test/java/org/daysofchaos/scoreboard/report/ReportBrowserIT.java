package org.daysofchaos.scoreboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.daysofchaos.scoreboard.api.PlayAccounts;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report as a manager sees it: the page in a real headless Chromium (its charts, their series
 * and points, counted in the SVG the browser holds), and the PDF on paper, turned into PNG pages by
 * pdftoppm. Screenshots and pages go to target/report-screenshots. Skipped where Chromium or
 * pdftoppm are missing, except in CI (CI=true), where their absence fails the test.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class ReportBrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");
  static final Path OUT = Path.of("target/report-screenshots");
  static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI base;

  static void require(Path... binaries) {
    boolean present = Stream.of(binaries).allMatch(Files::isExecutable);
    String what = Stream.of(binaries).map(Path::toString).toList().toString();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(present).as("CI must install " + what + " (see .ci/run)").isTrue();
    }
    Assumptions.assumeTrue(present, what + " not installed");
  }

  @Test
  void showsTheChartsWithTheirSeriesAndPointsInARealBrowser() throws Exception {
    require(CHROMIUM, CHROMEDRIVER);
    Http gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    ReportGameDay.ensure(gm);
    PlayAccounts.ready(gm, "report-browser-viewer", "viewer", null, null);
    Files.createDirectories(OUT);
    Path profile = Files.createTempDirectory("chaos-report-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1200,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    try {
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
      // Sign in as the viewer in the page itself: the server sets the session cookie.
      // Any page of the server, for its origin; a 401 answer could open a sign-in dialog instead.
      driver.get(base.resolve("/no-such-page").toString());
      Object status =
          ((JavascriptExecutor) driver)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type':"
                      + " 'application/json' }, body: JSON.stringify({ username:"
                      + " 'report-browser-viewer', password: '"
                      + PlayAccounts.PASSWORD
                      + "' }) }).then(r => done(r.status), e => done(String(e)));");
      assertThat(status).isEqualTo(200L);
      driver.get(base.resolve("/reports/" + ReportGameDay.DAY).toString());
      assertThat(driver.findElement(By.id("headline")).getText())
          .isEqualTo("Resilience report: Report day");

      Map<String, List<Integer>> charts = charts(driver);
      // The funnel: one series of four bars.
      assertThat(charts.get("chart-funnel")).containsExactly(1, 4);
      // Times per service: p50, p90, worst for each of the two services.
      assertThat(charts.get("chart-detect-by-service")).containsExactly(3, 6);
      // Both incidents are time-boxed: self-healing per service, and no time-to-restore chart.
      assertThat(charts.get("chart-self-healing-by-service")).containsExactly(3, 6);
      assertThat(charts).doesNotContainKey("chart-restore-by-service");
      assertThat(driver.findElement(By.tagName("body")).getText())
          .contains("Self-healing after the fault ended (time-boxed)")
          .contains("Time to restore (until-fixed)")
          .doesNotContain("Time to recover");
      // Incident 1: system (injected, fault ended, recovered), monitoring (signal), blue (claim,
      // diagnosis). Incident 2: system (3), red (claim).
      assertThat(charts.get("timeline-" + ReportGameDay.DAY + "-1")).containsExactly(3, 6);
      assertThat(charts.get("timeline-" + ReportGameDay.DAY + "-2")).containsExactly(2, 4);
      screenshot(driver, "game-day-page.png");

      driver.get(base.resolve("/reports").toString());
      Map<String, List<Integer>> trend = charts(driver);
      assertThat(trend.get("chart-trend-funnel").get(0)).isEqualTo(3);
      assertThat(trend.get("chart-trend-scores").get(0)).isGreaterThanOrEqualTo(2);
      screenshot(driver, "trend-page.png");

      // The game master's notes editor: a script file, since the CSP refuses inline scripts.
      Object signedIn =
          ((JavascriptExecutor) driver)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type':"
                      + " 'application/json' }, body: JSON.stringify({ username: '"
                      + TestAccounts.GAME_MASTER
                      + "', password: '"
                      + TestAccounts.GAME_MASTER_PASSWORD
                      + "' }) }).then(r => done(r.status), e => done(String(e)));");
      assertThat(signedIn).isEqualTo(200L);
      driver.get(base.resolve("/reports/" + ReportGameDay.DAY).toString());
      String note = "Saved from the browser " + System.nanoTime();
      WebElement text = driver.findElement(By.id("notes-text"));
      text.clear();
      text.sendKeys(note);
      driver.findElement(By.id("notes-save")).click();
      // Checked inside the page in one step: the page redraws the notes as the save returns, and
      // a find then a read can land on the replaced node (ChromeDriver 156 then answers "Node with
      // given id does not belong to the document" rather than a stale element).
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .pollingEvery(Duration.ofMillis(100))
          .until(
              d ->
                  (Boolean)
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "const n = document.getElementById('notes');"
                                  + " return n !== null && n.textContent.includes(arguments[0]);",
                              note));
    } finally {
      driver.quit();
    }
  }

  @Test
  void printsThePdfIntoReadablePages() throws Exception {
    require(PDFTOPPM);
    Http gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    ReportGameDay.ensure(gm);
    Files.createDirectories(OUT);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/reports/" + ReportGameDay.DAY + "/report.pdf"));
    gm.headers().forEach(request::header);
    Path pdf = OUT.resolve("game-day.pdf");
    // ofFile does not truncate by itself: a smaller PDF over an earlier run's left its tail behind.
    HttpResponse<Path> answer =
        HttpClient.newHttpClient()
            .send(
                request.build(),
                HttpResponse.BodyHandlers.ofFile(
                    pdf,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING));
    assertThat(answer.statusCode()).isEqualTo(200);
    Process p =
        new ProcessBuilder(
                PDFTOPPM.toString(),
                "-r",
                "70",
                "-png",
                pdf.toString(),
                OUT.resolve("game-day-pdf").toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    List<Path> pages;
    try (Stream<Path> files = Files.list(OUT)) {
      pages =
          files
              .filter(f -> f.getFileName().toString().startsWith("game-day-pdf"))
              .sorted()
              .toList();
    }
    assertThat(pages).hasSizeBetween(3, 8);
    for (Path page : pages) {
      java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(page.toFile());
      // A4 at 70 dpi: 579 × 819 pixels.
      assertThat(image.getWidth()).isBetween(575, 585);
      assertThat(image.getHeight()).isBetween(815, 825);
    }
  }

  /**
   * Each chart of the page: its number of series and of points, read from the SVG in the browser
   * (each data item is a group naming its series).
   */
  @SuppressWarnings("unchecked")
  static Map<String, List<Integer>> charts(WebDriver driver) throws IOException {
    String json =
        (String)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "const result = {};"
                        + "for (const svg of document.querySelectorAll('div.chart > svg')) {"
                        + "  const refs = [...svg.querySelectorAll('g.item')].map(g =>"
                        + " g.getAttribute('data-series'));"
                        + "  result[svg.id] = refs; }"
                        + "return JSON.stringify(result);");
    Map<String, List<String>> refs = JSON.readValue(json, Map.class);
    Map<String, List<Integer>> counts = new java.util.HashMap<>();
    for (var e : refs.entrySet()) {
      Set<String> series = new HashSet<>();
      series.addAll(e.getValue());
      counts.put(e.getKey(), List.of(series.size(), e.getValue().size()));
    }
    return counts;
  }

  static void screenshot(WebDriver driver, String name) throws IOException {
    Long height =
        (Long) ((JavascriptExecutor) driver).executeScript("return document.body.scrollHeight;");
    driver
        .manage()
        .window()
        .setSize(new org.openqa.selenium.Dimension(1200, (int) Math.min(height + 100, 6000)));
    Files.write(OUT.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
