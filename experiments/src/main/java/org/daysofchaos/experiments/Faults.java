package org.daysofchaos.experiments;

import java.time.Duration;
import org.daysofchaos.experiments.faults.Direction;
import org.daysofchaos.experiments.faults.NetworkBandwidth;
import org.daysofchaos.experiments.faults.NetworkDown;
import org.daysofchaos.experiments.faults.NetworkLatency;
import org.daysofchaos.experiments.faults.NetworkResetPeer;
import org.daysofchaos.experiments.faults.NetworkTimeout;
import org.daysofchaos.experiments.faults.ProcessKill;
import org.daysofchaos.experiments.faults.ProcessPause;
import org.daysofchaos.experiments.faults.Signal;

/** Readable construction of faults in code and tests: {@code Faults.latency("db", ms(800))}. */
public final class Faults {
  private Faults() {}

  public static NetworkLatency latency(String target, Duration latency) {
    return new NetworkLatency(target, latency, Duration.ZERO, Direction.DOWNSTREAM, 1.0);
  }

  public static NetworkLatency latency(String target, Duration latency, Duration jitter) {
    return new NetworkLatency(target, latency, jitter, Direction.DOWNSTREAM, 1.0);
  }

  public static NetworkDown down(String target) {
    return new NetworkDown(target);
  }

  public static NetworkResetPeer resetPeer(String target) {
    return new NetworkResetPeer(target, Duration.ZERO, Direction.DOWNSTREAM, 1.0);
  }

  public static NetworkBandwidth bandwidth(String target, long kilobytesPerSecond) {
    return new NetworkBandwidth(target, kilobytesPerSecond, Direction.DOWNSTREAM, 1.0);
  }

  public static NetworkTimeout blackHole(String target) {
    return new NetworkTimeout(target, Duration.ZERO, Direction.DOWNSTREAM, 1.0);
  }

  public static ProcessPause pause(String target) {
    return new ProcessPause(target);
  }

  public static ProcessKill kill(String target) {
    return new ProcessKill(target, Signal.KILL);
  }
}
