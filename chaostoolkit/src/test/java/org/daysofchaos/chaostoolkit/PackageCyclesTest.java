package org.daysofchaos.chaostoolkit;

import org.daysofchaos.core.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** No package of the Chaos Toolkit support depends on another that depends back on it. */
class PackageCyclesTest {
  @Test
  void packagesAreFreeOfCycles() {
    PackageCycles.assertNoneIn("org.daysofchaos.chaostoolkit");
  }
}
