/** Fault kinds: what to break, as immutable records. Injectors in {@code agents} apply them. */
package org.daysofchaos.experiments.faults;
