/** How notifications are written (webhook, Slack, Grafana) and delivered (queue, retries). */
package org.daysofchaos.scoreboard.notify.internal;
