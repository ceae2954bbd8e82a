package org.daysofchaos.agents.toxiproxy;

import com.google.auto.service.AutoService;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import org.daysofchaos.experiments.faults.NetworkSlowClose;

/** {@code network/slow-close}: a slow_close toxic. */
@AutoService(ToxiproxyInjector.class)
public final class SlowCloseInjector extends ToxicInjector<NetworkSlowClose> {
  public SlowCloseInjector(ToxiproxyServers servers) {
    super(NetworkSlowClose.class, servers);
  }

  @Override
  protected Toxic create(ToxicList toxics, String name, NetworkSlowClose f) throws IOException {
    return withToxicity(
        toxics.slowClose(name, direction(f.direction()), f.delay().toMillis()), f.toxicity());
  }
}
