package org.daysofchaos.core.report;

import java.util.List;

/**
 * One service across game days.
 *
 * @param points one per game day in which the service had incidents, oldest first
 * @param overall the score over all those incidents
 */
public record ServiceTrend(String service, List<TrendPoint> points, ResilienceScore overall) {
  public ServiceTrend {
    points = List.copyOf(points);
  }
}
