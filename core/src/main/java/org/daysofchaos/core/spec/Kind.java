package org.daysofchaos.core.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.daysofchaos.core.KubernetesTarget;
import org.daysofchaos.core.TargetType;

/** Marks a fault or probe record as a kind of the scenario language. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Kind {
  /** The value of {@code kind:} in YAML, e.g. {@code network/latency}. */
  String value();

  /** For faults: the type of target the fault's {@code target} must name. */
  TargetType[] targets() default {};

  /**
   * For faults on {@link TargetType#KUBERNETES} targets: which Kubernetes resources the target may
   * be (a scale needs a deployment or a statefulset); empty means any.
   */
  KubernetesTarget.Resource[] kubernetes() default {};

  /** One sentence for editors and the catalog listing. */
  String doc();
}
