package org.daysofchaos.agents.proxy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The toxics of one proxy, per direction, in the order they were added (the order data goes through
 * them). Immutable: the admin thread publishes a new chain, the data path compares references to
 * notice the change.
 */
public final class ToxicChain {
  static final ToxicChain EMPTY = new ToxicChain(List.of(), List.of());

  private final List<Toxic> upstream;
  private final List<Toxic> downstream;

  /** When this chain was made, just before the admin thread published it (nanos). */
  private final long madeNanos = System.nanoTime();

  private ToxicChain(List<Toxic> upstream, List<Toxic> downstream) {
    this.upstream = List.copyOf(upstream);
    this.downstream = List.copyOf(downstream);
  }

  long madeNanos() {
    return madeNanos;
  }

  List<Toxic> forDirection(Direction direction) {
    return direction == Direction.UPSTREAM ? upstream : downstream;
  }

  /** Upstream toxics then downstream ones, as Toxiproxy lists them. */
  List<Toxic> all() {
    List<Toxic> all = new ArrayList<>(upstream);
    all.addAll(downstream);
    return all;
  }

  boolean isEmpty() {
    return upstream.isEmpty() && downstream.isEmpty();
  }

  Optional<Toxic> find(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  ToxicChain add(Toxic toxic) {
    List<Toxic> list = new ArrayList<>(forDirection(toxic.stream()));
    list.add(toxic);
    return with(toxic.stream(), list);
  }

  /** Replaces the toxic with the same id, in place. */
  ToxicChain replace(Toxic toxic) {
    List<Toxic> list = new ArrayList<>(forDirection(toxic.stream()));
    list.replaceAll(t -> t.id() == toxic.id() ? toxic : t);
    return with(toxic.stream(), list);
  }

  ToxicChain remove(Toxic toxic) {
    List<Toxic> list = new ArrayList<>(forDirection(toxic.stream()));
    list.removeIf(t -> t.id() == toxic.id());
    return with(toxic.stream(), list);
  }

  private ToxicChain with(Direction direction, List<Toxic> list) {
    return direction == Direction.UPSTREAM
        ? new ToxicChain(list, downstream)
        : new ToxicChain(upstream, list);
  }
}
