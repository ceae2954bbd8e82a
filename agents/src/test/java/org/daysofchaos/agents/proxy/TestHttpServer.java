package org.daysofchaos.agents.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A fast HTTP/1.1 keep-alive server for tests and the benchmark, on 127.0.0.1. Answers GET requests
 * (pipelining allowed) with canned responses:
 *
 * <ul>
 *   <li>{@code /1k}, {@code /100k}: 1 KiB and 100 KiB bodies;
 *   <li>{@code /bytes/N}: a body of N bytes;
 *   <li>{@code /close}: a short body, then the server closes the connection;
 *   <li>anything else: 404.
 * </ul>
 *
 * <p>Responses are pre-encoded and shared, so the server costs almost nothing per request.
 */
public final class TestHttpServer implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel channel;
  private final Map<String, ByteBuf> responses = new ConcurrentHashMap<>();

  private TestHttpServer(int threads) {
    boolean epoll = Epoll.isAvailable();
    DefaultThreadFactory factory = new DefaultThreadFactory("test-http", true);
    group =
        epoll ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    Class<? extends ServerChannel> serverChannel =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    channel =
        new ServerBootstrap()
            .group(group)
            .channel(serverChannel)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new Responder());
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .syncUninterruptibly()
            .channel();
  }

  /** A server with one event loop thread. */
  public static TestHttpServer start() {
    return start(1);
  }

  public static TestHttpServer start(int threads) {
    return new TestHttpServer(threads);
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** {@code 127.0.0.1:port}, as a proxy's upstream. */
  public String hostPort() {
    return "127.0.0.1:" + address().getPort();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    responses.values().forEach(ByteBuf::release);
  }

  private ByteBuf response(String path) {
    return responses.computeIfAbsent(path, TestHttpServer::encode);
  }

  private static ByteBuf encode(String path) {
    int status = 200;
    int length;
    boolean close = false;
    if (path.equals("/1k")) {
      length = 1024;
    } else if (path.equals("/100k")) {
      length = 100 * 1024;
    } else if (path.startsWith("/bytes/")) {
      try {
        length = Integer.parseInt(path.substring("/bytes/".length()));
      } catch (NumberFormatException e) {
        length = -1;
      }
    } else if (path.equals("/close")) {
      length = 16;
      close = true;
    } else {
      length = -1;
    }
    if (length < 0) {
      status = 404;
      length = 0;
    }
    String head =
        "HTTP/1.1 "
            + (status == 200 ? "200 OK" : "404 Not Found")
            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
            + length
            + (close ? "\r\nConnection: close" : "")
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    ByteBuf buf = Unpooled.directBuffer(headBytes.length + length);
    buf.writeBytes(headBytes);
    for (int i = 0; i < length; i++) {
      buf.writeByte('a' + (i % 26));
    }
    return buf;
  }

  /** Splits the input into request heads and answers each. */
  private final class Responder extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      while (true) {
        int end = headEnd(in);
        if (end < 0) {
          return;
        }
        int start = in.readerIndex();
        int firstSpace = in.indexOf(start, end, (byte) ' ');
        int secondSpace = firstSpace < 0 ? -1 : in.indexOf(firstSpace + 1, end, (byte) ' ');
        String path =
            secondSpace < 0
                ? ""
                : in.toString(
                    firstSpace + 1, secondSpace - firstSpace - 1, StandardCharsets.US_ASCII);
        in.readerIndex(end);
        ByteBuf response = response(path).retainedDuplicate();
        if (path.equals("/close")) {
          ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
          in.skipBytes(in.readableBytes());
          return;
        }
        ctx.write(response, ctx.voidPromise());
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
      ctx.flush();
      super.channelReadComplete(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }

    private int headEnd(ByteBuf in) {
      int limit = in.writerIndex();
      for (int i = in.readerIndex(); i + 3 < limit; i++) {
        if (in.getByte(i) == '\r'
            && in.getByte(i + 1) == '\n'
            && in.getByte(i + 2) == '\r'
            && in.getByte(i + 3) == '\n') {
          return i + 4;
        }
      }
      return -1;
    }
  }
}
