package org.daysofchaos.core.testing;

import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;

/**
 * A target kind for core's tests, written flat as {@code {proxy: p, server: s}} (core cannot see
 * the real target kinds of the experiments module).
 */
@Kind(value = "proxy", doc = "A proxy by name.")
public record TestProxy(
    @NotBlank String proxy, @NotBlank @Doc("Its server.") Optional<String> server)
    implements TargetSpec {

  /** A target called {@code name} in the scenario, for the proxy {@code proxy}. */
  public static Target target(String name, String proxy) {
    return new Target(name, new TestProxy(proxy, Optional.empty()));
  }

  @Override
  public String describe() {
    return "proxy " + proxy + server.map(s -> " on server " + s).orElse("");
  }
}
