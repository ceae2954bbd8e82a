package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.daysofchaos.scoreboard.server.Http;

/** Accounts for tests, created through the game master's API as a game master would. */
public final class PlayAccounts {
  public static final String PASSWORD = "Play-Tests-Passw0rd-2917";

  private PlayAccounts() {}

  /** An account whose one-time password is already replaced; a client signed in as it. */
  public static Http ready(Http gm, String username, String role, String gameDay, String team) {
    String oneTime = create(gm, username, role, gameDay, team);
    Http base = gm.withoutAuth();
    if (oneTime != null) {
      Http first = base.signIn(username, oneTime);
      Http.Answer changed =
          first.postJson(
              "/api/auth/password",
              "{\"currentPassword\": \"" + oneTime + "\", \"newPassword\": \"" + PASSWORD + "\"}");
      assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    }
    return base.signIn(username, PASSWORD);
  }

  /** An account still on its one-time password. */
  public static Http fresh(Http gm, String prefix, String role) {
    String username = prefix + "-" + Long.toString(System.nanoTime(), 36);
    String oneTime = create(gm, username, role, null, null);
    assertThat(oneTime).as("a fresh account for " + username).isNotNull();
    return gm.withoutAuth().signIn(username, oneTime);
  }

  /** Creates the account; its one-time password, or null if it exists already. */
  private static String create(Http gm, String username, String role, String gameDay, String team) {
    String body =
        "{\"username\": \""
            + username
            + "\", \"role\": \""
            + role
            + "\""
            + (gameDay == null
                ? ""
                : ", \"gameDay\": \"" + gameDay + "\", \"team\": \"" + team + "\"")
            + "}";
    Http.Answer answer = gm.postJson("/api/accounts", body);
    if (answer.status() == 409) {
      return null;
    }
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().get("oneTimePassword").asText();
  }
}
