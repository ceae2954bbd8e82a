package org.daysofchaos.scoreboard.server;

/**
 * The scenarios the server tests load, written once: a latency on the demo's payment link, whose
 * steady state is booking's p99 below 5 s. By default the latency is 1 ms, which hurts nobody, for
 * 5 minutes at most 10; each test states only what it changes.
 */
public final class TestScenarios {
  private final String id;
  private final String title;
  private Integer weight;
  private String duration = "5m";
  private String maxDuration = "10m";
  private String latency = "1ms";
  private String detection;
  private String recovery;
  private String more = "";

  private TestScenarios(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** A time-boxed latency on the demo's payment link (proxy {@code payment}). */
  public static TestScenarios paymentLatency(String id, String title) {
    return new TestScenarios(id, title);
  }

  public TestScenarios weight(int weight) {
    this.weight = weight;
    return this;
  }

  public TestScenarios lasting(String duration, String maxDuration) {
    this.duration = duration;
    this.maxDuration = maxDuration;
    return this;
  }

  public TestScenarios latency(String latency) {
    this.latency = latency;
    return this;
  }

  /** Detected by booking's p99 above {@code seconds}. */
  public TestScenarios detectedAbove(String seconds) {
    return detection(
        """
        signals:
          - kind: metric/threshold
            query: booking_request_seconds{quantile="0.99"}
            above: %s
        """
            .formatted(seconds));
  }

  /** The {@code detection} section, as YAML at its own indentation. */
  public TestScenarios detection(String yaml) {
    this.detection = yaml;
    return this;
  }

  public TestScenarios recovery(String holdFor, String within) {
    this.recovery = "holdFor: " + holdFor + "\nwithin: " + within + "\n";
    return this;
  }

  /** More top-level sections (diagnosis, hints), as YAML. */
  public TestScenarios more(String yaml) {
    this.more = yaml;
    return this;
  }

  public String yaml() {
    StringBuilder yaml = new StringBuilder();
    yaml.append("id: ").append(id).append('\n').append("title: ").append(title).append('\n');
    if (weight != null) {
      yaml.append("weight: ").append(weight).append('\n');
    }
    yaml.append(
        """
        mode: time-boxed
        duration: %s
        maxDuration: %s
        targets:
          payment-link: { proxy: payment }
        faults:
          - kind: network/latency
            target: payment-link
            latency: %s
        steadyState:
          - kind: metric/threshold
            query: booking_request_seconds{quantile="0.99"}
            below: 5
        """
            .formatted(duration, maxDuration, latency));
    section(yaml, "detection", detection);
    section(yaml, "recovery", recovery);
    return yaml.append(more).toString();
  }

  private static void section(StringBuilder yaml, String name, String body) {
    if (body != null) {
      yaml.append(name).append(":\n").append(body.indent(2));
    }
  }
}
