package org.daysofchaos.chaostoolkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an activity calls: an HTTP request, a process, or a Python function. */
public sealed interface Provider {

  /** "http GET URL", "process PATH", "python module.func". */
  String describe();

  /**
   * An HTTP request. Its output is {@code {status, headers, body}}; with {@code expectedStatus} any
   * other status fails the activity.
   *
   * @param body the request body: {@code arguments} as JSON (or as a query for GET)
   */
  record Http(
      String url,
      String method,
      Map<String, String> headers,
      Map<String, Object> arguments,
      Duration timeout,
      boolean verifyTls,
      Optional<Integer> expectedStatus)
      implements Provider {
    public Http {
      headers = Map.copyOf(headers);
      arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }

    @Override
    public String describe() {
      return "http " + method + " " + redactedUrl();
    }

    /**
     * The URL without its query and user information, which may hold a substituted secret: what
     * journals and messages show.
     */
    public String redactedUrl() {
      try {
        java.net.URI u = java.net.URI.create(url);
        String query = u.getRawQuery() == null ? "" : "?…";
        return new java.net.URI(
                u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null)
            + query;
      } catch (IllegalArgumentException | java.net.URISyntaxException e) {
        return url.replaceAll("[?#].*", "?…");
      }
    }
  }

  /** A process. Its output is {@code {status, stdout, stderr}}; a non-zero status fails it. */
  record Process(String path, List<String> arguments, Duration timeout) implements Provider {
    public Process {
      arguments = List.copyOf(arguments);
    }

    @Override
    public String describe() {
      return "process " + path;
    }
  }

  /** A Python function: runs only where it maps to one of our kinds ({@link PythonProviders}). */
  record Python(String module, String func, Map<String, Object> arguments) implements Provider {
    public Python {
      arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }

    /** {@code module.func}, as the mapping and messages name it. */
    public String function() {
      return module + "." + func;
    }

    @Override
    public String describe() {
      return "python " + function();
    }
  }
}
