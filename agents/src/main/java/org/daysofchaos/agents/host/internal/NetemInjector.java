package org.daysofchaos.agents.host.internal;

import com.google.auto.service.AutoService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.daysofchaos.agents.host.HostContext;
import org.daysofchaos.agents.host.HostInjector;
import org.daysofchaos.agents.host.NetworkLimits;
import org.daysofchaos.agents.host.RecordedInjection;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.host.Netem;

/**
 * {@code host/netem}: a netem queueing discipline at the root of an allowed interface, with a
 * handle of its own. Only an interface with its default root (handle {@code 0:}, the kernel's) is
 * touched, and the revert deletes the root only while it is still this netem: the default comes
 * back and nobody's own traffic shaping is ever removed.
 */
@AutoService(HostInjector.class)
public final class NetemInjector implements HostInjector<Netem> {
  /** The handle of the agent's netem: what tells it from a root somebody else added. */
  static final String HANDLE = "d0c:";

  private final HostContext context;
  private final ProbedOnce unavailable = new ProbedOnce(this::probe);

  public NetemInjector(HostContext context) {
    this.context = context;
  }

  @Override
  public Class<Netem> faultType() {
    return Netem.class;
  }

  /**
   * tc must be installed and the kernel must have netem: a netem is added to the loopback of a
   * scratch network namespace ({@code unshare --net}), which vanishes with the command, once, at
   * the agent's start.
   */
  @Override
  public Optional<String> unavailable() {
    return unavailable.get();
  }

  private Optional<String> probe() {
    NetCommands here = new NetCommands(Optional.empty());
    Optional<String> missing =
        commands()
            .missingTools("tc", "iproute2")
            .or(() -> NetCommands.missing("unshare", "util-linux"));
    if (missing.isPresent()) {
      return missing;
    }
    try {
      NetCommands.Result probe =
          here.run(
              "", "unshare", "--net", "tc", "qdisc", "add", "dev", "lo", "root", "netem", "delay",
              "1ms");
      if (probe.ok()) {
        return Optional.empty();
      }
      if (probe.output().contains("qdisc kind is unknown")) {
        return Optional.of(
            "the kernel has no netem (module sch_netem): tc says \"" + probe.firstLine() + "\"");
      }
      return Optional.of(
          "tc netem cannot be used here ("
              + probe.firstLine()
              + "); the agent needs root (CAP_NET_ADMIN, and CAP_SYS_ADMIN for this check)");
    } catch (Exception e) {
      return Optional.of("tc cannot be run: " + e.getMessage());
    }
  }

  @Override
  public RevertRecord plannedRecord(Netem fault, Target target, InjectionContext injection) {
    NetworkLimits limits = context.allow().network();
    if (!limits.devices().contains(fault.device())) {
      throw context.refused(
          Netem.class,
          "interface '"
              + fault.device()
              + "' is not in its allow-list; allowed: "
              + (limits.devices().isEmpty()
                  ? "none"
                  : String.join(", ", new TreeSet<>(limits.devices()))));
    }
    Duration most = fault.delay().plus(fault.jitter());
    if (most.compareTo(limits.maxDelay()) > 0) {
      throw context.refused(
          Netem.class,
          Durations.format(most)
              + " of delay asked, its allow-list allows at most "
              + Durations.format(limits.maxDelay()));
    }
    if (fault.loss() > limits.maxLoss()) {
      throw context.refused(
          Netem.class,
          fault.loss() + "% loss asked, its allow-list allows at most " + limits.maxLoss() + "%");
    }
    return Records.of(
        Netem.class,
        "device",
        fault.device(),
        "namespace",
        commands().namespaceName(),
        "handle",
        HANDLE);
  }

  @Override
  public Injection inject(Netem fault, Target target, InjectionContext injection) throws Exception {
    RevertRecord record = plannedRecord(fault, target, injection);
    Root root = root(record);
    if (!root.isDefault()) {
      throw new IllegalStateException(
          "interface "
              + fault.device()
              + " has a root queueing discipline of its own ("
              + root.kind()
              + " "
              + root.handle()
              + "); host/netem only replaces the default one");
    }
    commands().require("", command(fault).toArray(String[]::new));
    if (!root(record).isOurs()) {
      throw new IllegalStateException("tc added no netem to " + fault.device());
    }
    return new RecordedInjection(record, this);
  }

  private static List<String> command(Netem fault) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "tc", "qdisc", "add", "dev", fault.device(), "root", "handle", HANDLE, "netem"));
    if (!fault.delay().isZero()) {
      command.addAll(List.of("delay", micros(fault.delay())));
      if (!fault.jitter().isZero()) {
        command.add(micros(fault.jitter()));
      }
    }
    if (fault.loss() > 0) {
      command.addAll(List.of("loss", fault.loss() + "%"));
    }
    return command;
  }

  private static String micros(Duration d) {
    return d.toNanos() / 1000 + "us";
  }

  @Override
  public void revert(RevertRecord record) throws Exception {
    if (root(record).isOurs()) {
      NetCommands.in(record.data().get("namespace"))
          .require("", "tc", "qdisc", "del", "dev", record.data().get("device"), "root");
    }
  }

  @Override
  public Optional<String> residue(RevertRecord record) throws Exception {
    return root(record).isOurs()
        ? Optional.of("interface " + record.data().get("device") + " still has the fault's netem")
        : Optional.empty();
  }

  /** The root queueing discipline of the record's interface, as {@code tc qdisc show} says. */
  record Root(String kind, String handle) {
    boolean isDefault() {
      return "0:".equals(handle);
    }

    boolean isOurs() {
      return "netem".equals(kind) && HANDLE.equals(handle);
    }

    /** From "qdisc netem d0c: root refcnt 2 limit 1000 delay 200ms"; none when there is none. */
    static Root parse(String output) {
      for (String line : output.strip().split("\n")) {
        String[] words = line.strip().split("\\s+");
        if (words.length >= 3 && words[0].equals("qdisc")) {
          return new Root(words[1], words[2]);
        }
      }
      return new Root("", "0:");
    }
  }

  private static Root root(RevertRecord record) throws Exception {
    NetCommands.Result show =
        NetCommands.in(record.data().get("namespace"))
            .run("", "tc", "qdisc", "show", "dev", record.data().get("device"), "root");
    if (!show.ok()) {
      // The interface is gone: nothing of the fault can remain on it.
      return new Root("", "0:");
    }
    return Root.parse(show.output());
  }

  private NetCommands commands() {
    return new NetCommands(context.allow().network().namespace());
  }
}
