package org.daysofchaos.scoreboard.targets;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command-line {@code [NAME=]URL}, such as {@code --prometheus preprod=https://prom:9090}. */
public record NamedUrl(String name, URI url) {
  /** A name before the first '=', which a URL (with its ':' and '/') cannot be mistaken for. */
  private static final Pattern NAMED = Pattern.compile("([A-Za-z0-9_.-]+)=(.+)");

  /**
   * @param defaultName the name of a URL given without one
   * @throws IllegalArgumentException if the URL is not one
   */
  public static NamedUrl parse(String spec, String defaultName) {
    Matcher m = NAMED.matcher(spec);
    boolean named = m.matches();
    String url = named ? m.group(2) : spec;
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL");
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("'" + url + "' is not a URL such as http://host:9090");
    }
    return new NamedUrl(named ? m.group(1) : defaultName, uri);
  }
}
