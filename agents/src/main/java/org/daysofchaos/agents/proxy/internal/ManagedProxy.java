package org.daysofchaos.agents.proxy.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * One proxy. Its fields are written by the admin thread only; the data path reads {@link #toxics()}
 * (volatile) and the connection set.
 */
final class ManagedProxy {
  private final String name;
  private volatile String listen;
  private volatile String upstream;
  private volatile InetSocketAddress upstreamAddress;
  private volatile boolean enabled;
  private volatile ToxicChain toxics = ToxicChain.EMPTY;
  private volatile Channel serverChannel;
  private final Set<ProxyConnection> connections = ConcurrentHashMap.newKeySet();

  /** Scheduled expiries by toxic name; admin thread only. */
  final Map<String, ScheduledFuture<?>> expiries = new HashMap<>();

  ManagedProxy(String name, String listen, String upstream) {
    this.name = name;
    setAddresses(listen, upstream);
  }

  String name() {
    return name;
  }

  String listen() {
    return listen;
  }

  String upstream() {
    return upstream;
  }

  InetSocketAddress upstreamAddress() {
    return upstreamAddress;
  }

  boolean enabled() {
    return enabled;
  }

  ToxicChain toxics() {
    return toxics;
  }

  Channel serverChannel() {
    return serverChannel;
  }

  Set<ProxyConnection> connections() {
    return connections;
  }

  /** The address the proxy is bound to, or null when disabled. */
  InetSocketAddress boundAddress() {
    Channel channel = serverChannel;
    return channel == null ? null : (InetSocketAddress) channel.localAddress();
  }

  void setAddresses(String listen, String upstream) {
    HostPort.parse(listen, "listen");
    this.upstreamAddress = HostPort.parse(upstream, "upstream");
    this.listen = listen;
    this.upstream = upstream;
  }

  void started(Channel serverChannel) {
    this.serverChannel = serverChannel;
    this.listen = HostPort.format((InetSocketAddress) serverChannel.localAddress());
    this.enabled = true;
  }

  void stopped() {
    this.serverChannel = null;
    this.enabled = false;
  }

  void setToxics(ToxicChain toxics) {
    this.toxics = toxics;
  }

  ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", name);
    node.put("listen", listen);
    node.put("upstream", upstream);
    node.put("enabled", enabled);
    var array = node.putArray("toxics");
    for (Toxic toxic : toxics.all()) {
      array.add(ToxicJson.write(toxic));
    }
    return node;
  }
}
