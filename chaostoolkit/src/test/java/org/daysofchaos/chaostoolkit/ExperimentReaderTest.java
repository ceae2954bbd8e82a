package org.daysofchaos.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentReaderTest {
  private static final ExperimentReader READER =
      new ExperimentReader(Map.of("PORT", "8080", "HOST", "shop.local", "DEBUG", "no"));

  static Experiment read(String yaml) {
    ExperimentRead read = READER.read("x.yaml", yaml);
    assertThat(read.problems()).isEmpty();
    return read.experiment().orElseThrow();
  }

  @Test
  void aWholePlaceholderKeepsTheTypeOfItsValueAndAPartialOneBecomesText() {
    Experiment e =
        read(
            """
            title: typing
            configuration:
              port: {type: env, key: PORT, env_var_type: int}
              host: {type: env, key: HOST}
              debug: {type: env, key: DEBUG, env_var_type: bool}
              missing: {type: env, key: NOT_SET, default: fallback}
              ratio: 0.5
              names: [a, b]
            secrets:
              api:
                token: s3cret
            method:
              - type: action
                name: call
                provider:
                  type: http
                  url: http://${host}:${port}/x?t=${token}&u=${unknown}
                  method: post
                  headers: {Authorization: "Bearer ${token}"}
                  arguments: {port: "${port}", ratio: "${ratio}", names: "${names}", debug: "${debug}", text: "p=${port}", fb: "${missing}", cost: "$$5"}
                  timeout: 3
                  verify_tls: false
                  expected_status: 201
            """);
    Provider.Http http = (Provider.Http) e.method().get(0).provider();
    assertThat(http.url()).isEqualTo("http://shop.local:8080/x?t=s3cret&u=${unknown}");
    assertThat(http.method()).isEqualTo("POST");
    assertThat(http.headers()).containsEntry("Authorization", "Bearer s3cret");
    assertThat(http.arguments().get("port")).isEqualTo(8080L);
    assertThat(http.arguments().get("ratio")).isEqualTo(0.5);
    assertThat(http.arguments().get("names")).isEqualTo(List.of("a", "b"));
    assertThat(http.arguments().get("debug")).isEqualTo(false);
    assertThat(http.arguments().get("text")).isEqualTo("p=8080");
    assertThat(http.arguments().get("fb")).isEqualTo("fallback");
    assertThat(http.arguments().get("cost")).isEqualTo("$5");
    assertThat(http.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(http.verifyTls()).isFalse();
    assertThat(http.expectedStatus()).contains(201);
    assertThat(http.describe())
        .isEqualTo("http POST http://shop.local:8080/x?…")
        .doesNotContain("s3cret");
  }

  @Test
  void jsonIsReadWithLinesAndReferencesPausesAndBackgroundAreKept() {
    ExperimentRead read =
        READER.read(
            "e.json",
            """
            {
              "title": "json",
              "tags": ["a"],
              "steady-state-hypothesis": {
                "title": "up",
                "probes": [
                  {"type": "probe", "name": "ok", "tolerance": 200,
                   "provider": {"type": "http", "url": "http://localhost:1/health"}}
                ]
              },
              "method": [
                {"type": "action", "name": "sleep", "background": true,
                 "pauses": {"before": 1.5, "after": 2},
                 "provider": {"type": "process", "path": "sleep", "arguments": "1 'a b'"}},
                {"ref": "ok"}
              ]
            }
            """);
    assertThat(read.problems()).isEmpty();
    Experiment e = read.experiment().orElseThrow();
    Activity sleep = e.method().get(0);
    assertThat(sleep.background()).isTrue();
    assertThat(sleep.pauseBefore()).isEqualTo(Duration.ofMillis(1500));
    assertThat(sleep.pauseAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(((Provider.Process) sleep.provider()).arguments()).containsExactly("1", "a b");
    assertThat(sleep.where()).hasToString("e.json:12:5");
    assertThat(e.method().get(1).name()).isEqualTo("ok");
    assertThat(e.method().get(1).tolerance()).isPresent();
    assertThat(e.method().get(1).where().line()).isEqualTo(15);
  }

  @Test
  void problemsNameFileLineColumnAndField() {
    ExperimentRead read =
        READER.read(
            "bad.yaml",
            """
            title: bad
            configuration:
              x: {type: env, key: NOPE}
            steady-state-hypothesis:
              title: t
              probes:
                - type: probe
                  name: p
                  tolerance: {type: jsonpath, path: "$.a[?(@.b ~ 1)]"}
                  provider: {type: http, url: "ftp://x"}
            method:
              - ref: nowhere
              - type: action
                name: a
                provider: {type: process}
            """);
    assertThat(read.ok()).isFalse();
    assertThat(read.problems().stream().map(Object::toString))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("bad.yaml:3:6: configuration.x:")
                    .contains("NOPE is not set"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("bad.yaml:9:18: steady-state-hypothesis.probes[0].tolerance.path:"))
        .anySatisfy(p -> assertThat(p).contains("provider.url").contains("ftp://x"))
        .anySatisfy(
            p -> assertThat(p).startsWith("bad.yaml:12:10: method[0].ref:").contains("nowhere"))
        .anySatisfy(p -> assertThat(p).contains("method[1].provider.path: is required"));
  }

  @Test
  void aFileThatIsNotAMappingIsAProblemNotAnException() {
    assertThat(READER.read("l.yaml", "- a\n- b\n").problems()).hasSize(1);
    assertThat(READER.read("e.json", "{\"title\": ").problems()).hasSize(1);
    assertThat(READER.read("m.yaml", "title: t\n").problems().toString())
        .contains("method: is required");
  }
}
