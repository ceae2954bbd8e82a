package org.daysofchaos.scoreboard.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A fault's deadline passed: if nobody runs its incident any more, its faults are reverted. */
@ApplicationScoped
public class DeadlineJob implements Job {
  @Inject FaultDeadline deadline;

  @Override
  public void execute(JobExecutionContext context) {
    deadline.deadlinePassed(context.getMergedJobDataMap().getString("incident"));
  }
}
