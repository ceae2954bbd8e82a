package org.daysofchaos.chaostoolkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.daysofchaos.chaostoolkit.internal.JsonPath;

/**
 * The http and process providers, run as Chaos Toolkit runs them: their output is {@code {status,
 * headers, body}} or {@code {status, stdout, stderr}}; only what could not be done (no connection,
 * a timeout, a program that does not start) or a status other than {@code expected_status} fails
 * the activity.
 */
public class NativeCalls {

  /** An activity that failed, with the reason the journal gives. */
  public static final class ActivityFailed extends Exception {
    public ActivityFailed(String message) {
      super(message);
    }
  }

  public Object call(Provider provider) throws ActivityFailed, InterruptedException {
    if (provider instanceof Provider.Http http) {
      return http(http);
    }
    if (provider instanceof Provider.Process process) {
      return process(process);
    }
    throw new ActivityFailed(provider.describe() + " is not an http or process provider");
  }

  Object http(Provider.Http p) throws ActivityFailed, InterruptedException {
    HttpClient client = client(p);
    String url = p.url();
    String shown = p.redactedUrl();
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(p.timeout());
    p.headers().forEach(request::header);
    if (p.method().equals("GET")) {
      if (!p.arguments().isEmpty()) {
        url += (url.contains("?") ? "&" : "?") + form(p.arguments());
      }
    } else if ("application/json".equals(p.headers().get("Content-Type"))) {
      body = HttpRequest.BodyPublishers.ofString(json(p.arguments()));
    } else if (!p.arguments().isEmpty()) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
      body = HttpRequest.BodyPublishers.ofString(form(p.arguments()));
    }
    HttpResponse<String> response;
    try {
      response =
          client.send(
              request.uri(URI.create(url)).method(p.method(), body).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // The exception's own text, not its toString: it names the failure, never the full URL.
      throw new ActivityFailed(
          "failed to call "
              + shown
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new ActivityFailed("cannot call " + shown + ": not a valid request");
    }
    if (p.expectedStatus().isPresent() && p.expectedStatus().get() != response.statusCode()) {
      throw new ActivityFailed(
          shown + " answered " + response.statusCode() + ", expected " + p.expectedStatus().get());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", response.statusCode());
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k, String.join(", ", v)));
    out.put("headers", headers);
    out.put("body", body(response));
    return out;
  }

  private static Object body(HttpResponse<String> response) {
    boolean isJson =
        response
            .headers()
            .firstValue("Content-Type")
            .map(t -> t.startsWith("application/json"))
            .orElse(false);
    if (isJson) {
      try {
        return JsonPath.parseJson(response.body());
      } catch (IllegalArgumentException e) {
        return response.body();
      }
    }
    return response.body();
  }

  private static HttpClient client(Provider.Http p) throws ActivityFailed {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(p.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (!p.verifyTls()) {
      b.sslContext(trustAll());
    }
    return b.build();
  }

  /** verify_tls: false, as the experiment asks: its author chose not to check the certificate. */
  private static SSLContext trustAll() throws ActivityFailed {
    TrustManager[] none = {
      new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, none, new SecureRandom());
      return ctx;
    } catch (java.security.GeneralSecurityException e) {
      throw new ActivityFailed("cannot switch off TLS verification: " + e);
    }
  }

  private static String form(Map<String, Object> arguments) {
    List<String> pairs = new ArrayList<>();
    arguments.forEach(
        (k, v) ->
            pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
    return String.join("&", pairs);
  }

  private static String json(Map<String, Object> arguments) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(arguments);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  Object process(Provider.Process p) throws ActivityFailed, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(p.path());
    command.addAll(p.arguments());
    java.lang.Process proc;
    try {
      proc =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new ActivityFailed("cannot start " + p.path() + ": " + e.getMessage());
    }
    // Read both streams while the process runs: a full pipe would block it.
    var stdout = readAsync(proc.getInputStream());
    var stderr = readAsync(proc.getErrorStream());
    boolean done =
        p.timeout().isZero()
            ? waitFor(proc)
            : proc.waitFor(p.timeout().toMillis(), TimeUnit.MILLISECONDS);
    if (!done) {
      proc.destroyForcibly();
      throw new ActivityFailed(
          p.path() + " took longer than its timeout of " + p.timeout().toSeconds() + " s");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", proc.exitValue());
    out.put("stdout", stdout.join());
    out.put("stderr", stderr.join());
    return out;
  }

  private static boolean waitFor(java.lang.Process proc) throws InterruptedException {
    proc.waitFor();
    return true;
  }

  private static java.util.concurrent.CompletableFuture<String> readAsync(java.io.InputStream in) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }
}
