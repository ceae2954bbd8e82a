package org.daysofchaos.agents.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.daysofchaos.agents.proxy.internal.EchoHandler;

/** A TCP echo server on 127.0.0.1 for tests: writes back every byte it reads. */
public final class EchoServer implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel channel;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();

  private EchoServer() {
    group = new NioEventLoopGroup(1, new DefaultThreadFactory("echo-server", true));
    channel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    accepted.incrementAndGet();
                    open.incrementAndGet();
                    ch.closeFuture().addListener(f -> open.decrementAndGet());
                    ch.pipeline().addLast(EchoHandler.INSTANCE);
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .syncUninterruptibly()
            .channel();
  }

  public static EchoServer start() {
    return new EchoServer();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** {@code 127.0.0.1:port}, as a proxy's upstream. */
  public String hostPort() {
    return "127.0.0.1:" + address().getPort();
  }

  /** Connections accepted since the start. */
  public int accepted() {
    return accepted.get();
  }

  /** Connections open now. */
  public int openConnections() {
    return open.get();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
