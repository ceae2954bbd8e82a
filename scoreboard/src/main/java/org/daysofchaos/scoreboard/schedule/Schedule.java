package org.daysofchaos.scoreboard.schedule;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The game days' schedule in Quartz, whose JDBC job store lives in the server's database: triggers
 * survive restarts, and the nodes of a cluster share them (each fires on exactly one node).
 *
 * <p>Misfire policy, chosen per kind of trigger (docs/server.md, "Misfires"):
 *
 * <ul>
 *   <li>an incident's one-off trigger never fires late: past the misfire threshold it is dropped
 *       and its incident marked MISSED (and the engine also refuses any trigger whose time came
 *       before this server started);
 *   <li>a cron slot skips the firings it missed and waits for its next one;
 *   <li>a fault's deadline and a game day's end fire as soon as possible: they only revert and
 *       close, never inject.
 * </ul>
 */
@ApplicationScoped
public class Schedule {
  private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);
  static final String GROUP = "chaos";
  static final JobKey FIRE_INCIDENT = JobKey.jobKey("fire-incident", GROUP);
  static final JobKey FIRE_CRON = JobKey.jobKey("fire-cron", GROUP);
  static final JobKey DEADLINE = JobKey.jobKey("fault-deadline", GROUP);
  static final JobKey GAME_DAY_END = JobKey.jobKey("game-day-end", GROUP);
  static final String DEADLINES = "deadlines";

  @Inject Scheduler quartz;
  @Inject MissedTriggers missed;

  /** Registers the jobs and the misfire listener; called on start, before the scheduler runs. */
  public void prepare() {
    inTransaction(
        () -> {
          quartz.addJob(job(FireIncidentJob.class, FIRE_INCIDENT), true);
          quartz.addJob(job(FireCronJob.class, FIRE_CRON), true);
          quartz.addJob(job(DeadlineJob.class, DEADLINE), true);
          quartz.addJob(job(GameDayEndJob.class, GAME_DAY_END), true);
        });
    try {
      quartz.getListenerManager().addTriggerListener(missed);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot register the misfire listener", e);
    }
  }

  private static org.quartz.JobDetail job(Class<? extends org.quartz.Job> type, JobKey key) {
    return JobBuilder.newJob(type).withIdentity(key).storeDurably().build();
  }

  static String gameDayGroup(String gameDayId) {
    return "gameday-" + gameDayId;
  }

  /** A one-off incident at {@code at}; never fired late. */
  public void incident(String incidentId, String gameDayId, Instant at) {
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(
                "incident-" + incidentId, gameDayId == null ? "manual" : gameDayGroup(gameDayId))
            .forJob(FIRE_INCIDENT)
            .usingJobData("incident", incidentId)
            .startAt(Date.from(at))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    inTransaction(() -> quartz.scheduleJob(trigger));
  }

  /** A recurring slot of a game day, between {@code from} and {@code until}. */
  public void cron(
      String gameDayId,
      int slot,
      String scenarioId,
      String sha256,
      String expression,
      Instant from,
      Instant until) {
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity("cron-" + slot, gameDayGroup(gameDayId))
            .forJob(FIRE_CRON)
            .usingJobData("gameDay", gameDayId)
            .usingJobData("slot", Integer.toString(slot))
            .usingJobData("scenario", scenarioId)
            .usingJobData("sha256", sha256)
            .startAt(Date.from(from))
            .endAt(Date.from(until))
            .withSchedule(
                CronScheduleBuilder.cronSchedule(expression)
                    .withMisfireHandlingInstructionDoNothing())
            .build();
    inTransaction(() -> quartz.scheduleJob(trigger));
  }

  /** The end of a game day's window. */
  public void gameDayEnd(String gameDayId, Instant at) {
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity("end", gameDayGroup(gameDayId))
            .forJob(GAME_DAY_END)
            .usingJobData("gameDay", gameDayId)
            .startAt(Date.from(at))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    inTransaction(() -> quartz.scheduleJob(trigger));
  }

  /** A fault's deadline, as a safety net that outlives the process running the fault. */
  public void deadline(String incidentId, Instant at) {
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity("deadline-" + incidentId, DEADLINES)
            .forJob(DEADLINE)
            .usingJobData("incident", incidentId)
            .startAt(Date.from(at))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    try {
      inTransaction(
          () -> {
            if (quartz.checkExists(trigger.getKey())) {
              quartz.rescheduleJob(trigger.getKey(), trigger);
            } else {
              quartz.scheduleJob(trigger);
            }
          });
    } catch (RuntimeException e) {
      LOG.warn("incident {}: cannot schedule its deadline: {}", incidentId, e.toString());
    }
  }

  public void cancelDeadline(String incidentId) {
    try {
      inTransaction(
          () -> quartz.unscheduleJob(TriggerKey.triggerKey("deadline-" + incidentId, DEADLINES)));
    } catch (RuntimeException e) {
      LOG.warn("incident {}: cannot remove its deadline: {}", incidentId, e.toString());
    }
  }

  public void cancelIncident(String incidentId, String gameDayId) {
    inTransaction(
        () ->
            quartz.unscheduleJob(
                TriggerKey.triggerKey(
                    "incident-" + incidentId,
                    gameDayId == null ? "manual" : gameDayGroup(gameDayId))));
  }

  public void pauseGameDay(String gameDayId) {
    inTransaction(
        () -> quartz.pauseTriggers(GroupMatcher.triggerGroupEquals(gameDayGroup(gameDayId))));
  }

  public void resumeGameDay(String gameDayId) {
    inTransaction(
        () -> quartz.resumeTriggers(GroupMatcher.triggerGroupEquals(gameDayGroup(gameDayId))));
  }

  /** Removes every trigger of a game day. */
  public void cancelGameDay(String gameDayId) {
    inTransaction(
        () -> {
          for (TriggerKey key :
              quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(gameDayGroup(gameDayId)))) {
            quartz.unscheduleJob(key);
          }
        });
  }

  /** Triggers waiting to fire, all groups. */
  public int pendingTriggers() {
    try {
      return quartz.getTriggerKeys(GroupMatcher.anyTriggerGroup()).size();
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }

  @FunctionalInterface
  interface QuartzWork {
    void run() throws SchedulerException;
  }

  /** Quartz's CMT job store expects its calls inside a transaction of the container. */
  static void inTransaction(QuartzWork work) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try {
                work.run();
              } catch (SchedulerException e) {
                throw new IllegalStateException("the schedule refused: " + e.getMessage(), e);
              }
            });
  }
}
