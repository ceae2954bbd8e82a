package org.daysofchaos.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.chaostoolkit.Checks;
import org.daysofchaos.chaostoolkit.Experiment;
import org.daysofchaos.chaostoolkit.ExperimentRead;
import org.daysofchaos.chaostoolkit.ExperimentReader;
import org.daysofchaos.chaostoolkit.ExperimentRunner;
import org.daysofchaos.chaostoolkit.NativeCalls;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.Sleeper;

/**
 * A Chaos Toolkit experiment run as a test (docs/chaos-toolkit.md): its hypothesis, its method, its
 * rollbacks always; {@code chaostoxi} functions act on the proxies of the test class. The result is
 * asserted like a scenario's ({@link ScenarioResult#passed()}), and the journal is written where
 * {@code chaos report --journals} finds it.
 *
 * <pre>{@code
 * chaos.experiment("chaos/slow-dependency.json").env("SERVICE_URL", service.uri()).run().passed();
 * }</pre>
 */
public final class ExperimentRun {
  private final String source;
  private final String text;
  private final Injectors injectors;
  private final ToxiproxyServers servers;
  private final Path journals;
  private final String testName;
  private final Map<String, String> env = new HashMap<>(System.getenv());

  ExperimentRun(
      String source,
      String text,
      Injectors injectors,
      ToxiproxyServers servers,
      Path journals,
      String testName) {
    this.source = source;
    this.text = text;
    this.injectors = injectors;
    this.servers = servers;
    this.journals = journals;
    this.testName = testName;
  }

  /**
   * A value for an environment variable the experiment's configuration reads ({@code type: env}),
   * over the process's own.
   */
  public ExperimentRun env(String name, Object value) {
    env.put(name, String.valueOf(value));
    return this;
  }

  /**
   * Runs the experiment and writes its journal; returns whatever the verdict.
   *
   * @throws IllegalArgumentException with every problem as {@code file:line:column: field: message}
   *     when the experiment is invalid or uses a Python function that does not run here
   */
  public ScenarioResult run() {
    ExperimentRead read = new ExperimentReader(env).read(source, text);
    if (!read.ok()) {
      throw new IllegalArgumentException(problems(read.problems()));
    }
    Experiment experiment = read.experiment().orElseThrow();
    Checks.Mapping mapping = Checks.map(experiment);
    if (!mapping.problems().isEmpty()) {
      throw new IllegalArgumentException(problems(mapping.problems()));
    }
    Clock clock = Clock.systemUTC();
    RunResult result =
        new ExperimentRunner(
                injectors,
                Agents.probes(MetricSources.of(List.of(), Map.of()), servers),
                new InMemoryLedger(),
                clock,
                Sleeper.system(clock),
                new NativeCalls())
            .run(experiment, mapping, List.of())
            .result();
    try {
      return new ScenarioResult(result, Journals.write(result, journals, testName));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the journal to " + journals, e);
    }
  }

  private static String problems(List<?> problems) {
    StringBuilder sb = new StringBuilder();
    problems.forEach(p -> sb.append('\n').append(p));
    return "the experiment cannot run:" + sb;
  }
}
