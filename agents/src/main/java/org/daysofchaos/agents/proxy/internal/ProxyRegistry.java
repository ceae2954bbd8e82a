package org.daysofchaos.agents.proxy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.Future;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxies and their toxics, with Toxiproxy's operations on them. Every method runs on the admin
 * thread (see {@link ProxyEngine}), which serialises changes. A change to the toxics is published
 * before the method returns, so data read on any connection after that sees it.
 */
public final class ProxyRegistry {
  /** The system property that lets proxies listen on other interfaces than loopback. */
  static final String ANY_LISTEN_PROPERTY = "daysofchaos.proxy.allow-non-loopback-listen";

  // A proxy on every interface would let anyone on the network through to the upstream.
  private static final boolean ANY_LISTEN = Boolean.getBoolean(ANY_LISTEN_PROPERTY);

  private static final Logger LOG = LoggerFactory.getLogger(ProxyRegistry.class);
  private static final long AWAIT_MILLIS = 2_000;
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 << 10, 1 << 20);

  private final Map<String, ManagedProxy> proxies = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Transport transport;
  private final EventLoopGroup group;
  private final ScheduledExecutorService admin;
  private final Clock clock;
  private final Bootstrap upstreamBootstrap;

  ProxyRegistry(
      Transport transport, EventLoopGroup group, ScheduledExecutorService admin, Clock clock) {
    this.transport = transport;
    this.group = group;
    this.admin = admin;
    this.clock = clock;
    this.upstreamBootstrap =
        new Bootstrap()
            .group(group)
            .channel(transport.socketChannel())
            .option(ChannelOption.AUTO_READ, false)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
  }

  Clock clock() {
    return clock;
  }

  // ---- proxies -------------------------------------------------------------------------------

  Collection<ManagedProxy> all() {
    return List.copyOf(proxies.values());
  }

  ManagedProxy get(String name) {
    ManagedProxy proxy = proxies.get(name);
    if (proxy == null) {
      throw ApiException.proxyNotFound();
    }
    return proxy;
  }

  /** POST /proxies. */
  ManagedProxy create(String name, String listen, String upstream, boolean enabled) {
    if (name == null || name.isEmpty()) {
      throw ApiException.missingField("name");
    }
    if (upstream == null || upstream.isEmpty()) {
      throw ApiException.missingField("upstream");
    }
    ManagedProxy proxy = new ManagedProxy(name, listen == null ? "127.0.0.1:0" : listen, upstream);
    if (proxies.containsKey(name)) {
      throw ApiException.proxyExists();
    }
    if (enabled) {
      start(proxy);
    }
    proxies.put(name, proxy);
    LOG.debug("proxy {} created: {} -> {}", name, proxy.listen(), upstream);
    return proxy;
  }

  /** POST /proxies/{proxy}: fields absent from the body keep their value. */
  ManagedProxy update(String name, JsonNode body) {
    ManagedProxy proxy = get(name);
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("expected a JSON object");
    }
    String listen = ToxicJson.optionalString(body, "listen").orElse(proxy.listen());
    String upstream = ToxicJson.optionalString(body, "upstream").orElse(proxy.upstream());
    boolean enabled = ToxicJson.optionalBoolean(body, "enabled").orElse(proxy.enabled());
    HostPort.parse(listen, "listen");
    HostPort.parse(upstream, "upstream");
    if (!listen.equals(proxy.listen()) || !upstream.equals(proxy.upstream())) {
      // Toxiproxy restarts the proxy and drops its connections when an address changes.
      stop(proxy);
      proxy.setAddresses(listen, upstream);
    }
    if (enabled != proxy.enabled()) {
      if (enabled) {
        start(proxy);
      } else {
        stop(proxy);
      }
    }
    return proxy;
  }

  /** DELETE /proxies/{proxy}. */
  void delete(String name) {
    ManagedProxy proxy = get(name);
    stop(proxy);
    cancelExpiries(proxy);
    proxy.setToxics(ToxicChain.EMPTY);
    proxies.remove(name);
  }

  /** POST /reset: every proxy enabled, every toxic removed. */
  void reset() {
    for (ManagedProxy proxy : proxies.values()) {
      if (!proxy.enabled()) {
        start(proxy);
      }
      cancelExpiries(proxy);
      if (!proxy.toxics().isEmpty()) {
        publishNow(proxy, ToxicChain.EMPTY);
      }
    }
  }

  /** POST /populate: creates the proxies, replacing those whose addresses differ. */
  List<ManagedProxy> populate(JsonNode body) {
    if (body == null || !body.isArray()) {
      throw ApiException.badRequest("expected a JSON array of proxies");
    }
    record Wanted(String name, String listen, String upstream, boolean enabled) {}
    List<Wanted> wanted = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = body.get(i);
      if (!item.isObject()) {
        throw ApiException.badRequest("proxy " + (i + 1) + " is not an object");
      }
      String name = ToxicJson.optionalString(item, "name").orElse("");
      String upstream = ToxicJson.optionalString(item, "upstream").orElse("");
      if (name.isEmpty()) {
        throw ApiException.missingField("name at proxy " + (i + 1));
      }
      if (upstream.isEmpty()) {
        throw ApiException.missingField("upstream at proxy " + (i + 1));
      }
      if (!names.add(name)) {
        throw ApiException.badRequest("duplicate proxy name " + name);
      }
      String listen = ToxicJson.optionalString(item, "listen").orElse("127.0.0.1:0");
      HostPort.parse(listen, "listen");
      HostPort.parse(upstream, "upstream");
      boolean enabled = ToxicJson.optionalBoolean(item, "enabled").orElse(true);
      wanted.add(new Wanted(name, listen, upstream, enabled));
    }
    List<ManagedProxy> result = new ArrayList<>();
    for (Wanted w : wanted) {
      ManagedProxy existing = proxies.get(w.name());
      if (existing != null) {
        if (existing.listen().equals(w.listen()) && existing.upstream().equals(w.upstream())) {
          result.add(existing);
          continue;
        }
        delete(w.name());
      }
      result.add(create(w.name(), w.listen(), w.upstream(), w.enabled()));
    }
    return result;
  }

  // ---- toxics --------------------------------------------------------------------------------

  Toxic toxic(String proxyName, String toxicName) {
    return get(proxyName).toxics().find(toxicName).orElseThrow(ApiException::toxicNotFound);
  }

  Toxic addToxic(String proxyName, JsonNode body) {
    ManagedProxy proxy = get(proxyName);
    Toxic toxic = ToxicJson.parseNew(body, ids.incrementAndGet(), proxy.toxics(), clock.millis());
    publish(proxy, proxy.toxics().add(toxic));
    scheduleExpiry(proxy, toxic);
    return toxic;
  }

  Toxic updateToxic(String proxyName, String toxicName, JsonNode body) {
    ManagedProxy proxy = get(proxyName);
    Toxic current = proxy.toxics().find(toxicName).orElseThrow(ApiException::toxicNotFound);
    Toxic updated = ToxicJson.parseUpdate(current, body, clock.millis());
    publish(proxy, proxy.toxics().replace(updated));
    scheduleExpiry(proxy, updated);
    return updated;
  }

  void removeToxic(String proxyName, String toxicName) {
    ManagedProxy proxy = get(proxyName);
    Toxic toxic = proxy.toxics().find(toxicName).orElseThrow(ApiException::toxicNotFound);
    cancelExpiry(proxy, toxic.name());
    publishNow(proxy, proxy.toxics().remove(toxic));
  }

  private void scheduleExpiry(ManagedProxy proxy, Toxic toxic) {
    cancelExpiry(proxy, toxic.name());
    if (toxic.expiresAt() == null) {
      return;
    }
    long delay = Math.max(0, toxic.expiresAt() - clock.millis());
    String proxyName = proxy.name();
    ScheduledFuture<?> future =
        admin.schedule(
            () -> expire(proxyName, toxic.id(), toxic.expiresAt()), delay, TimeUnit.MILLISECONDS);
    proxy.expiries.put(toxic.name(), future);
  }

  private void expire(String proxyName, long id, Long expiresAt) {
    ManagedProxy proxy = proxies.get(proxyName);
    if (proxy == null) {
      return;
    }
    for (Toxic toxic : proxy.toxics().all()) {
      if (toxic.id() == id && Objects.equals(toxic.expiresAt(), expiresAt)) {
        LOG.info("toxic {} of proxy {} expired, removing it", toxic.name(), proxyName);
        proxy.expiries.remove(toxic.name());
        publishNow(proxy, proxy.toxics().remove(toxic));
        return;
      }
    }
  }

  private static void cancelExpiry(ManagedProxy proxy, String toxicName) {
    ScheduledFuture<?> future = proxy.expiries.remove(toxicName);
    if (future != null) {
      future.cancel(false);
    }
  }

  private static void cancelExpiries(ManagedProxy proxy) {
    proxy.expiries.values().forEach(f -> f.cancel(false));
    proxy.expiries.clear();
  }

  /**
   * Publishes a new chain and pushes it to the event loop of every open connection. The answer does
   * not wait for the push, and goes out before it: every read on the data path compares the chain
   * it applied with the published one first, so data read after the call returns sees the change;
   * the push only starts timers and releases held data, microseconds later.
   */
  private void publish(ManagedProxy proxy, ToxicChain chain) {
    proxy.setToxics(chain);
    if (proxy.connections().isEmpty()) {
      return;
    }
    // Queued behind the request being served: its answer is written first, and waking the
    // connections' loops cannot delay it (a woken thread may take the admin thread's core).
    try {
      admin.execute(() -> push(proxy, chain));
    } catch (RejectedExecutionException shuttingDown) {
      // The server is closing: its connections are being closed too.
    }
  }

  /**
   * As {@link #publish}, but pushes before the answer: a removal releases the data its toxics hold,
   * and that data is what the caller waits for.
   */
  private static void publishNow(ManagedProxy proxy, ToxicChain chain) {
    proxy.setToxics(chain);
    push(proxy, chain);
  }

  private static void push(ManagedProxy proxy, ToxicChain chain) {
    if (proxy.toxics() != chain) {
      return; // a later change was published; its own push follows
    }
    Map<EventLoop, List<ProxyConnection>> byLoop = new HashMap<>();
    for (ProxyConnection connection : proxy.connections()) {
      byLoop.computeIfAbsent(connection.eventLoop(), l -> new ArrayList<>()).add(connection);
    }
    for (Map.Entry<EventLoop, List<ProxyConnection>> e : byLoop.entrySet()) {
      try {
        e.getKey().execute(() -> e.getValue().forEach(ProxyConnection::refreshToxics));
      } catch (RejectedExecutionException shuttingDown) {
        return;
      }
    }
  }

  // ---- listeners -----------------------------------------------------------------------------

  private void start(ManagedProxy proxy) {
    InetSocketAddress requested = HostPort.parse(proxy.listen(), "listen");
    InetSocketAddress address =
        requested.isUnresolved()
            ? new InetSocketAddress(requested.getHostString(), requested.getPort())
            : requested;
    if (!address.isUnresolved() && !address.getAddress().isLoopbackAddress() && !ANY_LISTEN) {
      throw ApiException.badRequest(
          "listen "
              + proxy.listen()
              + ": a proxy listens on a loopback address (127.0.0.1) only; start the JVM with -D"
              + ANY_LISTEN_PROPERTY
              + "=true to let it listen on other interfaces");
    }
    if (address.isUnresolved()) {
      throw new ApiException(
          500,
          "listen tcp "
              + proxy.listen()
              + ": lookup "
              + requested.getHostString()
              + ": no such host");
    }
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    new ProxyConnection(proxy, channel)
                        .accept(upstreamBootstrap, proxy.upstreamAddress());
                  }
                });
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      throw new ApiException(500, "listen tcp " + proxy.listen() + ": " + describe(bound.cause()));
    }
    proxy.started(bound.channel());
    LOG.debug("proxy {} listening on {}", proxy.name(), proxy.listen());
  }

  private static String describe(Throwable cause) {
    String message = String.valueOf(cause.getMessage());
    if (cause instanceof BindException || message.toLowerCase().contains("already in use")) {
      return "bind: address already in use";
    }
    if (message.toLowerCase().contains("cannot assign requested address")) {
      return "bind: cannot assign requested address";
    }
    return message;
  }

  /** Stops listening and closes every connection of the proxy, waiting for both. */
  private void stop(ManagedProxy proxy) {
    Channel server = proxy.serverChannel();
    proxy.stopped();
    List<Future<?>> pending = new ArrayList<>();
    if (server != null) {
      pending.add(server.close());
    }
    awaitAll(pending);
    pending.clear();
    for (ProxyConnection connection : proxy.connections()) {
      pending.add(connection.close());
    }
    awaitAll(pending);
  }

  /** Closes everything; used when the server shuts down. */
  void closeAll() {
    for (ManagedProxy proxy : proxies.values()) {
      stop(proxy);
      cancelExpiries(proxy);
    }
    proxies.clear();
  }

  private static void awaitAll(List<Future<?>> futures) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
    for (Future<?> future : futures) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !future.awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
        LOG.warn("gave up waiting for the event loops after {} ms", AWAIT_MILLIS);
        return;
      }
    }
  }
}
