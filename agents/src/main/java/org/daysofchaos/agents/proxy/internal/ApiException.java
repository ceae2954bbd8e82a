package org.daysofchaos.agents.proxy.internal;

/** An error answered by the API as Toxiproxy does: {@code {"error": message, "status": status}}. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static ApiException badRequest(String detail) {
    return new ApiException(400, "bad request body: " + detail);
  }

  static ApiException missingField(String field) {
    return new ApiException(400, "missing required field: " + field);
  }

  static ApiException proxyNotFound() {
    return new ApiException(404, "proxy not found");
  }

  static ApiException proxyExists() {
    return new ApiException(409, "proxy already exists");
  }

  static ApiException toxicNotFound() {
    return new ApiException(404, "toxic not found");
  }

  static ApiException toxicExists() {
    return new ApiException(409, "toxic already exists");
  }

  static ApiException invalidToxicType() {
    return new ApiException(400, "invalid toxic type");
  }

  static ApiException invalidStream() {
    return new ApiException(400, "stream was invalid, can be either upstream or downstream");
  }
}
