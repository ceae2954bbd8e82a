package org.daysofchaos.agents.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.experiments.probes.HttpStatus;

/** Evaluates {@code http/status}: a GET that must answer the expected status in time. */
public final class HttpStatusRunner implements ProbeRunner<HttpStatus> {
  private final LazyHttpClient client; // made at the first probe: see withDefaultClient
  private final ProbeHosts hosts;

  public HttpStatusRunner(HttpClient client, ProbeHosts hosts) {
    this(LazyHttpClient.given(client), hosts);
  }

  private HttpStatusRunner(LazyHttpClient client, ProbeHosts hosts) {
    this.client = client;
    this.hosts = hosts;
  }

  public HttpStatusRunner(HttpClient client) {
    this(client, ProbeHosts.anyButLinkLocal());
  }

  public static HttpStatusRunner withDefaultClient() {
    return withDefaultClient(ProbeHosts.anyButLinkLocal());
  }

  /**
   * A runner that reaches only the hosts {@code hosts} allows (redirects are not followed). Its
   * client is made at the first probe, not here: a new client initialises the JDK's default TLS
   * context, ~70 ms that every server start paid before serving (docs/benchmarks.md, "Server
   * start-up").
   */
  public static HttpStatusRunner withDefaultClient(ProbeHosts hosts) {
    return new HttpStatusRunner(
        LazyHttpClient.of(
            () ->
                HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()),
        hosts);
  }

  @Override
  public Class<HttpStatus> probeType() {
    return HttpStatus.class;
  }

  @Override
  public Observation observe(HttpStatus probe) throws InterruptedException {
    URI url = URI.create(probe.url());
    // Refused, not failed: a probe that may not run measures nothing (docs/security.md).
    hosts
        .refusal(url)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException("http/status " + url + " refused: " + why);
            });
    HttpRequest request = HttpRequest.newBuilder(url).timeout(probe.timeout()).GET().build();
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response =
          client.get().send(request, HttpResponse.BodyHandlers.discarding());
      String detail =
          "HTTP "
              + response.statusCode()
              + " in "
              + (System.nanoTime() - start) / 1_000_000
              + " ms";
      return response.statusCode() == probe.status()
          ? Observation.holds(detail)
          : Observation.fails(detail);
    } catch (HttpTimeoutException e) {
      return Observation.fails("no answer within " + Durations.format(probe.timeout()));
    } catch (IOException e) {
      return Observation.fails("cannot connect: " + e);
    }
  }
}
