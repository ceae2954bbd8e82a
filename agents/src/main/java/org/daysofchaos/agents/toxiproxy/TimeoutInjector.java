package org.daysofchaos.agents.toxiproxy;

import com.google.auto.service.AutoService;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import org.daysofchaos.experiments.faults.NetworkTimeout;

/** {@code network/timeout}: a timeout toxic (a black hole when its timeout is 0). */
@AutoService(ToxiproxyInjector.class)
public final class TimeoutInjector extends ToxicInjector<NetworkTimeout> {
  public TimeoutInjector(ToxiproxyServers servers) {
    super(NetworkTimeout.class, servers);
  }

  @Override
  protected Toxic create(ToxicList toxics, String name, NetworkTimeout f) throws IOException {
    return withToxicity(
        toxics.timeout(name, direction(f.direction()), f.closeAfter().toMillis()), f.toxicity());
  }
}
