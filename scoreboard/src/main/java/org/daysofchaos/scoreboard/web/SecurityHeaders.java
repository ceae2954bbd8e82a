package org.daysofchaos.scoreboard.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The headers every answer of the server carries, pages, API, static files and errors alike
 * (docs/security.md, "HTTP headers"). They are set as the answer's headers are written, so an
 * answer made anywhere (a resource, the sign-in challenge, a 404) gets them.
 */
@ApplicationScoped
public class SecurityHeaders {
  /**
   * Scripts only from this server's files (the pages have no inline script), no plug-ins, no
   * framing. Inline styles stay allowed: the reports carry their style sheet inline, so that a
   * saved report shows the same, and the board sets bar widths in style attributes.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            context -> {
              context.addHeadersEndHandler(v -> apply(context));
              context.next();
            });
  }

  static void apply(RoutingContext context) {
    MultiMap headers = context.response().headers();
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    if (carriesSecrets(context.normalizedPath(), headers.get("Content-Type"))) {
      headers.set("Cache-Control", "no-store");
    }
  }

  /**
   * Sign-in and token answers, the accounts' answers (one-time passwords) and every page (a page
   * shows who is signed in): kept by no cache, shown again by no Back button after signing out.
   */
  static boolean carriesSecrets(String path, String contentType) {
    return path.startsWith("/api/auth/")
        || path.startsWith("/api/accounts")
        || (contentType != null && contentType.startsWith("text/html"));
  }
}
