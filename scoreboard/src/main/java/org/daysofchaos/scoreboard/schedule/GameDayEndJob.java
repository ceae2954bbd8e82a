package org.daysofchaos.scoreboard.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A game day's window closed. */
@ApplicationScoped
public class GameDayEndJob implements Job {
  @Inject GameDayEnd end;

  @Override
  public void execute(JobExecutionContext context) {
    end.finish(context.getMergedJobDataMap().getString("gameDay"));
  }
}
