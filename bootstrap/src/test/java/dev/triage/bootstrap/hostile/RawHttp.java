package dev.triage.bootstrap.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 written byte for byte over a socket, for what {@code java.net.http} refuses to send
 * (broken percent escapes, bytes that are not UTF-8 in the target, odd header characters) and for
 * bodies over the size limit, whose answer may come while the body is still being written.
 */
final class RawHttp {

  /** An answer: status, headers (names in lower case) and body. */
  record Answer(int status, Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.getFirst();
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private RawHttp() {}

  static Answer send(String host, int port, HostileRequests.Probe probe) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 10_000);
      socket.setSoTimeout(30_000);
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      line(head, probe.method() + " " + probe.target() + " HTTP/1.1");
      line(head, "Host: " + host + ":" + port);
      line(head, "Connection: close");
      for (String[] h : probe.headers()) {
        line(head, h[0] + ": " + h[1]);
      }
      byte[] body = probe.body();
      if (body != null) {
        line(
            head,
            probe.chunked() ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length);
      }
      line(head, "");
      // Read while writing: a service that refuses a large body answers and closes early.
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      CompletableFuture<IOException> reader =
          CompletableFuture.supplyAsync(
              () -> {
                byte[] buffer = new byte[16_384];
                try {
                  for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (received) {
                      received.write(buffer, 0, n);
                    }
                  }
                  return null;
                } catch (IOException e) {
                  return e;
                }
              },
              Thread::startVirtualThread);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toByteArray());
        if (body != null) {
          if (probe.chunked()) {
            for (int at = 0; at < body.length; at += 8_192) {
              int n = Math.min(8_192, body.length - at);
              out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
              out.write(body, at, n);
              out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          } else {
            out.write(body);
          }
        }
        out.flush();
      } catch (IOException closedEarly) {
        // The answer may already be there; it is read below.
      }
      IOException failure;
      try {
        failure = reader.get(35, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IOException("no answer in time", e);
      }
      byte[] bytes;
      synchronized (received) {
        bytes = received.toByteArray();
      }
      Answer answer = parse(bytes);
      if (answer == null) {
        throw failure != null
            ? failure
            : new IOException("no HTTP answer (" + bytes.length + " bytes)");
      }
      return answer;
    }
  }

  private static void line(ByteArrayOutputStream out, String text) {
    for (char c : text.toCharArray()) {
      out.write(c > 0xff ? '?' : c);
    }
    out.write('\r');
    out.write('\n');
  }

  /** The first answer in {@code bytes}, or null when it is not complete. */
  static Answer parse(byte[] bytes) {
    int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    if (end < 0) {
      return null;
    }
    String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      return null;
    }
    int status = Integer.parseInt(statusLine[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
    }
    int start = end + 4;
    List<String> encoding = headers.get("transfer-encoding");
    List<String> length = headers.get("content-length");
    byte[] body;
    if (encoding != null && encoding.getFirst().equalsIgnoreCase("chunked")) {
      body = dechunk(bytes, start);
      if (body == null) {
        return null;
      }
    } else if (length != null) {
      int n = Integer.parseInt(length.getFirst());
      if (bytes.length - start < n) {
        return null;
      }
      body = new byte[n];
      System.arraycopy(bytes, start, body, 0, n);
    } else {
      body = new byte[bytes.length - start];
      System.arraycopy(bytes, start, body, 0, body.length);
    }
    return new Answer(status, headers, body);
  }

  private static byte[] dechunk(byte[] bytes, int at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
    while (true) {
      int eol = indexOf(bytes, crlf, at);
      if (eol < 0) {
        return null;
      }
      String size = new String(bytes, at, eol - at, StandardCharsets.US_ASCII);
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
      if (n == 0) {
        return out.toByteArray();
      }
      if (eol + 2 + n > bytes.length) {
        return null;
      }
      out.write(bytes, eol + 2, n);
      at = eol + 2 + n + 2;
    }
  }

  private static int indexOf(byte[] data, byte[] needle, int from) {
    outer:
    for (int i = from; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
