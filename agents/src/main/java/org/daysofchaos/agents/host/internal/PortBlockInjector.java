package org.daysofchaos.agents.host.internal;

import com.google.auto.service.AutoService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.daysofchaos.agents.host.HostContext;
import org.daysofchaos.agents.host.HostInjector;
import org.daysofchaos.agents.host.RecordedInjection;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.host.PortAction;
import org.daysofchaos.experiments.host.PortBlock;
import org.daysofchaos.experiments.host.PortDirection;
import org.daysofchaos.experiments.host.PortProtocol;

/**
 * {@code host/port-block}: an nftables table of the fault's own ({@code inet chaos_ID}) drops or
 * rejects the port's packets. One table per fault means the revert deletes exactly what the fault
 * added and nothing of the host's own firewall, and the whole table is added in one transaction
 * ({@code nft -f}), so a failed apply leaves nothing. A drop in any base chain is final whatever
 * the host's other tables accept, so the fault works beside an existing firewall.
 */
@AutoService(HostInjector.class)
public final class PortBlockInjector implements HostInjector<PortBlock> {
  private static final String PROBE_TABLE = "chaos_probe";

  private final HostContext context;
  private final ProbedOnce unavailable = new ProbedOnce(this::probe);

  public PortBlockInjector(HostContext context) {
    this.context = context;
  }

  @Override
  public Class<PortBlock> faultType() {
    return PortBlock.class;
  }

  /**
   * nft must be installed and able to change the firewall here: a table is checked by the kernel
   * ({@code nft --check}, which changes nothing), once, at the agent's start.
   */
  @Override
  public Optional<String> unavailable() {
    return unavailable.get();
  }

  private Optional<String> probe() {
    NetCommands nft = commands();
    Optional<String> missing = nft.missingTools("nft", "nftables");
    if (missing.isPresent()) {
      return missing;
    }
    try {
      NetCommands.Result check =
          nft.run(
              script(PROBE_TABLE, 1, "tcp", "drop", PortDirection.IN), "nft", "--check", "-f", "-");
      return check.ok()
          ? Optional.empty()
          : Optional.of(
              "nft cannot change the firewall here ("
                  + check.firstLine()
                  + "); the agent needs root or CAP_NET_ADMIN");
    } catch (Exception e) {
      return Optional.of("nft cannot be run: " + e.getMessage());
    }
  }

  @Override
  public RevertRecord plannedRecord(PortBlock fault, Target target, InjectionContext injection) {
    List<Integer> ports = context.allow().ports();
    if (!ports.contains(fault.port())) {
      throw context.refused(
          PortBlock.class,
          "port "
              + fault.port()
              + " is not in its allow-list; allowed: "
              + (ports.isEmpty()
                  ? "none"
                  : new TreeSet<>(ports).toString().replaceAll("[\\[\\]]", "")));
    }
    return Records.of(
        PortBlock.class,
        "table",
        table(injection.injectionId()),
        "namespace",
        commands().namespaceName(),
        "port",
        Integer.toString(fault.port()));
  }

  @Override
  public Injection inject(PortBlock fault, Target target, InjectionContext injection)
      throws Exception {
    RevertRecord record = plannedRecord(fault, target, injection);
    String table = record.data().get("table");
    String verdict =
        fault.action() == PortAction.DROP
            ? "drop"
            : fault.protocol() == PortProtocol.TCP ? "reject with tcp reset" : "reject";
    String protocol = fault.protocol().name().toLowerCase(Locale.ROOT);
    commands()
        .require(
            script(table, fault.port(), protocol, verdict, fault.direction()), "nft", "-f", "-");
    if (!exists(record)) {
      throw new IllegalStateException("nft added no table " + table);
    }
    return new RecordedInjection(record, this);
  }

  @Override
  public void revert(RevertRecord record) throws Exception {
    if (exists(record)) {
      NetCommands.in(record.data().get("namespace"))
          .require("", "nft", "delete", "table", "inet", record.data().get("table"));
    }
  }

  @Override
  public Optional<String> residue(RevertRecord record) throws Exception {
    return exists(record)
        ? Optional.of("firewall table inet " + record.data().get("table") + " is still there")
        : Optional.empty();
  }

  private static boolean exists(RevertRecord record) throws Exception {
    return NetCommands.in(record.data().get("namespace"))
        .run("", "nft", "list", "table", "inet", record.data().get("table"))
        .ok();
  }

  private NetCommands commands() {
    return new NetCommands(context.allow().network().namespace());
  }

  /** The fault's table: a base chain on each hook its direction names, one rule each. */
  static String script(
      String table, int port, String protocol, String verdict, PortDirection direction) {
    StringBuilder s = new StringBuilder("table inet ").append(table).append(" {\n");
    if (direction != PortDirection.OUT) {
      chain(s, "input", protocol + " dport " + port + " " + verdict);
    }
    if (direction != PortDirection.IN) {
      chain(s, "output", protocol + " dport " + port + " " + verdict);
    }
    return s.append("}\n").toString();
  }

  private static void chain(StringBuilder s, String hook, String rule) {
    // Before the usual filter priority (0), so that the fault is seen even if an accept comes
    // first elsewhere; a drop is final in any case.
    s.append("  chain ")
        .append(hook)
        .append(" {\n    type filter hook ")
        .append(hook)
        .append(" priority -10; policy accept;\n    ")
        .append(rule)
        .append("\n  }\n");
  }

  /** Table names allow letters, digits and '_'; an injection id is a plain name already. */
  static String table(String injectionId) {
    return "chaos_" + injectionId.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
