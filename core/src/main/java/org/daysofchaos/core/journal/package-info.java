/**
 * The journal: the append-only, timestamped record of everything that happened in a run, and the
 * result that summarises it. Every figure a report shows can be traced to an event here.
 */
package org.daysofchaos.core.journal;
