package org.daysofchaos.agents.toxiproxy;

import com.google.auto.service.AutoService;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.IOException;
import org.daysofchaos.experiments.faults.NetworkLatency;

/** {@code network/latency}: a latency toxic, with its jitter. */
@AutoService(ToxiproxyInjector.class)
public final class LatencyInjector extends ToxicInjector<NetworkLatency> {
  public LatencyInjector(ToxiproxyServers servers) {
    super(NetworkLatency.class, servers);
  }

  @Override
  protected Toxic create(ToxicList toxics, String name, NetworkLatency f) throws IOException {
    Latency toxic = toxics.latency(name, direction(f.direction()), f.latency().toMillis());
    if (!f.jitter().isZero()) {
      configure(toxic, () -> toxic.setJitter(f.jitter().toMillis()));
    }
    return withToxicity(toxic, f.toxicity());
  }
}
