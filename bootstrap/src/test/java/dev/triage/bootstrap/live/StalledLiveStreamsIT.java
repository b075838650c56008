package dev.triage.bootstrap.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Clients that open live streams and never read them (so TCP back-pressure stops every write)
 * cannot exhaust the service's memory: one caller gets at most {@code
 * triage.live.max-streams-per-caller} streams, each holding a bounded buffer, and everyone else is
 * still answered at once. The service runs in this JVM, so its heap is measured directly.
 */
@QuarkusTest
@TestProfile(StalledLiveStreamsIT.FiveStreamsPerCaller.class)
class StalledLiveStreamsIT {

  /**
   * The default caps and buffers, spelled out: the heap bound below is computed from them. The
   * server's send buffer is fixed small ({@link SendBufferForTests}), so a stalled client's backlog
   * waits in the service and not in loopback buffers of megabytes.
   */
  public static class FiveStreamsPerCaller implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "triage.live.max-streams-per-caller", "5",
          "triage.live.retry-after", "PT30S",
          "triage.live.buffer-events", "1000",
          "triage.live.buffer-bytes", "1048576",
          "triage.test.http-send-buffer", "8192");
    }
  }

  private static final int STALLED = 50;
  private static final int CAP = 5;
  private static final int BACKLOG = 3000;
  private static final int LIVE = 500;
  private static final String TITLE = "Stalled ".repeat(25); // 200 characters, the longest title

  /**
   * What 50 stalled streams may add to the heap. Each admitted stream holds at most one page of
   * replayed events (100 events of about 1 KiB here) and its live buffer (at most 1 MiB), so the 5
   * admitted streams hold at most about 6 MiB and the 45 refused ones nothing; the rest is room for
   * the service's own churn. Without bounds each stream would hold its whole replay (3,000 events
   * of about 1 KiB, so 50 streams well over 100 MiB) and every live event published after.
   */
  private static final long HEAP_BOUND = 32L * 1024 * 1024;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void fifty_stalled_streams_from_one_caller_leave_the_heap_bounded_and_the_service_answering()
      throws Exception {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    Api.User other = Api.newUser("CUSTOMER");
    String ticket = Api.newTicket(customer.token());
    openTickets(customer.token(), BACKLOG);
    long baseline = heapUsed();

    // 50 streams that resume from the very start and are never read.
    List<StalledStream> stalled = new ArrayList<>();
    try (SseClient watcher = SseClient.open(url("/api/v1/events"), agent.token(), null)) {
      for (int i = 0; i < STALLED; i++) {
        stalled.add(StalledStream.open(RestAssured.port, customer.token()));
      }
      List<String> published = openTickets(customer.token(), LIVE);
      String lastOne = published.get(published.size() - 1);
      // Once a reading client has the last event, every stream on the replica was offered it.
      watcher.next(
          e -> "TicketCreated".equals(e.name()) && e.data().contains(lastOne),
          Duration.ofSeconds(30));

      long grown = heapUsed() - baseline;
      assertThat(grown)
          .as("heap grown by %d MiB with %d stalled streams", grown >> 20, STALLED)
          .isLessThan(HEAP_BOUND);

      assertThat(stalled).filteredOn(s -> s.status() == 200).hasSize(CAP);
      assertThat(stalled)
          .filteredOn(s -> s.status() == 429)
          .hasSize(STALLED - CAP)
          .allSatisfy(
              s -> {
                assertThat(s.header("content-type")).startsWith("application/problem+json");
                assertThat(s.header("retry-after")).isEqualTo("30");
                assertThat(s.body()).contains("\"code\":\"RATE_LIMITED\"");
              });

      // Other callers, other endpoints and the stalled caller's own requests answer at once.
      assertQuick(other.request().get("/api/v1/tickets"));
      assertQuick(customer.request().get("/api/v1/tickets/" + ticket));
      assertQuick(agent.request().get("/api/v1/me"));
      assertQuick(RestAssured.given().get("/q/health/ready"));
      try (SseClient otherStream = SseClient.open(url("/api/v1/events"), other.token(), null)) {
        assertThat(otherStream).isNotNull();
      }
      assertThat(heapUsed() - baseline).isLessThan(HEAP_BOUND);
    } finally {
      for (StalledStream s : stalled) {
        s.close();
      }
    }

    // The stalled streams gave their slots back when their connections closed.
    Instant deadline = Instant.now().plusSeconds(10);
    int status;
    do {
      HttpResponse<InputStream> again =
          SseClient.connect(url("/api/v1/events"), customer.token(), null);
      status = again.statusCode();
      again.body().close();
    } while (status != 200 && Instant.now().isBefore(deadline));
    assertThat(status).as("a new stream after the stalled ones closed").isEqualTo(200);
  }

  private static void assertQuick(Response response) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.time()).as("answered in ms").isLessThan(2000L);
  }

  /** Opens {@code count} tickets as {@code token}, eight at a time; answers their ids in order. */
  private static List<String> openTickets(String token, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> opened = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        opened.add(pool.submit(() -> openTicket(token)));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> f : opened) {
        ids.add(f.get());
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String openTicket(String token) throws IOException, InterruptedException {
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url("/api/v1/tickets")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"" + TITLE + "\",\"description\":\"Backlog.\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    int at = created.body().indexOf("\"id\":\"") + 6;
    return created.body().substring(at, created.body().indexOf('"', at));
  }

  /** The service's heap in use after a full collection (it runs in this JVM). */
  private static long heapUsed() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String url(String path) {
    return "http://localhost:" + RestAssured.port + path;
  }

  /**
   * A client that asks for the stream from the first event on, reads the answer's head (and a
   * refusal's body), and then reads nothing: its small receive window fills and the server's writes
   * stop.
   */
  private record StalledStream(Socket socket, int status, Map<String, String> headers, String body)
      implements AutoCloseable {

    static StalledStream open(int port, String token) throws IOException {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("localhost", port));
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v1/events HTTP/1.1\r\n"
                  + "Host: localhost\r\n"
                  + "Accept: text/event-stream\r\n"
                  + "Authorization: Bearer "
                  + token
                  + "\r\n"
                  + "Last-Event-ID: 0\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String[] head = readHead(in).split("\r\n");
      int status = Integer.parseInt(head[0].split(" ")[1]);
      Map<String, String> headers = new HashMap<>();
      for (int i = 1; i < head.length; i++) {
        int colon = head[i].indexOf(':');
        headers.put(
            head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            head[i].substring(colon + 1).trim());
      }
      String body = "";
      if (status != 200 && headers.containsKey("content-length")) {
        body =
            new String(
                in.readNBytes(Integer.parseInt(headers.get("content-length"))),
                StandardCharsets.UTF_8);
      }
      return new StalledStream(socket, status, headers, body);
    }

    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      byte[] end = {'\r', '\n', '\r', '\n'};
      while (matched < end.length) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("the connection closed before the answer's head");
        }
        head.write(b);
        matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      return head.toString(StandardCharsets.US_ASCII);
    }

    String header(String name) {
      return headers.get(name);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
