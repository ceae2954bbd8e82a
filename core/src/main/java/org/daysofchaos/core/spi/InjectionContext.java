package org.daysofchaos.core.spi;

import java.time.Instant;

/**
 * What an injector may need besides the fault and the target.
 *
 * @param injectionId a unique name for this injection; injectors name what they create with it
 *     (toxic names, annotations) so it can be found again after a crash
 * @param expiresAt when the fault must end at the latest; injectors hand it to backends that can
 *     hold an expiry, so that even a dead server cannot leave the fault forever
 */
public record InjectionContext(String runId, String injectionId, Instant expiresAt) {}
