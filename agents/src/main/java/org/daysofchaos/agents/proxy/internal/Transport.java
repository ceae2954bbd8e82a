package org.daysofchaos.agents.proxy.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The Netty transport: native epoll when available (timers with sub-millisecond precision, fewer
 * copies), NIO otherwise.
 */
public enum Transport {
  EPOLL,
  NIO;

  /** Epoll on Linux when the native library loads, unless {@code -Ddaysofchaos.proxy.nio=true}. */
  public static Transport best() {
    if (!Boolean.getBoolean("daysofchaos.proxy.nio") && Epoll.isAvailable()) {
      return EPOLL;
    }
    return NIO;
  }

  public EventLoopGroup newGroup(int threads, String name) {
    DefaultThreadFactory factory = new DefaultThreadFactory(name, true);
    return this == EPOLL
        ? new EpollEventLoopGroup(threads, factory)
        : new NioEventLoopGroup(threads, factory);
  }

  public Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends SocketChannel> socketChannel() {
    return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }
}
