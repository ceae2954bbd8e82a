package org.daysofchaos.core;

/**
 * The answer key of a scenario: the component at fault and the kind of fault. Never shown to
 * players.
 */
public record Diagnosis(String component, String fault) {}
