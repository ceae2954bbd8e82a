package org.daysofchaos.agents.host;

import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Range;

/** How much CPU host/cpu-burn may take on this host. */
public record CpuLimits(
    @Doc("The most cores one burn may keep busy.") @Default("1") @Range(min = 1, max = 1024)
        int cores,
    @Doc("The most a burn may keep each core busy, in percent.")
        @Default("100")
        @Range(min = 1, max = 100)
        int percent) {}
