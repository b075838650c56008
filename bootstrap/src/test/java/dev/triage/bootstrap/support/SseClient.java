package dev.triage.bootstrap.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client for tests: reads a stream on its own thread and queues every event
 * (comments are skipped) with the instant it arrived.
 */
public final class SseClient implements AutoCloseable {

  /** One received event: its SSE {@code id}, {@code event} name and {@code data}. */
  public record Event(String id, String name, String data, Instant receivedAt) {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<InputStream> response;
  private final Thread reader;

  private SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = Thread.ofVirtual().start(this::read);
  }

  /**
   * Opens {@code url} with the bearer {@code token} and, unless null, {@code lastEventId}; fails
   * unless the answer is a 200 event stream.
   */
  public static SseClient open(String url, String token, String lastEventId)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> response = connect(url, token, lastEventId);
    if (response.statusCode() != 200) {
      String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
      throw new AssertionError("stream refused: " + response.statusCode() + " " + body);
    }
    return new SseClient(response);
  }

  /** The raw answer, for refusals (status, content type, problem body). */
  public static HttpResponse<InputStream> connect(String url, String token, String lastEventId)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + token);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String name = null;
      StringBuilder data = new StringBuilder();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, name, data.toString(), Instant.now()));
          }
          id = null;
          name = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          if (!data.isEmpty()) {
            data.append('\n');
          }
          data.append(line.substring(5).stripLeading());
        }
      }
    } catch (IOException closed) {
      // the stream ended or was closed by the test
    }
  }

  /** The next event matching {@code which} within {@code limit}, skipping others; else fails. */
  public Event next(Predicate<Event> which, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      Event e = left <= 0 ? null : events.poll(left, TimeUnit.MILLISECONDS);
      if (e == null) {
        throw new AssertionError("no matching event within " + limit);
      }
      if (which.test(e)) {
        return e;
      }
    }
  }

  /** Whether the server ended the stream within {@code limit}. */
  public boolean endsWithin(Duration limit) throws InterruptedException {
    return reader.join(limit);
  }

  /** Everything received so far and not yet taken. */
  public List<Event> drained() {
    List<Event> all = new ArrayList<>();
    events.drainTo(all);
    return all;
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // already closed
    }
    reader.interrupt();
  }
}
