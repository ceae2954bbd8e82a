package org.daysofchaos.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevertersTest {
  private final List<RevertRecord> reverted = new ArrayList<>();

  private Reverter reverter(String backend) {
    return new Reverter() {
      @Override
      public String backend() {
        return backend;
      }

      @Override
      public void revert(RevertRecord record) {
        reverted.add(record);
      }
    };
  }

  @Test
  void revertsARecordWithTheReverterOfItsBackend() throws Exception {
    Reverters reverters = Reverters.of(List.of(reverter("toxiproxy"), reverter("process")));
    RevertRecord record = new RevertRecord("process", Map.of("pid", "42"));

    reverters.revert(record);
    reverters.revert(RevertRecord.NONE);

    assertThat(reverted).containsExactly(record);
  }

  @Test
  void namesTheKnownBackendsForAnUnknownOne() {
    Reverters reverters = Reverters.of(List.of(reverter("toxiproxy"), reverter("process")));

    assertThatThrownBy(() -> reverters.revert(new RevertRecord("chaos-monkey", Map.of("a", "b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no reverter for backend 'chaos-monkey'; known backends: toxiproxy, process");
  }

  @Test
  void refusesTwoRevertersForOneBackend() {
    assertThatThrownBy(() -> Reverters.of(List.of(reverter("process"), reverter("process"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two reverters for backend process");
  }

  @Test
  void aRecordWithDataNamesItsBackend() {
    assertThatThrownBy(() -> new RevertRecord("", Map.of("pid", "42")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
