package org.daysofchaos.scoreboard.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A game day's window closed. */
@ApplicationScoped
public class GameDayEndJob implements Job {
  @Inject GameDays gameDays;

  @Override
  public void execute(JobExecutionContext context) {
    gameDays.finish(context.getMergedJobDataMap().getString("gameDay"));
  }
}
