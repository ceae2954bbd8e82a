package org.daysofchaos.core;

import java.time.Duration;

/** A clue that players may buy once {@code after} has passed since the fault took effect. */
public record Hint(Duration after, String text) {}
