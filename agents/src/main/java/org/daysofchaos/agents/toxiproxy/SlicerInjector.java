package org.daysofchaos.agents.toxiproxy;

import com.google.auto.service.AutoService;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import java.io.IOException;
import org.daysofchaos.experiments.faults.NetworkSlicer;

/** {@code network/slicer}: a slicer toxic (Toxiproxy counts its delay in microseconds). */
@AutoService(ToxiproxyInjector.class)
public final class SlicerInjector extends ToxicInjector<NetworkSlicer> {
  public SlicerInjector(ToxiproxyServers servers) {
    super(NetworkSlicer.class, servers);
  }

  @Override
  protected Toxic create(ToxicList toxics, String name, NetworkSlicer f) throws IOException {
    Slicer toxic =
        toxics.slicer(name, direction(f.direction()), f.averageSize(), f.delay().toNanos() / 1000);
    if (f.sizeVariation() > 0) {
      configure(toxic, () -> toxic.setSizeVariation(f.sizeVariation()));
    }
    return withToxicity(toxic, f.toxicity());
  }
}
