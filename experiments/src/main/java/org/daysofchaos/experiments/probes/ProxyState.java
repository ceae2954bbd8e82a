package org.daysofchaos.experiments.probes;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;

/**
 * Holds when a proxy on a Toxiproxy server is in the expected state: {@code clean} (enabled, no
 * toxics at all) or {@code enabled}. Used to check a revert, and in steady states that must not
 * start on a proxy someone else is already breaking.
 */
@AutoService(ProbeSpec.class)
@Kind(
    value = "proxy/state",
    doc = "Holds when a Toxiproxy proxy is enabled (and, for clean, has no toxics).")
public record ProxyState(
    @Doc("The proxy's name on its server.") String proxy,
    @Doc("The configured Toxiproxy server that holds it.") @Default("default") String server,
    @Doc("clean: enabled with no toxics; enabled: enabled, toxics allowed.") @Default("clean")
        Expect expect)
    implements ProbeSpec {

  /** What state counts as holding. */
  public enum Expect {
    CLEAN,
    ENABLED
  }

  @Override
  public String describe() {
    return "proxy "
        + proxy
        + " on "
        + server
        + " is "
        + expect.name().toLowerCase(java.util.Locale.ROOT);
  }
}
