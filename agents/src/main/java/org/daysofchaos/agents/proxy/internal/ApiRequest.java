package org.daysofchaos.agents.proxy.internal;

import java.util.Map;

/**
 * One HTTP request to the API, fully read.
 *
 * @param method upper case
 * @param target the request target as sent (path and query)
 * @param headers lower-case names; the last value wins
 * @param keepAlive whether the connection stays open after the answer
 * @param error when not null the request was malformed; answer 400 with this and close
 */
public record ApiRequest(
    String method,
    String target,
    Map<String, String> headers,
    byte[] body,
    boolean keepAlive,
    String error) {

  public String path() {
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  public String header(String name) {
    return headers.get(name);
  }

  static ApiRequest malformed(String error) {
    return new ApiRequest("", "", Map.of(), new byte[0], false, error);
  }
}
