package org.daysofchaos.agents.host;

import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.experiments.host.ByteSize;

/** How much memory host/memory-pressure may hold on this host. */
public record MemoryLimits(@Doc("The most one fault may hold, e.g. 1GiB.") ByteSize max) {}
