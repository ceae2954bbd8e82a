package org.daysofchaos.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The JUnit 5 extension behind {@link ChaosTest}: one {@link Chaos} (an embedded fault proxy) per
 * test class, injected into fields and parameters of type {@link Chaos} and into {@link
 * ChaosProxy}-annotated {@link FaultProxy} ones; after each test, every fault is reverted and
 * verified gone, whatever happened in the test, and the test fails if one is still in effect.
 *
 * <p>Tests of one class share the proxies, so they must not run concurrently with each other.
 */
public final class ChaosExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        TestInstancePostProcessor,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ChaosExtension.class);
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  @Override
  public void beforeAll(ExtensionContext context)
      throws IllegalAccessException, ClassNotFoundException {
    Chaos chaos = chaos(context);
    for (Class<?> type = context.getRequiredTestClass();
        type != null;
        type = type.getSuperclass()) {
      // Static initializers first: one may start the upstream that a @ChaosProxy names.
      Class.forName(type.getName(), true, type.getClassLoader());
      inject(type, null, chaos, true);
    }
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context)
      throws IllegalAccessException {
    Chaos chaos = chaos(context);
    for (Class<?> type = instance.getClass(); type != null; type = type.getSuperclass()) {
      inject(type, instance, chaos, false);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    String method = context.getTestMethod().map(m -> m.getName()).orElse(context.getDisplayName());
    chaos(context).testStarted(context.getRequiredTestClass().getSimpleName() + "." + method);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    revert(context, "after " + context.getDisplayName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    revert(context, "after the class " + context.getDisplayName());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Chaos.class
        || (type == FaultProxy.class && parameter.isAnnotated(ChaosProxy.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Chaos chaos = chaos(context);
    if (parameter.getParameter().getType() == Chaos.class) {
      return chaos;
    }
    return proxy(chaos, parameter.findAnnotation(ChaosProxy.class).orElseThrow());
  }

  private static void revert(ExtensionContext context, String when) {
    List<String> problems = chaos(context).revertAll();
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "faults still in effect " + when + ":\n  " + String.join("\n  ", problems));
    }
  }

  /** The class's chaos, created in the outermost class context that asks for it first. */
  private static Chaos chaos(ExtensionContext context) {
    ExtensionContext owner = context;
    while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
      owner = owner.getParent().get();
    }
    return owner.getStore(NAMESPACE).computeIfAbsent(Chaos.class, k -> Chaos.start(), Chaos.class);
  }

  private static void inject(Class<?> type, Object instance, Chaos chaos, boolean statics)
      throws IllegalAccessException {
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) != statics) {
        continue;
      }
      Object value = valueFor(field, chaos);
      if (value != null) {
        if (Modifier.isFinal(field.getModifiers())) {
          throw new ExtensionConfigurationException(
              field + " must not be final to be injected by the chaos extension");
        }
        field.setAccessible(true);
        field.set(instance, value);
      }
    }
  }

  private static Object valueFor(Field field, Chaos chaos) {
    ChaosProxy annotation = field.getAnnotation(ChaosProxy.class);
    if (annotation != null) {
      if (field.getType() != FaultProxy.class) {
        throw new ExtensionConfigurationException(
            "@ChaosProxy goes on a FaultProxy field, not on " + field);
      }
      return proxy(chaos, annotation);
    }
    return field.getType() == Chaos.class ? chaos : null;
  }

  private static FaultProxy proxy(Chaos chaos, ChaosProxy annotation) {
    return chaos.proxy(annotation.name(), expand(annotation.upstream()));
  }

  /** {@code 127.0.0.1:${payment.port}} with the system property in place. */
  static String expand(String text) {
    Matcher m = PROPERTY.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = System.getProperty(m.group(1));
      if (value == null) {
        throw new ExtensionConfigurationException(
            "@ChaosProxy upstream '" + text + "': no system property " + m.group(1));
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
