package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.embedded.EmbeddedChannel;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the HTTP API's code path (decoder, router, JSON, registry, encoder) a few thousand times
 * after the first API request of the JVM, on a private registry whose only proxy is disabled, so
 * that the JIT has compiled it before the first real calls. Measured: the first add calls of a JVM
 * took about 1 ms of server time, compiled ones a few tens of microseconds; a game day makes too
 * few calls to warm the path by itself. The work runs on the admin loop in small batches, so a real
 * request waits at most one batch; it costs about 0.8 s of admin-thread CPU and as much again in
 * JIT compiler threads, once per JVM. Opt-in ({@code -Ddaysofchaos.proxy.warm-up=true}): that CPU
 * lands at the first injection, when a loaded machine can least spare it (an injection's 5 s API
 * call timed out with both cores burned by stress-ng while it ran), and a game day does not need
 * sub-millisecond API calls.
 */
final class ApiWarmUp implements Runnable {
  static final String PROPERTY = "daysofchaos.proxy.warm-up";

  private static final Logger LOG = LoggerFactory.getLogger(ApiWarmUp.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final int CYCLES = Integer.getInteger(PROPERTY + ".cycles", 2_000);
  private static final int BATCH = 5;
  private static final String PROXY = "warm-up";
  private static final String TOXICS = "/proxies/" + PROXY + "/toxics";

  private final EventLoop admin;
  private final ApiRouter router;
  private final EmbeddedChannel decoder = new EmbeddedChannel(new ApiRequestDecoder());
  private final long started = System.nanoTime();
  private Runnable next = this::close;
  private int done;

  ApiWarmUp(EventLoop admin, ApiRouter router) {
    this.admin = admin;
    this.router = router;
  }

  /** Starts the warm-up on {@code admin}, once per JVM, unless turned off. */
  static void startOnce(Transport transport, EventLoopGroup group, EventLoop admin, Clock clock) {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "false"))
        || !STARTED.compareAndSet(false, true)) {
      return;
    }
    submit(
        admin,
        () -> {
          ProxyRegistry registry = new ProxyRegistry(transport, group, admin, clock);
          registry.create(PROXY, "127.0.0.1:0", "127.0.0.1:9", false);
          ApiWarmUp api = new ApiWarmUp(admin, new ApiRouter(registry));
          if (DataWarmUp.enabled()) {
            // After the API's part, so that the two do not share the cores.
            api.then(
                () ->
                    DataWarmUp.startThread(new DataWarmUp(transport, group, admin, registry, api)));
          }
          api.run();
        });
  }

  private static void submit(EventLoop admin, Runnable task) {
    try {
      admin.execute(task);
    } catch (RejectedExecutionException closed) {
      // The server closed before the warm-up ended: nothing to do.
    }
  }

  @Override
  public void run() {
    for (int i = 0; i < BATCH; i++) {
      cycle(done % 2 == 0 ? "latency" : "timeout");
    }
    done += BATCH;
    if (done < CYCLES && !admin.isShuttingDown()) {
      submit(admin, this);
    } else {
      LOG.debug(
          "API warm-up: {} cycles in {} ms, admin thread CPU so far {} ms",
          done,
          (System.nanoTime() - started) / 1_000_000,
          ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
      next.run();
    }
  }

  /** What runs on the admin loop once the cycles are done; by default {@link #close}. */
  void then(Runnable next) {
    this.next = next;
  }

  /** Releases the decoder. Admin loop only; the warm-up serves no call after this. */
  void close() {
    decoder.finishAndReleaseAll();
  }

  /** One add, update, list and remove of a toxic; the status of each answer. */
  List<Integer> cycle(String type) {
    String attribute = type.equals("latency") ? "latency" : "timeout";
    return List.of(
        serve("POST", TOXICS, toxicJson(type, attribute, 10)),
        serve("POST", TOXICS + "/w", "{\"attributes\": {\"" + attribute + "\": 20}}"),
        serve("GET", TOXICS, null),
        serve("DELETE", TOXICS + "/w", null));
  }

  /** The body that adds downstream toxic {@code w} of {@code type}, one attribute set. */
  static String toxicJson(String type, String attribute, int value) {
    return "{\"name\": \"w\", \"type\": \""
        + type
        + "\", \"stream\": \"downstream\", \"attributes\": {\""
        + attribute
        + "\": "
        + value
        + "}}";
  }

  /** Serves one request as the API would, on the admin loop; the answer's status. */
  int serve(String method, String path, String json) {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: warm-up\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    decoder.writeInbound(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body));
    ApiRequest request = decoder.readInbound();
    ApiResponse response = router.handle(request);
    ByteBuf answer = response.encode(ByteBufAllocator.DEFAULT, true);
    answer.release();
    return response.status();
  }
}
