package org.daysofchaos.core.spi;

import org.daysofchaos.core.Target;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.spec.KindCatalog;

/** How an injector reads its target: as the target kind of its backend, or refused. */
public final class TargetKinds {
  private TargetKinds() {}

  /**
   * The target's spec, of the kind {@code type}. The reader only lets a fault name targets its kind
   * accepts; this guards the injectors of code that builds scenarios by hand.
   *
   * @throws TargetRefusedException naming the target, when it is of another kind
   */
  public static <T extends TargetSpec> T require(Target target, Class<T> type) {
    return target
        .spec(type)
        .orElseThrow(
            () ->
                new TargetRefusedException(
                    "target "
                        + target.name()
                        + " ("
                        + target.describe()
                        + ") is not a "
                        + KindCatalog.kindName(type)
                        + " target"));
  }
}
