package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.daysofchaos.scoreboard.security.CsrfTokens;
import org.junit.jupiter.api.Test;

/** The cross-site checks, request by request, without a server. */
class CrossSiteTest {
  static final String SESSION = "doc_a-session-token";
  final CrossSite checks = new CrossSite(List.of("https://chaos.example.org"));

  static CrossSite.Request post(String origin, String fetchSite, String cookie, String csrf) {
    return new CrossSite.Request(
        "POST",
        "/api/scenarios",
        "http",
        "127.0.0.1:8080",
        origin,
        fetchSite,
        "application/yaml",
        true,
        cookie,
        csrf);
  }

  static CrossSite.Request body(String path, String contentType, boolean hasBody) {
    return new CrossSite.Request(
        "POST", path, "http", "127.0.0.1:8080", null, null, contentType, hasBody, null, null);
  }

  @Test
  void aPageOnAnotherPortOfTheSameHostIsAnotherOrigin() {
    for (String foreign :
        List.of(
            "http://127.0.0.1:9999",
            "http://127.0.0.1",
            "https://127.0.0.1:8080",
            "http://localhost:8080",
            "http://127.0.0.1:8080.evil.example",
            "null",
            "http://127.0.0.1:8080/path")) {
      assertThat(checks.check(post(foreign, null, null, null)))
          .as(foreign)
          .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
    }
    assertThat(checks.check(post("http://127.0.0.1:8080", null, null, null))).isEmpty();
    assertThat(checks.check(post("HTTP://127.0.0.1:8080", null, null, null))).isEmpty();
    assertThat(checks.check(post(null, null, null, null))).as("no Origin: not a browser").isEmpty();
    assertThat(checks.check(post("https://chaos.example.org", null, null, null)))
        .as("a configured origin")
        .isEmpty();
  }

  @Test
  void fetchMetadataFromAnotherOriginIsRefusedEvenWithoutOrigin() {
    assertThat(checks.check(post(null, "same-site", null, null))).isPresent();
    assertThat(checks.check(post(null, "cross-site", null, null))).isPresent();
    assertThat(checks.check(post(null, "same-origin", null, null))).isEmpty();
    assertThat(checks.check(post(null, "none", null, null))).isEmpty();
  }

  @Test
  void aCookieSessionNeedsItsCsrfToken() {
    String token = CsrfTokens.of(SESSION);
    assertThat(checks.check(post(null, null, SESSION, null)))
        .hasValueSatisfying(r -> assertThat(r.message()).contains("X-CSRF-Token"));
    assertThat(checks.check(post(null, null, SESSION, CsrfTokens.of("doc_another-session"))))
        .isPresent();
    assertThat(checks.check(post(null, null, SESSION, token))).isEmpty();
    assertThat(token).doesNotContain(SESSION);
  }

  @Test
  void theApiReadsOnlyJsonAndYamlBodies() {
    for (String type :
        List.of(
            "application/json",
            "application/json; charset=utf-8",
            "application/yaml",
            "text/yaml",
            "application/x-yaml",
            "application/vnd.api+json")) {
      assertThat(checks.check(body("/api/scenarios", type, true))).as(type).isEmpty();
    }
    for (String type :
        List.of(
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain")) {
      assertThat(checks.check(body("/api/scenarios", type, true)))
          .as(type)
          .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(415));
    }
    assertThat(checks.check(body("/api/scenarios", null, true)))
        .hasValueSatisfying(r -> assertThat(r.message()).contains("without a Content-Type"));
    assertThat(checks.check(body("/api/halt/release", "text/plain", false)))
        .as("an empty body has nothing to read")
        .isEmpty();
  }

  @Test
  void readingChangesNothingAndIsNotChecked() {
    CrossSite.Request get =
        new CrossSite.Request(
            "GET",
            "/api/status",
            "http",
            "127.0.0.1:8080",
            "http://evil.example",
            "cross-site",
            null,
            false,
            SESSION,
            null);
    assertThat(checks.check(get)).isEmpty();
  }
}
