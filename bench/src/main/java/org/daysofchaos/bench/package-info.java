/**
 * Benchmark harness, outside the test run, behind the figures of {@code docs/benchmarks.md}: the
 * embedded fault proxy against a direct connection, in one JVM ({@link
 * org.daysofchaos.bench.ProxyBench}); and the packaged server in its own JVM, signed in as its
 * first game master: firing precision and halt-all ({@link org.daysofchaos.bench.ServerBench}), the
 * leaderboard under load with many viewers and a steady rate of plays ({@link
 * org.daysofchaos.bench.PlayBench}).
 */
package org.daysofchaos.bench;
