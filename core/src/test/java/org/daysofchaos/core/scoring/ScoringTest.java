package org.daysofchaos.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.daysofchaos.core.scoring.GameLog.T0;
import static org.daysofchaos.core.scoring.GameLog.at;
import static org.daysofchaos.core.scoring.GameLog.incident;
import static org.daysofchaos.core.scoring.GameLog.standing;
import static org.daysofchaos.core.scoring.GameLog.texts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of {@link Scoring}, one at a time, on one incident of weight 6 injected at T0. */
class ScoringTest {
  private static final IncidentFacts PAYMENT = incident("i1", "demo/payment-latency", 6, T0);
  private static final List<IncidentFacts> ONE = List.of(PAYMENT);
  private static final List<String> BLUE = List.of("blue");

  @Nested
  class Stages {
    @Test
    void scoresTheDesignsWorkedExampleWithItsExplanation() {
      Leaderboard board = new GameLog().claim("blue", "i1", at(4)).board(BLUE, ONE);

      Standing blue = standing(board, "blue");
      assertThat(blue.points()).isEqualTo(344);
      assertThat(blue.detected()).isEqualTo(1);
      assertThat(blue.lines())
          .containsExactly(
              new ScoreLine(
                  "blue",
                  "i1",
                  Stage.DETECT,
                  at(4),
                  344,
                  "+344 detection of demo/payment-latency at 4 min 00 s (base 600, half-life 5"
                      + " min)"));
    }

    @Test
    void scoresDiagnosisAndRecoveryOnTheirOwnBasesAndHalfLives() {
      Leaderboard board =
          new GameLog().diagnosis("blue", "i1", at(15)).fix("blue", "i1", at(30)).board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .containsExactly(
              "+360 diagnosis of demo/payment-latency at 15 min 00 s (base 720, half-life 15 min)",
              "+108 first to diagnose (15 % of 720)",
              "+600 recovery of demo/payment-latency at 30 min 00 s (base 1200, half-life 30"
                  + " min)",
              "+180 first to recover (15 % of 1200)");
      Standing blue = standing(board, "blue");
      assertThat(blue.diagnosed()).isEqualTo(1);
      assertThat(blue.recovered()).isEqualTo(1);
      assertThat(blue.detected()).as("stages are scored independently").isZero();
    }

    @Test
    void scoresAStageOnceOnTheFirstAcceptedPlay() {
      Leaderboard board =
          new GameLog().claim("blue", "i1", at(4)).claim("blue", "i1", at(1, 0)).board(BLUE, ONE);

      assertThat(standing(board, "blue").points())
          .as("the claim at 1 min counts, whatever order the server handed the plays in")
          .isEqualTo(522);
      assertThat(texts(board, "blue"))
          .containsExactly(
              "+522 detection of demo/payment-latency at 1 min 00 s (base 600, half-life 5 min)",
              "0 detection of demo/payment-latency already scored at 1 min 00 s");
    }

    @Test
    void saysWhenTheFloorDecidedThePoints() {
      Leaderboard board = new GameLog().claim("blue", "i1", at(40)).board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .containsExactly(
              "+120 detection of demo/payment-latency at 40 min 00 s (base 600, half-life 5 min,"
                  + " floor 20 %)");
    }

    @Test
    void countsAPlayStampedBeforeTheInjectionAsMadeAtTheInjection() {
      Leaderboard board = new GameLog().claim("blue", "i1", T0.minusSeconds(3)).board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .containsExactly(
              "+600 detection of demo/payment-latency at 0 s (base 600, half-life 5 min)");
    }
  }

  @Nested
  class FirstTeams {
    @Test
    void givesTheFirstThreeTeamsToDiagnoseFifteenTenAndFivePercent() {
      List<String> teams = List.of("a", "b", "c", "d");
      Leaderboard board =
          new GameLog()
              .diagnosis("d", "i1", at(15))
              .diagnosis("c", "i1", at(15))
              .diagnosis("b", "i1", at(14))
              .diagnosis("a", "i1", at(13))
              .board(teams, ONE);

      assertThat(texts(board, "a")).contains("+108 first to diagnose (15 % of 720)");
      assertThat(texts(board, "b")).contains("+72 second to diagnose (10 % of 720)");
      assertThat(texts(board, "d"))
          .as("same time: the server's sequence decides")
          .contains("+36 third to diagnose (5 % of 720)");
      assertThat(texts(board, "c")).hasSize(1);
    }

    @Test
    void givesNoFirstTeamBonusForDetection() {
      Leaderboard board = new GameLog().claim("blue", "i1", at(4)).board(BLUE, ONE);

      assertThat(texts(board, "blue")).hasSize(1);
    }

    @Test
    void countsFirstTeamsPerIncident() {
      IncidentFacts other = incident("i2", "demo/inventory-outage", 4, at(20));
      Leaderboard board =
          new GameLog()
              .fix("red", "i1", at(10))
              .fix("blue", "i1", at(12))
              .fix("blue", "i2", at(25))
              .board(List.of("blue", "red"), List.of(PAYMENT, other));

      assertThat(texts(board, "blue"))
          .contains("+120 second to recover (10 % of 1200)", "+120 first to recover (15 % of 800)");
    }
  }

  @Nested
  class OwnAlerting {
    @Test
    void addsAQuarterOfTheDetectionBaseWhenTheTeamsAlertFiredBeforeItsClaim() {
      Leaderboard board =
          new GameLog()
              .alert("blue", "i1", at(2, 50))
              .alert("blue", "i1", at(3, 30))
              .claim("blue", "i1", at(4))
              .board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .containsExactly(
              "+344 detection of demo/payment-latency at 4 min 00 s (base 600, half-life 5 min)",
              "+150 own alerting detected it 1 min 10 s before the claim (25 % of 600)");
      assertThat(standing(board, "blue").points()).isEqualTo(494);
    }

    @Test
    void givesNothingForAnAlertAfterTheClaimAndSaysSo() {
      Leaderboard board =
          new GameLog()
              .claim("blue", "i1", at(4))
              .alert("blue", "i1", at(5))
              .alert("blue", "i1", at(6))
              .board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .containsExactly(
              "+344 detection of demo/payment-latency at 4 min 00 s (base 600, half-life 5 min)",
              "0 own alerting fired 1 min 00 s after the claim: no bonus");
    }

    @Test
    void countsOnlyTheTeamsOwnAlerting() {
      Leaderboard board =
          new GameLog()
              .alert("red", "i1", at(1))
              .claim("blue", "i1", at(4))
              .board(List.of("blue", "red"), ONE);

      assertThat(standing(board, "blue").points()).isEqualTo(344);
      assertThat(standing(board, "red").lines()).isEmpty();
    }

    @Test
    void anAlertRecordedAtTheSameInstantButAfterTheClaimEarnsNothing() {
      Leaderboard board =
          new GameLog().claim("blue", "i1", at(4)).alert("blue", "i1", at(4)).board(BLUE, ONE);

      assertThat(standing(board, "blue").points()).isEqualTo(344);
    }
  }

  @Nested
  class Hints {
    @Test
    void costTenTwentyAndFortyPercentOfTheNextStagesBase() {
      Leaderboard board =
          new GameLog()
              .claim("blue", "i1", at(1))
              .hint("blue", "i1", at(2), 0)
              .hint("blue", "i1", at(3), 1)
              .diagnosis("blue", "i1", at(15))
              .hint("blue", "i1", at(16), 2)
              .board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .containsExactly(
              "+522 detection of demo/payment-latency at 1 min 00 s (base 600, half-life 5 min)",
              "\u221272 hint 1 for diagnosis (10 % of 720)",
              "\u2212144 hint 2 for diagnosis (20 % of 720)",
              "+360 diagnosis of demo/payment-latency at 15 min 00 s (base 720, half-life 15 min)",
              "+108 first to diagnose (15 % of 720)",
              "\u2212480 hint 3 for recovery (40 % of 1200)");
      assertThat(standing(board, "blue").points()).isEqualTo(522 - 72 - 144 + 360 + 108 - 480);
    }

    @Test
    void costTheLastShareFromTheFourthHintOn() {
      Leaderboard board =
          new GameLog().claim("blue", "i1", at(0)).hint("blue", "i1", at(1), 3).board(BLUE, ONE);

      assertThat(texts(board, "blue")).contains("\u2212288 hint 4 for diagnosis (40 % of 720)");
    }

    @Test
    void areHeldBackUntilTheStageScoresWhenTheIncidentHasNoPointsToPayWith() {
      Leaderboard board =
          new GameLog().hint("blue", "i1", at(1), 0).claim("blue", "i1", at(4)).board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .containsExactly(
              "0 hint 1 for detection (10 % of 600 = 60; 60 held back until detection scores, as"
                  + " this incident's points cannot go below 0)",
              "+344 detection of demo/payment-latency at 4 min 00 s (base 600, half-life 5 min)",
              "\u221260 costs of detection held back until it scored");
      assertThat(standing(board, "blue").points()).isEqualTo(284);
    }

    @Test
    void neverTakeAnIncidentBelowZeroWhenTheStageIsNeverReached() {
      Leaderboard board =
          new GameLog()
              .claim("blue", "i1", at(10))
              .hint("blue", "i1", at(11), 0)
              .hint("blue", "i1", at(12), 1)
              .board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .containsExactly(
              "+150 detection of demo/payment-latency at 10 min 00 s (base 600, half-life 5 min)",
              "\u221272 hint 1 for diagnosis (10 % of 720)",
              "\u221278 hint 2 for diagnosis (20 % of 720 = 144; 66 held back until diagnosis"
                  + " scores, as this incident's points cannot go below 0)");
      assertThat(standing(board, "blue").points()).isZero();
    }

    @Test
    void costNothingOnceEveryStageIsScored() {
      Leaderboard board =
          new GameLog()
              .claim("blue", "i1", at(1))
              .diagnosis("blue", "i1", at(2))
              .fix("blue", "i1", at(3))
              .hint("blue", "i1", at(4), 0)
              .board(BLUE, ONE);

      assertThat(texts(board, "blue")).endsWith("0 hint 1 after every stage was scored: free");
    }
  }

  @Nested
  class Floor {
    @Test
    void topsAStageUpToItsFloorWhenItsCostsExceedItsPoints() {
      Leaderboard board =
          new GameLog()
              .claim("blue", "i1", at(4))
              .hint("blue", "i1", at(5), 0)
              .hint("blue", "i1", at(6), 1)
              .hint("blue", "i1", at(7), 2)
              .diagnosis("blue", "i1", at(15))
              .board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .containsExactly(
              "+344 detection of demo/payment-latency at 4 min 00 s (base 600, half-life 5 min)",
              "\u221272 hint 1 for diagnosis (10 % of 720)",
              "\u2212144 hint 2 for diagnosis (20 % of 720)",
              "\u2212128 hint 3 for diagnosis (40 % of 720 = 288; 160 held back until diagnosis"
                  + " scores, as this incident's points cannot go below 0)",
              "+360 diagnosis of demo/payment-latency at 15 min 00 s (base 720, half-life 15 min)",
              "+108 first to diagnose (15 % of 720)",
              "\u2212160 costs of diagnosis held back until it scored",
              "+180 diagnosis kept at its floor (20 % of 720 = 144)");
      assertThat(standing(board, "blue").points())
          .as("detection plus the diagnosis floor")
          .isEqualTo(344 + 144);
    }
  }

  @Nested
  class WrongDiagnoses {
    @Test
    void costTenPercentOfTheDiagnosisBaseEach() {
      Leaderboard board =
          new GameLog()
              .claim("blue", "i1", at(4))
              .diagnosis("blue", "i1", at(5), Outcome.REJECTED, "inventory / crash")
              .diagnosis("blue", "i1", at(6), Outcome.REJECTED, "")
              .board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .containsExactly(
              "+344 detection of demo/payment-latency at 4 min 00 s (base 600, half-life 5 min)",
              "\u221272 wrong diagnosis of demo/payment-latency: inventory / crash (10 % of 720)",
              "\u221272 wrong diagnosis of demo/payment-latency (10 % of 720)");
      assertThat(standing(board, "blue").points()).isEqualTo(200);
    }

    @Test
    void costNothingOnceTheDiagnosisIsScored() {
      Leaderboard board =
          new GameLog()
              .diagnosis("blue", "i1", at(15))
              .diagnosis("blue", "i1", at(16), Outcome.REJECTED, "booking / cpu")
              .board(BLUE, ONE);

      assertThat(texts(board, "blue"))
          .endsWith(
              "0 wrong diagnosis of demo/payment-latency: booking / cpu (already diagnosed: no"
                  + " cost)");
      assertThat(standing(board, "blue").points()).isEqualTo(360 + 108);
    }
  }

  @Nested
  class Pending {
    @Test
    void scoresNothingYetButShowsALine() {
      Leaderboard board =
          new GameLog()
              .diagnosis("blue", "i1", at(5), Outcome.PENDING, "payment / latency")
              .board(BLUE, ONE);

      Standing blue = standing(board, "blue");
      assertThat(blue.lines())
          .containsExactly(
              new ScoreLine(
                  "blue",
                  "i1",
                  Stage.DIAGNOSE,
                  at(5),
                  0,
                  "0 diagnosis of demo/payment-latency pending review: payment / latency"));
      assertThat(blue.points()).isZero();
      assertThat(blue.diagnosed()).isZero();
      assertThat(blue.reachedAt()).isNull();
    }

    @Test
    void scoresAtTheSubmissionTimeOnceAccepted() {
      Leaderboard board =
          new GameLog()
              .diagnosis("blue", "i1", at(15), Outcome.ACCEPTED, "payment / latency")
              .board(BLUE, ONE);

      assertThat(standing(board, "blue").points()).isEqualTo(360 + 108);
    }
  }

  @Nested
  class FalseClaims {
    @Test
    void theFirstOfTheDayIsFreeAndEachNextOneCostsFiftyPoints() {
      Leaderboard board =
          new GameLog()
              .falseClaim("blue", at(1), "")
              .falseClaim("blue", at(2), "inventory is down")
              .falseClaim("blue", at(3), "")
              .board(BLUE, ONE);

      Standing blue = standing(board, "blue");
      assertThat(blue.lines())
          .containsExactly(
              new ScoreLine(
                  "blue",
                  null,
                  null,
                  at(1),
                  0,
                  "0 false detection claim (first of the day is free)"),
              new ScoreLine(
                  "blue",
                  null,
                  null,
                  at(2),
                  -50,
                  "\u221250 false detection claim: inventory is down (only the first of the day is"
                      + " free)"),
              new ScoreLine(
                  "blue",
                  null,
                  null,
                  at(3),
                  -50,
                  "\u221250 false detection claim (only the first of the day is free)"));
      assertThat(blue.points()).as("the one rule that can take a team below zero").isEqualTo(-100);
    }

    @Test
    void areCountedPerTeam() {
      Leaderboard board =
          new GameLog()
              .falseClaim("blue", at(1), "")
              .falseClaim("red", at(2), "")
              .board(List.of("blue", "red"), ONE);

      assertThat(standing(board, "red").points()).isZero();
    }

    @Test
    void aRejectedClaimAboutAKnownIncidentIsAFalseClaimToo() {
      Leaderboard board =
          new GameLog()
              .falseClaim("blue", at(1), "")
              .play("blue", "i1", PlayType.DETECTION_CLAIM, at(2), Outcome.REJECTED)
              .board(BLUE, ONE);

      assertThat(standing(board, "blue").lines().get(1).points()).isEqualTo(-50);
      assertThat(standing(board, "blue").lines().get(1).incidentId()).isNull();
    }
  }

  @Nested
  class Ties {
    @Test
    void equalPointsGoToTheTeamThatReachedThemFirst() {
      Leaderboard board =
          new GameLog()
              .claim("blue", "i1", at(4))
              .claim("red", "i1", at(4))
              .claim("green", "i1", at(3))
              .board(List.of("blue", "red", "green"), ONE);

      assertThat(board.standings())
          .extracting(Standing::rank, Standing::team, Standing::points)
          .containsExactly(tuple(1, "green", 395), tuple(2, "blue", 344), tuple(3, "red", 344));
    }

    @Test
    void aTeamReachedItsPointsAtItsLastLineThatChangedThem() {
      IncidentFacts other = incident("i2", "demo/inventory-outage", 6, at(4));
      Leaderboard board =
          new GameLog()
              .claim("blue", "i1", at(4))
              .falseClaim("blue", at(5), "")
              .claim("red", "i1", at(6))
              .falseClaim("red", at(6, 30), "")
              .falseClaim("red", at(7), "")
              .claim("red", "i2", at(12))
              .board(List.of("blue", "red"), List.of(PAYMENT, other));

      // red: 0.5^(6/5)·600 = 261, −50, then 0.5^(8/5)·600 = 197 → 408; blue only 344
      assertThat(board.standings()).extracting(Standing::team).containsExactly("red", "blue");
      assertThat(standing(board, "red").reachedAt()).isEqualTo(at(12));
    }

    @Test
    void teamsWithoutScoringLinesRankLastInDeclaredOrder() {
      Leaderboard board =
          new GameLog()
              .falseClaim("c", at(1), "")
              .claim("b", "i1", at(5))
              .board(List.of("c", "a", "b", "d"), ONE);

      assertThat(board.standings())
          .extracting(Standing::rank, Standing::team)
          .containsExactly(tuple(1, "b"), tuple(2, "c"), tuple(3, "a"), tuple(4, "d"));
      assertThat(standing(board, "c").reachedAt()).as("a free claim changed nothing").isNull();
    }

    @Test
    void aTeamBackAtZeroAfterScoringRanksBeforeTeamsThatNeverScored() {
      ScoringRules d = ScoringRules.defaults();
      ScoringRules costly =
          new ScoringRules(
              d.detect(),
              d.diagnose(),
              d.recover(),
              d.floor(),
              d.hintCostPercents(),
              d.wrongDiagnosisPercent(),
              d.freeFalseClaims(),
              60,
              d.alertBonusPercent());
      List<Play> plays =
          new GameLog()
              .claim("b", "i1", at(40))
              .falseClaim("b", at(41), "")
              .falseClaim("b", at(42), "")
              .falseClaim("b", at(43), "")
              .plays();

      Leaderboard board =
          Scoring.leaderboard(costly, List.of("a", "b"), ONE, plays, Optional.empty());

      assertThat(board.standings())
          .extracting(Standing::team, Standing::points)
          .containsExactly(tuple("b", 0), tuple("a", 0));
      assertThat(standing(board, "b").reachedAt()).isEqualTo(at(43));
    }
  }

  @Nested
  class Freeze {
    @Test
    void ignoresPlaysAtOrAfterTheFreezeAndReportsIt() {
      List<Play> plays =
          new GameLog()
              .claim("blue", "i1", at(4))
              .claim("red", "i1", at(9, 59).plusMillis(999))
              .diagnosis("red", "i1", at(10))
              .fix("blue", "i1", at(11))
              .plays();

      Leaderboard board =
          Scoring.leaderboard(
              ScoringRules.defaults(), List.of("blue", "red"), ONE, plays, Optional.of(at(10)));

      assertThat(board.frozenAt()).contains(at(10));
      assertThat(standing(board, "blue").points()).isEqualTo(344);
      assertThat(standing(board, "red").points()).as("only the claim before 10 min").isEqualTo(150);
      assertThat(standing(board, "red").diagnosed()).isZero();
    }

    @Test
    void anUnfrozenBoardReportsNoFreeze() {
      Leaderboard board = new GameLog().claim("blue", "i1", at(4)).board(BLUE, ONE);

      assertThat(board.frozenAt()).isEmpty();
    }
  }

  @Nested
  class Input {
    @Test
    void ignoresPlaysOfUnknownTeamsAndIncidents() {
      Leaderboard board =
          new GameLog()
              .claim("ghost", "i1", at(1))
              .claim("blue", "i9", at(1))
              .hint("blue", "i9", at(2), 0)
              .claim("blue", "i1", at(4))
              .board(BLUE, ONE);

      assertThat(board.standings()).extracting(Standing::team).containsExactly("blue");
      assertThat(standing(board, "blue").points()).isEqualTo(344);
    }

    @Test
    void sortsPlaysByTimeThenSequenceWhateverTheirOrderInTheList() {
      GameLog log =
          new GameLog()
              .claim("blue", "i1", at(4))
              .hint("blue", "i1", at(5), 0)
              .diagnosis("red", "i1", at(6))
              .diagnosis("blue", "i1", at(6));
      List<Play> reversed = new ArrayList<>(log.plays());
      Collections.reverse(reversed);

      Leaderboard inOrder = log.board(List.of("blue", "red"), ONE);
      Leaderboard shuffled =
          Scoring.leaderboard(
              ScoringRules.defaults(), List.of("blue", "red"), ONE, reversed, Optional.empty());

      assertThat(shuffled).isEqualTo(inOrder);
      assertThat(texts(inOrder, "red")).contains("+108 first to diagnose (15 % of 720)");
    }

    @Test
    void rejectsATeamListedTwice() {
      assertThatThrownBy(() -> new GameLog().board(List.of("blue", "red", "blue"), ONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("team 'blue' is listed twice");
    }

    @Test
    void rejectsAnIncidentListedTwice() {
      assertThatThrownBy(() -> new GameLog().board(BLUE, List.of(PAYMENT, PAYMENT)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("incident 'i1' is listed twice");
    }

    @Test
    void explainsARejectedFixWithoutCost() {
      Leaderboard board =
          new GameLog()
              .claim("blue", "i1", at(4))
              .play("blue", "i1", PlayType.FIX, at(5), Outcome.REJECTED)
              .board(BLUE, ONE);

      assertThat(texts(board, "blue")).endsWith("0 fix of demo/payment-latency not accepted");
      assertThat(standing(board, "blue").points()).isEqualTo(344);
    }
  }
}
