package org.daysofchaos.agents.proxy.internal;

import java.util.Locale;

/** The direction a toxic acts on, named as Toxiproxy's {@code stream} field. */
public enum Direction {
  /** Client to server data. */
  UPSTREAM,
  /** Server to client data. */
  DOWNSTREAM;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Direction parse(String stream) {
    for (Direction d : values()) {
      if (d.json().equalsIgnoreCase(stream)) {
        return d;
      }
    }
    throw ApiException.invalidStream();
  }
}
