package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/** An answer of the API. */
public record ApiResponse(int status, String contentType, byte[] body) {
  public static final String JSON = "application/json";

  static ApiResponse json(int status, String body) {
    return new ApiResponse(status, JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  static ApiResponse noContent() {
    return new ApiResponse(204, null, new byte[0]);
  }

  static ApiResponse text(int status, String body) {
    return new ApiResponse(
        status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  /** The whole response, head and body, in one buffer: one write, one segment when small. */
  ByteBuf encode(ByteBufAllocator allocator, boolean keepAlive) {
    StringBuilder head = new StringBuilder(128);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (status != 204 && status >= 200) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    if (!keepAlive) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    ByteBuf buf = allocator.buffer(headBytes.length + body.length);
    buf.writeBytes(headBytes).writeBytes(body);
    return buf;
  }

  static String reason(int status) {
    return switch (status) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Unknown";
    };
  }
}
