/**
 * The embedded demo pre-production, a small travel-booking system that the framework breaks (not a
 * part of the server): {@code booking} calls {@code payment} and {@code inventory} over real TCP
 * through the embedded fault proxy; {@code inventory} is a separate OS process so process faults
 * are real. Each service exposes Micrometer metrics in Prometheus text format, and built-in traffic
 * keeps them moving. An ops console ({@code OpsApi}) offers the levers that fix until-fixed
 * incidents: payment failover, inventory restart, circuit breakers and timeouts (docs/demo.md).
 * {@link org.daysofchaos.demo.DemoSystem} starts and stops all of it.
 */
package org.daysofchaos.demo;
