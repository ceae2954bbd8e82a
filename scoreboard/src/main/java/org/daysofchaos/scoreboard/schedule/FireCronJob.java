package org.daysofchaos.scoreboard.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** Fires a new incident for a cron slot of a game day. */
@ApplicationScoped
public class FireCronJob implements Job {
  @Inject IncidentTriggers triggers;

  @Override
  public void execute(JobExecutionContext context) {
    JobDataMap data = context.getMergedJobDataMap();
    triggers.fireCron(
        data.getString("gameDay"),
        Integer.parseInt(data.getString("slot")),
        data.getString("scenario"),
        data.getString("sha256"),
        context.getScheduledFireTime().toInstant());
  }
}
