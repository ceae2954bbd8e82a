package org.daysofchaos.agents.toxiproxy;

import com.google.auto.service.AutoService;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import org.daysofchaos.experiments.faults.NetworkLimitData;

/** {@code network/limit-data}: a limit_data toxic. */
@AutoService(ToxiproxyInjector.class)
public final class LimitDataInjector extends ToxicInjector<NetworkLimitData> {
  public LimitDataInjector(ToxiproxyServers servers) {
    super(NetworkLimitData.class, servers);
  }

  @Override
  protected Toxic create(ToxicList toxics, String name, NetworkLimitData f) throws IOException {
    return withToxicity(toxics.limitData(name, direction(f.direction()), f.bytes()), f.toxicity());
  }
}
