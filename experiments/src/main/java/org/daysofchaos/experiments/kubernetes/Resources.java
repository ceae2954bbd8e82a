package org.daysofchaos.experiments.kubernetes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/**
 * The Kubernetes objects a fault kind acts on, when not every one will do: a scale needs a
 * deployment or a statefulset. The reader refuses other targets when a scenario is read, and the
 * injectors when it runs (both through {@link KubernetesTarget#mismatch}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Resources {
  Resource[] value();
}
