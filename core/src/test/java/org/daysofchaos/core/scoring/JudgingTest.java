package org.daysofchaos.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.scoring.Judging.IncidentOutcome;
import org.junit.jupiter.api.Test;

class JudgingTest {
  static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");

  static Play fix(Instant at) {
    return new Play(7, "blue", "i1", PlayType.FIX, at, Outcome.PENDING, -1, "declared fixed");
  }

  @Test
  void aFixDeclaredBeforeTheRecoveryCountsWhenTheRecoveryIsMeasured() {
    Play judged = Judging.judge(fix(T0), new IncidentOutcome(true, T0.plusSeconds(30)));

    assertThat(judged.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(judged.at()).isEqualTo(T0.plusSeconds(30));
    assertThat(judged.sequence()).isEqualTo(7);
    assertThat(judged.detail()).isEqualTo("declared fixed");
  }

  @Test
  void aFixDeclaredAfterTheRecoveryCountsWhenItWasDeclared() {
    Play judged = Judging.judge(fix(T0.plusSeconds(60)), new IncidentOutcome(false, T0));

    assertThat(judged.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(judged.at()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void aFixOfAnIncidentThatEndedWithoutRecoveryIsRejected() {
    Play judged = Judging.judge(fix(T0), new IncidentOutcome(false, null));

    assertThat(judged.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(judged.at()).isEqualTo(T0);
  }

  @Test
  void aRecoveryAfterTheSafetyBoundRevertedTheFaultEarnsNoFix() {
    Instant boundEnded = T0.plusSeconds(1200);
    Instant cameBack = boundEnded.plusSeconds(20);

    assertThat(Judging.judge(fix(T0), new IncidentOutcome(true, cameBack, boundEnded)))
        .as("still running: the fix waits")
        .isEqualTo(fix(T0));
    Play judged = Judging.judge(fix(T0), new IncidentOutcome(false, cameBack, boundEnded));
    assertThat(judged.outcome()).isEqualTo(Outcome.REJECTED);
  }

  @Test
  void aRecoveryBeforeTheFaultWasRevertedIsTheTeamsFix() {
    Instant recovered = T0.plusSeconds(300);

    Play judged =
        Judging.judge(fix(T0), new IncidentOutcome(false, recovered, recovered.plusMillis(200)));

    assertThat(judged.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(judged.at()).isEqualTo(recovered);
  }

  @Test
  void aFixWaitsWhileItsIncidentRunsUnrecovered() {
    assertThat(Judging.judge(fix(T0), new IncidentOutcome(true, null))).isEqualTo(fix(T0));
  }

  @Test
  void aFixOfAnUnknownIncidentStaysPending() {
    assertThat(Judging.judge(fix(T0), null)).isEqualTo(fix(T0));
  }

  @Test
  void otherPlaysAndJudgedFixesKeepTheirRecordedOutcome() {
    Play claim =
        new Play(1, "red", "i1", PlayType.DETECTION_CLAIM, T0, Outcome.ACCEPTED, -1, "booking");
    Play rejectedFix =
        new Play(2, "red", "i1", PlayType.FIX, T0, Outcome.REJECTED, -1, "declared fixed");
    IncidentOutcome recovered = new IncidentOutcome(false, T0.plusSeconds(5));

    assertThat(
            Judging.judge(
                List.of(claim, rejectedFix, fix(T0)), Map.of("i1", recovered, "i2", recovered)))
        .extracting(Play::outcome)
        .containsExactly(Outcome.ACCEPTED, Outcome.REJECTED, Outcome.ACCEPTED);
  }

  @Test
  void aTeamsFirstAlertIsAnAcceptedAlertPlay() {
    assertThat(Judging.firstAlert("blue", "i1", T0, "BookingLatencyHigh"))
        .isEqualTo(
            new Play(
                0,
                "blue",
                "i1",
                PlayType.ALERT,
                T0,
                Outcome.ACCEPTED,
                -1,
                "alert BookingLatencyHigh"));
  }
}
