package org.daysofchaos.agents.toxiproxy;

import com.google.auto.service.AutoService;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import org.daysofchaos.experiments.faults.NetworkBandwidth;

/** {@code network/bandwidth}: a bandwidth toxic. */
@AutoService(ToxiproxyInjector.class)
public final class BandwidthInjector extends ToxicInjector<NetworkBandwidth> {
  public BandwidthInjector(ToxiproxyServers servers) {
    super(NetworkBandwidth.class, servers);
  }

  @Override
  protected Toxic create(ToxicList toxics, String name, NetworkBandwidth f) throws IOException {
    return withToxicity(toxics.bandwidth(name, direction(f.direction()), f.rate()), f.toxicity());
  }
}
