package org.daysofchaos.agents.host;

import java.util.Optional;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.RevertRecord;

/**
 * A host injection reverted and checked through its record alone: the same code path as a revert
 * from the ledger after a crash, so that both are tested by every test.
 */
public record RecordedInjection(RevertRecord record, HostInjector<?> injector)
    implements Injection {
  @Override
  public void revert() throws Exception {
    injector.revert(record);
  }

  @Override
  public Optional<String> residue() throws Exception {
    return injector.residue(record);
  }

  @Override
  public RevertRecord revertRecord() {
    return record;
  }
}
