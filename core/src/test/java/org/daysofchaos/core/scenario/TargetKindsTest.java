package org.daysofchaos.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spec.NotBlank;
import org.junit.jupiter.api.Test;

/**
 * Target kinds as the catalog declares them: keys that several kinds share, keys that one kind
 * requires beside its own, and a kind that refuses some faults it otherwise accepts.
 */
class TargetKindsTest {

  @Kind(value = "host", doc = "A machine with our agent.")
  record Host(
      @NotBlank String host,
      @NotBlank @Doc("The agent that acts on it.") String agent,
      @Doc("Where it is.") Optional<String> zone)
      implements TargetSpec {
    @Override
    public String describe() {
      return "host " + host + " through agent " + agent;
    }
  }

  @Kind(value = "disk", doc = "A disk.")
  record Disk(@NotBlank String disk, Optional<String> zone, @Default("false") boolean ssd)
      implements TargetSpec {
    @Override
    public String describe() {
      return "disk " + disk;
    }

    @Override
    public Optional<Mismatch> mismatch(Class<? extends FaultSpec> faultType) {
      return faultType == Trim.class && !ssd
          ? Optional.of(new Mismatch("a disk target on an ssd", "is not an ssd"))
          : Optional.empty();
    }
  }

  @Kind(value = "x/trim", targets = Disk.class, doc = "Trims a disk.")
  record Trim(String target) implements FaultSpec {
    @Override
    public String describe() {
      return "trim";
    }
  }

  private static final KindCatalog CATALOG =
      KindCatalog.of(
          Host.class, Disk.class, TestKinds.Process.class, Trim.class, TestKinds.Level.class);
  private static final ScenarioReader READER = new ScenarioReader(CATALOG);

  private static String scenario(String target) {
    return """
        id: test/targets
        title: Targets
        targets:
          it: %s
        faults:
          - kind: x/trim
            target: it
        steadyState:
          - kind: gauge/level
            query: errors
            below: 0.05
        """
        .formatted(target);
  }

  private static List<String> problems(String target) {
    return READER.read("s.yaml", scenario(target)).problems().stream()
        .map(Problem::toString)
        .toList();
  }

  @Test
  void aTargetIsTheRecordOfItsKindAndInjectorsAskForTheirs() {
    ReadResult result = READER.read("s.yaml", scenario("{ disk: sda, zone: eu, ssd: true }"));

    assertThat(result.problems()).isEmpty();
    Target target = result.scenarios().get(0).targets().get("it");
    assertThat(target).isEqualTo(new Target("it", new Disk("sda", Optional.of("eu"), true)));
    assertThat(target.spec(Disk.class)).contains(new Disk("sda", Optional.of("eu"), true));
    assertThat(target.spec(Host.class)).isEmpty();
    assertThat(target.describe()).isEqualTo("disk sda");
  }

  @Test
  void aKeyBesideTheKindBelongsToTheKindsThatHaveIt() {
    assertThat(problems("{ process: p, zone: eu }"))
        .containsExactly(
            "s.yaml:4:21: targets.it.zone: only a host or disk target has a zone; a process target"
                + " has none");
    assertThat(problems("{ process: p }"))
        .containsExactly(
            "s.yaml:7:13: faults[0].target: x/trim needs a disk target, but 'it' is a process");
    assertThat(problems("{ host: h }"))
        .containsExactly("s.yaml:4:7: targets.it.agent: is missing; expected a text");
  }

  @Test
  void aTargetKindMayRefuseAFaultItsKindAccepts() {
    assertThat(problems("{ disk: sdb }"))
        .containsExactly(
            "s.yaml:7:13: faults[0].target: x/trim needs a disk target on an ssd, but 'it' is not"
                + " an ssd");
  }

  @Test
  void theSchemaSaysWhichKindsAKeyGoesWith() throws Exception {
    JsonNode target =
        new ObjectMapper().readTree(ScenarioSchema.generate(CATALOG)).at("/$defs/target");

    assertThat(target.get("properties").fieldNames())
        .toIterable()
        .containsExactly("host", "disk", "process", "agent", "zone", "ssd");
    assertThat(target.get("oneOf")).hasSize(3);
    assertThat(target.at("/dependentRequired").toString())
        .isEqualTo("{\"agent\":[\"host\"],\"ssd\":[\"disk\"]}");
    assertThat(target.at("/dependentSchemas/zone").toString())
        .isEqualTo("{\"anyOf\":[{\"required\":[\"host\"]},{\"required\":[\"disk\"]}]}");
  }
}
