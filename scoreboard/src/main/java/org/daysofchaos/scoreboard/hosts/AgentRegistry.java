package org.daysofchaos.scoreboard.hosts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.daysofchaos.agents.host.link.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents this node hears from, and the orders waiting for each: the server's side of the
 * long-poll link (docs/adr/0009-host-agent-protocol.md). A poll is held until an order comes or
 * {@code wait} passes; every answer renews the faults the server still wants, and only those, so a
 * fault nobody wants any more (its incident ended, the server restarted, halt-all) ends on the host
 * within a lease even if no revert reaches it. A fault the agent reports active that this node does
 * not want is ordered reverted at once.
 *
 * <p>An agent is connected while a poll of its is held, or until {@code wait} plus a grace after
 * its last contact. Agents are known to the node they poll: in a cluster of servers each agent must
 * reach the node that runs its incidents (docs/agent.md).
 */
public final class AgentRegistry implements AgentOrders {
  private static final Logger LOG = LoggerFactory.getLogger(AgentRegistry.class);
  private static final Duration GRACE = Duration.ofSeconds(2);

  /** An agent as game masters see it. */
  public record AgentView(
      String name,
      String host,
      String version,
      Map<String, String> capabilities,
      Instant lastContact,
      boolean connected,
      List<String> active) {}

  private final Clock clock;
  private final Duration wait;
  private final Map<String, Link> links = new ConcurrentHashMap<>();

  /**
   * @param wait how long a poll is held without orders; shorter than the agents' leases
   */
  public AgentRegistry(Clock clock, Duration wait) {
    this.clock = clock;
    this.wait = wait;
  }

  /** How long a poll is held when there is nothing to order. */
  public Duration pollWait() {
    return wait;
  }

  /** An agent introduces itself (again): its host, version and capabilities. */
  public Wire.Welcome hello(String agent, Wire.Hello hello) {
    Link link = link(agent);
    link.hello = hello;
    link.active = hello.active() == null ? List.of() : List.copyOf(hello.active());
    link.lastContact = clock.instant();
    if (hello.recovered() != null && !hello.recovered().isEmpty()) {
      LOG.info("agent {} reverted {} fault(s) from its ledger at start", agent, hello.recovered());
    }
    LOG.info("agent {} connected from {} (version {})", agent, hello.host(), hello.version());
    return new Wire.Welcome(wait.toMillis());
  }

  /**
   * An agent's poll: takes its results, then answers with its orders, at once if there are some,
   * else within {@code wait}.
   */
  public Wire.Orders poll(String agent, Wire.Poll poll) throws InterruptedException {
    Link link = link(agent);
    link.lastContact = clock.instant();
    link.polling.incrementAndGet();
    try {
      if (poll.results() != null) {
        poll.results().forEach(link::answer);
      }
      link.active = poll.active() == null ? List.of() : List.copyOf(poll.active());
      if (!link.hasOrders()) {
        link.wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
      }
      link.wake.drainPermits();
      return link.orders();
    } finally {
      link.polling.decrementAndGet();
    }
  }

  /** Every agent this node heard from since it started, by name. */
  public List<AgentView> list() {
    return links.values().stream()
        .map(this::view)
        .sorted(java.util.Comparator.comparing(AgentView::name))
        .toList();
  }

  public Optional<AgentView> find(String agent) {
    return Optional.ofNullable(links.get(agent)).map(this::view);
  }

  /** Halt-all: every agent is told to revert everything, and nothing is renewed any more. */
  public void haltAll() {
    for (Link link : links.values()) {
      link.wanted.clear();
      link.haltAll.set(true);
      link.wake.release();
    }
  }

  /** Forgets an agent whose credential was revoked: its faults are no longer renewed. */
  public void forget(String agent) {
    Link link = links.remove(agent);
    if (link != null) {
      link.wanted.clear();
      link.waiting.values().forEach(f -> f.cancel(false));
      link.wake.release();
    }
  }

  @Override
  public Optional<String> unavailable(String agent, String kind) {
    Link link = links.get(agent);
    if (link == null || !connected(link)) {
      return Optional.of(
          "agent "
              + agent
              + " is not connected"
              + (link == null ? "" : " (last contact " + link.lastContact + ")"));
    }
    Map<String, String> capabilities =
        link.hello == null || link.hello.capabilities() == null
            ? Map.of()
            : link.hello.capabilities();
    if (!capabilities.containsKey(kind)) {
      return Optional.of("agent " + agent + " does not know fault kind " + kind);
    }
    String why = capabilities.get(kind);
    return why == null || why.isBlank()
        ? Optional.empty()
        : Optional.of("agent " + agent + " cannot apply " + kind + " on its host: " + why);
  }

  @Override
  public String describe(String agent) {
    Link link = links.get(agent);
    if (link == null) {
      return "agent " + agent + " is not connected";
    }
    String host = link.hello == null ? "?" : link.hello.host();
    long ago = Duration.between(link.lastContact, clock.instant()).toMillis();
    return "agent " + agent + " connected from host " + host + ", last contact " + ago + " ms ago";
  }

  @Override
  public Wire.Result apply(String agent, Wire.Apply apply, Duration timeout)
      throws InterruptedException, TimeoutException {
    Link link = links.get(agent);
    if (link == null || !connected(link)) {
      throw new IllegalStateException("agent " + agent + " is not connected");
    }
    String id = apply.injectionId();
    CompletableFuture<Wire.Result> answer = new CompletableFuture<>();
    link.waiting.put(id, answer);
    link.wanted.add(id);
    link.applies.add(apply);
    link.wake.release();
    try {
      return await(answer, timeout);
    } catch (TimeoutException e) {
      link.wanted.remove(id);
      if (!link.applies.remove(apply)) {
        // Sent already: the agent may have applied it after all.
        link.reverts.add(id);
        link.wake.release();
      }
      throw e;
    } finally {
      link.waiting.remove(id, answer);
    }
  }

  @Override
  public Optional<Wire.Result> revert(String agent, String injectionId, Duration timeout)
      throws InterruptedException, TimeoutException {
    Link link = links.get(agent);
    if (link != null) {
      link.wanted.remove(injectionId);
    }
    if (link == null || !connected(link)) {
      return Optional.empty();
    }
    CompletableFuture<Wire.Result> answer = new CompletableFuture<>();
    link.waiting.put(injectionId, answer);
    link.reverts.add(injectionId);
    link.wake.release();
    try {
      return Optional.of(await(answer, timeout));
    } finally {
      link.waiting.remove(injectionId, answer);
    }
  }

  private static Wire.Result await(CompletableFuture<Wire.Result> answer, Duration timeout)
      throws InterruptedException, TimeoutException {
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      throw new IllegalStateException("the agent's link ended (credential revoked?)", e);
    }
  }

  private Link link(String agent) {
    return links.computeIfAbsent(agent, Link::new);
  }

  private boolean connected(Link link) {
    return link.polling.get() > 0
        || link.lastContact.plus(wait).plus(GRACE).isAfter(clock.instant());
  }

  private AgentView view(Link link) {
    Wire.Hello hello = link.hello;
    return new AgentView(
        link.name,
        hello == null ? null : hello.host(),
        hello == null ? null : hello.version(),
        hello == null || hello.capabilities() == null ? Map.of() : Map.copyOf(hello.capabilities()),
        link.lastContact,
        connected(link),
        link.active);
  }

  /** One agent's side of the link. */
  private static final class Link {
    final String name;
    volatile Wire.Hello hello;
    volatile Instant lastContact = Instant.EPOCH;
    volatile List<String> active = List.of();
    final AtomicInteger polling = new AtomicInteger();
    final AtomicBoolean haltAll = new AtomicBoolean();
    final Semaphore wake = new Semaphore(0);
    final Set<String> wanted = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<Wire.Apply> applies = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> reverts = new ConcurrentLinkedQueue<>();
    final Map<String, CompletableFuture<Wire.Result>> waiting = new ConcurrentHashMap<>();

    Link(String name) {
      this.name = name;
    }

    boolean hasOrders() {
      return !applies.isEmpty() || !reverts.isEmpty() || haltAll.get() || !unwanted().isEmpty();
    }

    /** A result from the agent: the answer someone waits for, else news (a lease that passed). */
    void answer(Wire.Result result) {
      if (!result.status().equals("APPLIED")) {
        wanted.remove(result.injectionId());
      }
      CompletableFuture<Wire.Result> waiter = waiting.get(result.injectionId());
      if (waiter != null) {
        waiter.complete(result);
      } else {
        LOG.info(
            "agent {}: {} {}: {}", name, result.injectionId(), result.status(), result.message());
      }
    }

    /** The faults the agent holds that nobody here wants (a restart, a withdrawn order). */
    private List<String> unwanted() {
      List<String> out = new ArrayList<>();
      for (String id : active) {
        if (!wanted.contains(id) && !reverts.contains(id)) {
          out.add(id);
        }
      }
      return out;
    }

    Wire.Orders orders() {
      List<Wire.Apply> apply = new ArrayList<>();
      for (Wire.Apply a; (a = applies.poll()) != null; ) {
        apply.add(a);
      }
      Set<String> revert = new java.util.LinkedHashSet<>(unwanted());
      for (String id; (id = reverts.poll()) != null; ) {
        revert.add(id);
      }
      return new Wire.Orders(
          apply, List.copyOf(revert), List.copyOf(wanted), haltAll.getAndSet(false));
    }
  }
}
