/**
 * Implementation of the scenario reader: SnakeYAML composition into positioned nodes, and a small
 * binder of those nodes to the model and to the kind records of a catalog. Not an API.
 */
package org.daysofchaos.core.scenario.internal;
