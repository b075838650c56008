package dev.triage.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One attempt against a local receiver: what is sent, and what counts as a failure. */
class WebhookSenderTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
  static final String SECRET = "whsec_test-secret";
  static final String BODY =
      "{\"id\":\"e\",\"type\":\"TicketCreated\",\"ticket\":{\"title\":\"Ünïcode\"}}";

  /** A request the receiver got: its path, headers and body. */
  record Hit(String path, Map<String, List<String>> headers, String body) {}

  final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
  final CountDownLatch release = new CountDownLatch(1);
  final ExecutorService threads = Executors.newCachedThreadPool();
  final HttpServer server;
  final Vertx vertx = Vertx.vertx();

  WebhookSenderTest() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          hits.add(
              new Hit(
                  path,
                  Map.copyOf(exchange.getRequestHeaders()),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          switch (path) {
            case "/slow" -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              exchange.sendResponseHeaders(200, -1);
            }
            case "/moved" -> {
              exchange.getResponseHeaders().add("Location", url("/ok"));
              exchange.sendResponseHeaders(302, -1);
            }
            case "/broken" -> exchange.sendResponseHeaders(500, -1);
            case "/endless" -> {
              // Headers at once, then a chunked body that never ends.
              exchange.sendResponseHeaders(200, 0);
              exchange.getResponseBody().write("still".getBytes(StandardCharsets.UTF_8));
              exchange.getResponseBody().flush();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            default -> exchange.sendResponseHeaders(200, -1);
          }
          exchange.close();
        });
    server.setExecutor(threads);
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    threads.shutdownNow();
    vertx.closeAndAwait();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  WebhookSender sender(boolean allowPrivate, Duration timeout) {
    return sender(new WebhookAddressGuard(null, allowPrivate), timeout);
  }

  WebhookSender sender(WebhookAddressGuard guard, Duration timeout) {
    return new WebhookSender(
        null,
        vertx,
        Clock.fixed(NOW, ZoneOffset.UTC),
        guard,
        new SimpleMeterRegistry(),
        timeout,
        Duration.ofMillis(50),
        Duration.ofMillis(200),
        3,
        4,
        2);
  }

  static WebhookSender.Claimed claimed(String url) {
    return new WebhookSender.Claimed(UUID.randomUUID(), UUID.randomUUID(), BODY, 0, url, SECRET);
  }

  static String header(Hit hit, String name) {
    return hit.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().getFirst())
        .findFirst()
        .orElse(null);
  }

  @Test
  void a_2xx_answer_is_a_delivery_of_the_exact_body_with_signed_headers() {
    WebhookSender.Claimed c = claimed(url("/ok"));

    WebhookSender.Attempt attempt =
        sender(true, Duration.ofSeconds(5)).attempt(c).await().indefinitely();

    assertThat(attempt.delivered()).isTrue();
    assertThat(attempt.responseCode()).contains(200);
    Hit hit = hits.peek();
    assertThat(hit.body()).isEqualTo(BODY);
    assertThat(header(hit, "Content-Type")).isEqualTo("application/json");
    assertThat(header(hit, "Triage-Event-Id")).isEqualTo(c.eventId().toString());
    assertThat(header(hit, "Triage-Delivery-Id")).isEqualTo(c.id().toString());
    assertThat(header(hit, "Triage-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(header(hit, "Triage-Signature"))
        .isEqualTo(WebhookSignature.header(SECRET, NOW.getEpochSecond(), BODY));
  }

  @Test
  void an_address_refused_by_the_guard_is_a_failed_attempt_that_never_connects() {
    WebhookSender.Attempt attempt =
        sender(false, Duration.ofSeconds(5)).attempt(claimed(url("/ok"))).await().indefinitely();

    assertThat(attempt.delivered()).isFalse();
    assertThat(attempt.responseCode()).isEmpty();
    assertThat(attempt.error())
        .hasValueSatisfying(e -> assertThat(e).contains("refused").contains("loopback"));
    assertThat(hits).isEmpty();
  }

  @Test
  void a_non_2xx_answer_is_a_failed_attempt_with_its_status() {
    WebhookSender.Attempt attempt =
        sender(true, Duration.ofSeconds(5)).attempt(claimed(url("/broken"))).await().indefinitely();

    assertThat(attempt.delivered()).isFalse();
    assertThat(attempt.responseCode()).contains(500);
    assertThat(attempt.error()).contains("HTTP 500");
  }

  @Test
  void a_redirect_is_not_followed_and_counts_as_a_failure() {
    WebhookSender.Attempt attempt =
        sender(true, Duration.ofSeconds(5)).attempt(claimed(url("/moved"))).await().indefinitely();

    assertThat(attempt.delivered()).isFalse();
    assertThat(attempt.responseCode()).contains(302);
    assertThat(hits).extracting(Hit::path).containsExactly("/moved");
  }

  @Test
  void no_answer_within_the_timeout_is_a_failed_attempt() {
    WebhookSender.Attempt attempt =
        sender(true, Duration.ofMillis(200)).attempt(claimed(url("/slow"))).await().indefinitely();

    assertThat(attempt.delivered()).isFalse();
    assertThat(attempt.responseCode()).isEmpty();
    assertThat(attempt.error()).contains("no answer within the timeout");
  }

  @Test
  void an_answer_whose_body_never_ends_is_cut_at_the_timeout() {
    WebhookSender.Attempt attempt =
        sender(true, Duration.ofMillis(300))
            .attempt(claimed(url("/endless")))
            .await()
            .atMost(Duration.ofSeconds(10));

    assertThat(attempt.delivered()).isFalse();
    assertThat(attempt.error()).contains("no answer within the timeout");
  }

  @Test
  void a_closed_port_is_a_failed_attempt() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    WebhookSender.Attempt attempt =
        sender(true, Duration.ofSeconds(5))
            .attempt(claimed("http://127.0.0.1:" + port + "/hook"))
            .await()
            .indefinitely();

    assertThat(attempt.delivered()).isFalse();
    assertThat(attempt.error()).isPresent();
  }

  /** A resolver whose answer changes after the first lookup, as a rebinding name's does. */
  static HostResolver rebinding(String first, String later, AtomicInteger lookups) {
    return host -> {
      if (!host.equals("hooks.example.test")) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {
        InetAddress.getByName(lookups.getAndIncrement() == 0 ? first : later)
      };
    };
  }

  @Test
  void the_attempt_goes_to_the_address_checked_sending_the_name_it_was_given() {
    AtomicInteger lookups = new AtomicInteger();
    WebhookAddressGuard guard =
        new WebhookAddressGuard(null, true, rebinding("127.0.0.1", "127.0.0.2", lookups));
    String url = "http://hooks.example.test:" + server.getAddress().getPort() + "/ok";

    WebhookSender.Attempt attempt =
        sender(guard, Duration.ofSeconds(5)).attempt(claimed(url)).await().indefinitely();

    assertThat(attempt.error()).isEmpty();
    assertThat(attempt.delivered()).isTrue();
    assertThat(lookups).hasValue(1);
    assertThat(header(hits.peek(), "Host"))
        .isEqualTo("hooks.example.test:" + server.getAddress().getPort());
  }

  @Test
  void a_name_rebound_to_a_loopback_address_after_the_check_is_not_followed_there() {
    AtomicInteger lookups = new AtomicInteger();
    // Checked: a public address (documentation range, nothing answers); then: this machine.
    WebhookAddressGuard guard =
        new WebhookAddressGuard(null, false, rebinding("203.0.113.7", "127.0.0.1", lookups));
    String url = "http://hooks.example.test:" + server.getAddress().getPort() + "/ok";

    WebhookSender.Attempt attempt =
        sender(guard, Duration.ofMillis(500)).attempt(claimed(url)).await().indefinitely();

    assertThat(attempt.delivered()).isFalse();
    assertThat(lookups).hasValue(1);
    assertThat(hits).isEmpty();
  }
}
