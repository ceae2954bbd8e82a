package org.daysofchaos.scoreboard.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.daysofchaos.scoreboard.incident.IncidentEngine;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;

/** Fires a new incident for a cron slot of a game day. */
@ApplicationScoped
public class FireCronJob implements Job {
  @Inject IncidentEngine engine;

  @Override
  public void execute(JobExecutionContext context) {
    JobDataMap data = context.getMergedJobDataMap();
    engine.fireCron(
        data.getString("gameDay"),
        Integer.parseInt(data.getString("slot")),
        data.getString("scenario"),
        data.getString("sha256"),
        context.getScheduledFireTime().toInstant());
  }
}
