package org.daysofchaos.agents.host.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.experiments.faults.Signal;
import org.daysofchaos.experiments.host.ByteSize;
import org.daysofchaos.experiments.host.CpuBurn;
import org.daysofchaos.experiments.host.DiskFill;
import org.daysofchaos.experiments.host.FileAction;
import org.daysofchaos.experiments.host.FileChange;
import org.daysofchaos.experiments.host.HostProcessKill;
import org.daysofchaos.experiments.host.HostProcessPause;
import org.daysofchaos.experiments.host.MemoryPressure;
import org.daysofchaos.experiments.host.Netem;
import org.daysofchaos.experiments.host.PortAction;
import org.daysofchaos.experiments.host.PortBlock;
import org.daysofchaos.experiments.host.PortDirection;
import org.daysofchaos.experiments.host.PortProtocol;
import org.junit.jupiter.api.Test;

class FaultCodecTest {
  private final FaultCodec codec = new FaultCodec(Catalog.standard());

  @Test
  void everyHostKindGoesThereAndBack() {
    List<FaultSpec> faults =
        List.of(
            new HostProcessPause("web", "nginx"),
            new HostProcessKill("web", "nginx", Signal.TERM, false),
            new CpuBurn("web", 2, 40),
            new MemoryPressure("web", ByteSize.parse("1536MiB")),
            new DiskFill("web", "data", ByteSize.parse("1000000")),
            new FileChange("web", "app", FileAction.APPEND, "x: \"1\"\n"),
            new PortBlock("web", 8080, PortProtocol.UDP, PortAction.REJECT, PortDirection.BOTH),
            new Netem("web", "eth0", Duration.ofMillis(250), Duration.ofMillis(20), 2.5));
    for (FaultSpec fault : faults) {
      assertThat(codec.decode(FaultCodec.encode(fault))).isEqualTo(fault);
    }
    assertThat(FaultCodec.encode(new MemoryPressure("web", ByteSize.parse("1536MiB"))).toString())
        .isEqualTo("{\"kind\":\"host/memory-pressure\",\"target\":\"web\",\"size\":\"1536MiB\"}");
  }

  @Test
  void theAgentChecksWhatTheServerSendsAsAScenarioFileIsChecked() {
    ObjectNode burn = FaultCodec.encode(new CpuBurn("web", 1, 50));
    burn.put("percent", 500);
    burn.put("shell", "rm -rf /");
    assertThatThrownBy(() -> codec.decode(burn))
        .hasMessageContaining("invalid host/cpu-burn")
        .hasMessageContaining("percent: must be from 1 to 100, got 500")
        .hasMessageContaining("unknown key 'shell'");
    ObjectNode unknown =
        FaultCodec.encode(new CpuBurn("web", 1, 50)).put("kind", "host/format-disk");
    assertThatThrownBy(() -> codec.decode(unknown))
        .hasMessage("unknown fault kind 'host/format-disk'");
  }
}
