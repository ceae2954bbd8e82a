package org.daysofchaos.core.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.daysofchaos.core.TargetSpec;

/**
 * Marks a fault, probe or target record as a kind of the scenario language. A fault or a probe is
 * written with {@code kind: NAME}; a target is written with its kind as the key, {@code {proxy:
 * payment}}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Kind {
  /**
   * The value of {@code kind:} in YAML, e.g. {@code network/latency}; for a target, the key that
   * introduces it, e.g. {@code proxy}.
   */
  String value();

  /**
   * For faults: the kinds of target the fault's {@code target} may name; empty means any. A target
   * kind may narrow it further (see {@link TargetSpec#mismatch}).
   */
  Class<? extends TargetSpec>[] targets() default {};

  /**
   * For targets: how one is written, for messages, e.g. {@code {proxy: NAME}} (the default, from
   * the kind) or {@code {database: {host: HOST, name: NAME}}}.
   */
  String example() default "";

  /** One sentence for editors and the catalog listing. */
  String doc();
}
