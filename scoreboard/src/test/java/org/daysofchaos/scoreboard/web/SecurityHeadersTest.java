package org.daysofchaos.scoreboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.Test;

/** Every answer carries the security headers; secrets are not cached (issue 13, finding 9). */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class SecurityHeadersTest {
  @TestHTTPResource("/")
  URI base;

  /** Each answer by what it is, with its headers. */
  private Map<String, Http.Answer> answers() {
    Http anonymous = new Http(base);
    Http.Answer signIn =
        anonymous.postJson(
            "/api/auth/login",
            "{\"username\": \""
                + TestAccounts.GAME_MASTER
                + "\", \"password\": \""
                + TestAccounts.GAME_MASTER_PASSWORD
                + "\"}");
    Http gm = anonymous.withToken(Http.sessionCookie(signIn));
    Map<String, Http.Answer> answers = new LinkedHashMap<>();
    answers.put("sign-in page", anonymous.with("Accept", "text/html").get("/login"));
    answers.put("console page", gm.with("Accept", "text/html").get("/console"));
    answers.put("static file", anonymous.get("/static/app.css"));
    answers.put("API answer", gm.get("/api/status"));
    answers.put("sign-in answer", signIn);
    answers.put("new token", gm.postJson("/api/auth/tokens", "{\"label\": \"headers\"}"));
    answers.put("accounts", gm.get("/api/accounts"));
    answers.put("401", anonymous.get("/api/status"));
    answers.put("404", anonymous.get("/no/such/thing"));
    return answers;
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    answers()
        .forEach(
            (what, answer) -> {
              HttpHeaders h = answer.headers();
              assertThat(h.firstValue("Content-Security-Policy"))
                  .as(what)
                  .hasValueSatisfying(
                      csp ->
                          assertThat(csp)
                              .contains("script-src 'self';")
                              .contains("frame-ancestors 'none'")
                              .contains("object-src 'none'"));
              assertThat(h.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
              assertThat(h.firstValue("X-Frame-Options")).as(what).contains("DENY");
              assertThat(h.firstValue("Referrer-Policy")).as(what).contains("no-referrer");
            });
  }

  @Test
  void answersThatCarrySecretsAreNotStored() {
    Map<String, Http.Answer> answers = answers();
    for (String what :
        List.of("sign-in page", "console page", "sign-in answer", "new token", "accounts")) {
      assertThat(answers.get(what).headers().firstValue("Cache-Control"))
          .as(what)
          .contains("no-store");
    }
    assertThat(answers.get("static file").headers().firstValue("Cache-Control"))
        .as("a static file may be cached")
        .isNotEqualTo(java.util.Optional.of("no-store"));
  }

  @Test
  void noPageHasAnInlineScriptThePolicyWouldBlock() throws IOException {
    try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path t : templates.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(t)).as(t.toString()).doesNotContain("<script>");
        assertThat(Files.readString(t)).as(t.toString()).doesNotContainPattern(" on[a-z]+=\"");
      }
    }
  }
}
