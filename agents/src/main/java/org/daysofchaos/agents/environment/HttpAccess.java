package org.daysofchaos.agents.environment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach one HTTP server of the environment: its URL, its credential (a bearer token or basic
 * authentication), the authorities its certificate is checked against, and a timeout.
 */
public record HttpAccess(
    URI url,
    Optional<Secret> bearer,
    Optional<BasicAuth> basic,
    Optional<Tls> tls,
    Duration timeout) {

  /** Plain access to a URL: no credential, the JVM's authorities. */
  public static HttpAccess of(URI url, Duration timeout) {
    return new HttpAccess(url, Optional.empty(), Optional.empty(), Optional.empty(), timeout);
  }

  /**
   * The value of the {@code Authorization} header, if this server needs one.
   *
   * @throws SecretException when its secret cannot be found
   */
  public Optional<String> authorization(Secrets secrets) {
    if (bearer.isPresent()) {
      return Optional.of("Bearer " + bearer.get().reveal(secrets));
    }
    return basic.map(
        b -> {
          String pair = b.user() + ":" + b.password().reveal(secrets);
          return "Basic "
              + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        });
  }

  /**
   * An HTTP client that trusts the JVM's authorities and this server's {@code tls.ca}.
   *
   * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate
   */
  public HttpClient client(Path base) {
    HttpClient.Builder builder =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
    tls.flatMap(Tls::ca).ifPresent(ca -> builder.sslContext(trusting(base.resolve(ca))));
    return builder.build();
  }

  private static SSLContext trusting(Path ca) {
    try (InputStream in = Files.newInputStream(ca)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      if (i == 0) {
        throw new IllegalArgumentException("tls.ca: " + ca + " holds no PEM certificate");
      }
      addJvmAuthorities(store);
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("tls.ca: cannot read " + ca + " (" + e.getMessage() + ")");
    }
  }

  /** The JVM's own authorities stay trusted beside the server's. */
  private static void addJvmAuthorities(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory jvm =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    jvm.init((KeyStore) null);
    int i = 0;
    for (var manager : jvm.getTrustManagers()) {
      if (manager instanceof javax.net.ssl.X509TrustManager x509) {
        for (var cert : x509.getAcceptedIssuers()) {
          store.setCertificateEntry("jvm-" + i++, cert);
        }
      }
    }
  }
}
