/**
 * The pieces behind the Chaos Toolkit support: JSON paths, values of YAML nodes, HTTP and
 * processes.
 */
package org.daysofchaos.chaostoolkit.internal;
