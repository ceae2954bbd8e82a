package org.daysofchaos.agents.proxy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Toxiproxy's HTTP API on top of the {@link ProxyRegistry}: the same routes, status codes, JSON
 * shapes and error bodies ({@code {"error": "...", "status": N}}). Runs on the admin thread.
 */
public final class ApiRouter {
  /** The Toxiproxy API version this server answers as, marked as ours. */
  public static final String VERSION = "2.8.0-daysofchaos";

  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ProxyRegistry registry;

  ApiRouter(ProxyRegistry registry) {
    this.registry = registry;
  }

  public ApiResponse handle(ApiRequest request) {
    if (request.error() != null) {
      return error(new ApiException(400, "bad request: " + request.error()));
    }
    String userAgent = request.header("user-agent");
    if (userAgent != null && userAgent.startsWith("Mozilla/")) {
      // As Toxiproxy: a browser page must not be able to drive the proxy.
      return ApiResponse.text(403, "User agent not allowed\n");
    }
    String origin = request.header("origin");
    if (origin != null && !origin.equalsIgnoreCase("http://" + request.header("host"))) {
      // Browsers may hide their user agent, never the Origin of a page's request: a page of another
      // origin (another port of this host too) must not drive the proxy either.
      return error(
          new ApiException(
              403, "requests from a page of another origin (" + origin + ") are not allowed"));
    }
    try {
      return route(request);
    } catch (ApiException e) {
      return error(e);
    } catch (RuntimeException e) {
      LOG.warn("API {} {} failed", request.method(), request.path(), e);
      return error(new ApiException(500, String.valueOf(e.getMessage())));
    }
  }

  private ApiResponse route(ApiRequest request) {
    List<String> path = segments(request.path());
    String method = request.method();
    boolean update = method.equals("POST") || method.equals("PATCH");
    switch (path.size()) {
      case 1:
        switch (path.get(0)) {
          case "version":
            requireMethod(method.equals("GET"));
            return json(200, MAPPER.createObjectNode().put("version", VERSION));
          case "reset":
            requireMethod(method.equals("POST"));
            registry.reset();
            return ApiResponse.noContent();
          case "populate":
            {
              requireMethod(method.equals("POST"));
              ObjectNode answer = MAPPER.createObjectNode();
              ArrayNode proxies = answer.putArray("proxies");
              registry.populate(body(request)).forEach(p -> proxies.add(p.toJson()));
              return json(201, answer);
            }
          case "proxies":
            if (method.equals("GET")) {
              ObjectNode all = MAPPER.createObjectNode();
              registry.all().forEach(p -> all.set(p.name(), p.toJson()));
              return json(200, all);
            }
            requireMethod(method.equals("POST"));
            return json(201, createProxy(body(request)).toJson());
          default:
            throw notFound();
        }
      case 2:
        {
          requireResource(path.get(0).equals("proxies"));
          String name = path.get(1);
          if (method.equals("GET")) {
            return json(200, registry.get(name).toJson());
          }
          if (method.equals("DELETE")) {
            registry.delete(name);
            return ApiResponse.noContent();
          }
          requireMethod(update);
          registry.get(name);
          return json(200, registry.update(name, body(request)).toJson());
        }
      case 3:
        {
          requireResource(path.get(0).equals("proxies") && path.get(2).equals("toxics"));
          String name = path.get(1);
          if (method.equals("GET")) {
            ArrayNode toxics = MAPPER.createArrayNode();
            registry.get(name).toxics().all().forEach(t -> toxics.add(ToxicJson.write(t)));
            return json(200, toxics);
          }
          requireMethod(method.equals("POST"));
          registry.get(name);
          return json(200, ToxicJson.write(registry.addToxic(name, body(request))));
        }
      case 4:
        {
          requireResource(path.get(0).equals("proxies") && path.get(2).equals("toxics"));
          String name = path.get(1);
          String toxic = path.get(3);
          if (method.equals("GET")) {
            return json(200, ToxicJson.write(registry.toxic(name, toxic)));
          }
          if (method.equals("DELETE")) {
            registry.removeToxic(name, toxic);
            return ApiResponse.noContent();
          }
          requireMethod(update);
          registry.toxic(name, toxic);
          return json(200, ToxicJson.write(registry.updateToxic(name, toxic, body(request))));
        }
      default:
        throw notFound();
    }
  }

  private ManagedProxy createProxy(JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.badRequest("expected a JSON object");
    }
    return registry.create(
        ToxicJson.optionalString(body, "name").orElse(""),
        ToxicJson.optionalString(body, "listen").orElse(null),
        ToxicJson.optionalString(body, "upstream").orElse(""),
        ToxicJson.optionalBoolean(body, "enabled").orElse(true));
  }

  private static JsonNode body(ApiRequest request) {
    if (request.body().length == 0) {
      throw ApiException.badRequest("EOF");
    }
    try {
      JsonNode node = MAPPER.readTree(request.body());
      if (node == null || node.isMissingNode()) {
        throw ApiException.badRequest("EOF");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  private static void requireMethod(boolean allowed) {
    if (!allowed) {
      throw new ApiException(405, "method not allowed");
    }
  }

  private static void requireResource(boolean exists) {
    if (!exists) {
      throw notFound();
    }
  }

  private static ApiException notFound() {
    return new ApiException(404, "404 page not found");
  }

  static ApiResponse error(ApiException e) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("error", e.getMessage());
    node.put("status", e.status());
    return json(e.status(), node);
  }

  private static ApiResponse json(int status, JsonNode node) {
    try {
      return new ApiResponse(status, ApiResponse.JSON, MAPPER.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
