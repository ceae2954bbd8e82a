package org.daysofchaos.agents.proxy.internal;

import java.util.Map;

/**
 * One toxic as the API defines it. Immutable: an update makes a new value with the same {@code id}
 * and a higher {@code revision}, so a connection can tell "the same toxic, changed" from "another
 * toxic with the same name".
 *
 * @param id unique for the life of the server, assigned at creation
 * @param revision increases with every update
 * @param toxicity probability that the toxic applies to a given connection, drawn per connection
 * @param attributes every attribute of the type, in declaration order, defaulting to 0
 * @param expiresAt our extension: epoch milliseconds at which the toxic removes itself, or null
 */
public record Toxic(
    long id,
    long revision,
    String name,
    ToxicType type,
    Direction stream,
    float toxicity,
    Map<String, Long> attributes,
    Long expiresAt) {

  public Toxic {
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }

  public long attr(String attribute) {
    Long value = attributes.get(attribute);
    if (value == null) {
      throw new IllegalArgumentException(type.json() + " has no attribute " + attribute);
    }
    return value;
  }
}
