package org.daysofchaos.agents.proxy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 keep-alive client over one socket, for tests and the benchmark's load
 * generator: no pooling, no redirects, no chunked bodies, nothing that costs time. Not thread-safe.
 */
public final class RawHttpClient implements AutoCloseable {
  /** One answer: its status, body size and whether the server announced a close. */
  public record Response(int status, int bodyLength, boolean close) {}

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String hostHeader;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;

  public RawHttpClient(InetSocketAddress address) throws IOException {
    this(address, 10_000);
  }

  public RawHttpClient(InetSocketAddress address, int timeoutMillis) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(timeoutMillis);
    socket.connect(address, timeoutMillis);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    hostHeader = address.getHostString() + ":" + address.getPort();
  }

  public Socket socket() {
    return socket;
  }

  /** Sets the read timeout. */
  public void timeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  /** Sends a GET for {@code path} and reads the whole answer. */
  public Response get(String path) throws IOException {
    send(path);
    return receive();
  }

  /** GET {@code path}, failing unless it answers 200; returns the body size. */
  public int getOk(String path) throws IOException {
    Response response = get(path);
    if (response.status() != 200) {
      throw new IOException("GET " + path + " answered " + response.status());
    }
    return response.bodyLength();
  }

  /** Sends a request with a JSON body (or none when null) and reads the whole answer. */
  public Response request(String method, String path, String json) throws IOException {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: "
            + hostHeader
            + (json == null ? "" : "\r\nContent-Type: application/json")
            + "\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    out.write(all);
    out.flush();
    return receive();
  }

  /** Sends a GET without waiting for the answer (see {@link #receive()}). */
  public void send(String path) throws IOException {
    out.write(
        ("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads one answer. */
  public Response receive() throws IOException {
    String statusLine = readLine();
    if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
      throw new IOException("malformed status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    int length = 0;
    boolean close = false;
    while (true) {
      String line = readLine();
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).trim();
        if (name.equals("content-length")) {
          length = Integer.parseInt(value);
        } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
          close = true;
        }
      }
    }
    skip(length);
    return new Response(status, length, close);
  }

  /** Waits for the end of the stream; fails if data arrives instead. */
  public void awaitEndOfStream() throws IOException {
    if (position < limit || in.read() >= 0) {
      throw new IOException("expected the end of the stream, got data");
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      if (position == limit) {
        fill();
      }
      byte b = buffer[position++];
      if (b == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) b);
    }
  }

  private void skip(int bytes) throws IOException {
    while (bytes > 0) {
      if (position == limit) {
        fill();
      }
      int n = Math.min(bytes, limit - position);
      position += n;
      bytes -= n;
    }
  }

  private void fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      throw new EOFException("connection closed by the server");
    }
    position = 0;
    limit = n;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
