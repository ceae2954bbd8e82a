/**
 * Helpers of the binder that languages never call: the edit distance behind "did you mean", the
 * rewording of SnakeYAML's errors, and the stable JSON printer of schemas. Depends on nothing of
 * the binder, so the binder's packages have no cycle.
 */
package org.daysofchaos.core.binder.internal;
