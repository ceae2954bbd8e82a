package org.daysofchaos.core.binder;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@link ValueType} that reads a class from YAML and writes its schema, for a class whose
 * YAML is not a map of its components, such as a target written {@code {namespace: shop,
 * deployment: checkout}} that holds a resource, a namespace and a name. {@link Types#of} uses it
 * wherever the class is a component's type. The value type needs a constructor without parameters.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Notation {
  Class<? extends ValueType> value();
}
