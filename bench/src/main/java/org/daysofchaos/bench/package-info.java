/**
 * Benchmark harness, outside the test run: measures the embedded fault proxy against a direct
 * connection to an in-process HTTP server, in one run, and prints the figures behind {@code
 * docs/benchmarks.md}.
 */
package org.daysofchaos.bench;
