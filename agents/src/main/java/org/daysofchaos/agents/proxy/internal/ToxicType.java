package org.daysofchaos.agents.proxy.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The toxics Toxiproxy documents, with their attribute names (all integers, as in Toxiproxy) and
 * the data-path stage that applies each to one direction of one connection.
 */
public enum ToxicType {
  /** Delays every chunk by {@code latency} ± {@code jitter} milliseconds, keeping order. */
  LATENCY("latency", List.of("latency", "jitter")),
  /** Limits throughput to {@code rate} KB/s, 1 KB being 1000 bytes as in Toxiproxy. */
  BANDWIDTH("bandwidth", List.of("rate")),
  /** Delays the propagation of a close by {@code delay} milliseconds. */
  SLOW_CLOSE("slow_close", List.of("delay")),
  /** Drops all data; closes {@code timeout} ms after the last data seen (0: never). */
  TIMEOUT("timeout", List.of("timeout")),
  /** Resets the connection (TCP RST) {@code timeout} ms after the next data. */
  RESET_PEER("reset_peer", List.of("timeout")),
  /**
   * Cuts data in slices of {@code average_size} ± {@code size_variation} bytes, {@code delay} µs
   * apart.
   */
  SLICER("slicer", List.of("average_size", "size_variation", "delay")),
  /** Closes the connection once {@code bytes} bytes went through. */
  LIMIT_DATA("limit_data", List.of("bytes"));

  private final String json;
  private final List<String> attributes;

  ToxicType(String json, List<String> attributes) {
    this.json = json;
    this.attributes = attributes;
  }

  public String json() {
    return json;
  }

  /** The attribute names, in the order Toxiproxy declares them. */
  public List<String> attributes() {
    return attributes;
  }

  public static Optional<ToxicType> parse(String json) {
    for (ToxicType t : values()) {
      if (t.json.equals(json)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Rejects attribute values the data path cannot honour. Values are already non-negative. */
  void validate(Map<String, Long> values) {
    if (this == SLICER && values.get("average_size") < 1) {
      throw ApiException.badRequest("average_size must be at least 1");
    }
  }

  /** A new stage applying a toxic of this type to one direction of one connection. */
  Stage newStage(Link link, Toxic toxic) {
    return switch (this) {
      case LATENCY -> new LatencyStage(link, toxic);
      case BANDWIDTH -> new BandwidthStage(link, toxic);
      case SLOW_CLOSE -> new SlowCloseStage(link, toxic);
      case TIMEOUT -> new TimeoutStage(link, toxic);
      case RESET_PEER -> new ResetPeerStage(link, toxic);
      case SLICER -> new SlicerStage(link, toxic);
      case LIMIT_DATA -> new LimitDataStage(link, toxic);
    };
  }
}
