package org.daysofchaos.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Diagnosis;
import org.daysofchaos.core.Hint;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.Recovery;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.testing.TestProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
  private static final ScenarioReader READER = new ScenarioReader(TestKinds.catalog());

  /** The smallest valid scenario; tests append to it or replace its lines. */
  private static final String MINIMAL =
      """
      id: test/minimal
      title: Minimal
      targets:
        link: { proxy: payment }
      faults:
        - kind: net/delay
          target: link
          delay: 800ms
      steadyState:
        - kind: gauge/level
          query: errors
          below: 0.05
      """;

  private static List<String> problems(String yaml) {
    ReadResult result = READER.read("s.yaml", yaml);
    return result.problems().stream().map(Problem::toString).toList();
  }

  private static Scenario scenario(String yaml) {
    ReadResult result = READER.read("s.yaml", yaml);
    assertThat(result.problems()).isEmpty();
    assertThat(result.ok()).isTrue();
    return result.scenarios().get(0);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ScenarioReaderTest.class.getResource("/scenario/" + name).toURI());
  }

  @Test
  void readsEveryKeyOfAValidScenario() throws Exception {
    ReadResult result = READER.read(resource("valid.yaml"));

    assertThat(result.problems()).isEmpty();
    Scenario s = result.scenarios().get(0);
    assertThat(s.id()).isEqualTo("test/every-key");
    assertThat(s.title()).isEqualTo("Every key");
    assertThat(s.description()).isEqualTo("Uses every key of the format.");
    assertThat(s.weight()).isEqualTo(7);
    assertThat(s.mode()).isEqualTo(Mode.TIME_BOXED);
    assertThat(s.duration()).contains(Duration.ofSeconds(30));
    assertThat(s.maxDuration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.targets())
        .containsEntry(
            "link", new Target("link", new TestProxy("payment", Optional.of("preprod-1"))))
        .containsEntry("worker", new Target("worker", new TestKinds.Process("inventory")));
    assertThat(s.faults())
        .containsExactly(
            new TestKinds.Delay(
                "link",
                Duration.ofMillis(800),
                Duration.ofMillis(100),
                TestKinds.Way.BACKWARD_ONLY,
                0.5),
            new TestKinds.Stop("worker", 3, false, 100));
    assertThat(s.steadyState()).containsExactly(new TestKinds.Level("errors", 0.05, null));
    assertThat(s.detection().signals())
        .containsExactly(
            new TestKinds.Level("errors", null, 0.5),
            new TestKinds.WebOk("http://localhost/health"));
    assertThat(s.detection().alerts()).containsExactly("PaymentLatencyHigh", "payment_errors_5xx");
    assertThat(s.recovery()).isEqualTo(new Recovery(Duration.ofSeconds(5), Duration.ofMinutes(1)));
    assertThat(s.diagnosis()).contains(new Diagnosis("payment", "latency"));
    assertThat(s.hints())
        .containsExactly(
            new Hint(Duration.ofMinutes(2), "Look at payment."),
            new Hint(Duration.ofMinutes(5), "It is the link."));
  }

  @Test
  void omittedKeysTakeTheirDefaults() {
    Scenario s = scenario(MINIMAL);

    assertThat(s.description()).isEmpty();
    assertThat(s.weight()).isEqualTo(1);
    assertThat(s.mode()).isEqualTo(Mode.TIME_BOXED);
    assertThat(s.duration()).isEmpty();
    assertThat(s.maxDuration()).isEqualTo(Duration.ofMinutes(20));
    assertThat(s.detection().signals()).isEmpty();
    assertThat(s.detection().alerts()).isEmpty();
    assertThat(s.recovery()).isEqualTo(Recovery.defaults());
    assertThat(s.diagnosis()).isEmpty();
    assertThat(s.hints()).isEmpty();
    assertThat(s.faults())
        .containsExactly(
            new TestKinds.Delay(
                "link", Duration.ofMillis(800), Duration.ZERO, TestKinds.Way.FORWARD, 1.0));
  }

  @Test
  void explicitNullsCountAsAbsentForOptionalKeys() {
    Scenario s = scenario(MINIMAL + "description:\ndetection: ~\nhints:\n");

    assertThat(s.description()).isEmpty();
    assertThat(s.detection().signals()).isEmpty();
    assertThat(s.hints()).isEmpty();
  }

  @Test
  void kindRecordsTakeListsOptionalsAndAbsentBoxedNumbers() {
    String yaml =
        MINIMAL.replace(
            "steadyState:",
            "  - kind: any/label\n"
                + "    target: link\n"
                + "    labels: [a, b]\n"
                + "    note: hello\n"
                + "    limit: 3\n"
                + "  - kind: any/label\n"
                + "    target: link\n"
                + "steadyState:");

    assertThat(scenario(yaml).faults())
        .contains(
            new TestKinds.Label("link", List.of("a", "b"), Optional.of("hello"), 3),
            new TestKinds.Label("link", List.of(), Optional.empty(), null));
  }

  @Test
  void problemPrintsAsFileLineColumnFieldMessage() {
    Problem p = new Problem("demo/a.yaml", 7, 14, "faults[0].latency", "must not be negative");

    assertThat(p).hasToString("demo/a.yaml:7:14: faults[0].latency: must not be negative");
  }

  @Test
  void reportsEveryProblemOfAFileInOrderAndYieldsNoScenario() {
    ReadResult result =
        READER.read(
            "s.yaml",
            MINIMAL
                .replace("title: Minimal", "title: Minimal\nweight: 11")
                .replace("delay: 800ms", "delay: 800")
                .replace("below: 0.05", "below: low"));

    assertThat(result.scenarios()).isEmpty();
    assertThat(result.ok()).isFalse();
    assertThat(result.problems().stream().map(Problem::toString))
        .containsExactly(
            "s.yaml:3:9: weight: must be from 1 to 10, got 11",
            "s.yaml:9:12: faults[0].delay: '800' is not a duration; write e.g. 500ms, 30s, 2m or"
                + " 1h30m",
            "s.yaml:13:12: steadyState[0].below: expected a number, got 'low'");
    assertThat(result.report()).startsWith("s.yaml:3:9: weight:").contains("\ns.yaml:9:12:");
  }

  @Test
  void unknownKeySuggestsTheClosestNameAndListsTheAllowedOnes() {
    assertThat(problems(MINIMAL + "maxduration: 5m\nfoo: 1\n"))
        .containsExactly(
            "s.yaml:13:1: maxduration: unknown key 'maxduration' (did you mean 'maxDuration'?);"
                + " allowed keys: id, title, description, weight, mode, duration, maxDuration,"
                + " targets, faults, steadyState, detection, recovery, diagnosis, hints, guardrails",
            "s.yaml:14:1: foo: unknown key 'foo'; allowed keys: id, title, description, weight,"
                + " mode, duration, maxDuration, targets, faults, steadyState, detection, recovery,"
                + " diagnosis, hints, guardrails");
  }

  @Test
  void aTypoOfARequiredKeyIsOneProblemNotTwo() {
    assertThat(problems(MINIMAL.replace("delay: 800ms", "dealy: 800ms")))
        .containsExactly(
            "s.yaml:8:5: faults[0].dealy: unknown key 'dealy' (did you mean 'delay'?); allowed"
                + " keys: kind, target, delay, spread, way, share");
  }

  @Test
  void unknownKindListsTheKnownKinds() {
    assertThat(problems(MINIMAL.replace("kind: net/delay", "kind: net/dealy")))
        .containsExactly(
            "s.yaml:6:11: faults[0].kind: unknown fault kind 'net/dealy' (did you mean"
                + " 'net/delay'?); known fault kinds: net/delay, proc/stop, any/label");
    assertThat(problems(MINIMAL.replace("kind: gauge/level", "kind: net/delay")))
        .containsExactly(
            "s.yaml:10:11: steadyState[0].kind: 'net/delay' is a fault kind, not a probe kind;"
                + " probe kinds: gauge/level, web/ok");
  }

  @Test
  void aMissingKeyIsReportedAtItsMapAndAnEmptyValueAtItsKey() {
    assertThat(problems(MINIMAL.replace("    delay: 800ms\n", "")))
        .containsExactly(
            "s.yaml:6:5: faults[0].delay: is missing; expected a duration such as 500ms, 30s, 2m"
                + " or 1h30m");
    assertThat(problems(MINIMAL.replace("delay: 800ms", "delay:")))
        .containsExactly(
            "s.yaml:8:5: faults[0].delay: is missing; expected a duration such as 500ms, 30s, 2m"
                + " or 1h30m");
    assertThat(problems(MINIMAL.replace("title: Minimal\n", "")))
        .containsExactly("s.yaml:1:1: title: is missing; expected a text");
    assertThat(problems(MINIMAL.replace("kind: net/delay\n    ", "")))
        .containsExactly(
            "s.yaml:6:5: faults[0].kind: is missing; expected a fault kind: one of net/delay,"
                + " proc/stop, any/label");
  }

  @Test
  void readsAlertNamesWithoutSignals() {
    Scenario s = scenario(MINIMAL + "detection:\n  alerts: [BookingLatencyHigh, _low_disk2]\n");

    assertThat(s.detection().alerts()).containsExactly("BookingLatencyHigh", "_low_disk2");
    assertThat(s.detection().signals()).isEmpty();
  }

  @Test
  void readsTheServicesATeamMayNameWhenItClaimsADetection() {
    Scenario s = scenario(MINIMAL + "detection:\n  services: [booking, payment]\n");

    assertThat(s.detection().services()).containsExactly("booking", "payment");
    assertThat(scenario(MINIMAL).detection().services()).isEmpty();
  }

  @Test
  void servicesMustNotRepeat() {
    assertThat(problems(MINIMAL + "detection:\n  services: [booking, booking]\n"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("s.yaml:14:23: detection.services[1]:");
  }

  @Test
  void alertNamesMustFollowPrometheusSyntaxAndNotRepeat() {
    assertThat(problems(MINIMAL + "detection:\n  alerts: [Booking-Latency]\n"))
        .containsExactly(
            "s.yaml:14:12: detection.alerts[0]: 'Booking-Latency' is not a valid alert name; use"
                + " letters, digits and '_', not starting with a digit, e.g. BookingLatencyHigh");
    assertThat(problems(MINIMAL + "detection:\n  alerts: [5xxErrors]\n"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("s.yaml:14:12: detection.alerts[0]: '5xxErrors' is not a valid alert name");
    assertThat(problems(MINIMAL + "detection:\n  alerts: ['']\n"))
        .containsExactly("s.yaml:14:12: detection.alerts[0]: must not be empty");
    assertThat(problems(MINIMAL + "detection:\n  alerts: [~]\n"))
        .containsExactly(
            "s.yaml:14:12: detection.alerts[0]: expected an alert name such as"
                + " BookingLatencyHigh, got nothing");
    assertThat(problems(MINIMAL + "detection:\n  alerts: BookingLatencyHigh\n"))
        .containsExactly(
            "s.yaml:14:11: detection.alerts: expected a list of alert names, got"
                + " 'BookingLatencyHigh'");
    assertThat(problems(MINIMAL + "detection:\n  alerts:\n    - A\n    - B\n    - A\n"))
        .containsExactly(
            "s.yaml:17:7: detection.alerts[2]: duplicate alert name 'A'; it is already given at"
                + " line 15");
    assertThat(problems(MINIMAL + "detection:\n  alert: [A]\n"))
        .containsExactly(
            "s.yaml:14:3: detection.alert: unknown key 'alert' (did you mean 'alerts'?); allowed"
                + " keys: signals, alerts, services");
  }

  @Test
  void wrongTypesSayWhatWasExpectedAndWhatWasFound() {
    assertThat(problems(MINIMAL + "weight: six\n"))
        .containsExactly("s.yaml:13:9: weight: expected a whole number, got 'six'");
    assertThat(problems(MINIMAL + "weight: \"6\"\n"))
        .containsExactly(
            "s.yaml:13:9: weight: expected a whole number, got '6' in quotes; remove them");
    assertThat(problems(MINIMAL + "weight: 2.5\n"))
        .containsExactly("s.yaml:13:9: weight: expected a whole number, got '2.5'");
    assertThat(problems(MINIMAL + "recovery: [5s]\n"))
        .containsExactly("s.yaml:13:11: recovery: expected a map with holdFor, within, got a list");
    assertThat(problems(MINIMAL + "title: [a, b]\n"))
        .containsExactly(
            "s.yaml:13:1: title: duplicate key 'title'; it is already given at line 2");
    assertThat(problems(MINIMAL.replace("title: Minimal", "title: {a: b}")))
        .containsExactly("s.yaml:2:8: title: expected a text, got a map");
    assertThat(problems(MINIMAL.replace("targets:\n  link: { proxy: payment }", "targets: link")))
        .contains(
            "s.yaml:3:10: targets: expected a map of target names to {proxy: NAME} or {process:"
                + " NAME} or {kubernetes: {namespace: NS, deployment: NAME}}, got 'link'");
    assertThat(problems(MINIMAL + "hints: {after: 1m, text: x}\n"))
        .containsExactly("s.yaml:13:8: hints: expected a list of hints, got a map");
  }

  @Test
  void durationsMustBeWellFormedAndNotNegative() {
    assertThat(problems(MINIMAL.replace("delay: 800ms", "delay: -5s")))
        .containsExactly("s.yaml:8:12: faults[0].delay: must not be negative, got '-5s'");
    assertThat(problems(MINIMAL.replace("delay: 800ms", "delay: 1.5s")))
        .containsExactly(
            "s.yaml:8:12: faults[0].delay: '1.5s' is not a duration; write e.g. 500ms, 30s, 2m"
                + " or 1h30m");
    assertThat(problems(MINIMAL + "maxDuration: 0m\n"))
        .containsExactly("s.yaml:13:14: maxDuration: must be longer than 0s");
    assertThat(problems(MINIMAL + "recovery: {holdFor: 0s}\n"))
        .containsExactly("s.yaml:13:21: recovery.holdFor: must be longer than 0s");
  }

  @Test
  void numbersOutsideTheirRangeAreRefused() {
    assertThat(problems(MINIMAL.replace("delay: 800ms", "delay: 800ms\n    share: 1.5")))
        .containsExactly("s.yaml:9:12: faults[0].share: must be from 0 to 1, got 1.5");
    assertThat(problems(MINIMAL + "weight: 0\n"))
        .containsExactly("s.yaml:13:9: weight: must be from 1 to 10, got 0");
    String stop =
        MINIMAL
            .replace("link: { proxy: payment }", "link: { proxy: payment }\n  w: { process: w }")
            .replace(
                "steadyState:",
                "  - { kind: proc/stop, target: w, bytes: -1, times: 99999999999 }\nsteadyState:");
    assertThat(problems(stop))
        .containsExactly(
            "s.yaml:10:42: faults[1].bytes: must be at least 0, got -1",
            "s.yaml:10:53: faults[1].times: '99999999999' is too large a number");
  }

  @Test
  void enumValuesAreSpelledAsInYamlAndTheAllowedOnesListed() {
    assertThat(problems(MINIMAL + "mode: UNTIL_FIXED\n"))
        .containsExactly(
            "s.yaml:13:7: mode: expected one of time-boxed, until-fixed, got 'UNTIL_FIXED' (did"
                + " you mean 'until-fixed'?)");
    assertThat(problems(MINIMAL.replace("delay: 800ms", "delay: 800ms\n    way: sideways")))
        .containsExactly(
            "s.yaml:9:10: faults[0].way: expected one of forward, backward-only, got 'sideways'");
  }

  @Test
  void aKindRecordRefusingItsValuesIsReportedAtTheFieldItNames() {
    assertThat(problems(MINIMAL.replace("delay: 800ms", "delay: 800ms\n    spread: 1s")))
        .containsExactly("s.yaml:9:13: faults[0].spread: must not exceed the delay");
    assertThat(problems(MINIMAL.replace("    below: 0.05\n", "")))
        .containsExactly("s.yaml:10:5: steadyState[0].below: give 'below' or 'above' (or both)");
    assertThat(problems(MINIMAL.replace("below: 0.05", "below: 1\n    above: 2")))
        .containsExactly("s.yaml:10:5: steadyState[0]: 'above' must be less than 'below'");
    assertThat(
            problems(
                MINIMAL.replace(
                    "    below: 0.05\n", "    below: 0.05\n  - kind: web/ok\n    url: ftp://x\n")))
        .containsExactly("s.yaml:13:5: steadyState[1]: not a web address: ftp://x");
  }

  @Test
  void faultsMustNameATargetOfATypeTheirKindAccepts() {
    assertThat(problems(MINIMAL.replace("target: link", "target: lnk")))
        .containsExactly(
            "s.yaml:7:13: faults[0].target: no target named 'lnk' (did you mean 'link'?);"
                + " targets: link");
    assertThat(problems(MINIMAL.replace("{ proxy: payment }", "{ process: payment }")))
        .containsExactly(
            "s.yaml:7:13: faults[0].target: net/delay needs a proxy target, but 'link' is a"
                + " process");
    assertThat(
            problems(
                MINIMAL
                    .replace("{ proxy: payment }", "{ process: payment }")
                    .replace("kind: net/delay", "kind: any/label")
                    .replace("    delay: 800ms\n", "")))
        .isEmpty();
  }

  @Test
  void aTargetIsExactlyOneThingAndOnlyProxiesHaveServers() {
    assertThat(problems(MINIMAL.replace("{ proxy: payment }", "{ proxy: a, process: b }")))
        .containsExactly(
            "s.yaml:4:21: targets.link.process: give only one of proxy, process, kubernetes: a target is one"
                + " thing");
    assertThat(problems(MINIMAL.replace("{ proxy: payment }", "{ process: b, server: s }")))
        .contains(
            "s.yaml:4:23: targets.link.server: only a proxy target has a server; a process"
                + " target has none");
    assertThat(problems(MINIMAL.replace("{ proxy: payment }", "{ server: s }")))
        .containsExactly(
            "s.yaml:4:9: targets.link: give the kind of target: {proxy: NAME} or {process:"
                + " NAME} or {kubernetes: {namespace: NS, deployment: NAME}}");
    assertThat(problems(MINIMAL.replace("targets:\n  link: { proxy: payment }", "targets: {}")))
        .contains(
            "s.yaml:3:10: targets: must name at least one target, e.g. payment-link: {proxy:"
                + " payment}");
  }

  @Test
  void listsThatMustNotBeEmpty() {
    assertThat(problems(MINIMAL.replace("steadyState:\n", "steadyState: []\nx:\n")))
        .contains("s.yaml:9:14: steadyState: must list at least one probe");
  }

  @Test
  void duplicateKeysAreReportedAtTheSecond() {
    assertThat(problems(MINIMAL.replace("delay: 800ms", "delay: 800ms\n    delay: 900ms")))
        .containsExactly(
            "s.yaml:9:5: faults[0].delay: duplicate key 'delay'; it is already given at line 8");
  }

  @Test
  void theIdIsLowerCaseWordsInSegments() {
    assertThat(problems(MINIMAL.replace("id: test/minimal", "id: Test/Minimal")))
        .containsExactly(
            "s.yaml:1:5: id: 'Test/Minimal' is not a valid id; use lower-case words joined by"
                + " '-', in segments separated by '/', e.g. demo/payment-latency");
    assertThat(problems(MINIMAL.replace("id: test/minimal", "id: a/b-2/c3"))).isEmpty();
    assertThat(problems(MINIMAL.replace("id: test/minimal", "id: a//b"))).hasSize(1);
  }

  @Test
  void untilFixedTakesNoDurationAndADurationFitsInMaxDuration() {
    assertThat(problems(MINIMAL + "mode: until-fixed\nduration: 1m\n"))
        .containsExactly(
            "s.yaml:14:11: duration: is only allowed with mode time-boxed; an until-fixed fault"
                + " lasts until the fix works, at most maxDuration");
    assertThat(problems(MINIMAL + "duration: 10m\nmaxDuration: 5m\n"))
        .containsExactly("s.yaml:13:11: duration: must not exceed maxDuration (5m), got 10m");
    assertThat(problems(MINIMAL + "duration: 21m\n"))
        .containsExactly("s.yaml:13:11: duration: must not exceed maxDuration (20m), got 21m");
    assertThat(scenario(MINIMAL + "mode: until-fixed\n").mode()).isEqualTo(Mode.UNTIL_FIXED);
  }

  @Test
  void syntaxErrorsAreReportedWithFieldYaml() {
    assertThat(problems("id: a\ntitle: a: b\n"))
        .containsExactly(
            "s.yaml:2:9: yaml: a ':' is not allowed here; put the value in quotes or check the"
                + " indentation");
    assertThat(problems("id: a\ntargets:\n\tlink: {proxy: p}\n"))
        .containsExactly(
            "s.yaml:3:1: yaml: a tab cannot indent or start a value; indent with spaces");
    assertThat(problems("id: a\ntitle: [a, b\n"))
        .containsExactly("s.yaml:3:1: yaml: expected ',' or ']' to close the '[' at line 2");
    assertThat(problems("id: a\ntitle: 'abc\n"))
        .containsExactly(
            "s.yaml:2:8: yaml: this quoted text is never closed; add the closing quote");
    assertThat(problems("id: a\ntitle: *t\n"))
        .containsExactly("s.yaml:2:8: yaml: unknown alias *t: no anchor &t before it");
    assertThat(problems("id: a\n---\nid: b\n"))
        .containsExactly(
            "s.yaml:2:1: yaml: a scenario file holds one document; remove the second '---'");
    assertThat(problems("id: a\ntitle: \u0001\n"))
        .containsExactly(
            "s.yaml:2:8: yaml: the character U+0001 is not allowed in YAML; remove it or write it"
                + " as an escape in double quotes");
  }

  @Test
  void anEmptyFileOrAnythingButAMapIsOneProblem() {
    assertThat(problems("# nothing\n"))
        .containsExactly(
            "s.yaml:1:1: yaml: the file is empty; a scenario needs at least id, title, targets,"
                + " faults, steadyState");
    assertThat(problems(""))
        .containsExactly(
            "s.yaml:1:1: yaml: the file is empty; a scenario needs at least id, title, targets,"
                + " faults, steadyState");
    assertThat(problems("- id: a\n"))
        .containsExactly(
            "s.yaml:1:1: yaml: expected a scenario: a map with id, title, targets, faults,"
                + " steadyState and so on, got a list");
    assertThat(problems("hello\n"))
        .containsExactly(
            "s.yaml:1:1: yaml: expected a scenario: a map with id, title, targets, faults,"
                + " steadyState and so on, got 'hello'");
  }

  @Test
  void mergeKeysAndComplexKeysAreRefused() {
    assertThat(problems(MINIMAL + "<<: {weight: 2}\n? [a]\n: b\n"))
        .containsExactly(
            "s.yaml:13:1: <<: merge keys (<<) are not supported; write the keys out",
            "s.yaml:14:3: yaml: keys must be plain names, got a list");
  }

  @Test
  void aliasesMayShareProbesButNotExplode() {
    Scenario s =
        scenario(
            MINIMAL.replace("steadyState:\n", "steadyState: &healthy\n")
                + "detection:\n  signals: *healthy\n");
    assertThat(s.detection().signals()).isEqualTo(s.steadyState());

    StringBuilder laughs = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      laughs.append(c).append(": &").append(c).append(" [");
      laughs.append(String.join(", ", java.util.Collections.nCopies(10, "*" + p))).append("]\n");
    }
    long start = System.nanoTime();
    List<String> problems = problems(laughs.toString());
    // Expanded, the aliases would be 10^11 nodes: hours. Refused, it is milliseconds; the limit
    // only has to tell the two apart on a busy machine.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(problems)
        .containsExactly(
            "s.yaml:4:12: yaml: too many aliases (*name) to lists or maps; at most 20 are allowed"
                + " in a scenario");
  }

  @Test
  void deepNestingAndHugeFilesAreRefused() {
    assertThat(problems("id: " + "[".repeat(1000) + "]".repeat(1000) + "\n"))
        .singleElement()
        .asString()
        .contains("yaml: lists and maps are nested too deep; at most 20 levels are allowed");
    assertThat(problems("title: " + "x".repeat(1_000_001)))
        .containsExactly(
            "s.yaml:1:1: yaml: the file is too large (1000008 characters); a scenario file has"
                + " at most 1000000");
    assertThat(problems("id: &a [*a]\n"))
        .containsExactly(
            "s.yaml:1:1: title: is missing; expected a text",
            "s.yaml:1:1: targets: is missing; expected a map of target names to {proxy: NAME} or"
                + " {process: NAME} or {kubernetes: {namespace: NS, deployment: NAME}}",
            "s.yaml:1:1: faults: is missing; expected a list of faults",
            "s.yaml:1:1: steadyState: is missing; expected a list of probes",
            "s.yaml:1:5: id: expected an id such as demo/payment-latency, got a list");
  }

  @Test
  void readsSeveralFilesAndReportsADuplicateIdAtTheSecond(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), MINIMAL);
    Path b = Files.writeString(dir.resolve("b.yaml"), "# the same id\n" + MINIMAL);
    Path c = Files.writeString(dir.resolve("c.yaml"), MINIMAL.replace("test/minimal", "test/c"));

    ReadResult result = READER.read(List.of(a, b, c));

    assertThat(result.scenarios())
        .extracting(Scenario::id)
        .containsExactly("test/minimal", "test/c");
    assertThat(result.problems())
        .containsExactly(
            new Problem(
                b.toString(),
                2,
                5,
                "id",
                "duplicate id 'test/minimal'; it is already used by " + a + ":1:5"));
  }

  @Test
  void aDuplicateIdIsReportedEvenWhenTheFileHasOtherProblems(@TempDir Path dir) throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), MINIMAL);
    Path b = Files.writeString(dir.resolve("b.yaml"), MINIMAL + "weight: 0\n");

    ReadResult result = READER.read(List.of(a, b));

    assertThat(result.problems().stream().map(Problem::toString))
        .containsExactly(
            b + ":1:5: id: duplicate id 'test/minimal'; it is already used by " + a + ":1:5",
            b + ":13:9: weight: must be from 1 to 10, got 0");
  }

  @Test
  void unreadableFilesAreProblemsToo(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.yaml");
    Path latin1 =
        Files.write(
            dir.resolve("latin1.yaml"), "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    ReadResult result = READER.read(List.of(missing, dir, latin1));

    assertThat(result.problems().stream().map(Problem::toString))
        .containsExactly(
            missing + ":1:1: file: no such file",
            dir + ":1:1: file: is a directory, not a scenario file",
            latin1 + ":1:1: file: is not UTF-8 text");
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    assertThat(scenario("\uFEFF" + MINIMAL).id()).isEqualTo("test/minimal");
  }

  @Test
  void theReaderRefusesKindRecordsThatCannotBeWrittenInYaml() {
    assertThatThrownBy(() -> new ScenarioReader(KindCatalog.of(TestKinds.BadType.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no YAML notation for java.net.URI");
    assertThatThrownBy(() -> new ScenarioReader(KindCatalog.of(TestKinds.BadDefault.class)))
        .hasMessageContaining("BadDefault.after: @Default(\"soon\") is not a duration");
    assertThatThrownBy(() -> new ScenarioReader(KindCatalog.of(TestKinds.BadPrimitive.class)))
        .hasMessageContaining("BadPrimitive.count: @Default(\"\") means absent");
    assertThatThrownBy(() -> new ScenarioReader(KindCatalog.of(TestKinds.BadRange.class)))
        .hasMessageContaining("BadRange.share: the @Default must be from 0 to 1, got 5");
    assertThatThrownBy(() -> new ScenarioReader(KindCatalog.of(TestKinds.NoTarget.class)))
        .hasMessageContaining("without a String component 'target'");
  }
}
