package org.daysofchaos.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.daysofchaos.core.scoring.GameLog.T0;
import static org.daysofchaos.core.scoring.GameLog.at;
import static org.daysofchaos.core.scoring.GameLog.incident;

import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** A small game day, two teams and two incidents, with every line of the board checked. */
class FullGameTest {
  private static final String MINUS = "\u2212";

  @Test
  void explainsEveryPointOfASmallGameDay() {
    List<IncidentFacts> incidents =
        List.of(
            incident("i1", "demo/payment-latency", 6, T0), // bases 600 / 720 / 1200
            incident("i2", "demo/inventory-outage", 4, at(10))); // bases 400 / 480 / 800
    Leaderboard board =
        new GameLog()
            .alert("blue", "i1", at(2, 50))
            .falseClaim("red", at(3), "inventory down")
            .claim("blue", "i1", at(4))
            .claim("red", "i1", at(5))
            .hint("red", "i1", at(6), 0)
            .diagnosis("blue", "i1", at(7), Outcome.REJECTED, "booking / cpu")
            .diagnosis("red", "i1", at(9), Outcome.ACCEPTED, "payment / latency")
            .diagnosis("blue", "i1", at(10), Outcome.ACCEPTED, "payment / latency")
            .claim("red", "i2", at(11))
            .alert("blue", "i2", at(12))
            .claim("blue", "i2", at(12, 30))
            .diagnosis("red", "i2", at(13), Outcome.PENDING, "inventory / crash")
            .falseClaim("red", at(14), "")
            .fix("blue", "i1", at(15))
            .alert("red", "i2", at(15))
            .board(List.of("red", "blue"), incidents);

    assertThat(board.standings())
        .extracting(Standing::rank, Standing::team, Standing::points)
        .containsExactly(tuple(1, "blue", 2357), tuple(2, "red", 1109));

    Standing blue = board.standings().get(0);
    assertThat(blue.lines())
        .extracting(ScoreLine::incidentId, ScoreLine::stage, ScoreLine::at, ScoreLine::text)
        .containsExactly(
            line(
                "i1",
                Stage.DETECT,
                at(4),
                "+344 detection of demo/payment-latency at 4 min 00 s"
                    + " (base 600, half-life 5 min)"),
            line(
                "i1",
                Stage.DETECT,
                at(4),
                "+150 own alerting detected it 1 min 10 s before the" + " claim (25 % of 600)"),
            line(
                "i1",
                Stage.DIAGNOSE,
                at(7),
                MINUS
                    + "72 wrong diagnosis of demo/payment-latency:"
                    + " booking / cpu (10 % of 720)"),
            line(
                "i1",
                Stage.DIAGNOSE,
                at(10),
                "+453 diagnosis of demo/payment-latency at 10 min"
                    + " 00 s (base 720, half-life 15 min)"),
            line("i1", Stage.DIAGNOSE, at(10), "+72 second to diagnose (10 % of 720)"),
            line(
                "i2",
                Stage.DETECT,
                at(12, 30),
                "+282 detection of demo/inventory-outage at 2"
                    + " min 30 s (base 400, half-life 5 min)"),
            line(
                "i2",
                Stage.DETECT,
                at(12, 30),
                "+100 own alerting detected it 30 s before the" + " claim (25 % of 400)"),
            line(
                "i1",
                Stage.RECOVER,
                at(15),
                "+848 recovery of demo/payment-latency at 15 min"
                    + " 00 s (base 1200, half-life 30 min)"),
            line("i1", Stage.RECOVER, at(15), "+180 first to recover (15 % of 1200)"));
    assertThat(blue.lines().stream().mapToInt(ScoreLine::points).sum()).isEqualTo(blue.points());
    assertThat(List.of(blue.detected(), blue.diagnosed(), blue.recovered()))
        .containsExactly(2, 1, 1);
    assertThat(blue.reachedAt()).isEqualTo(at(15));

    Standing red = board.standings().get(1);
    assertThat(red.lines())
        .extracting(ScoreLine::incidentId, ScoreLine::stage, ScoreLine::at, ScoreLine::text)
        .containsExactly(
            line(
                null,
                null,
                at(3),
                "0 false detection claim: inventory down (first of the day is" + " free)"),
            line(
                "i1",
                Stage.DETECT,
                at(5),
                "+300 detection of demo/payment-latency at 5 min 00 s"
                    + " (base 600, half-life 5 min)"),
            line("i1", Stage.DIAGNOSE, at(6), MINUS + "72 hint 1 for diagnosis (10 % of 720)"),
            line(
                "i1",
                Stage.DIAGNOSE,
                at(9),
                "+475 diagnosis of demo/payment-latency at 9 min 00 s"
                    + " (base 720, half-life 15 min)"),
            line("i1", Stage.DIAGNOSE, at(9), "+108 first to diagnose (15 % of 720)"),
            line(
                "i2",
                Stage.DETECT,
                at(11),
                "+348 detection of demo/inventory-outage at 1 min 00 s"
                    + " (base 400, half-life 5 min)"),
            line(
                "i2",
                Stage.DIAGNOSE,
                at(13),
                "0 diagnosis of demo/inventory-outage pending" + " review: inventory / crash"),
            line(
                null,
                null,
                at(14),
                MINUS + "50 false detection claim (only the first of the day" + " is free)"),
            line(
                "i2",
                Stage.DETECT,
                at(15),
                "0 own alerting fired 4 min 00 s after the claim: no" + " bonus"));
    assertThat(red.lines().stream().mapToInt(ScoreLine::points).sum()).isEqualTo(red.points());
    assertThat(List.of(red.detected(), red.diagnosed(), red.recovered())).containsExactly(2, 1, 0);
    assertThat(red.reachedAt()).isEqualTo(at(14));
  }

  private static Tuple line(String incident, Stage stage, Instant at, String text) {
    return tuple(incident, stage, at, text);
  }
}
