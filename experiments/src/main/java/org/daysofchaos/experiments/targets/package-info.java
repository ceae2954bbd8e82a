/**
 * Target kinds that need no cluster: a proxy on a Toxiproxy-compatible server and a local process.
 * Like fault kinds, they are records of the catalog, and the reader, the JSON Schema and the
 * reference of docs/scenario-format.md come from them; the Kubernetes target lives with the
 * Kubernetes kinds.
 */
package org.daysofchaos.experiments.targets;
