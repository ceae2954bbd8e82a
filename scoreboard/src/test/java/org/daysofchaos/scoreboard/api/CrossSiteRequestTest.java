package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.daysofchaos.scoreboard.security.CsrfTokens;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 5: a page on another port of the same host, with the game master's cookie,
 * cannot upload a scenario or change anything else.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class CrossSiteRequestTest {
  static final String SCENARIO =
      "id: test/forged\ntitle: Forged\nduration: 5s\ntargets:\n  link: { proxy: payment }\n"
          + "faults:\n  - { kind: network/latency, target: link, latency: 10ms }\n"
          + "steadyState:\n  - { kind: metric/threshold, query: booking_error_ratio, below: 2 }\n";

  @TestHTTPResource("/")
  URI base;

  Http browser;
  String session;

  /** A browser signed in as the game master: the session in its cookie, as the pages have it. */
  @BeforeEach
  void signIn() {
    Http.Answer login =
        new Http(base)
            .postJson(
                "/api/auth/login",
                "{\"username\": \""
                    + TestAccounts.GAME_MASTER
                    + "\", \"password\": \""
                    + TestAccounts.GAME_MASTER_PASSWORD
                    + "\"}");
    session = Http.sessionCookie(login);
    browser = new Http(base).with("Cookie", "chaos_session=" + session);
  }

  @Test
  void aFormOfAnotherSiteCannotUploadAScenario() {
    Http.Answer form =
        browser
            .with("Origin", "http://127.0.0.1:1")
            .post("/api/scenarios", "id=x", "application/x-www-form-urlencoded");
    assertThat(form.status()).as(form.body()).isEqualTo(403);
    assertThat(form.json().get("error").asText()).contains("another origin");

    Http.Answer text =
        browser
            .with(CsrfTokens.HEADER, CsrfTokens.of(session))
            .post("/api/scenarios", SCENARIO, "text/plain");
    assertThat(text.status()).as(text.body()).isEqualTo(415);
    assertThat(text.json().get("error").asText()).contains("application/yaml");
    assertThat(scenarioIds()).doesNotContain("test/forged");
  }

  @Test
  void theCookieAloneIsNotEnoughToChangeAnything() {
    Http.Answer noToken = browser.postYaml("/api/scenarios", SCENARIO);
    assertThat(noToken.status()).as(noToken.body()).isEqualTo(403);
    assertThat(noToken.json().get("error").asText()).contains(CsrfTokens.HEADER);
    assertThat(browser.post("/api/halt", "{}", "application/json").status()).isEqualTo(403);
    assertThat(scenarioIds()).doesNotContain("test/forged");
  }

  @Test
  void thePagesOwnCallsWork() {
    Http.Answer csrf = browser.get("/api/auth/csrf");
    assertThat(csrf.status()).as(csrf.body()).isEqualTo(200);
    Http page =
        browser
            .with("Origin", base.toString().replaceAll("/$", ""))
            .with("Sec-Fetch-Site", "same-origin")
            .with(csrf.json().get("header").asText(), csrf.json().get("token").asText());
    Http.Answer upload = page.postYaml("/api/scenarios?source=page.yaml", SCENARIO);
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
  }

  @Test
  void anApiTokenFromAnotherOriginIsRefusedToo() {
    Http script =
        new Http(base)
            .signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD)
            .with("Origin", "http://127.0.0.1:1");
    assertThat(script.postYaml("/api/scenarios", SCENARIO).status()).isEqualTo(403);
  }

  private String scenarioIds() {
    return new Http(base)
        .signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD)
        .get("/api/scenarios")
        .body();
  }
}
