package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every object that carries an injection of ours, from the cluster alone, and reverts it: the
 * Deployments, StatefulSets, ConfigMaps and NetworkPolicies of the opted-in namespaces, and the
 * nodes, that carry the label {@code daysofchaos.org/injected=true}. This is what reverts a fault
 * whose ledger is gone (another machine, a lost disk) once its {@code daysofchaos.org/expires-at}
 * has passed; {@code chaos cleanup} runs it.
 */
public final class KubernetesCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesCleanup.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final KubernetesBackend kinds;

  public KubernetesCleanup(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.kinds = new KubernetesBackend(client, clock, new Random());
  }

  /** An object that carries an injection of ours. */
  public record Found(
      String fault,
      String object,
      String injection,
      String run,
      Instant expiresAt,
      boolean expired,
      Optional<String> problem) {

    /** "deployment checkout in namespace shop: kubernetes/scale, injection 1a2b-0, expired ...". */
    public String describe() {
      return object
          + ": "
          + fault
          + ", injection "
          + injection
          + (run.isEmpty() ? "" : " of run " + run)
          + (expired ? ", expired at " : ", expires at ")
          + expiresAt
          + problem.map(p -> " (" + p + ")").orElse("");
    }
  }

  private record Marked(Mark mark, Found found) {}

  /** Every object carrying an injection of ours, in opted-in namespaces and on nodes. */
  public List<Found> find() {
    return marked().stream().map(Marked::found).toList();
  }

  /** Reverts the injections whose expiry has passed; one report line per object. */
  public List<String> revertExpired() {
    return revert(true);
  }

  /** Reverts every injection found, expired or not; one report line per object. */
  public List<String> revertAll() {
    return revert(false);
  }

  /**
   * Reverts what one injection marked (a crash between its change and the ledger's record of it);
   * nothing when no object carries it.
   *
   * @throws IllegalStateException when a marked object could not be reverted
   */
  public List<String> revertInjection(String injection) {
    List<String> report = new ArrayList<>();
    for (Marked marked : marked()) {
      if (!marked.found().injection().equals(injection)) {
        continue;
      }
      if (marked.mark() == null) {
        throw new IllegalStateException("cannot revert " + marked.found().describe());
      }
      kinds.kindOf(marked.mark()).revert(marked.mark());
      report.add("reverted " + marked.found().describe());
    }
    return report;
  }

  private List<String> revert(boolean expiredOnly) {
    List<String> report = new ArrayList<>();
    for (Marked marked : marked()) {
      Found found = marked.found();
      if (marked.mark() == null) {
        report.add("cannot revert " + found.describe());
        continue;
      }
      if (expiredOnly && !found.expired()) {
        report.add("left " + found.describe());
        continue;
      }
      try {
        kinds.kindOf(marked.mark()).revert(marked.mark());
        report.add("reverted " + found.describe());
      } catch (RuntimeException e) {
        report.add("could not revert " + found.describe() + ": " + e.getMessage());
      }
    }
    return report;
  }

  private List<Marked> marked() {
    Instant now = clock.instant();
    List<Marked> all = new ArrayList<>();
    for (String ns : Guard.allowedNamespaces(client)) {
      add(
          all,
          now,
          "deployment",
          client
              .apps()
              .deployments()
              .inNamespace(ns)
              .withLabel(Annotations.INJECTED)
              .list()
              .getItems());
      add(
          all,
          now,
          "statefulset",
          client
              .apps()
              .statefulSets()
              .inNamespace(ns)
              .withLabel(Annotations.INJECTED)
              .list()
              .getItems());
      add(
          all,
          now,
          "configmap",
          client.configMaps().inNamespace(ns).withLabel(Annotations.INJECTED).list().getItems());
      add(
          all,
          now,
          "networkpolicy",
          client
              .network()
              .v1()
              .networkPolicies()
              .inNamespace(ns)
              .withLabel(Annotations.INJECTED)
              .list()
              .getItems());
    }
    try {
      add(all, now, "node", client.nodes().withLabel(Annotations.INJECTED).list().getItems());
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_FORBIDDEN) {
        throw e;
      }
      // Node faults are optional: without the daysofchaos-nodes role there is nothing to find.
      LOG.info("not allowed to list nodes; node faults are not cleaned up: {}", e.getMessage());
    }
    all.sort(Comparator.comparing(m -> m.found().object()));
    return all;
  }

  private void add(
      List<Marked> all, Instant now, String resource, List<? extends HasMetadata> objects) {
    for (HasMetadata object : objects) {
      String name = object.getMetadata().getName();
      String ns = object.getMetadata().getNamespace();
      String where = resource + " " + name + (ns == null ? "" : " in namespace " + ns);
      Optional<Mark> mark;
      try {
        mark = Mark.on(resource, object, kinds::originalsOf);
      } catch (IllegalArgumentException e) {
        all.add(
            new Marked(
                null,
                new Found(
                    "?",
                    where,
                    Mark.injectionOn(object).orElse("?"),
                    "",
                    Instant.EPOCH,
                    true,
                    Optional.of("garbled annotations: " + e.getMessage()))));
        continue;
      }
      mark.ifPresent(
          m ->
              all.add(
                  new Marked(
                      m,
                      new Found(
                          m.kind(),
                          m.object(),
                          m.injection(),
                          m.run(),
                          m.expiresAt(),
                          !m.expiresAt().isAfter(now),
                          Optional.empty()))));
    }
  }
}
