package org.daysofchaos.agents.toxiproxy;

import com.google.auto.service.AutoService;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import org.daysofchaos.experiments.faults.NetworkResetPeer;

/** {@code network/reset-peer}: a reset_peer toxic. */
@AutoService(ToxiproxyInjector.class)
public final class ResetPeerInjector extends ToxicInjector<NetworkResetPeer> {
  public ResetPeerInjector(ToxiproxyServers servers) {
    super(NetworkResetPeer.class, servers);
  }

  @Override
  protected Toxic create(ToxicList toxics, String name, NetworkResetPeer f) throws IOException {
    return withToxicity(
        toxics.resetPeer(name, direction(f.direction()), f.after().toMillis()), f.toxicity());
  }
}
