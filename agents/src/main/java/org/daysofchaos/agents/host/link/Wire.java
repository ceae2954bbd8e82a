package org.daysofchaos.agents.host.link;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.daysofchaos.agents.host.Outcome;

/**
 * The messages between an agent and the server, as JSON (docs/adr/0009-host-agent-protocol.md). The
 * agent sends {@link Hello} then {@link Poll}s; the server answers {@link Welcome} and {@link
 * Orders}. Unknown fields are ignored both ways, so either side can add some.
 */
public final class Wire {
  /** The base path of the agent endpoints on the server. */
  public static final String PATH = "api/agent/v1/";

  public static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Wire() {}

  /**
   * The agent introduces itself, once per connection.
   *
   * @param capabilities each fault kind the agent has, with why it cannot apply it on this host
   *     (empty text when it can)
   * @param recovered what its ledger reverted at start
   */
  public record Hello(
      String agent,
      String host,
      String version,
      Map<String, String> capabilities,
      List<Result> recovered,
      List<String> active) {}

  /**
   * The server's answer to a hello.
   *
   * @param waitMillis how long the server holds a poll when it has nothing to say; shorter than the
   *     leases, so that an idle link still renews them
   */
  public record Welcome(long waitMillis) {}

  /** The agent asks for orders, reporting what became of earlier ones. */
  public record Poll(List<Result> results, List<String> active) {}

  /**
   * The server's orders. Every answer is contact: the agent renews the leases of {@code renew} (the
   * faults whose incidents still run), and only those.
   */
  public record Orders(
      List<Apply> apply, List<String> revert, List<String> renew, boolean haltAll) {
    public Orders {
      apply = apply == null ? List.of() : List.copyOf(apply);
      revert = revert == null ? List.of() : List.copyOf(revert);
      renew = renew == null ? List.of() : List.copyOf(renew);
    }

    public static Orders none(List<String> renew) {
      return new Orders(List.of(), List.of(), renew, false);
    }
  }

  /** One fault to apply; {@code fault} as {@link FaultCodec} writes it. */
  public record Apply(
      String injectionId,
      String runId,
      String scenarioId,
      String target,
      JsonNode fault,
      long leaseMillis) {}

  /** What became of an order or a revert. */
  public record Result(String injectionId, String status, String message) {
    public static Result of(Outcome outcome) {
      return new Result(outcome.injectionId(), outcome.status().name(), outcome.message());
    }
  }
}
