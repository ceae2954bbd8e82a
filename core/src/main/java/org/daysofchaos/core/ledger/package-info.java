/**
 * The injection ledger: every injection is written here <em>before</em> it is applied and marked
 * when it is reverted, so that whatever kills a run, the next start can find and revert what is
 * still active.
 */
package org.daysofchaos.core.ledger;
