package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;
import org.daysofchaos.agents.proxy.RawHttpClient;

/**
 * A Toxiproxy-compatible server under test, with one proxy in front of the bench's HTTP server.
 * Toxics are added and removed through the same raw HTTP/1.1 keep-alive socket for every server, so
 * that the client's share of an API call is the same for all.
 */
final class ProxyUnderTest implements AutoCloseable {
  static final String PROXY = "bench";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String label;
  private final InetSocketAddress data;
  private final InetSocketAddress apiAddress;
  private final CpuClock cpu;
  private final Runnable onClose;
  private RawHttpClient api;

  private ProxyUnderTest(
      String label,
      InetSocketAddress data,
      InetSocketAddress apiAddress,
      CpuClock cpu,
      Runnable onClose)
      throws IOException {
    this.label = label;
    this.data = data;
    this.apiAddress = apiAddress;
    this.cpu = cpu;
    this.onClose = onClose;
    this.api = new RawHttpClient(apiAddress);
  }

  /**
   * The embedded proxy in a JVM of its own (see {@link EmbeddedProxyMain}), started with this JVM's
   * class path; its CPU is the whole process's, as for Toxiproxy.
   */
  static ProxyUnderTest embeddedProcess(String label, List<String> flags, String upstream)
      throws IOException, InterruptedException {
    // The API warm-up is opt-in (ADR 0019); the bench measures the proxy with it.
    List<String> jvmFlags = new ArrayList<>(List.of("-Ddaysofchaos.proxy.warm-up=true"));
    jvmFlags.addAll(flags);
    // -Dbench.embedded.taskset=1: the proxy's JVM on those CPUs only (run Toxiproxy and the bench
    // under taskset too), to measure each proxy with a core of its own.
    String cpus = System.getProperty("bench.embedded.taskset", "");
    ChildJvm jvm =
        ChildJvm.start(
            EmbeddedProxyMain.class,
            jvmFlags,
            cpus.isBlank() ? List.of() : List.of("taskset", "-c", cpus));
    ProxyUnderTest proxy =
        external(label, URI.create(jvm.firstLine()), "127.0.0.1", upstream, jvm.pid());
    Runnable delete = proxy.onClose;
    return new ProxyUnderTest(
        proxy.label,
        proxy.data,
        proxy.apiAddress,
        proxy.cpu,
        () -> {
          delete.run();
          jvm.close();
        });
  }

  /** The embedded proxy of this JVM. */
  static ProxyUnderTest embedded(String upstream) throws IOException {
    EmbeddedToxiproxy toxiproxy = EmbeddedToxiproxy.start();
    InetSocketAddress data = toxiproxy.createProxy(PROXY, "127.0.0.1:0", upstream).listenAddress();
    return new ProxyUnderTest(
        "embedded (in the bench JVM)",
        data,
        new InetSocketAddress(toxiproxy.host(), toxiproxy.port()),
        CpuClock.threadsNamed("toxiproxy-"),
        toxiproxy::close);
  }

  /**
   * A Toxiproxy server that runs on its own: creates (or re-creates) the proxy on {@code
   * listenHost}, a free port; its CPU is read from {@code /proc} (pid given, or the process
   * listening on the API's port).
   */
  static ProxyUnderTest external(
      String label, URI url, String listenHost, String upstream, Long pid)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    URI proxy = url.resolve("/proxies/" + PROXY);
    http.send(
        HttpRequest.newBuilder(proxy).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    String body =
        JSON.createObjectNode()
            .put("name", PROXY)
            .put("listen", listenHost + ":0")
            .put("upstream", upstream)
            .toString();
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(url.resolve("/proxies"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IOException("creating the proxy on " + url + ": " + created.body());
    }
    JsonNode version =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(url.resolve("/version")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    String listen = JSON.readTree(created.body()).path("listen").asText();
    int colon = listen.lastIndexOf(':');
    InetSocketAddress data =
        new InetSocketAddress(listenHost, Integer.parseInt(listen.substring(colon + 1)));
    long processId =
        pid != null
            ? pid
            : CpuClock.pidListeningOn(url.getPort())
                .orElseThrow(
                    () ->
                        new IOException(
                            "no process found listening on port "
                                + url.getPort()
                                + "; give it with -Dbench.toxiproxy.pid"));
    Runnable delete =
        () -> {
          try {
            http.send(
                HttpRequest.newBuilder(proxy).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
          } catch (IOException e) {
            System.err.println("could not delete the bench proxy: " + e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    return new ProxyUnderTest(
        label != null ? label : "Toxiproxy " + version.path("version").asText("?"),
        data,
        new InetSocketAddress(url.getHost(), url.getPort()),
        CpuClock.process(processId),
        delete);
  }

  String label() {
    return label;
  }

  InetSocketAddress data() {
    return data;
  }

  CpuClock cpu() {
    return cpu;
  }

  /** POST a toxic on the bench proxy; fails unless the server answers 200. */
  void addToxic(String json) throws IOException {
    expect(200, call("POST", "/proxies/" + PROXY + "/toxics", json), "adding " + json);
  }

  /** DELETE a toxic; fails unless the server answers 204. */
  void removeToxic(String name) throws IOException {
    expect(204, call("DELETE", "/proxies/" + PROXY + "/toxics/" + name, null), "removing " + name);
  }

  private RawHttpClient.Response call(String method, String path, String json) throws IOException {
    try {
      return api.request(method, path, json);
    } catch (IOException e) {
      // The server may close an idle keep-alive connection: one new connection, one retry.
      api.close();
      api = new RawHttpClient(apiAddress);
      return api.request(method, path, json);
    }
  }

  private static void expect(int status, RawHttpClient.Response response, String what)
      throws IOException {
    if (response.status() != status) {
      throw new IOException(what + ": the API answered " + response.status());
    }
  }

  @Override
  public void close() throws IOException {
    api.close();
    onClose.run();
  }

  @Override
  public String toString() {
    return label + " (proxy on " + data + ", API on " + apiAddress + ")";
  }
}
