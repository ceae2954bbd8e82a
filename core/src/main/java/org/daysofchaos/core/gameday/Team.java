package org.daysofchaos.core.gameday;

import java.util.Objects;

/** A team of players; players and their accounts come with the web consoles. */
public record Team(String name) {
  public Team {
    Objects.requireNonNull(name, "name");
  }
}
