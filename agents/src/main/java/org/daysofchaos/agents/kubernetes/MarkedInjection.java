package org.daysofchaos.agents.kubernetes;

import java.util.Optional;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.RevertRecord;

/** An injection whose revert and check work from its mark alone, by the kind that made it. */
record MarkedInjection(KubernetesFaultInjector<?> fault, Mark mark, String cluster)
    implements Injection {
  @Override
  public void revert() {
    fault.revert(mark);
  }

  @Override
  public Optional<String> residue() {
    return fault.residue(mark);
  }

  @Override
  public RevertRecord revertRecord() {
    return new RevertRecord(KubernetesReverter.BACKEND, mark.toRecord(cluster));
  }
}
