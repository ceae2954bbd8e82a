package org.daysofchaos.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.daysofchaos.core.testing.RecordingInjector;
import org.daysofchaos.core.testing.ScriptedProbe;
import org.daysofchaos.core.testing.TestFault;
import org.junit.jupiter.api.Test;

class InjectorsTest {

  @Test
  void holdsEachInjectorByTheKindItIsTypedWithAcrossSeveralLists() {
    RecordingInjector injector = new RecordingInjector();

    Injectors injectors = Injectors.of(List.of(), List.of(injector));

    assertThat(injectors.forFault(TestFault.on("db"))).containsSame(injector);
    assertThat(injectors.forKind(TestFault.class)).containsSame(injector);
    assertThat(injectors.all()).containsExactly(injector);
  }

  @Test
  void refusesTwoInjectorsForOneKind() {
    assertThatThrownBy(
            () -> Injectors.of(List.of(new RecordingInjector()), List.of(new RecordingInjector())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("two injectors for kind TestFault: ")
        .hasMessageEndingWith("; a kind has one injector");
  }

  @Test
  void refusesTwoProbeRunnersForOneKind() {
    ScriptedProbe.Runner runner = ScriptedProbe.runner(java.time.Clock.systemUTC());

    assertThat(ProbeRunners.of(List.of(runner)).forProbe(ScriptedProbe.always("ok", true)))
        .containsSame(runner);
    assertThatThrownBy(() -> ProbeRunners.of(List.of(runner), List.of(runner)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two probe runners for kind ");
  }
}
