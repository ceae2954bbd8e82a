package org.daysofchaos.core.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field that must have at least one character that is not a space (a name): an empty or
 * blank value is refused by the reader and by the JSON Schema. Applies to a {@code String}, or to
 * the texts of an {@code Optional<String>} or a {@code List<String>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface NotBlank {}
