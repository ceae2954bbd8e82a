/**
 * The halt-all switch's state ({@link org.daysofchaos.scoreboard.halt.HaltState}) and the gate that
 * enforces it in front of every injector ({@link org.daysofchaos.scoreboard.halt.HaltGate}). Small
 * and low on purpose: the engine and the gate read it; pulling the switch (reverting everything) is
 * {@code safety}'s.
 */
package org.daysofchaos.scoreboard.halt;
