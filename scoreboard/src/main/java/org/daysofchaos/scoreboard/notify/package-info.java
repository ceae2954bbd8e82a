/**
 * Notifications and Grafana annotations: what an incident's run and halt-all tell the channels of a
 * game day (webhooks, Slack) and a configured Grafana. Everything is sent from a bounded queue by a
 * thread of its own, with retries; the run loop only puts messages in the queue, and a message that
 * does not fit is dropped and counted rather than waited for. A players' channel hears of an
 * incident only once it is over (docs/notifications.md).
 */
package org.daysofchaos.scoreboard.notify;
