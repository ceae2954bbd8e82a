package org.daysofchaos.agents.kubernetes;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A call to the Kubernetes API as RBAC sees it: API group, resource (with its subresource), verb,
 * and whether it is inside a namespace. Read from a request the mock API server recorded.
 */
record ApiCall(String group, String resource, String verb, boolean namespaced) {

  @Override
  public String toString() {
    return verb + " " + (group.isEmpty() ? "" : group + "/") + resource;
  }

  /** The call a request stands for, if it is one to the API (not to the discovery). */
  static Optional<ApiCall> of(RecordedRequest request) {
    String full = request.getPath();
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    boolean watch = q >= 0 && full.substring(q).contains("watch=true");
    List<String> parts = Arrays.asList(path.replaceFirst("^/", "").split("/"));
    String group;
    List<String> rest;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      rest = parts.subList(2, parts.size());
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      rest = parts.subList(3, parts.size());
    } else {
      return Optional.empty();
    }
    boolean namespaced = rest.size() >= 3 && rest.get(0).equals("namespaces");
    List<String> r = namespaced ? rest.subList(2, rest.size()) : rest;
    String resource = r.get(0) + (r.size() >= 3 ? "/" + r.get(2) : "");
    boolean named = r.size() >= 2;
    return Optional.of(
        new ApiCall(group, resource, verb(request.getMethod(), named, watch), namespaced));
  }

  private static String verb(String method, boolean named, boolean watch) {
    return switch (method) {
      case "GET" -> watch ? "watch" : named ? "get" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> method.toLowerCase(java.util.Locale.ROOT);
    };
  }
}
