package org.daysofchaos.agents.environment;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where secrets are looked up: the process's environment variables, and files relative to the
 * environment file's folder. Tests give their own variables.
 */
public final class Secrets {
  private final UnaryOperator<String> variables;
  private final Path base;

  public Secrets(UnaryOperator<String> variables, Path base) {
    this.variables = Objects.requireNonNull(variables, "variables");
    this.base = Objects.requireNonNull(base, "base");
  }

  /** This process's variables; files relative to {@code base}. */
  public static Secrets ofProcess(Path base) {
    return new Secrets(System::getenv, base);
  }

  /** Only these variables; files relative to {@code base}. */
  public static Secrets of(Map<String, String> variables, Path base) {
    Map<String, String> copy = Map.copyOf(variables);
    return new Secrets(copy::get, base);
  }

  String variable(String name) {
    return variables.apply(name);
  }

  Path base() {
    return base;
  }
}
