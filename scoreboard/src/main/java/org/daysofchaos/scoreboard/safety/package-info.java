/**
 * What keeps targets safe when runs cannot revert their own faults: halt-all ({@link
 * org.daysofchaos.scoreboard.safety.HaltSwitch}: revert everything, block new injections) and
 * recovery from the ledger alone ({@link org.daysofchaos.scoreboard.safety.Recovery}: after a
 * crash, for a dead node, at a fault's deadline).
 */
package org.daysofchaos.scoreboard.safety;
