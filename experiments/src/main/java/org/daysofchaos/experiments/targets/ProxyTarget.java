package org.daysofchaos.experiments.targets;

import java.util.Optional;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;

/**
 * A named TCP proxy on a Toxiproxy-compatible server, written {@code {proxy: payment}} or {@code
 * {proxy: payment, server: preprod-1}}.
 *
 * @param proxy the proxy's name on its server
 * @param server the configured server that holds it; the default server if empty
 */
@Kind(value = "proxy", doc = "A named proxy on a Toxiproxy-compatible server (embedded or real).")
public record ProxyTarget(
    @NotBlank String proxy,
    @NotBlank
        @Doc("For a proxy: the configured server that holds it; the default server if absent.")
        Optional<String> server)
    implements TargetSpec {

  /** The proxy {@code proxy} on the default server. */
  public ProxyTarget(String proxy) {
    this(proxy, Optional.empty());
  }

  @Override
  public String describe() {
    return "proxy " + proxy + server.map(s -> " on server " + s).orElse("");
  }
}
