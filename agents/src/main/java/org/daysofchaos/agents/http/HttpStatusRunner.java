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
  private final HttpClient client;

  public HttpStatusRunner(HttpClient client) {
    this.client = client;
  }

  public static HttpStatusRunner withDefaultClient() {
    return new HttpStatusRunner(
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
  }

  @Override
  public Class<HttpStatus> probeType() {
    return HttpStatus.class;
  }

  @Override
  public Observation observe(HttpStatus probe) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(probe.url())).timeout(probe.timeout()).GET().build();
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
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
