package org.daysofchaos.agents.proxy;

import static eu.rekawek.toxiproxy.model.ToxicDirection.DOWNSTREAM;
import static eu.rekawek.toxiproxy.model.ToxicDirection.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Toxiproxy's behaviour, checked through toxiproxy-java and real TCP traffic. Runs against a real
 * Toxiproxy server when {@code TOXIPROXY_URL} is set (e.g. {@code
 * TOXIPROXY_URL=http://127.0.0.1:8474 ./mvnw -pl agents verify}), otherwise against an {@link
 * EmbeddedToxiproxy}: the same assertions hold for both.
 */
class ToxiproxyCompatibilityIT {
  private static final AtomicInteger NAMES = new AtomicInteger();

  /**
   * What a loaded machine may add to one request: these tests assert that a toxic applies (never
   * earlier than it says) and stops applying, not its precision, which ProxyBench measures. The
   * toxics they compare are therefore far apart, so that this slack cannot blur them.
   */
  private static final double SLACK_MS = 500;

  private static ToxiproxyUnderTest server;
  private static ToxiproxyClient client;
  private static ToxiproxyApi api;
  private static TestHttpServer http;
  private static EchoServer echo;

  private final List<String> created = new ArrayList<>();

  @BeforeAll
  static void startServers() {
    startWith(ToxiproxyUnderTest.fromEnvironment());
  }

  /** Runs the suite against {@code toxiproxy}; subclasses that hide startServers call it. */
  static void startWith(ToxiproxyUnderTest toxiproxy) {
    server = toxiproxy;
    client = server.client();
    api = new ToxiproxyApi(server.apiUrl());
    http = TestHttpServer.start();
    echo = EchoServer.start();
  }

  @AfterAll
  static void stopServers() {
    http.close();
    echo.close();
    server.close();
  }

  @AfterEach
  void deleteProxies() throws IOException {
    for (String name : created) {
      Proxy proxy = client.getProxyOrNull(name);
      if (proxy != null) {
        proxy.delete();
      }
    }
  }

  // ---- proxies -------------------------------------------------------------------------------

  @Test
  void passesTrafficUnchangedWithoutToxics() throws IOException {
    Proxy proxy = proxyTo(echo.hostPort());
    byte[] data = new byte[200_000];
    new Random(1).nextBytes(data);

    try (Socket socket = connect(proxy)) {
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  socket.getOutputStream().write(data);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      byte[] echoed = readExactly(socket.getInputStream(), data.length);
      writer.join();
      assertThat(echoed).isEqualTo(data);
    }
  }

  @Test
  void createsProxyOnAnEphemeralPortAndShowsTheBoundAddress() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());

    assertThat(proxy.getListen()).startsWith("127.0.0.1:").doesNotEndWith(":0");
    assertThat(proxy.isEnabled()).isTrue();
    assertThat(proxy.getUpstream()).isEqualTo(http.hostPort());
    JsonNode listed = api.get("/proxies").json().get(proxy.getName());
    assertThat(listed.get("listen").asText()).isEqualTo(proxy.getListen());
    assertThat(listed.get("enabled").asBoolean()).isTrue();
    assertThat(listed.get("toxics").isArray()).isTrue();
    try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {
      assertThat(http.getOk("/1k")).isEqualTo(1024);
    }
  }

  @Test
  void answers409WhenTheProxyNameIsTaken() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());

    assertThatThrownBy(() -> client.createProxy(proxy.getName(), "127.0.0.1:0", http.hostPort()))
        .isInstanceOf(IOException.class)
        .hasMessage("[409] proxy already exists");
  }

  @Test
  void answers404ForAMissingProxyOrToxic() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());

    assertThatThrownBy(() -> client.getProxy("no_such_proxy_" + NAMES.incrementAndGet()))
        .isInstanceOf(IOException.class)
        .hasMessage("[404] proxy not found");
    assertThatThrownBy(() -> proxy.toxics().get("no_such_toxic"))
        .isInstanceOf(IOException.class)
        .hasMessage("[404] toxic not found");
    ToxiproxyApi.Answer answer = api.delete("/proxies/no_such_proxy/toxics/x");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("status").asInt()).isEqualTo(404);
  }

  @Test
  void answers400ForAnUnknownToxicTypeOrBadAttributes() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    String toxics = "/proxies/" + proxy.getName() + "/toxics";

    ToxiproxyApi.Answer unknown = api.post(toxics, "{\"type\": \"no_such_type\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error").asText()).isEqualTo("invalid toxic type");
    assertThat(unknown.json().get("status").asInt()).isEqualTo(400);

    ToxiproxyApi.Answer badAttribute =
        api.post(toxics, "{\"type\": \"latency\", \"attributes\": {\"latency\": \"slow\"}}");
    assertThat(badAttribute.status()).isEqualTo(400);
    assertThat(badAttribute.json().get("error").asText()).startsWith("bad request body");

    ToxiproxyApi.Answer badStream =
        api.post(toxics, "{\"type\": \"latency\", \"stream\": \"sideways\"}");
    assertThat(badStream.status()).isEqualTo(400);
    assertThat(proxy.toxics().getAll()).isEmpty();
  }

  @Test
  void answers409ForADuplicateToxicName() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    proxy.toxics().latency("slow", DOWNSTREAM, 10);

    assertThatThrownBy(() -> proxy.toxics().latency("slow", UPSTREAM, 10))
        .isInstanceOf(IOException.class)
        .hasMessage("[409] toxic already exists");
  }

  @Test
  void refusesAListenAddressAlreadyInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      String name = newName();
      String listen = "127.0.0.1:" + taken.getLocalPort();

      assertThatThrownBy(() -> client.createProxy(name, listen, http.hostPort()))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("[500]")
          .hasMessageContaining("address already in use");
      assertThat(client.getProxyOrNull(name)).isNull();
    }
  }

  @Test
  void createsAToxicWithToxiproxyDefaults() {
    Proxy proxy = uncheckedProxyTo(http.hostPort());

    ToxiproxyApi.Answer answer =
        api.post(
            "/proxies/" + proxy.getName() + "/toxics",
            "{\"type\": \"latency\", \"attributes\": {\"latency\": 5}}");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode toxic = answer.json();
    assertThat(toxic.get("name").asText()).isEqualTo("latency_downstream");
    assertThat(toxic.get("type").asText()).isEqualTo("latency");
    assertThat(toxic.get("stream").asText()).isEqualTo("downstream");
    assertThat(toxic.get("toxicity").asDouble()).isEqualTo(1.0);
    assertThat(toxic.get("attributes").get("latency").asLong()).isEqualTo(5);
    assertThat(toxic.get("attributes").get("jitter").asLong()).isZero();
  }

  @Test
  void listsToxicsAndShowsThemOnTheProxy() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    proxy.toxics().latency("up_latency", UPSTREAM, 7).setJitter(2);
    proxy.toxics().bandwidth("down_bandwidth", DOWNSTREAM, 100);

    List<? extends Toxic> toxics = proxy.toxics().getAll();

    assertThat(toxics)
        .extracting(Toxic::getName)
        .containsExactlyInAnyOrder("up_latency", "down_bandwidth");
    Latency latency = proxy.toxics().get("up_latency", Latency.class);
    assertThat(latency.getLatency()).isEqualTo(7);
    assertThat(latency.getJitter()).isEqualTo(2);
    assertThat(latency.getStream()).isEqualTo(UPSTREAM);
    JsonNode shown = api.get("/proxies/" + proxy.getName()).json();
    assertThat(shown.get("toxics")).hasSize(2);
  }

  @Test
  void deletingAProxyStopsItsListener() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    InetSocketAddress address = addressOf(proxy);

    proxy.delete();

    assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
        .isInstanceOf(IOException.class);
    assertThat(client.getProxyOrNull(proxy.getName())).isNull();
  }

  @Test
  void disablingClosesConnectionsAndStopsListeningAndEnablingListensAgainOnTheSameAddress()
      throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    InetSocketAddress address = addressOf(proxy);
    try (RawHttpClient open = new RawHttpClient(address)) {
      open.getOk("/1k");

      proxy.disable();

      assertThat(proxy.isEnabled()).isFalse();
      assertThatThrownBy(() -> open.getOk("/1k")).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
          .isInstanceOf(IOException.class);
    }

    proxy.enable();

    assertThat(proxy.isEnabled()).isTrue();
    assertThat(addressOf(proxy)).isEqualTo(address);
    try (RawHttpClient reopened = new RawHttpClient(address)) {
      assertThat(reopened.getOk("/1k")).isEqualTo(1024);
    }
  }

  @Test
  void changingTheUpstreamSendsNewConnectionsThere() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());

    proxy.setUpstream(echo.hostPort());

    assertThat(proxy.getUpstream()).isEqualTo(echo.hostPort());
    try (Socket socket = connect(proxy)) {
      socket.getOutputStream().write("ping".getBytes());
      assertThat(readExactly(socket.getInputStream(), 4)).isEqualTo("ping".getBytes());
    }
  }

  @Test
  void resetEnablesEveryProxyAndRemovesEveryToxic() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    proxy.toxics().latency("slow", DOWNSTREAM, 1_000);
    proxy.disable();

    // A fresh client: toxiproxy-java's reset() re-reads every proxy the client ever created,
    // and other tests deleted theirs.
    server.client().reset();

    Proxy after = client.getProxy(proxy.getName());
    assertThat(after.isEnabled()).isTrue();
    assertThat(after.toxics().getAll()).isEmpty();
    try (RawHttpClient http = new RawHttpClient(addressOf(after))) {
      assertThat(elapsedMillis(() -> http.getOk("/1k"))).isLessThan((long) SLACK_MS);
    }
  }

  @Test
  void populateCreatesProxiesAndKeepsUnchangedOnes() {
    String name = newName();
    String body =
        "[{\"name\": \""
            + name
            + "\", \"listen\": \"127.0.0.1:0\", \"upstream\": \""
            + echo.hostPort()
            + "\"}]";

    ToxiproxyApi.Answer answer = api.post("/populate", body);

    assertThat(answer.status()).isEqualTo(201);
    JsonNode proxies = answer.json().get("proxies");
    assertThat(proxies).hasSize(1);
    assertThat(proxies.get(0).get("name").asText()).isEqualTo(name);
    assertThat(proxies.get(0).get("enabled").asBoolean()).isTrue();
  }

  @Test
  void refusesBrowsers() {
    assertThat(api.get("/proxies", "Mozilla/5.0 (X11; Linux x86_64)").status()).isEqualTo(403);
  }

  @Test
  void answersItsVersion() throws IOException {
    assertThat(client.version()).isNotBlank();
  }

  // ---- toxics on real traffic ----------------------------------------------------------------

  @Test
  void latencyToxicAddsTheConfiguredDelay() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {
      warmUp(http);
      proxy.toxics().latency("latency", DOWNSTREAM, 10);

      double median = medianMillis(http, "/1k", 15);

      assertThat(median).isBetween(9.0, 10 + SLACK_MS);
    }
  }

  @Test
  void latencyOnTheUpstreamDelaysRequests() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    proxy.toxics().latency("latency", UPSTREAM, 30);
    try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {
      warmUp(http);

      assertThat(medianMillis(http, "/1k", 5)).isBetween(29.0, 30 + SLACK_MS);
    }
  }

  @Test
  void jitterSpreadsTheDelayAroundTheLatency() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {
      warmUp(http);
      proxy.toxics().latency("latency", DOWNSTREAM, 40).setJitter(20);

      double[] samples = samplesMillis(http, "/1k", 20);

      // Never earlier than latency - jitter, and spread: with delays uniform over [20, 60] ms, 20
      // samples spanning less than 20 ms would happen about 4 times in 100,000 runs. A loaded
      // machine adds delay, never removes it, and only widens the spread.
      Arrays.sort(samples);
      assertThat(samples[0]).isGreaterThanOrEqualTo(19.0);
      assertThat(samples[samples.length - 1] - samples[0]).isGreaterThan(20.0);
      assertThat(samples[samples.length / 2]).isBetween(25.0, 60 + SLACK_MS);
    }
  }

  @Test
  void bandwidthToxicLimitsThroughput() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    proxy.toxics().bandwidth("bandwidth", DOWNSTREAM, 100); // 100 KB/s, KB = 1000 bytes
    try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {

      long millis = elapsedMillis(() -> http.getOk("/bytes/50000"));

      assertThat(millis).isBetween(400L, 2_500L);
    }
  }

  @Test
  void timeoutToxicStopsDataThenClosesTheConnection() throws IOException {
    Proxy proxy = proxyTo(echo.hostPort());
    proxy.toxics().timeout("timeout", DOWNSTREAM, 300);
    try (Socket socket = connect(proxy)) {
      long start = System.nanoTime();
      socket.getOutputStream().write("ping".getBytes());

      Outcome outcome = readOutcome(socket, 5_000);

      assertThat(outcome).isEqualTo(Outcome.END_OF_STREAM);
      assertThat(millisSince(start)).isBetween(250L, 3_000L);
    }
  }

  @Test
  void timeoutToxicWithZeroHoldsDataUntilRemovedThenClosesTheConnection() throws IOException {
    Proxy proxy = proxyTo(echo.hostPort());
    try (Socket socket = connect(proxy)) {
      Toxic timeout = proxy.toxics().timeout("timeout", UPSTREAM, 0);
      socket.getOutputStream().write("ping".getBytes());
      assertThat(readOutcome(socket, 300)).isEqualTo(Outcome.NOTHING);

      timeout.remove();

      assertThat(readOutcome(socket, 2_000)).isIn(Outcome.END_OF_STREAM, Outcome.RESET);
    }
  }

  @Test
  void resetPeerToxicResetsTheConnection() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    proxy.toxics().resetPeer("reset", DOWNSTREAM, 0);
    try (Socket socket = connect(proxy)) {
      socket.getOutputStream().write("GET /1k HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());

      assertThat(readOutcome(socket, 5_000)).isEqualTo(Outcome.RESET);
    }
  }

  /**
   * Toxiproxy resets (RST) only the connections accepted while reset_peer exists; one that was
   * already open when it came is closed normally (FIN). A scenario behaves the same on both.
   */
  @Test
  void resetPeerClosesAConnectionOpenBeforeItAndResetsTheNextOne() throws IOException {
    Proxy proxy = proxyTo(echo.hostPort());
    try (Socket before = connect(proxy)) {
      before.getOutputStream().write("ping".getBytes());
      assertThat(readOutcome(before, 5_000)).isEqualTo(Outcome.DATA);

      proxy.toxics().resetPeer("reset", DOWNSTREAM, 0);
      before.getOutputStream().write("ping".getBytes());

      assertThat(readOutcome(before, 5_000)).isEqualTo(Outcome.END_OF_STREAM);
    }
    try (Socket after = connect(proxy)) {
      after.getOutputStream().write("ping".getBytes());

      assertThat(readOutcome(after, 5_000)).isEqualTo(Outcome.RESET);
    }
  }

  @Test
  void resetPeerToxicWithATimeoutResetsAfterIt() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    proxy.toxics().resetPeer("reset", UPSTREAM, 300);
    try (Socket socket = connect(proxy)) {
      long start = System.nanoTime();
      socket.getOutputStream().write("GET /1k HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());

      assertThat(readOutcome(socket, 5_000)).isEqualTo(Outcome.RESET);
      assertThat(millisSince(start)).isBetween(250L, 3_000L);
    }
  }

  @Test
  void limitDataToxicClosesTheConnectionAfterTheLimit() throws IOException {
    Proxy proxy = proxyTo(echo.hostPort());
    proxy.toxics().limitData("limit", DOWNSTREAM, 10);
    try (Socket socket = connect(proxy)) {
      socket.getOutputStream().write(new byte[100]);

      byte[] received = socket.getInputStream().readAllBytes();

      assertThat(received).hasSize(10);
    }
  }

  @Test
  void slowCloseToxicDelaysTheClose() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    proxy.toxics().slowClose("slow_close", DOWNSTREAM, 300);
    try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {
      long start = System.nanoTime();
      assertThat(http.get("/close").close()).isTrue();

      http.awaitEndOfStream();

      assertThat(millisSince(start)).isBetween(250L, 3_000L);
    }
  }

  @Test
  void slicerToxicDeliversTheDataIntactInDelayedSlices() throws IOException {
    Proxy proxy = proxyTo(echo.hostPort());
    proxy.toxics().slicer("slicer", DOWNSTREAM, 100, 10_000).setSizeVariation(20);
    byte[] data = new byte[1_000];
    new Random(2).nextBytes(data);
    try (Socket socket = connect(proxy)) {
      long start = System.nanoTime();
      socket.getOutputStream().write(data);

      assertThat(readExactly(socket.getInputStream(), data.length)).isEqualTo(data);
      assertThat(millisSince(start)).isGreaterThanOrEqualTo(50L);
    }
  }

  @Test
  void toxicityZeroNeverAppliesAndOneAlwaysApplies() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    Toxic latency = proxy.toxics().latency("latency", DOWNSTREAM, 1_000);
    latency.setToxicity(0f);
    for (int i = 0; i < 4; i++) {
      try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {
        assertThat(elapsedMillis(() -> http.getOk("/1k"))).isLessThan((long) SLACK_MS);
      }
    }

    latency.setToxicity(1f);

    for (int i = 0; i < 2; i++) {
      try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {
        assertThat(elapsedMillis(() -> http.getOk("/1k"))).isGreaterThanOrEqualTo(999);
      }
    }
  }

  @Test
  void toxicsAddedLaterApplyToOpenConnectionsAndStopWhenRemoved() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {
      warmUp(http);

      Toxic latency = proxy.toxics().latency("latency", DOWNSTREAM, 1_000);
      assertThat(elapsedMillis(() -> http.getOk("/1k"))).isGreaterThanOrEqualTo(999);

      latency.remove();
      assertThat(elapsedMillis(() -> http.getOk("/1k"))).isLessThan((long) SLACK_MS);
    }
  }

  @Test
  void updatingAToxicChangesOpenConnections() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {
      warmUp(http);
      Latency latency = proxy.toxics().latency("latency", DOWNSTREAM, 1_000);
      assertThat(elapsedMillis(() -> http.getOk("/1k"))).isGreaterThanOrEqualTo(999);

      latency.setLatency(20);

      assertThat(medianMillis(http, "/1k", 3)).isBetween(19.0, 20 + SLACK_MS);
    }
  }

  @Test
  void removingALatencyToxicReleasesHeldDataAtOnce() throws IOException {
    Proxy proxy = proxyTo(http.hostPort());
    try (RawHttpClient http = new RawHttpClient(addressOf(proxy))) {
      warmUp(http);
      Toxic latency = proxy.toxics().latency("latency", DOWNSTREAM, 10_000);
      CompletableFuture<Integer> response =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return http.getOk("/1k");
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      await()
          .during(Duration.ofMillis(200))
          .atMost(Duration.ofSeconds(10))
          .until(() -> !response.isDone());

      long start = System.nanoTime();
      latency.remove();

      assertThat(response.join()).isEqualTo(1024);
      assertThat(millisSince(start)).isLessThan(5_000);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private enum Outcome {
    DATA,
    END_OF_STREAM,
    RESET,
    NOTHING
  }

  private String newName() {
    String name = "compat_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
    created.add(name);
    return name;
  }

  private Proxy proxyTo(String upstream) throws IOException {
    return client.createProxy(newName(), "127.0.0.1:0", upstream);
  }

  private Proxy uncheckedProxyTo(String upstream) {
    try {
      return proxyTo(upstream);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetSocketAddress addressOf(Proxy proxy) {
    String listen = proxy.getListen();
    int colon = listen.lastIndexOf(':');
    return new InetSocketAddress(
        listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
  }

  private static Socket connect(Proxy proxy) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(10_000);
    socket.connect(addressOf(proxy), 5_000);
    return socket;
  }

  private static byte[] readExactly(InputStream in, int length) throws IOException {
    byte[] data = in.readNBytes(length);
    if (data.length != length) {
      throw new IOException("stream ended after " + data.length + " of " + length + " bytes");
    }
    return data;
  }

  private static Outcome readOutcome(Socket socket, int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    try {
      int read = socket.getInputStream().read(new byte[1024]);
      return read < 0 ? Outcome.END_OF_STREAM : Outcome.DATA;
    } catch (SocketTimeoutException e) {
      return Outcome.NOTHING;
    } catch (SocketException e) {
      if (String.valueOf(e.getMessage()).toLowerCase().contains("reset")) {
        return Outcome.RESET;
      }
      throw e;
    }
  }

  private static void warmUp(RawHttpClient http) throws IOException {
    for (int i = 0; i < 3; i++) {
      http.getOk("/1k");
    }
  }

  private static double[] samplesMillis(RawHttpClient http, String path, int count)
      throws IOException {
    double[] samples = new double[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      http.getOk(path);
      samples[i] = (System.nanoTime() - start) / 1e6;
    }
    return samples;
  }

  private static double medianMillis(RawHttpClient http, String path, int count)
      throws IOException {
    double[] samples = samplesMillis(http, path, count);
    Arrays.sort(samples);
    return samples[count / 2];
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static long elapsedMillis(IoAction action) throws IOException {
    long start = System.nanoTime();
    action.run();
    return millisSince(start);
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
