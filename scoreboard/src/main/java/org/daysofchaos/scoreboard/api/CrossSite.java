package org.daysofchaos.scoreboard.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.daysofchaos.scoreboard.security.CsrfTokens;

/**
 * The checks a state-changing request passes before any resource sees it (docs/security.md,
 * "Cross-site requests"). SameSite=Strict alone does not stop a page on another port of the same
 * host: it is the same site, so the browser sends the session cookie. Hence:
 *
 * <ol>
 *   <li>a request whose {@code Origin} is not this server's, or whose {@code Sec-Fetch-Site} says
 *       another origin sent it, is refused (403), whatever its credential;
 *   <li>a request signed in by the session cookie must carry the session's {@link CsrfTokens} token
 *       in {@code X-CSRF-Token} (403), which only this server's pages can read;
 *   <li>a body sent to the API must be JSON or YAML (415): form and text bodies, the kinds a page
 *       of another site can send without asking the server first, are never read.
 * </ol>
 */
final class CrossSite {
  /** A refusal: its status and the message of its JSON body. */
  record Refusal(int status, String message) {}

  /** What the checks need to know of one request. */
  record Request(
      String method,
      String path,
      String scheme,
      String host,
      String origin,
      String fetchSite,
      String contentType,
      boolean hasBody,
      String cookieSession,
      String csrfToken) {}

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  // Sign-in has no session yet; the Origin check is what stops a forged sign-in.
  private static final Set<String> NO_SESSION_NEEDED = Set.of("/api/auth/login");
  private static final List<String> BODY_TYPES =
      List.of(
          "application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");

  private final List<String> allowedOrigins;

  /**
   * @param allowedOrigins further origins to trust, e.g. a reverse proxy's public address
   */
  CrossSite(List<String> allowedOrigins) {
    this.allowedOrigins =
        allowedOrigins.stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).toList();
  }

  static boolean changesState(String method) {
    return !SAFE.contains(method.toUpperCase(Locale.ROOT));
  }

  Optional<Refusal> check(Request r) {
    if (!changesState(r.method())) {
      return Optional.empty();
    }
    return foreignOrigin(r).or(() -> missingCsrf(r)).or(() -> wrongBody(r));
  }

  private Optional<Refusal> foreignOrigin(Request r) {
    String site = r.fetchSite() == null ? "" : r.fetchSite().strip().toLowerCase(Locale.ROOT);
    if (!site.isEmpty() && !site.equals("same-origin") && !site.equals("none")) {
      return Optional.of(
          new Refusal(
              403,
              "refused: the browser says this request comes from another origin (Sec-Fetch-Site: "
                  + site
                  + "); the server takes state-changing requests only from its own pages"));
    }
    if (r.origin() == null || sameOrigin(r.origin(), r.scheme(), r.host())) {
      return Optional.empty();
    }
    if (allowedOrigins.contains(r.origin().strip().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            403,
            "refused: this request comes from another origin ("
                + cut(r.origin())
                + "); the server takes state-changing requests only from its own pages"
                + " (chaos.security.allowed-origins names others)"));
  }

  private static Optional<Refusal> missingCsrf(Request r) {
    if (r.cookieSession() == null || NO_SESSION_NEEDED.contains(r.path())) {
      return Optional.empty();
    }
    if (CsrfTokens.matches(r.cookieSession(), r.csrfToken())) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            403,
            "refused: a request signed in by the session cookie needs the session's "
                + CsrfTokens.HEADER
                + " header (the pages send it; scripts use an API token instead)"));
  }

  private static Optional<Refusal> wrongBody(Request r) {
    if (!r.path().startsWith("/api/")) {
      return Optional.empty();
    }
    if (!r.hasBody()) {
      return Optional.empty(); // nothing to read, whatever the header says
    }
    String type = r.contentType() == null ? "" : mediaType(r.contentType());
    if (BODY_TYPES.contains(type) || type.endsWith("+json")) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            415,
            r.method()
                + " "
                + r.path()
                + ": send JSON (Content-Type: application/json) or YAML (application/yaml), not "
                + (type.isEmpty() ? "a body without a Content-Type" : cut(type))));
  }

  /** Origin {@code scheme://host[:port]} against the Host header the browser sent. */
  static boolean sameOrigin(String origin, String scheme, String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    try {
      URI o = new URI(origin.strip());
      URI h = new URI(scheme + "://" + host.strip());
      return o.getScheme() != null
          && o.getHost() != null
          && o.getRawPath().isEmpty()
          && o.getScheme().equalsIgnoreCase(scheme)
          && o.getHost().equalsIgnoreCase(h.getHost())
          && port(o) == port(h);
    } catch (java.net.URISyntaxException e) {
      return false; // "null" (a sandboxed page, a file) and anything unreadable is foreign
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static String cut(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
