package org.daysofchaos.junit;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.experiments.targets.ProxyTarget;

/**
 * The faults a test added, applied by the game day's own injectors and reverted, then verified gone
 * on the proxy, when the test ends. Tests of one class run one after the other: the proxies are
 * shared, so are their faults.
 */
final class FaultTracker {
  /**
   * The toxics carry an expiry: a safety bound should a test hang, the embedded proxy removes them
   * by itself (docs/adr/0003).
   */
  static final Duration SAFETY_BOUND = Duration.ofMinutes(10);

  private record Active(String proxy, String what, Injection injection) {}

  private final Injectors injectors;
  private final ToxiproxyClient client;
  private final Clock clock;
  private final boolean sweep;
  private final List<Active> active = new ArrayList<>();

  /**
   * @param sweep whether the server is ours alone, so that anything left on it after a test is
   *     removed too; not on a server that may be shared
   */
  FaultTracker(Injectors injectors, ToxiproxyClient client, Clock clock, boolean sweep) {
    this.injectors = injectors;
    this.client = client;
    this.clock = clock;
    this.sweep = sweep;
  }

  /** Applies {@code fault} to the proxy named {@code proxy} until the end of the test. */
  synchronized <F extends FaultSpec> void inject(String proxy, F fault) {
    FaultInjector<F> injector = injectors.require(fault);
    Target target = new Target(proxy, new ProxyTarget(proxy));
    String id = UUID.randomUUID().toString().substring(0, 8);
    InjectionContext context =
        new InjectionContext("junit", "junit-" + id, clock.instant().plus(SAFETY_BOUND));
    try {
      active.add(new Active(proxy, fault.describe(), injector.inject(fault, target, context)));
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not inject " + fault.describe() + " on proxy " + proxy + ": " + e.getMessage(), e);
    }
  }

  /** Reverts the faults of one proxy now, in the reverse order of their injection. */
  synchronized List<String> revert(String proxy) {
    List<Active> mine = active.stream().filter(a -> a.proxy().equals(proxy)).toList();
    active.removeAll(mine);
    return revertAndVerify(mine);
  }

  /**
   * Reverts every fault, then removes whatever else is left on the proxies (a toxic added through
   * the Toxiproxy API directly, a disabled proxy), so that the next test starts clean.
   *
   * @return what could not be reverted or was still in effect afterwards; empty when clean
   */
  synchronized List<String> revertAll() {
    List<Active> all = List.copyOf(active);
    active.clear();
    List<String> problems = new ArrayList<>(revertAndVerify(all));
    if (sweep) {
      problems.addAll(sweep());
    }
    return problems;
  }

  synchronized List<String> active() {
    return active.stream().map(a -> a.what() + " on proxy " + a.proxy()).toList();
  }

  private static List<String> revertAndVerify(List<Active> faults) {
    List<String> problems = new ArrayList<>();
    for (int i = faults.size() - 1; i >= 0; i--) {
      Active a = faults.get(i);
      String which = a.what() + " on proxy " + a.proxy();
      try {
        a.injection().revert();
        Optional<String> residue = a.injection().residue();
        residue.ifPresent(r -> problems.add(which + " is not reverted: " + r));
      } catch (Exception e) {
        problems.add(which + " could not be reverted: " + e);
      }
    }
    return problems;
  }

  private List<String> sweep() {
    List<String> problems = new ArrayList<>();
    try {
      for (Proxy proxy : client.getProxies()) {
        sweep(proxy, problems);
      }
    } catch (IOException e) {
      problems.add("could not list the proxies to check them: " + e);
    }
    return problems;
  }

  private static void sweep(Proxy proxy, List<String> problems) throws IOException {
    for (Toxic toxic : proxy.toxics().getAll()) {
      toxic.remove();
    }
    if (!proxy.isEnabled()) {
      proxy.enable();
    }
    List<? extends Toxic> left = proxy.toxics().getAll();
    if (!left.isEmpty()) {
      problems.add(
          "toxics still on proxy "
              + proxy.getName()
              + ": "
              + left.stream().map(Toxic::getName).toList());
    }
  }
}
