package org.daysofchaos.scoreboard.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.experiments.host.AgentTarget;
import org.daysofchaos.experiments.host.FileAction;
import org.daysofchaos.experiments.host.FileChange;
import org.junit.jupiter.api.Test;

/** The server's host injector against a stub agent link. */
class AgentInjectorTest {
  static final Target WEB = new Target("web", new AgentTarget("web-1"));
  static final FileChange CHANGE = new FileChange("web", "app-config", FileAction.REPLACE, "bad");
  static final InjectionContext CONTEXT =
      new InjectionContext("run-1", "run-1-0", Instant.parse("2026-01-01T00:00:00Z"));

  final StubAgent agent = new StubAgent();
  final AgentInjector<FileChange> injector =
      new AgentInjector<>(FileChange.class, agent, Duration.ofSeconds(5), Duration.ofSeconds(30));

  @Test
  void theFaultTravelsAsItsNotationWithItsLeaseAndIsRevertedByTheAgent() throws Exception {
    Injection injection = injector.inject(CHANGE, WEB, CONTEXT);

    assertThat(agent.applied).singleElement();
    var sent = agent.applied.get(0);
    assertThat(sent.injectionId()).isEqualTo("run-1-0");
    assertThat(sent.target()).isEqualTo("web");
    assertThat(sent.leaseMillis()).isEqualTo(5000);
    assertThat(sent.fault().get("kind").asText()).isEqualTo("host/file-change");
    assertThat(sent.fault().get("file").asText()).isEqualTo("app-config");
    assertThat(sent.fault().get("action").asText()).isEqualTo("replace");

    injection.revert();
    assertThat(agent.reverted).containsExactly("run-1-0");
    assertThat(injection.residue()).isEmpty();
  }

  @Test
  void theAgentsRefusalIsTheInjectionsFailureWithItsReason() {
    agent.applyStatus = "REFUSED";
    agent.message = "agent web-1 refuses host/file-change: file app-config is not allowed";
    assertThatThrownBy(() -> injector.inject(CHANGE, WEB, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage("agent web-1 refuses host/file-change: file app-config is not allowed");
  }

  @Test
  void anAgentThatCannotApplyTheKindIsRefusedBeforeAnythingIsSent() {
    agent.unavailable = Optional.of("agent web-1 is not connected");
    assertThatThrownBy(() -> injector.inject(CHANGE, WEB, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage("target web: agent web-1 is not connected");
    assertThatThrownBy(() -> injector.inspect(WEB)).hasMessageContaining("not connected");
    assertThat(agent.applied).isEmpty();
  }

  @Test
  void aSilentAgentFailsTheInjectionNamingTheAgent() {
    agent.silent = true;
    assertThatThrownBy(() -> injector.inject(CHANGE, WEB, CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("agent web-1 did not answer within 30 s");
  }

  @Test
  void aRevertWhileTheAgentIsGoneLeavesItToTheLeaseAndSaysSo() throws Exception {
    Injection injection = injector.inject(CHANGE, WEB, CONTEXT);
    agent.connected = false;
    injection.revert();
    assertThat(injection.residue())
        .hasValueSatisfying(r -> assertThat(r).contains("unconfirmed").contains("lease (5 s"));
  }

  @Test
  void inspectNamesTheAgentAndTheKind() {
    assertThat(injector.inspect(WEB))
        .isEqualTo("agent web-1 connected from host h, can apply host/file-change");
  }

  @Test
  void everyKindOnAgentsHasAnInjectorAndNoOtherKindHas() {
    KindCatalog catalog = Catalog.standard();
    assertThat(
            AgentInjector.forEveryHostKind(
                    catalog, agent, Duration.ofSeconds(5), Duration.ofSeconds(30))
                .stream()
                .map(FaultInjector::faultType)
                .map(KindCatalog::kindName))
        .containsExactlyInAnyOrder(
            "host/process-pause",
            "host/process-kill",
            "host/cpu-burn",
            "host/memory-pressure",
            "host/disk-fill",
            "host/file-change",
            "host/port-block",
            "host/netem");
  }
}
