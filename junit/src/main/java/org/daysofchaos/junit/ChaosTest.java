package org.daysofchaos.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A chaos test class: the same as {@code @ExtendWith(ChaosExtension.class)}. Fields and parameters
 * of type {@link Chaos}, and {@link FaultProxy} ones annotated {@link ChaosProxy}, are injected.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ChaosExtension.class)
public @interface ChaosTest {}
