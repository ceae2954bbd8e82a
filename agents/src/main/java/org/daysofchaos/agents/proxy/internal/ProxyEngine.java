package org.daysofchaos.agents.proxy.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the threads of one embedded proxy server: the event loops of the proxied traffic, and one
 * admin event loop that serves the HTTP API and runs every change and expiry. Handling a request on
 * the thread that read it, and answering from there, keeps an API call to a few microseconds of
 * server time: the only hand-off left is to the event loops of the connections a change affects.
 */
public final class ProxyEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyEngine.class);

  private final Transport transport;
  private final EventLoopGroup group;
  private final EventLoopGroup adminGroup;
  private final EventLoop admin;
  private final ProxyRegistry registry;
  private final ApiRouter router;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Clock clock;
  private boolean warmUpStarted;
  private Channel apiChannel;

  private ProxyEngine(Clock clock) {
    this.transport = Transport.best();
    int threads =
        Integer.getInteger(
            "daysofchaos.proxy.threads", Math.max(2, Runtime.getRuntime().availableProcessors()));
    this.group = transport.newGroup(threads, "toxiproxy-io");
    this.adminGroup = transport.newGroup(1, "toxiproxy-admin");
    this.admin = adminGroup.next();
    this.registry = new ProxyRegistry(transport, group, admin, clock);
    this.router = new ApiRouter(registry);
    this.clock = clock;
  }

  /** Starts the event loops and the HTTP API on {@code apiAddress} (port 0: any free port). */
  public static ProxyEngine start(InetSocketAddress apiAddress, Clock clock) {
    ProxyEngine engine = new ProxyEngine(clock);
    try {
      engine.bindApi(apiAddress);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    LOG.debug("embedded Toxiproxy API on {} ({})", engine.apiAddress(), engine.transport);
    return engine;
  }

  private void bindApi(InetSocketAddress address) {
    ChannelFuture bound =
        new ServerBootstrap()
            .group(adminGroup)
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    channel.pipeline().addLast(new ApiRequestDecoder(), new ApiHandler());
                  }
                })
            .bind(address)
            .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      Throwable cause = bound.cause();
      BindException bind =
          new BindException("cannot listen on " + address + ": " + cause.getMessage());
      bind.initCause(cause);
      throw new UncheckedIOException(bind);
    }
    apiChannel = bound.channel();
  }

  public InetSocketAddress apiAddress() {
    return (InetSocketAddress) apiChannel.localAddress();
  }

  public Transport transport() {
    return transport;
  }

  /** Runs {@code action} on the admin thread and waits; an {@link ApiException} passes through. */
  public <T> T call(Callable<T> action) {
    if (admin.inEventLoop()) {
      try {
        return action.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      return admin.submit(action).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the proxy admin thread did not answer in 30 s", e);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the embedded proxy is closed", e);
    }
  }

  /** What the public API shows of a proxy. */
  public record ProxyInfo(
      String name, InetSocketAddress listenAddress, String upstream, boolean enabled) {}

  public ProxyInfo createProxy(String name, String listen, String upstream) {
    return call(
        () -> {
          ManagedProxy proxy = registry.create(name, listen, upstream, true);
          return new ProxyInfo(proxy.name(), proxy.boundAddress(), proxy.upstream(), true);
        });
  }

  /** The address the proxy listens on; fails if it does not exist or is disabled. */
  public InetSocketAddress listenAddress(String name) {
    return call(
        () -> {
          ManagedProxy proxy = registry.get(name);
          InetSocketAddress bound = proxy.boundAddress();
          if (bound == null) {
            throw new ApiException(409, "proxy " + name + " is disabled");
          }
          return bound;
        });
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (apiChannel != null) {
      apiChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    try {
      call(
          () -> {
            registry.closeAll();
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn("closing the proxies failed", e);
    }
    adminGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** Handles each request on the admin loop, which reads it, and answers at once. */
  private final class ApiHandler extends SimpleChannelInboundHandler<ApiRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ApiRequest request) {
      boolean keepAlive = request.keepAlive() && request.error() == null;
      ApiResponse response = router.handle(request);
      ctx.writeAndFlush(response.encode(ctx.alloc(), keepAlive))
          .addListener(
              keepAlive
                  ? ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE
                  : ChannelFutureListener.CLOSE);
      if (!warmUpStarted) {
        // Only a JVM whose API is used pays for the warm-up, after its first answer.
        warmUpStarted = true;
        ApiWarmUp.startOnce(transport, group, admin, clock);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("API connection failed: {}", cause.toString());
      ctx.close();
    }
  }
}
