package org.daysofchaos.scoreboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;
import org.daysofchaos.scoreboard.server.DemoTargets;
import org.daysofchaos.scoreboard.server.Http;
import org.daysofchaos.scoreboard.server.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agents' credentials and link through the API (the agent played by the test): a credential is
 * shown once and opens the link under its own name only; a revoked or unknown one is refused; game
 * masters list the agents with what they told; the pre-flight says whether the agent a scenario
 * names is connected and can apply its fault.
 */
@QuarkusTest
@WithTestResource(DemoTargets.class)
class AgentApiTest {
  static final String SCENARIO =
      """
      id: test/agent-file
      title: A bad configuration on an agent's host
      targets:
        web: { agent: NAME }
      faults:
        - kind: host/file-change
          target: web
          file: app-config
          content: "broken"
        - kind: host/cpu-burn
          target: web
          cores: 1
          percent: 50
      steadyState:
        - kind: metric/threshold
          query: booking_error_ratio
          below: 2
      """;

  @TestHTTPResource("/")
  URI base;

  Http gm;
  String name;

  @BeforeEach
  void signIn() {
    gm = new Http(base).signIn(TestAccounts.GAME_MASTER, TestAccounts.GAME_MASTER_PASSWORD);
    name = "api-" + System.nanoTime();
  }

  private String issue() {
    Http.Answer issued = gm.postJson("/api/agents", "{\"name\": \"" + name + "\"}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    assertThat(issued.json().path("agent").path("name").asText()).isEqualTo(name);
    return issued.json().path("credential").asText();
  }

  private Http.Answer hello(String credential, String as) {
    return new Http(base)
        .withToken(credential)
        .postJson(
            "/api/agent/v1/hello",
            "{\"agent\": \""
                + as
                + "\", \"host\": \"host-a\", \"version\": \"1.0\", \"capabilities\":"
                + " {\"host/file-change\": \"\", \"host/cpu-burn\": \"not on this host\"},"
                + " \"recovered\": [], \"active\": []}");
  }

  @Test
  void aCredentialOpensTheLinkUnderItsOwnNameOnlyAndNoMoreOnceRevoked() {
    String credential = issue();
    Http.Answer welcome = hello(credential, name);
    assertThat(welcome.status()).as(welcome.body()).isEqualTo(200);
    assertThat(welcome.json().path("waitMillis").asLong()).isPositive();

    JsonNode listed =
        StreamSupport.stream(gm.getJson("/api/agents").spliterator(), false)
            .filter(a -> a.path("name").asText().equals(name))
            .findFirst()
            .orElseThrow();
    assertThat(listed.path("connected").asBoolean()).isTrue();
    assertThat(listed.path("host").asText()).isEqualTo("host-a");
    assertThat(listed.path("capabilities").path("host/cpu-burn").asText())
        .isEqualTo("not on this host");
    assertThat(listed.path("lastContact").isNull()).isFalse();
    assertThat(listed.toString()).doesNotContain(credential);

    assertThat(hello(credential, "someone-else").status()).isEqualTo(401);
    assertThat(gm.postJson("/api/agents", "{\"name\": \"" + name + "\"}").status())
        .as("a second credential while the first is live")
        .isEqualTo(409);
    assertThat(new Http(base).withToken(credential).get("/api/agents").status())
        .as("an agent cannot list agents")
        .isEqualTo(403);

    assertThat(gm.delete("/api/agents/" + name).status()).isEqualTo(204);
    assertThat(hello(credential, name).status()).isEqualTo(401);
    assertThat(gm.getJson("/api/agents/" + name).path("revoked").asBoolean()).isTrue();
    assertThat(gm.getJson("/api/agents/" + name).path("connected").asBoolean()).isFalse();
  }

  @Test
  void anUnknownCredentialCannotRegister() {
    assertThat(hello("doc_not-a-credential-anyone-issued", "web-1").status()).isEqualTo(401);
    assertThat(gm.postJson("/api/agents", "{\"name\": \"Not A Name\"}").status()).isEqualTo(400);
  }

  @Test
  void thePreFlightSaysWhetherTheAgentIsConnectedAndCanApplyEachFault() {
    String credential = issue();
    assertThat(gm.postYaml("/api/scenarios", SCENARIO.replace("NAME", name)).status())
        .isEqualTo(201);
    String day =
        "id: "
            + name
            + "\nname: Agent day\nwindow: { lasts: 10m }\nteams: [blue]\n"
            + "scenarios:\n  - scenario: test/agent-file\n    at: 9m\n";
    assertThat(gm.postYaml("/api/gamedays", day).status()).isEqualTo(201);

    List<JsonNode> absent = targetItems(name);
    assertThat(absent).allSatisfy(i -> assertThat(i.path("ok").asBoolean()).isFalse());
    assertThat(absent.get(0).path("detail").asText())
        .isEqualTo("refused: target web: agent " + name + " is not connected");

    assertThat(hello(credential, name).status()).isEqualTo(200);
    List<String> details =
        targetItems(name).stream()
            .map(i -> i.path("ok").asBoolean() + " " + i.path("detail").asText())
            .toList();
    assertThat(details)
        .anyMatch(d -> d.startsWith("true agent " + name + " connected from host host-a"))
        .anyMatch(
            d ->
                d.equals(
                    "false refused: target web: agent "
                        + name
                        + " cannot apply host/cpu-burn on its host: not on this host"));
  }

  private List<JsonNode> targetItems(String day) {
    JsonNode list = gm.post("/api/gamedays/" + day + "/preflight", "", "application/json").json();
    return StreamSupport.stream(list.path("items").spliterator(), false)
        .filter(i -> i.path("what").asText().startsWith("target "))
        .toList();
  }
}
