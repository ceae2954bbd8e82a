package org.daysofchaos.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.testing.RecordingInjector;
import org.daysofchaos.core.testing.Scenarios;
import org.daysofchaos.core.testing.ScriptedProbe;
import org.daysofchaos.core.testing.TestFault;
import org.junit.jupiter.api.Test;

class TargetCheckTest {
  private final Scenario scenario =
      Scenarios.timeBoxed(
          Duration.ofSeconds(10),
          Duration.ofSeconds(1),
          List.of(new TestFault("db", "a"), new TestFault("db", "b"), new TestFault("cache", "c")),
          List.of(ScriptedProbe.always("ok", true)),
          List.of());

  @Test
  void describesEachTargetOnceWithoutInjecting() {
    RecordingInjector recorder = new RecordingInjector();
    FaultInjector<TestFault> injector =
        new FaultInjector<>() {
          @Override
          public Class<TestFault> faultType() {
            return TestFault.class;
          }

          @Override
          public Injection inject(TestFault fault, Target target, InjectionContext context) {
            return recorder.inject(fault, target, context);
          }

          @Override
          public String inspect(Target target) {
            if (target.name().equals("cache")) {
              throw new IllegalArgumentException("cache is not allow-listed");
            }
            return "healthy";
          }
        };

    List<TargetCheck.State> states = TargetCheck.check(scenario, Injectors.of(List.of(injector)));

    assertThat(states)
        .extracting(TargetCheck.State::describe)
        .containsExactly(
            "db (proxy db): healthy", "cache (proxy cache): REFUSED: cache is not allow-listed");
    assertThat(recorder.log()).isEmpty();
  }

  @Test
  void refusesAFaultThatNoInjectorHandles() {
    List<TargetCheck.State> states = TargetCheck.check(scenario, Injectors.of(List.of()));

    assertThat(states).allSatisfy(s -> assertThat(s.ok()).isFalse());
    assertThat(states.get(0).text()).contains("no injector is configured");
  }
}
