package org.daysofchaos.agents.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.faults.Direction;

/**
 * What every toxic kind shares: the toxic is named after the injection (so a revert removes exactly
 * what this injection added and leaves other people's toxics alone), holds the fault's expiry on a
 * server that can, and is removed again if any later setting fails: never a half-applied fault. A
 * kind only says how to create its toxic.
 */
public abstract class ToxicInjector<F extends FaultSpec> implements ToxiproxyInjector<F> {
  /** Prefix of the toxics we create; a clean-up after a crash looks for it. */
  public static final String TOXIC_PREFIX = "daysofchaos-";

  private final Class<F> type;
  private final ToxiproxyServers servers;

  protected ToxicInjector(Class<F> type, ToxiproxyServers servers) {
    this.type = type;
    this.servers = servers;
  }

  /**
   * Creates the kind's toxic of that name; settings the client cannot make at creation go through
   * {@link #configure}, so that a failure removes the toxic.
   */
  protected abstract Toxic create(ToxicList toxics, String name, F fault) throws IOException;

  @Override
  public final Class<F> faultType() {
    return type;
  }

  @Override
  public final Injection inject(F fault, Target target, InjectionContext context)
      throws IOException {
    ToxiproxyServer server = servers.serverFor(target);
    Proxy proxy = Proxies.of(server, target);
    String name = toxicName(context);
    Toxic toxic = create(proxy.toxics(), name, fault);
    if (Proxies.holdsExpiries(server)) {
      configure(toxic, () -> Expiry.set(server, proxy.getName(), name, context.expiresAt()));
    }
    return new ToxicInjection(server, proxy.getName(), name);
  }

  @Override
  public final RevertRecord plannedRecord(F fault, Target target, InjectionContext context) {
    return new ToxicInjection(
            servers.serverFor(target), ToxiproxyServers.proxy(target).proxy(), toxicName(context))
        .revertRecord();
  }

  @Override
  public final String inspect(Target target) throws IOException {
    return Proxies.inspect(servers, target);
  }

  private static String toxicName(InjectionContext context) {
    return TOXIC_PREFIX + context.injectionId();
  }

  /** A setting of a toxic that exists already. */
  protected interface IoAction {
    void run() throws IOException;
  }

  /** Applies a setting to a created toxic; if it fails, the toxic is removed again. */
  protected static <T extends Toxic> T configure(T toxic, IoAction action) throws IOException {
    try {
      action.run();
    } catch (IOException | RuntimeException e) {
      try {
        toxic.remove();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return toxic;
  }

  /** Sets the toxicity of a partial fault (1.0, the default, needs no call). */
  protected static <T extends Toxic> T withToxicity(T toxic, double toxicity) throws IOException {
    return toxicity < 1.0 ? configure(toxic, () -> toxic.setToxicity((float) toxicity)) : toxic;
  }

  protected static ToxicDirection direction(Direction direction) {
    return direction == Direction.UPSTREAM ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
  }
}
