package org.daysofchaos.scoreboard.safety;

/** An injection refused because halt-all is in effect. */
public final class InjectionBlockedException extends IllegalStateException {
  public InjectionBlockedException(String message) {
    super(message);
  }
}
