package org.daysofchaos.agents.proxy.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second part of the warm-up ({@link ApiWarmUp}): real loopback connections through a private
 * proxy to a private echo server, with the toxics whose first effect a scenario times (latency held
 * then removed, {@code reset_peer} on an open and on a new connection, {@code timeout} on an idle
 * one). Measured: with the API path alone warmed, a {@code reset_peer} reached an open connection
 * later than on a real Toxiproxy, and a JVM compiling everything sooner closed that gap; the paths
 * that run only when a toxic acts (a stage's first data, a connection's close, the push to the
 * connections' loops) run too rarely in a game day for the JIT to compile them.
 *
 * <p>Runs on a thread of its own with blocking sockets; each toxic change goes through {@link
 * ApiWarmUp#serve} on the admin loop, one call at a time, so that a real request waits at most one
 * call. The private proxy and echo server listen on loopback only, on ports the system chooses, and
 * are gone when the warm-up ends. A step that does not behave as expected ends the warm-up (logged
 * at debug); it never touches the real proxies.
 */
final class DataWarmUp implements Runnable {
  static final String PROPERTY = ApiWarmUp.PROPERTY + ".data";

  private static final Logger LOG = LoggerFactory.getLogger(DataWarmUp.class);
  private static final int CYCLES = Integer.getInteger(PROPERTY + ".cycles", 1_000);
  private static final String PROXY = "warm-up-data";
  private static final String TOXICS = "/proxies/" + PROXY + "/toxics";
  private static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);
  private static final int TIMEOUT_MILLIS = 5_000;

  private final Transport transport;
  private final EventLoopGroup group;
  private final EventLoop admin;
  private final ProxyRegistry registry;
  private final ApiWarmUp api;

  DataWarmUp(
      Transport transport,
      EventLoopGroup group,
      EventLoop admin,
      ProxyRegistry registry,
      ApiWarmUp api) {
    this.transport = transport;
    this.group = group;
    this.admin = admin;
    this.registry = registry;
    this.api = api;
  }

  /** On unless {@code -Ddaysofchaos.proxy.warm-up.data=false}; only with the warm-up itself. */
  static boolean enabled() {
    return Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
  }

  static void startThread(DataWarmUp warmUp) {
    Thread thread = new Thread(warmUp, "toxiproxy-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    long started = System.nanoTime();
    int done = 0;
    Channel echo = null;
    try {
      echo = bindEcho();
      int port = openProxy((InetSocketAddress) echo.localAddress());
      for (; done < CYCLES && !admin.isShuttingDown(); done++) {
        cycle(port);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("data warm-up stopped after {} cycles: {}", done, e.toString());
    } finally {
      closeQuietly(echo);
    }
    LOG.debug("data warm-up: {} cycles in {} ms", done, (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * One cycle: three connections and seven toxic changes. Throws if the proxy did not do what each
   * toxic says, so that a test can tell that the paths a scenario takes were the ones run.
   */
  void cycle(int port) throws IOException {
    try (Socket open = connect(port)) {
      roundTrip(open);
      call("POST", TOXICS, ApiWarmUp.toxicJson("latency", "latency", 10_000), 200);
      send(open); // held by the toxic...
      call("DELETE", TOXICS + "/w", null, 204); // ...and let through by its removal
      expectEcho(open);
      call("POST", TOXICS, ApiWarmUp.toxicJson("reset_peer", "timeout", 0), 200);
      send(open);
      expectEnd(open); // FIN: the connection is older than the toxic
    }
    try (Socket opened = connect(port)) {
      send(opened);
      expectEnd(opened); // RST: the toxic was there when it connected
    }
    call("DELETE", TOXICS + "/w", null, 204);
    try (Socket idle = connect(port)) {
      roundTrip(idle);
      call("POST", TOXICS, ApiWarmUp.toxicJson("timeout", "timeout", 1), 200);
      expectEnd(idle);
      call("DELETE", TOXICS + "/w", null, 204);
    }
  }

  /** Creates the private proxy to {@code echo}; the port it listens on. */
  int openProxy(InetSocketAddress echo) {
    String body =
        "{\"name\": \""
            + PROXY
            + "\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"127.0.0.1:"
            + echo.getPort()
            + "\", \"enabled\": true}";
    call("POST", "/proxies", body, 201);
    return onAdmin(() -> registry.get(PROXY).boundAddress().getPort());
  }

  /** Deletes the private proxy and releases the API part's decoder. */
  void closeProxy() {
    onAdmin(
        () -> {
          api.serve("DELETE", "/proxies/" + PROXY, null);
          api.close();
          return null;
        });
  }

  Channel bindEcho() {
    return new ServerBootstrap()
        .group(group)
        .channel(transport.serverChannel())
        .childHandler(EchoHandler.INSTANCE)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .syncUninterruptibly()
        .channel();
  }

  private void closeQuietly(Channel echo) {
    try {
      closeProxy();
    } catch (RuntimeException e) {
      LOG.debug("data warm-up: closing its proxy failed: {}", e.toString());
    }
    if (echo != null) {
      echo.close();
    }
  }

  private void call(String method, String path, String json, int expected) {
    int status = onAdmin(() -> api.serve(method, path, json));
    if (status != expected) {
      throw new IllegalStateException(method + " " + path + " answered " + status);
    }
  }

  private <T> T onAdmin(Callable<T> work) {
    try {
      return admin.submit(work).get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the admin loop did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(TIMEOUT_MILLIS);
    return socket;
  }

  private static void roundTrip(Socket socket) throws IOException {
    send(socket);
    expectEcho(socket);
  }

  private static void send(Socket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(PING);
    out.flush();
  }

  private static void expectEcho(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    for (int read = 0; read < PING.length; ) {
      int n = in.read(new byte[PING.length - read]);
      if (n < 0) {
        throw new IOException("the connection ended before the echo");
      }
      read += n;
    }
  }

  private static void expectEnd(Socket socket) throws IOException {
    try {
      if (socket.getInputStream().read() >= 0) {
        throw new IOException("data arrived where the toxic should have ended the connection");
      }
    } catch (SocketException reset) {
      // Connection reset: the end reset_peer gives a connection opened with it.
    }
  }
}
