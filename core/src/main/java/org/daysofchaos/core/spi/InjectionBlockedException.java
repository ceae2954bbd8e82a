package org.daysofchaos.core.spi;

/**
 * An injection refused on purpose, before it touched anything: halt-all is in effect. The run then
 * ends ABORTED with this reason, not FAILED, and reverts what it had already injected.
 */
public class InjectionBlockedException extends IllegalStateException {
  public InjectionBlockedException(String message) {
    super(message);
  }
}
