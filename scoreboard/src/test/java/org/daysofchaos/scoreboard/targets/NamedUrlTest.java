package org.daysofchaos.scoreboard.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class NamedUrlTest {

  @Test
  void aNameBeforeTheUrlOrTheDefaultName() {
    assertThat(NamedUrl.parse("preprod=https://prom:9090", "default"))
        .isEqualTo(new NamedUrl("preprod", URI.create("https://prom:9090")));
    assertThat(NamedUrl.parse("https://prom:9090/x?a=b", "default"))
        .isEqualTo(new NamedUrl("default", URI.create("https://prom:9090/x?a=b")));
  }

  @Test
  void refusesWhatIsNotAUrl() {
    assertThatThrownBy(() -> NamedUrl.parse("preprod=prom:9090", "default"))
        .hasMessageContaining("'prom:9090' is not a URL such as http://host:9090");
    assertThatThrownBy(() -> NamedUrl.parse("preprod", "default"))
        .hasMessageContaining("not a URL");
  }
}
