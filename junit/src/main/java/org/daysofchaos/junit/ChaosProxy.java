package org.daysofchaos.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A proxy of the embedded fault proxy, injected into a {@link FaultProxy} field or parameter: it
 * listens on a free port of 127.0.0.1 and forwards to {@link #upstream()}. A static field is set
 * before {@code @BeforeAll} methods run, so the system under test can be started pointing at it.
 *
 * <pre>{@code
 * @ChaosProxy(name = "payment", upstream = "127.0.0.1:9090") static FaultProxy payment;
 * }</pre>
 *
 * <p>The proxy lives as long as the test class; the faults added to it, only as long as one test.
 * When the upstream is known only at run time, use {@link Chaos#proxy(String, String)} instead.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChaosProxy {
  /** The proxy's name: what scenarios target as {@code {proxy: NAME}}. */
  String name();

  /**
   * {@code host:port} to forward to. A {@code ${key}} in it is replaced by the system property
   * {@code key}, e.g. {@code 127.0.0.1:${payment.port}}.
   */
  String upstream();
}
