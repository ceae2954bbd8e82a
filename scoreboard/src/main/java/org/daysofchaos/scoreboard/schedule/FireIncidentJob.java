package org.daysofchaos.scoreboard.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Fires a scheduled incident (its run goes on on its own thread). */
@ApplicationScoped
public class FireIncidentJob implements Job {
  @Inject IncidentTriggers triggers;

  @Override
  public void execute(JobExecutionContext context) {
    triggers.fireScheduled(
        context.getMergedJobDataMap().getString("incident"),
        context.getScheduledFireTime().toInstant());
  }
}
