package org.daysofchaos.scoreboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.daysofchaos.scoreboard.api.PlayAccounts;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 6, through the API with the shipped limits: a flood of wrong passwords from one
 * address is cut short, the right password does not get through after it, and the failures that
 * were checked are in the audit log. (The time it takes to lift, in {@link SignInGuardTest}.)
 */
@QuarkusTest
@TestProfile(SignInLimitsTest.ShippedLimits.class)
@WithTestResource(DemoTargets.class)
class SignInLimitsTest {
  /** The defaults of PlayBeans, instead of the generous limits of the other tests. */
  public static class ShippedLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "chaos.security.sign-in.per-address", "30", "chaos.security.sign-in.per-account", "10");
    }
  }

  @TestHTTPResource("/")
  URI base;

  @Test
  void twoHundredWrongPasswordsFromOneAddressAreCutShortAndTheRightOneDoesNotGetThroughAfter() {
    Http gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    String gmToken =
        gm.postJson("/api/auth/tokens", "{\"label\": \"audit reader\"}")
            .json()
            .get("token")
            .asText();
    PlayAccounts.ready(gm, "flood-target", "viewer", null, null);
    Http anonymous = gm.withoutAuth();

    List<Integer> statuses = new ArrayList<>();
    Http.Answer last = null;
    for (int i = 0; i < 200; i++) {
      last =
          anonymous.postJson(
              "/api/auth/login",
              "{\"username\": \"flood-target\", \"password\": \"guess-number-" + i + "\"}");
      statuses.add(last.status());
    }
    Http.Answer right =
        anonymous.postJson(
            "/api/auth/login",
            "{\"username\": \"flood-target\", \"password\": \"" + PlayAccounts.PASSWORD + "\"}");

    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses.subList(5, 200)).containsOnly(429);
    assertThat(last.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
    assertThat(last.json().get("error").asText()).contains("try again in");
    assertThat(right.status()).isEqualTo(429);

    Http auditor = gm.withoutAuth().withToken(gmToken);
    // The in-memory database outlives one test class: other tests' failed sign-ins are there too.
    List<JsonNode> failed = new ArrayList<>();
    auditor
        .getJson("/api/audit?action=sign-in-failed")
        .forEach(
            entry -> {
              if (entry.path("subject").asText().equals("account flood-target")) {
                failed.add(entry);
              }
            });
    assertThat(failed).hasSize(5);
    assertThat(failed).allMatch(e -> e.path("detail").asText().endsWith(": wrong password"));
    assertThat(auditor.getJson("/api/audit?action=sign-in-locked").findValuesAsText("subject"))
        .containsOnlyOnce("account flood-target");
  }
}
