package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.junit.jupiter.api.Test;

/** The OpenAPI document that the server serves describes the API the pages and scripts use. */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class OpenApiTest {
  @TestHTTPResource("/")
  URI base;

  @Test
  void theDocumentListsEveryPartOfTheApiWithTheRolesItAllows() {
    JsonNode doc = new Http(base).getJson("/q/openapi?format=json");

    assertThat(doc.get("info").get("title").asText()).isEqualTo("Days of Chaos game-day server");
    List<String> paths = iterable(doc.get("paths"));
    assertThat(paths)
        .contains(
            "/api/auth/login",
            "/api/accounts",
            "/api/play/detections",
            "/api/play/diagnoses",
            "/api/play/hints",
            "/api/play/fixes",
            "/api/gamedays/{id}/board",
            "/api/gamedays/{id}/board/stream",
            "/api/gamedays/{id}/reviews/{play}",
            "/api/halt",
            "/api/incidents",
            "/api/alerts");
    JsonNode claim = doc.get("paths").get("/api/play/detections").get("post");
    assertThat(claim.toString()).contains("token");
  }

  private static List<String> iterable(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
