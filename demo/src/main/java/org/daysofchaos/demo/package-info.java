/**
 * The embedded demo pre-production, a small travel-booking system: {@code booking} calls {@code
 * payment} and {@code inventory} over real TCP through the embedded fault proxy; {@code inventory}
 * is a separate OS process so process faults are real. Each service exposes Micrometer metrics in
 * Prometheus text format, and built-in traffic keeps them moving. An ops console ({@code OpsApi})
 * offers the levers that fix until-fixed incidents: payment failover, inventory restart, circuit
 * breakers and timeouts (docs/demo.md).
 */
package org.daysofchaos.demo;
