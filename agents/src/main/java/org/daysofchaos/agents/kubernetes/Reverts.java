package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the kinds' reverts share, from a {@link Mark} alone: the same code serves a live revert, a
 * revert from the ledger after a crash, and a clean-up from annotations. A revert only touches an
 * object that still carries this very injection, so it is idempotent and never undoes someone
 * else's change; a read-modify-write that meets a concurrent change reads again and retries.
 */
final class Reverts {
  private static final int ATTEMPTS = 5;

  private Reverts() {}

  /**
   * Puts a workload back: {@code restore} edits it (in memory) while it still carries the mark,
   * then the mark is removed and the workload sent.
   */
  static void revertWorkload(
      KubernetesFaultInjector<?> kind, Mark mark, Consumer<Workload> restore) {
    KubernetesClient client = kind.client();
    retryOnConflict(
        () -> {
          Optional<Workload> found =
              Workload.get(client, mark.resource(), mark.namespace(), mark.name());
          if (found.isEmpty() || !mark.isOn(found.get().object())) {
            return;
          }
          restore.accept(found.get());
          kind.unmark(found.get().metadata());
          found.get().update(client);
        });
  }

  /**
   * What is still in effect on a workload: the mark, or what {@code differs} finds different from
   * before the fault; empty when the workload is gone or back as it was.
   */
  static Optional<String> workloadResidue(
      KubernetesClient client, Mark mark, Function<Workload, Optional<String>> differs) {
    Optional<Workload> found = Workload.get(client, mark.resource(), mark.namespace(), mark.name());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (mark.isOn(found.get().object())) {
      return Optional.of(mark.object() + " still carries injection " + mark.injection());
    }
    return differs.apply(found.get());
  }

  static Optional<Container> container(Workload workload, String name) {
    return orEmpty(workload.template().getSpec().getContainers()).stream()
        .filter(c -> name.equals(c.getName()))
        .findFirst();
  }

  static int indexOf(List<EnvVar> env, String name) {
    for (int i = 0; i < env.size(); i++) {
      if (name.equals(env.get(i).getName())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * An original the mark must carry.
   *
   * @throws IllegalArgumentException when it does not
   */
  static String required(Mark mark, String key) {
    return mark.original(key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "injection "
                        + mark.injection()
                        + " on "
                        + mark.object()
                        + " does not say its "
                        + key));
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * Runs a read-modify-write; on a conflict (someone changed the object between our read and our
   * write) reads again and retries, a few times.
   */
  static void retryOnConflict(Runnable readModifyWrite) {
    retryOnConflict(
        () -> {
          readModifyWrite.run();
          return null;
        });
  }

  static <T> T retryOnConflict(Supplier<T> readModifyWrite) {
    for (int attempt = 1; ; attempt++) {
      try {
        return readModifyWrite.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
