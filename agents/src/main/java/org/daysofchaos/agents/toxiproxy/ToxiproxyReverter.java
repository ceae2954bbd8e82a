package org.daysofchaos.agents.toxiproxy;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.Reverter;

/**
 * Reverts a network fault from its ledger record alone: removes our toxic, or enables the proxy we
 * disabled, on the server the record names.
 */
public final class ToxiproxyReverter implements Reverter {
  /** The backend name of the records of this package's injections. */
  public static final String BACKEND = "toxiproxy";

  @Override
  public String backend() {
    return BACKEND;
  }

  @Override
  public void revert(RevertRecord record) throws IOException {
    Map<String, String> data = record.data();
    ToxiproxyServer server = ToxiproxyServer.of(data.get("server"), URI.create(data.get("url")));
    if (data.containsKey("toxic")) {
      new ToxicInjection(server, data.get("proxy"), data.get("toxic")).revert();
    } else {
      new OutageInjection(server, data.get("proxy")).revert();
    }
  }
}
