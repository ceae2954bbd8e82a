package org.daysofchaos.agents.host.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.daysofchaos.agents.host.HostInjector;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.RevertRecord;

/** Builds host revert records: the backend, the kind, and the injector's own facts. */
final class Records {
  private Records() {}

  static RevertRecord of(Class<?> kind, String... keysAndValues) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("kind", KindCatalog.kindName(kind));
    for (int i = 0; i < keysAndValues.length; i += 2) {
      data.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new RevertRecord(HostInjector.BACKEND, data);
  }
}
