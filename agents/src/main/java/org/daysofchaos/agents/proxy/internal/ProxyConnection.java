package org.daysofchaos.agents.proxy.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client connection accepted by a proxy and its connection to the upstream, both on the same
 * event loop, joined by two {@link Link}s: upstream (client to server) and downstream.
 */
final class ProxyConnection {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);

  private final ManagedProxy proxy;
  private final Channel client;
  private Channel upstream;
  private Link up;
  private Link down;
  private boolean removed;

  /** The toxics in place when the client connected, for reset_peer's choice of RST or FIN. */
  private final ToxicChain openedWith;

  ProxyConnection(ManagedProxy proxy, Channel client) {
    this.proxy = proxy;
    this.client = client;
    this.openedWith = proxy.toxics();
  }

  /** Whether {@code toxic} (by id: an update keeps it) was in place when the client connected. */
  boolean openedWith(Toxic toxic) {
    return openedWith.all().stream().anyMatch(t -> t.id() == toxic.id());
  }

  ManagedProxy proxy() {
    return proxy;
  }

  EventLoop eventLoop() {
    return client.eventLoop();
  }

  /** Called when the client channel is initialised (on its event loop; autoRead is off). */
  void accept(Bootstrap upstreamBootstrap, InetSocketAddress upstreamAddress) {
    client.pipeline().addLast(new Endpoint(true));
    client.closeFuture().addListener(f -> onChannelClosed());
    proxy.connections().add(this);
    if (!client.parent().isActive()) {
      // The proxy was disabled while this connection was being accepted.
      close();
      return;
    }
    ChannelFuture connect =
        upstreamBootstrap
            .clone(client.eventLoop())
            .handler(new Endpoint(false))
            .connect(upstreamAddress);
    upstream = connect.channel();
    upstream.closeFuture().addListener(f -> onChannelClosed());
    connect.addListener(
        f -> {
          if (f.isSuccess() && client.isActive()) {
            established();
          } else {
            if (!f.isSuccess()) {
              LOG.debug(
                  "proxy {}: cannot connect to upstream {}: {}",
                  proxy.name(),
                  upstreamAddress,
                  f.cause() == null ? "cancelled" : f.cause().toString());
            }
            close();
          }
        });
  }

  private void established() {
    up = new Link(this, Direction.UPSTREAM, client, upstream);
    down = new Link(this, Direction.DOWNSTREAM, upstream, client);
    up.refresh();
    down.refresh();
    if (client.isActive() && upstream.isActive()) {
      client.config().setAutoRead(true);
      upstream.config().setAutoRead(true);
    }
  }

  /** Applies the proxy's current toxics now (on the event loop). */
  void refreshToxics() {
    if (up != null) {
      up.refresh();
      down.refresh();
    }
  }

  /**
   * Closes both sides (FIN). Any thread. Completes when the client side is closed. The client side
   * first: it is the one a toxic's effect is seen on (reset_peer, timeout), and the upstream's
   * close runs its own handlers before returning.
   */
  ChannelFuture close() {
    ChannelFuture closed = client.close();
    Channel up = upstream;
    if (up != null) {
      up.close();
    }
    return closed;
  }

  /** Resets both sides with a TCP RST: SO_LINGER 0, then close. */
  void reset() {
    resetChannel(client);
    if (upstream != null) {
      resetChannel(upstream);
    }
  }

  private static void resetChannel(Channel channel) {
    if (channel.isOpen()) {
      try {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
      } catch (RuntimeException e) {
        LOG.debug("cannot set SO_LINGER 0 on {}", channel, e);
      }
      channel.close();
    }
  }

  private void onChannelClosed() {
    if (!removed && !client.isOpen() && (upstream == null || !upstream.isOpen())) {
      removed = true;
      proxy.connections().remove(this);
    }
  }

  /** The handler of one of the two channels. */
  private final class Endpoint extends ChannelInboundHandlerAdapter {
    private final boolean clientSide;

    Endpoint(boolean clientSide) {
      this.clientSide = clientSide;
    }

    private Link inbound() {
      return clientSide ? up : down;
    }

    private Link outbound() {
      return clientSide ? down : up;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Link link = inbound();
      if (link == null || !(msg instanceof ByteBuf)) {
        ReferenceCountUtil.release(msg);
        return;
      }
      link.onRead((ByteBuf) msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      Link link = inbound();
      if (link != null) {
        link.onReadComplete();
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      Link link = outbound();
      if (link != null) {
        link.onTargetWritabilityChanged();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      Link out = outbound();
      Link in = inbound();
      if (out == null) {
        // Not established yet: nothing to drain, close the other side.
        close();
        return;
      }
      out.onTargetClosed();
      in.onSourceClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug(
          "proxy {}: {} side failed: {}",
          proxy.name(),
          clientSide ? "client" : "upstream",
          cause.toString());
      ctx.close();
    }
  }
}
