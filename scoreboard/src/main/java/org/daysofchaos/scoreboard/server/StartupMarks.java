package org.daysofchaos.scoreboard.server;

import io.quarkus.arc.Unremovable;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the phases of Quarkus's own boot in {@link StartupTimes}: the runtime set-up until Flyway
 * is configured, the database's opening until the migration starts, the migration, the rest of the
 * boot until the start-up event, Quartz's start (its observer runs first, at priority 0), and the
 * HTTP listener. Once both the listener is up and {@link ServerLifecycle} has finished its start
 * (and, with the demo, its host agent has connected or given up: {@link DemoHost}), the server is
 * serving: the times are logged, once.
 */
@Singleton
@Unremovable
public class StartupMarks implements FlywayConfigurationCustomizer {
  private static final Logger LOG = LoggerFactory.getLogger(StartupMarks.class);

  @ConfigProperty(name = "chaos.server.enabled", defaultValue = "false")
  boolean enabled;

  /**
   * Stop as soon as serving: the {@code ./chaos} launcher's training start, whose loaded classes
   * become the class-data sharing archive of later starts (docs/server.md, "Start-up").
   */
  @ConfigProperty(name = "chaos.startup.exit-when-serving", defaultValue = "false")
  boolean exitWhenServing;

  private final AtomicInteger awaited = new AtomicInteger(2);

  @Override
  public void customize(FluentConfiguration configuration) {
    StartupTimes.process().mark("quarkus");
    List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
    callbacks.add(new FlywayMarks());
    configuration.callbacks(callbacks.toArray(Callback[]::new));
  }

  void booted(@Observes @Priority(-1) StartupEvent event) {
    StartupTimes.process().mark("boot");
  }

  void schedulerStarted(@Observes @Priority(1) StartupEvent event) {
    StartupTimes.process().mark("quartz");
  }

  void listening(@ObservesAsync HttpServerStart event) {
    StartupTimes.process().mark("http");
    oneLess();
  }

  /** The server's own start is done ({@link ServerLifecycle}). */
  void serverStarted() {
    oneLess();
  }

  /** Serving waits for the demo's host agent too; call before the server's start is done. */
  void expectDemoHost() {
    awaited.incrementAndGet();
  }

  /** The demo's host agent connected, or will not. */
  void demoHostDone() {
    StartupTimes.process().mark("demo-host");
    oneLess();
  }

  private void oneLess() {
    if (awaited.decrementAndGet() == 0 && enabled) {
      Optional<Duration> cpu = ProcessHandle.current().info().totalCpuDuration();
      LOG.info(StartupTimes.process().summary(cpu));
      if (exitWhenServing) {
        Quarkus.asyncExit(0);
      }
    }
  }

  /** The opening of the database until the migration starts, then the migration. */
  private static final class FlywayMarks extends BaseCallback {
    @Override
    public boolean supports(Event event, Context context) {
      return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
      return true;
    }

    @Override
    public void handle(Event event, Context context) {
      StartupTimes.process().mark(event == Event.BEFORE_MIGRATE ? "database" : "flyway");
    }
  }
}
