package dev.b2bsdk.bench;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers every request with a prebuilt reply: one
 * thread per keep-alive connection, no parsing beyond the request line and
 * {@code Content-Length}, no recording.
 *
 * <p>Why not MockWebServer: it records every request in an unbounded queue (millions of requests
 * in a benchmark run would fill the heap and skew the -Xmx64m paging measurement) and spends
 * more time per request than the client code being measured, which would hide the difference.
 * Both sides of every ratio talk to the same instance, so whatever the server costs is in both.
 */
final class LoopbackServer implements Closeable {

  /** The part of a request a {@link Handler} may look at. */
  static final class Request {
    final String method;
    final String path;
    final String query;
    /** The {@code Authorization} header, or null. */
    final String authorization;

    Request(String method, String path, String query, String authorization) {
      this.method = method;
      this.path = path;
      this.query = query;
      this.authorization = authorization;
    }

    /** The value of query parameter {@code name}, or null (no decoding: benchmark URLs are plain). */
    String queryParameter(String name) {
      if (query == null) {
        return null;
      }
      int from = 0;
      while (true) {
        int amp = query.indexOf('&', from);
        int end = amp < 0 ? query.length() : amp;
        if (end - from > name.length() && query.charAt(from + name.length()) == '='
            && query.startsWith(name, from)) {
          return query.substring(from + name.length() + 1, end);
        }
        if (amp < 0) {
          return null;
        }
        from = amp + 1;
      }
    }
  }

  /** Picks the reply of one request; called on connection threads, so must be thread-safe. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Request request);
  }

  /** A complete HTTP response (status line, headers, body) as bytes, built once. */
  static final class Reply {
    final byte[] bytes;

    private Reply(byte[] bytes) {
      this.bytes = bytes;
    }

    static Reply json(int status, String body) {
      return of(status, "application/json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply empty(int status) {
      return of(status, null, new byte[0]);
    }

    static Reply of(int status, String contentType, byte[] body) {
      return of(status, contentType, body, "");
    }

    /** With extra header lines ({@code "Retry-After: 1\r\n"}). */
    static Reply of(int status, String contentType, byte[] body, String extraHeaders) {
      StringBuilder head = new StringBuilder(128)
          .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
          .append(extraHeaders);
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
      byte[] all = new byte[h.length + body.length];
      System.arraycopy(h, 0, all, 0, h.length);
      System.arraycopy(body, 0, all, h.length, body.length);
      return new Reply(all);
    }

    private static String reason(int status) {
      switch (status) {
        case 200: return "OK";
        case 201: return "Created";
        case 204: return "No Content";
        case 404: return "Not Found";
        default: return "Status";
      }
    }
  }

  private final ServerSocket socket;
  private final Handler handler;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closed;

  private LoopbackServer(Handler handler) throws IOException {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "loopback-accept");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /** Starts a server on a free loopback port. */
  static LoopbackServer start(Handler handler) throws IOException {
    return new LoopbackServer(handler);
  }

  /** {@code http://127.0.0.1:port/} + {@code path} (without a leading slash). */
  String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/" + path;
  }

  /** Connections accepted so far (a client that reuses its connection opens one). */
  int connectionsAccepted() {
    return connectionCount.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        connections.add(s);
        Thread t = new Thread(() -> serve(s), "loopback-conn-" + connectionCount.incrementAndGet());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          System.err.println("loopback server: accept failed: " + e);
        }
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
      OutputStream out = s.getOutputStream();
      StringBuilder line = new StringBuilder(256);
      while (!closed) {
        if (!readLine(in, line)) {
          return; // client closed the connection
        }
        String requestLine = line.toString();
        long contentLength = 0;
        boolean close = false;
        String authorization = null;
        while (readLine(in, line) && line.length() > 0) {
          String h = line.toString();
          int colon = h.indexOf(':');
          if (colon > 0) {
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            if (name.equals("content-length")) {
              contentLength = Long.parseLong(value);
            } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
              close = true;
            } else if (name.equals("authorization")) {
              authorization = value;
            }
          }
        }
        in.skipNBytes(contentLength);
        out.write(handler.handle(parse(requestLine, authorization)).bytes);
        out.flush();
        if (close) {
          return;
        }
      }
    } catch (SocketException e) {
      // the client or close() hung up
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        System.err.println("loopback server: " + e);
      }
    } finally {
      connections.remove(s);
    }
  }

  private static Request parse(String requestLine, String authorization) {
    int sp1 = requestLine.indexOf(' ');
    int sp2 = requestLine.indexOf(' ', sp1 + 1);
    String method = requestLine.substring(0, sp1);
    String target = requestLine.substring(sp1 + 1, sp2 < 0 ? requestLine.length() : sp2);
    int q = target.indexOf('?');
    return q < 0
        ? new Request(method, target, null, authorization)
        : new Request(method, target.substring(0, q), target.substring(q + 1), authorization);
  }

  /** Reads one CRLF-terminated line into {@code line}; false at end of stream. */
  private static boolean readLine(InputStream in, StringBuilder line) throws IOException {
    line.setLength(0);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') {
          line.setLength(n - 1);
        }
        return true;
      }
      line.append((char) c);
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
    for (Socket s : connections) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
