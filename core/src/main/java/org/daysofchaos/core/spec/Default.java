package org.daysofchaos.core.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a field optional: the value it takes when a scenario leaves it out, written as it would be
 * in YAML ({@code "0ms"}, {@code "downstream"}, {@code "1.0"}). Fields without it are required. The
 * empty string means "absent": the component receives {@code null} (or an empty Optional).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Default {
  String value();
}
