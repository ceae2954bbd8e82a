package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.Test;

/** A JSON body the server cannot read answers 400 saying which field and why (docs/playing.md). */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class JsonErrorsTest {
  @TestHTTPResource("/")
  URI base;

  @Test
  void aFieldOfTheWrongTypeIsNamed() {
    Http gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);

    Http.Answer verdict = gm.postJson("/api/gamedays/any-day/reviews/1", "{\"accept\": \"maybe\"}");
    Http.Answer login =
        new Http(base).postJson("/api/auth/login", "{\"username\": [\"x\"], \"password\": \"y\"}");
    Http.Answer label = gm.postJson("/api/auth/tokens", "{\"label\": {\"text\": \"ci\"}}");

    assertThat(verdict.status()).isEqualTo(400);
    assertThat(verdict.json().get("error").asText()).isEqualTo("accept: expected true or false");
    assertThat(login.status()).isEqualTo(400);
    assertThat(login.json().get("error").asText()).isEqualTo("username: expected a string");
    assertThat(label.status()).isEqualTo(400);
    assertThat(label.json().get("error").asText()).isEqualTo("label: expected a string");
  }

  @Test
  void aBodyThatIsNotJsonSaysWhereItBreaks() {
    Http.Answer answer = new Http(base).postJson("/api/auth/login", "{\"username\": ");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).startsWith("the body is not valid JSON");
  }
}
