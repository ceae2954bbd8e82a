package org.daysofchaos.experiments.host;

import com.google.auto.service.AutoService;
import java.time.Duration;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;

/**
 * The packets an interface of an agent's host sends are delayed and some lost (tc netem); the
 * revert puts the interface's default queueing back.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "host/netem",
    targets = AgentTarget.class,
    doc =
        "Delays and loses the packets an interface the agent allows sends (tc netem), where the"
            + " host's kernel has netem; the revert puts the default queueing back.")
public record Netem(
    @Doc("The target (an agent) whose interface is slowed.") String target,
    @Doc(
            "The network interface (tc's dev), one of those the agent's configuration allows, e.g."
                + " eth0.")
        @NotBlank
        String device,
    @Doc("Delay added to each packet sent, e.g. 200ms.") @Default("0ms") Duration delay,
    @Doc("Random spread around the delay, e.g. 50ms.") @Default("0ms") Duration jitter,
    @Doc("Share of packets lost, in percent.") @Default("0") @Range(min = 0, max = 100) double loss)
    implements FaultSpec {

  public Netem {
    if (delay != null && jitter != null && jitter.compareTo(delay) > 0) {
      throw new SpecException(
          "jitter", "must not exceed the delay (" + Durations.format(delay) + ")");
    }
    if (delay != null && delay.isZero() && loss == 0) {
      throw new SpecException("delay", "give a delay or a loss: this fault would do nothing");
    }
  }

  @Override
  public String describe() {
    StringBuilder s = new StringBuilder("netem on ").append(device).append(':');
    if (!delay.isZero()) {
      s.append(" delay ").append(Durations.format(delay));
      if (!jitter.isZero()) {
        s.append(" ±").append(Durations.format(jitter));
      }
    }
    if (loss > 0) {
      s.append(" loss ").append(loss).append('%');
    }
    return s.toString();
  }
}
