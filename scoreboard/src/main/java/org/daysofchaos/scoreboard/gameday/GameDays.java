package org.daysofchaos.scoreboard.gameday;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.gameday.CronCheck;
import org.daysofchaos.core.gameday.GameDay;
import org.daysofchaos.core.gameday.GameDayPlan;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.core.gameday.GameDayReader;
import org.daysofchaos.core.gameday.Slot;
import org.daysofchaos.core.gameday.TimePoint;
import org.daysofchaos.core.gameday.Timing;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.scoreboard.incident.IncidentEngine;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.ScenarioStore;
import org.daysofchaos.scoreboard.schedule.GameDayEnd;
import org.daysofchaos.scoreboard.schedule.Schedule;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Game days: load (from YAML), start, pause, resume, stop, and finish when the window closes.
 * Starting a game day decides when each incident fires (random moments are drawn then), stores the
 * incidents and puts their triggers in the schedule.
 */
@ApplicationScoped
public class GameDays implements GameDayEnd {
  private static final Logger LOG = LoggerFactory.getLogger(GameDays.class);

  /** Quartz's own parser checks cron expressions, so what reads also schedules. */
  public static final CronCheck QUARTZ_CRON =
      expression -> {
        try {
          CronExpression.validateExpression(expression);
          return Optional.empty();
        } catch (ParseException e) {
          return Optional.of(e.getMessage());
        }
      };

  @Inject GameDayStore store;
  @Inject IncidentStore incidents;
  @Inject ScenarioCatalog catalog;
  @Inject Schedule schedule;
  @Inject IncidentEngine engine;
  @Inject AuditLog audit;
  @Inject Clock clock;

  private final SecureRandom random = new SecureRandom();

  /** A game-day text with problems. */
  public static final class InvalidGameDay extends RuntimeException {
    private final List<Problem> problems;

    InvalidGameDay(List<Problem> problems) {
      super(problems.size() + " problem(s)");
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  /** An unknown game day. */
  public static final class NoSuchGameDay extends RuntimeException {
    NoSuchGameDay(String id) {
      super("no game day '" + id + "'");
    }
  }

  public GameDayReadResult read(String source, String yaml) {
    return new GameDayReader(catalog.ids(), QUARTZ_CRON, Catalog.standard()).read(source, yaml);
  }

  /**
   * Reads and stores a game day, with the current version of each of its scenarios.
   *
   * @throws InvalidGameDay with every problem of the text
   * @throws IllegalStateException if a game day of that id is running or paused
   */
  public GameDay load(String source, String yaml, String actor) {
    GameDayReadResult result = read(source, yaml);
    if (!result.ok()) {
      throw new InvalidGameDay(result.problems());
    }
    GameDay day = result.gameDay().orElseThrow();
    List<GameDayStore.SlotRow> slots = new ArrayList<>();
    for (Slot slot : day.slots()) {
      ScenarioStore.Stored scenario = catalog.latest(slot.scenarioId()).orElseThrow();
      slots.add(
          new GameDayStore.SlotRow(
              slot.index(), scenario.id(), scenario.sha256(), describe(slot.timing())));
    }
    store.save(
        day.id(),
        day.name(),
        source,
        yaml,
        day.blind(),
        day.teams().stream().map(t -> t.name()).toList(),
        slots,
        clock.instant());
    audit.record(actor, "gameday-load", "game day " + day.id(), source);
    LOG.info("game day {} loaded from {}", day.id(), source);
    return day;
  }

  public GameDayStore.Row get(String id) {
    return find(id).orElseThrow(() -> new NoSuchGameDay(id));
  }

  public Optional<GameDayStore.Row> find(String id) {
    return store.find(id);
  }

  /** Plans and schedules every incident of a game day; the window opens now unless fixed. */
  public GameDayStore.Row start(String id, String actor) {
    GameDayStore.Row row = get(id);
    GameDay day =
        read(row.source(), row.yaml())
            .gameDay()
            .orElseThrow(
                () -> new IllegalStateException("stored game day " + id + " no longer reads"));
    Instant now = clock.instant();
    GameDayPlan plan = GameDayPlan.of(day, now, random);
    if (!plan.closesAt().isAfter(now)) {
      throw new IllegalStateException(
          "game day " + id + " cannot start: its window closed at " + plan.closesAt());
    }
    if (!store.start(id, now, plan.opensAt(), plan.closesAt())) {
      throw new IllegalStateException(
          "game day " + id + " is " + get(id).state() + "; it cannot be started now");
    }
    List<GameDayStore.SlotRow> slots = store.slots(id);
    int scheduled = 0;
    for (GameDayPlan.Planned planned : plan.incidents()) {
      GameDayStore.SlotRow slot = slots.get(planned.slot().index());
      String incidentId = newIncidentId();
      incidents.insertScheduled(
          incidentId,
          id,
          slot.slot(),
          slot.scenarioId(),
          slot.scenarioSha256(),
          planned.at(),
          AuditLog.SCHEDULER);
      if (planned.at().isBefore(now)) {
        engine.missed(
            incidentId, "its time (" + planned.at() + ") had passed when the game day started");
      } else {
        schedule.incident(incidentId, id, planned.at());
        scheduled++;
      }
    }
    for (Slot slot : plan.cronSlots()) {
      GameDayStore.SlotRow stored = slots.get(slot.index());
      schedule.cron(
          id,
          slot.index(),
          stored.scenarioId(),
          stored.scenarioSha256(),
          ((Timing.Cron) slot.timing()).expression(),
          plan.opensAt().isAfter(now) ? plan.opensAt() : now,
          plan.closesAt());
    }
    schedule.gameDayEnd(id, plan.closesAt());
    audit.record(
        actor,
        "gameday-start",
        "game day " + id,
        scheduled
            + " incident(s) scheduled, "
            + plan.cronSlots().size()
            + " cron slot(s); window "
            + plan.opensAt()
            + " to "
            + plan.closesAt());
    LOG.info(
        "game day {} started: {} incident(s) scheduled, {} cron slot(s), window closes at {}",
        id,
        scheduled,
        plan.cronSlots().size(),
        plan.closesAt());
    return get(id);
  }

  public GameDayStore.Row pause(String id, String actor) {
    get(id);
    if (!store.transition(
        id, GameDayStore.State.RUNNING, GameDayStore.State.PAUSED, clock.instant())) {
      throw new IllegalStateException(
          "game day " + id + " is " + get(id).state() + ", not RUNNING");
    }
    schedule.pauseGameDay(id);
    audit.record(actor, "gameday-pause", "game day " + id, "its triggers are paused");
    return get(id);
  }

  public GameDayStore.Row resume(String id, String actor) {
    get(id);
    if (!store.transition(
        id, GameDayStore.State.PAUSED, GameDayStore.State.RUNNING, clock.instant())) {
      throw new IllegalStateException("game day " + id + " is " + get(id).state() + ", not PAUSED");
    }
    schedule.resumeGameDay(id);
    audit.record(
        actor,
        "gameday-resume",
        "game day " + id,
        "triggers resumed; those whose time passed during the pause are missed, not fired late");
    return get(id);
  }

  /** Stops a game day: no more incidents fire, and running ones are aborted (and reverted). */
  public GameDayStore.Row stop(String id, String actor) {
    GameDayStore.Row row = get(id);
    Instant now = clock.instant();
    if (!store.transition(id, GameDayStore.State.RUNNING, GameDayStore.State.STOPPED, now)
        && !store.transition(id, GameDayStore.State.PAUSED, GameDayStore.State.STOPPED, now)) {
      throw new IllegalStateException(
          "game day " + id + " is " + row.state() + "; nothing to stop");
    }
    schedule.cancelGameDay(id);
    List<String> cancelled = incidents.cancelScheduled(id, "its game day was stopped", now);
    int aborted = engine.abortGameDay(id, "the game day was stopped by " + actor, actor).size();
    audit.record(
        actor,
        "gameday-stop",
        "game day " + id,
        cancelled.size() + " scheduled incident(s) cancelled, " + aborted + " running aborted");
    return get(id);
  }

  /** The window closed: no more incidents fire; those running go on to their end. */
  @Override
  public void finish(String id) {
    Instant now = clock.instant();
    boolean finished =
        store.transition(id, GameDayStore.State.RUNNING, GameDayStore.State.FINISHED, now)
            || store.transition(id, GameDayStore.State.PAUSED, GameDayStore.State.FINISHED, now);
    if (finished) {
      schedule.cancelGameDay(id);
      incidents.cancelScheduled(id, "its game day's window closed", now);
      audit.record(AuditLog.SCHEDULER, "gameday-finish", "game day " + id, "its window closed");
      LOG.info("game day {} finished: its window closed", id);
    }
  }

  public List<GameDayStore.Row> list() {
    return store.list();
  }

  public List<String> teams(String id) {
    return store.teams(id);
  }

  public List<GameDayStore.SlotRow> slots(String id) {
    return store.slots(id);
  }

  static String describe(Timing timing) {
    if (timing instanceof Timing.At at) {
      return "at " + point(at.at());
    }
    if (timing instanceof Timing.Between between) {
      return "between " + point(between.from()) + " and " + point(between.to());
    }
    return "cron " + ((Timing.Cron) timing).expression();
  }

  private static String point(TimePoint point) {
    return point instanceof TimePoint.Offset offset
        ? "+" + Durations.format(offset.offset())
        : ((TimePoint.Absolute) point).instant().toString();
  }

  private static String newIncidentId() {
    return "inc-" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
