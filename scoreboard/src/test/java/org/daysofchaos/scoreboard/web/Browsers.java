package org.daysofchaos.scoreboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium windows (Debian's chromium and chromedriver), one browser per person so
 * that each has its own session cookie. Skipped where they are not installed, except in CI
 * (CI=true), where their absence fails the test.
 */
final class Browsers implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

  private final URI base;
  private final List<WebDriver> drivers = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();

  Browsers(URI base) {
    this.base = base;
  }

  /** Skips the test without a browser, but fails it in CI, where one must be installed. */
  static void requireChromium() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if ("true".equals(System.getenv("CI"))) {
      assertThat(present).as("CI must install chromium and chromium-driver (see .ci/run)").isTrue();
    }
    Assumptions.assumeTrue(present, "Debian chromium and chromium-driver are not installed");
  }

  /** A new browser with a fresh profile: nobody is signed in. */
  WebDriver open() throws IOException {
    Path profile = Files.createTempDirectory("chaos-chromium-");
    profiles.add(profile);
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
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    return driver;
  }

  void go(WebDriver driver, String path) {
    driver.get(base.resolve(path).toString());
  }

  /** Signs in on the sign-in page, and chooses a password when asked to (one-time password). */
  void signIn(WebDriver driver, String username, String password, String newPassword, String next) {
    go(driver, "/login?next=" + next);
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    if (newPassword != null) {
      WebElement field = waitFor(driver, d -> visible(d, "new-password"));
      field.sendKeys(newPassword);
      driver.findElement(By.id("change-submit")).click();
    }
    waitFor(driver, d -> d.getCurrentUrl().endsWith(next) ? true : null);
  }

  static <T> T waitFor(WebDriver driver, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .pollingEvery(Duration.ofMillis(100))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> detachedAsNull(d, condition));
  }

  /**
   * A node the page replaced between a find and its use: ChromeDriver 156 reports it as an unknown
   * error ("does not belong to the document") rather than a stale element; both mean "look again".
   */
  private static <T> T detachedAsNull(WebDriver driver, Function<WebDriver, T> condition) {
    try {
      return condition.apply(driver);
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Clicks what {@code by} finds, finding it again when the page re-rendered it between the find
   * and the click (a stale element: the console's lists and the player's incident cards are redrawn
   * as pushes arrive).
   */
  static void click(WebDriver driver, By by) {
    waitFor(
        driver,
        d -> {
          d.findElement(by).click();
          return true;
        });
  }

  static WebElement visible(WebDriver driver, String id) {
    List<WebElement> found = driver.findElements(By.id(id));
    return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
  }

  static void screenshot(WebDriver driver, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  /** Screenshots of every open window, to see what a failed test saw. */
  void screenshotAll(String prefix) {
    for (int i = 0; i < drivers.size(); i++) {
      WebDriver driver = drivers.get(i);
      try {
        for (String handle : driver.getWindowHandles()) {
          driver.switchTo().window(handle);
          screenshot(driver, prefix + "-browser" + i + "-" + handle.substring(0, 6));
        }
      } catch (IOException | RuntimeException e) {
        // a browser that died: nothing to see
      }
    }
  }

  @Override
  public void close() {
    drivers.forEach(
        d -> {
          try {
            d.quit();
          } catch (RuntimeException e) {
            // a browser that already died
          }
        });
    for (Path profile : profiles) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary folder left behind
      }
    }
  }
}
