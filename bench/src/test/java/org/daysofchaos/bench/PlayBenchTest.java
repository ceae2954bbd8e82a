package org.daysofchaos.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlayBenchTest {
  @Test
  void readsAPhaseAsViewersSlashPlaysPerSecond() {
    assertThat(PlayBench.Phase.parse(" 500/50 ", Duration.ofSeconds(60)))
        .isEqualTo(new PlayBench.Phase(500, 50, Duration.ofSeconds(60)));
  }

  @Test
  void refusesAPhaseWithoutARateNamingTheProperty() {
    assertThatThrownBy(() -> PlayBench.Phase.parse("500", Duration.ofSeconds(60)))
        .hasMessageContaining("bench.play.phases: '500'");
    assertThatThrownBy(() -> PlayBench.Phase.parse("500/0", Duration.ofSeconds(60)))
        .hasMessageContaining("VIEWERS/PLAYS-PER-SECOND");
    assertThatThrownBy(() -> PlayBench.Phase.parse("many/50", Duration.ofSeconds(60)))
        .hasMessageContaining("'many/50'");
  }

  @Test
  void givesEveryTeamMoreIncidentsThanItCanPlayThrough() {
    // 200 plays/s for 60 s over 40 teams: 300 plays a team, about 70 incidents' worth.
    int incidents = PlayBench.incidentsFor(new PlayBench.Phase(0, 200, Duration.ofSeconds(60)), 40);

    assertThat(incidents * TeamPlayer.PLAYS_PER_INCIDENT).isGreaterThan(300 * 1.05);
  }
}
