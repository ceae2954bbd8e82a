package org.daysofchaos.junit;

import org.daysofchaos.core.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** No package of the extension depends on another that depends back on it. */
class PackageCyclesTest {
  @Test
  void packagesAreFreeOfCycles() {
    PackageCycles.assertNoneIn("org.daysofchaos.junit");
  }
}
