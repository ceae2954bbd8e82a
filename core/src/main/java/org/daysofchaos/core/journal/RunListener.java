package org.daysofchaos.core.journal;

/**
 * Hears every journal event of a run as it is written: progress output, metrics, the live
 * leaderboard. Listeners must be quick; an exception they throw is logged and ignored.
 */
@FunctionalInterface
public interface RunListener {
  void onEvent(JournalEvent event);
}
