package org.daysofchaos.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Recovery;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.MetricSource;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.Sleeper;

/**
 * One scenario, about to run as a test through the game day's run loop: wait for the steady state,
 * inject, observe, revert (always, verified), wait for the recovery, write the journal.
 *
 * <pre>{@code
 * chaos.scenario("chaos/payment-latency.yaml")
 *     .metrics(service.metricsUrl())
 *     .faultDuration(Duration.ofSeconds(3))
 *     .run()
 *     .passed()
 *     .detectedWithin(Duration.ofSeconds(2))
 *     .recoversWithin(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>The scenario's probes see the system as they would on a game day: {@code http/status} probes
 * reach their URLs, {@code metric/threshold} probes scrape the endpoints given to {@link
 * #metrics(URI...)}, {@code proxy/state} probes and every network fault reach the proxies of the
 * test class.
 */
public final class ScenarioRun {
  /** Probes every 250 ms unless told otherwise: a test wants short faults measured finely. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

  /** How long to wait for the steady state before the fault, unless told otherwise. */
  public static final Duration DEFAULT_STEADY_STATE_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How long the steady state must hold without a break before the fault, unless told otherwise: a
   * system just started is warming up, and the gate must neither abort on that nor pass on a lucky
   * sample.
   */
  public static final Duration DEFAULT_STEADY_STATE_SETTLE = Duration.ofSeconds(2);

  private final Injectors injectors;
  private final ToxiproxyServers servers;
  private final Path journals;
  private final String testName;
  private final String source;
  private final String text;
  private final Map<String, String> variables = new LinkedHashMap<>();
  private Optional<Duration> faultDuration = Optional.empty();
  private Optional<Recovery> recovery = Optional.empty();
  private final List<URI> scraped = new ArrayList<>();
  private final Map<String, MetricSource> sources = new LinkedHashMap<>();
  private Duration interval = DEFAULT_INTERVAL;
  private Duration steadyStateTimeout = DEFAULT_STEADY_STATE_TIMEOUT;
  private Duration steadyStateSettle = DEFAULT_STEADY_STATE_SETTLE;
  private final Clock clock = Clock.systemUTC();

  ScenarioRun(
      String source,
      String text,
      Map<String, String> variables,
      Injectors injectors,
      ToxiproxyServers servers,
      Path journals,
      String testName) {
    this.source = source;
    this.text = text;
    this.variables.putAll(variables);
    this.injectors = injectors;
    this.servers = servers;
    this.journals = journals;
    this.testName = testName;
  }

  /**
   * The scenario as it will run: read with the variables in place, and the timing of this run.
   *
   * @throws IllegalArgumentException with every problem as {@code file:line:column: field: message}
   *     if it is not a valid scenario, holds more than one, or uses an unknown variable
   */
  public Scenario scenario() {
    Scenario scenario = ScenarioText.read(source, ScenarioText.expand(source, text, variables));
    Optional<Duration> duration = faultDuration.or(scenario::duration);
    Duration maxDuration = max(duration.orElse(Duration.ZERO), scenario.maxDuration());
    return scenario.withTiming(duration, maxDuration, recovery.orElse(scenario.recovery()));
  }

  /**
   * A value for {@code ${name}} in the scenario file, e.g. the URL of the system under test, which
   * listens on a free port. {@code ${proxy.NAME}} is always the {@code host:port} of the proxy
   * NAME; a name without a value here is looked up in the system properties.
   */
  public ScenarioRun variable(String name, Object value) {
    variables.put(name, String.valueOf(value));
    return this;
  }

  /** Prometheus text endpoints that {@code metric/threshold} probes without a source scrape. */
  public ScenarioRun metrics(URI... endpoints) {
    scraped.addAll(List.of(endpoints));
    return this;
  }

  /** A metric source by name, for {@code metric/threshold} probes with {@code source: NAME}. */
  public ScenarioRun metrics(String name, MetricSource source) {
    sources.put(name, source);
    return this;
  }

  /** How long the fault lasts, instead of the scenario's {@code duration}: tests want it short. */
  public ScenarioRun faultDuration(Duration duration) {
    faultDuration = Optional.of(duration);
    return this;
  }

  /** The recovery rule, instead of the scenario's: {@code holdFor}, at most {@code within}. */
  public ScenarioRun recovery(Duration holdFor, Duration within) {
    recovery = Optional.of(new Recovery(holdFor, within));
    return this;
  }

  /** How often the probes look (250 ms unless told otherwise). */
  public ScenarioRun interval(Duration every) {
    interval = every;
    return this;
  }

  /**
   * Before the fault, wait until the steady state has held without a break for {@code settle} (2 s
   * unless told), at most {@code timeout} (30 s unless told); if it does not, the run loop's gate
   * aborts the run and the result says why.
   */
  public ScenarioRun steadyState(Duration settle, Duration timeout) {
    steadyStateSettle = settle;
    steadyStateTimeout = timeout;
    return this;
  }

  /**
   * Runs the scenario and writes its journal. Returns whatever the verdict: the assertions of the
   * result decide whether the test passes.
   */
  public ScenarioResult run() {
    Scenario scenario = scenario();
    ProbeRunners probes = Agents.probes(MetricSources.of(scraped, sources), servers);
    awaitSteadyState(scenario, probes);
    IncidentRunner runner =
        new IncidentRunner(
            injectors,
            probes,
            new InMemoryLedger(),
            clock,
            Sleeper.system(clock),
            RunOptions.defaults().withInterval(interval));
    RunResult result = runner.run(scenario, new RunControl(), List.of());
    try {
      return new ScenarioResult(result, Journals.write(result, journals, testName));
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the journal to " + journals, e);
    }
  }

  /**
   * A system just started in {@code @BeforeAll} may need a moment: the run loop's gate would abort
   * at once if the steady state did not hold, so give it up to the timeout. If it never holds, the
   * gate aborts the run and the result says why.
   */
  private void awaitSteadyState(Scenario scenario, ProbeRunners probes) {
    Instant deadline = clock.instant().plus(steadyStateTimeout);
    Sleeper sleeper = Sleeper.system(clock);
    Instant healthySince = null;
    while (clock.instant().isBefore(deadline)) {
      Instant now = clock.instant();
      if (!allHold(scenario, probes)) {
        healthySince = null;
      } else if (healthySince == null) {
        healthySince = now;
      } else if (!now.isBefore(healthySince.plus(steadyStateSettle))) {
        return;
      }
      try {
        sleeper.sleepUntil(now.plus(interval));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static boolean allHold(Scenario scenario, ProbeRunners probes) {
    return scenario.steadyState().stream().allMatch(p -> observe(probes, p).holds());
  }

  private static <P extends ProbeSpec> Observation observe(ProbeRunners probes, P probe) {
    Optional<ProbeRunner<P>> runner = probes.forProbe(probe);
    if (runner.isEmpty()) {
      return Observation.fails("no runner for " + probe.describe());
    }
    try {
      return runner.get().observe(probe);
    } catch (Exception e) {
      return Observation.fails(String.valueOf(e.getMessage()));
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
