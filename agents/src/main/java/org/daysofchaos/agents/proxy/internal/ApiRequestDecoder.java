package org.daysofchaos.agents.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small HTTP/1.1 request decoder for the admin API: request line, headers, a body by {@code
 * Content-Length} or chunked, {@code Expect: 100-continue}, keep-alive and pipelining. Enough for
 * every Toxiproxy client; not a general-purpose server. A malformed request becomes an {@link
 * ApiRequest} with an error, after which the decoder ignores the connection's input.
 */
public final class ApiRequestDecoder extends ByteToMessageDecoder {
  static final int MAX_HEAD = 16 * 1024;
  static final int MAX_BODY = 4 * 1024 * 1024;

  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private String method;
  private String target;
  private Map<String, String> headers;
  private boolean keepAlive;
  private boolean chunked;
  private int contentLength;
  private boolean expectContinue;
  private boolean failed;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (!failed && in.isReadable()) {
      if (method == null) {
        skipLeadingLineBreaks(in);
        int end = headEnd(in);
        if (end < 0) {
          if (in.readableBytes() > MAX_HEAD) {
            fail(in, out, "request head too large");
          }
          return;
        }
        String head =
            in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.ISO_8859_1);
        in.readerIndex(end);
        String error = parseHead(head);
        if (error != null) {
          fail(in, out, error);
          return;
        }
      }
      byte[] body;
      if (chunked) {
        try {
          body = readChunked(in);
        } catch (IllegalArgumentException e) {
          fail(in, out, e.getMessage());
          return;
        }
        if (body == null) {
          sendContinueIfExpected(ctx);
          return;
        }
      } else {
        if (in.readableBytes() < contentLength) {
          sendContinueIfExpected(ctx);
          return;
        }
        body = new byte[contentLength];
        in.readBytes(body);
      }
      out.add(new ApiRequest(method, target, headers, body, keepAlive, null));
      method = null;
      if (!keepAlive) {
        failed = true; // nothing more is read from this connection
      }
    }
    if (failed) {
      in.skipBytes(in.readableBytes());
    }
  }

  private void fail(ByteBuf in, List<Object> out, String error) {
    failed = true;
    in.skipBytes(in.readableBytes());
    out.add(ApiRequest.malformed(error));
  }

  private void sendContinueIfExpected(ChannelHandlerContext ctx) {
    if (expectContinue) {
      expectContinue = false;
      ctx.writeAndFlush(Unpooled.wrappedBuffer(CONTINUE));
    }
  }

  private static void skipLeadingLineBreaks(ByteBuf in) {
    while (in.isReadable()) {
      byte b = in.getByte(in.readerIndex());
      if (b != '\r' && b != '\n') {
        return;
      }
      in.skipBytes(1);
    }
  }

  /** Index just after the blank line ending the head, or -1. */
  private static int headEnd(ByteBuf in) {
    int limit = in.writerIndex();
    for (int i = in.readerIndex(); i + 3 < limit; i++) {
      if (in.getByte(i) == '\r'
          && in.getByte(i + 1) == '\n'
          && in.getByte(i + 2) == '\r'
          && in.getByte(i + 3) == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  /** Parses the head into the fields; returns an error message or null. */
  private String parseHead(String head) {
    List<String> lines = lines(head);
    String[] requestLine = lines.get(0).split(" ");
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
      return "malformed request line";
    }
    Map<String, String> parsed = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        return "malformed header";
      }
      parsed.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    boolean http10 = requestLine[2].equals("HTTP/1.0");
    String connection = parsed.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    boolean alive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
    String transferEncoding = parsed.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
    boolean isChunked = transferEncoding.contains("chunked");
    int length = 0;
    if (!isChunked && parsed.containsKey("content-length")) {
      try {
        length = Integer.parseInt(parsed.get("content-length"));
      } catch (NumberFormatException e) {
        return "malformed content-length";
      }
      if (length < 0) {
        return "malformed content-length";
      }
      if (length > MAX_BODY) {
        return "request body too large";
      }
    }
    this.method = requestLine[0].toUpperCase(Locale.ROOT);
    this.target = requestLine[1];
    this.headers = parsed;
    this.keepAlive = alive;
    this.chunked = isChunked;
    this.contentLength = length;
    this.expectContinue = "100-continue".equalsIgnoreCase(parsed.get("expect"));
    return null;
  }

  /** The lines of a head, without a regular expression (this runs for every request). */
  private static List<String> lines(String head) {
    List<String> lines = new java.util.ArrayList<>();
    int start = 0;
    while (start <= head.length()) {
      int end = head.indexOf("\r\n", start);
      if (end < 0) {
        lines.add(head.substring(start));
        break;
      }
      lines.add(head.substring(start, end));
      start = end + 2;
    }
    return lines;
  }

  /** The whole chunked body once it is all there (consuming it), or null (consuming nothing). */
  private byte[] readChunked(ByteBuf in) {
    int index = in.readerIndex();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int lineEnd = lineEnd(in, index);
      if (lineEnd < 0) {
        return null;
      }
      String sizeLine = in.toString(index, lineEnd - index, StandardCharsets.US_ASCII);
      int semicolon = sizeLine.indexOf(';');
      int size;
      try {
        size =
            Integer.parseInt(
                (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 0) {
        throw new IllegalArgumentException("malformed chunk size");
      }
      if (body.size() + size > MAX_BODY) {
        throw new IllegalArgumentException("request body too large");
      }
      index = lineEnd + 2;
      if (size == 0) {
        // Trailers until an empty line.
        while (true) {
          int end = lineEnd(in, index);
          if (end < 0) {
            return null;
          }
          boolean empty = end == index;
          index = end + 2;
          if (empty) {
            in.readerIndex(index);
            return body.toByteArray();
          }
        }
      }
      if (in.writerIndex() < index + size + 2) {
        return null;
      }
      byte[] data = new byte[size];
      in.getBytes(index, data);
      body.write(data, 0, size);
      index += size + 2;
    }
  }

  private static int lineEnd(ByteBuf in, int from) {
    for (int i = from; i + 1 < in.writerIndex(); i++) {
      if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n') {
        return i;
      }
    }
    return -1;
  }
}
