package org.daysofchaos.scoreboard.server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.daysofchaos.demo.DemoSystem;

/**
 * The demo pre-production as the targets of the server under test: it runs in the test's JVM, and
 * the server reaches it as it would reach a real one, through {@code chaos.targets.*}.
 */
public class DemoTargets implements QuarkusTestResourceLifecycleManager {
  public static volatile DemoSystem demo;

  @Override
  public Map<String, String> start() {
    try {
      demo = DemoSystem.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "chaos.targets.toxiproxy.default", demo.toxiproxyUrl().toString(),
        "chaos.targets.process.inventory", Long.toString(demo.inventoryPid()),
        "chaos.targets.metrics", demo.metricsUrl().toString(),
        "chaos.play.ops-url", demo.opsUrl().resolve("/ops").toString(),
        "chaos.play.ops-token", demo.opsToken());
  }

  @Override
  public void stop() {
    if (demo != null) {
      demo.close();
    }
  }
}
