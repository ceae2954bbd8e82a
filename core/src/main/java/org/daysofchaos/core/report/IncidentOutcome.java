package org.daysofchaos.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.core.journal.Verdict;

/**
 * One incident as the report shows it: its facts, and the figures drawn from them and from the
 * teams' plays.
 *
 * @param detection the first detection by anyone: monitoring or a team's claim
 * @param monitoring the first monitoring detection: the earlier of {@code signal} and {@code alert}
 * @param firstClaim the first team's accepted detection claim
 * @param diagnosis the first team's accepted diagnosis
 * @param recovery when the steady state was back, counted from t_inj like the timeline
 * @param recovered whether it counts as recovered (see {@link IncidentRecord#recovered()})
 * @param recoveryTime how long the recovery took, counted as the mode asks (see {@link
 *     IncidentRecord#recoveryTime()}): self-healing after the fault ended, or time to restore
 * @param alertingLead the first claim minus the monitoring detection; positive when monitoring was
 *     earlier; empty unless both happened
 * @param teams every team of the game day, in declared order
 */
public record IncidentOutcome(
    String id,
    String gameDayId,
    String scenarioId,
    String title,
    String service,
    int weight,
    Mode mode,
    Instant injectedAt,
    Optional<Instant> faultEndedAt,
    Optional<Verdict> verdict,
    boolean running,
    Optional<Timing> detection,
    Optional<Timing> monitoring,
    Optional<Timing> signal,
    Optional<Timing> alert,
    Optional<Timing> firstClaim,
    Optional<Timing> diagnosis,
    Optional<Timing> recovery,
    boolean recovered,
    Optional<RecoveryTime> recoveryTime,
    Optional<Duration> alertingLead,
    List<TeamIncident> teams,
    List<SteadyStateChange> steadyState) {

  public IncidentOutcome {
    recoveryTime = recoveryTime == null ? Optional.empty() : recoveryTime;
    teams = List.copyOf(teams);
    steadyState = List.copyOf(steadyState);
  }

  /** A moment of the incident's timeline, in the order they happened. */
  public record Mark(String label, Duration after, Observer by) {}

  /**
   * The incident's timeline: injection, first signal and alert, each team's claim, diagnosis and
   * fix, the end of the fault and the recovery, in time order.
   */
  public List<Mark> timeline() {
    List<Mark> marks = new ArrayList<>();
    marks.add(new Mark("fault injected", Duration.ZERO, Observer.STEADY_STATE));
    signal.ifPresent(t -> marks.add(new Mark("signal " + t.source(), t.after(), Observer.SIGNAL)));
    alert.ifPresent(t -> marks.add(new Mark("alert " + t.source(), t.after(), Observer.ALERT)));
    for (TeamIncident team : teams) {
      team.alert()
          .ifPresent(
              t -> marks.add(new Mark(team.team() + " alerting", t.after(), Observer.ALERT)));
      team.claim()
          .ifPresent(t -> marks.add(new Mark(team.team() + " claims", t.after(), Observer.TEAM)));
      team.diagnosis()
          .ifPresent(
              t -> marks.add(new Mark(team.team() + " diagnoses", t.after(), Observer.TEAM)));
      team.fix()
          .ifPresent(t -> marks.add(new Mark(team.team() + " fixes", t.after(), Observer.TEAM)));
    }
    faultEndedAt.ifPresent(
        end ->
            marks.add(
                new Mark(
                    "fault ended",
                    positive(Duration.between(injectedAt, end)),
                    Observer.STEADY_STATE)));
    recovery.ifPresent(
        t ->
            marks.add(
                new Mark(
                    recovered ? "recovered" : "recovered after the safety bound",
                    t.after(),
                    Observer.STEADY_STATE)));
    marks.sort(Comparator.comparing(Mark::after));
    return marks;
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
