package org.daysofchaos.scoreboard.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.TriggerListener;

/**
 * Marks an incident MISSED when Quartz finds that its trigger's time passed by more than the
 * misfire threshold (the server was down, overloaded, or its game day paused): such a trigger is
 * dropped, never fired late.
 */
@ApplicationScoped
public class MissedTriggers implements TriggerListener {
  @Inject IncidentTriggers triggers;

  @Override
  public String getName() {
    return "chaos-missed-triggers";
  }

  @Override
  public void triggerMisfired(Trigger trigger) {
    if (Schedule.FIRE_INCIDENT.equals(trigger.getJobKey())) {
      triggers.missed(
          trigger.getJobDataMap().getString("incident"),
          "its time ("
              + trigger.getStartTime().toInstant()
              + ") passed while the schedule could not fire it (server down or busy, or its game"
              + " day paused); it is not fired late, on purpose (docs/server.md, Misfires)");
    }
  }

  @Override
  public void triggerFired(Trigger trigger, JobExecutionContext context) {}

  @Override
  public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
    return false;
  }

  @Override
  public void triggerComplete(
      Trigger trigger, JobExecutionContext context, CompletedExecutionInstruction instruction) {}
}
