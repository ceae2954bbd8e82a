package org.daysofchaos.core.spi;

/**
 * An injector refused a target because it is not allow-listed (pre-production only). The message
 * names the target and the rule.
 */
public class TargetRefusedException extends RuntimeException {
  public TargetRefusedException(String message) {
    super(message);
  }
}
