package dev.triage.bootstrap.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end, with receivers that are local HTTP servers: registration by admins only, the
 * secret shown once, signed deliveries that verify with it, retries until success, dead deliveries
 * and their redelivery, event type and staff-only filters. Outcomes are awaited by reading the
 * delivery log until a deadline; the test profile retries within fractions of a second and gives up
 * after three attempts.
 */
@QuarkusTest
class WebhooksIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject OutboxRelay relay;

  private final List<Receiver> receivers = new ArrayList<>();
  private final List<String> webhooks = new ArrayList<>();

  /** One request a receiver got. */
  record Hit(Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A local HTTP server that records every request and answers with the status it is told. */
  static final class Receiver implements AutoCloseable {
    final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();
    volatile IntSupplier status = () -> 204;
    private final HttpServer server;

    Receiver() {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/hook",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hits.add(new Hit(Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Hit> of(String ticket, String type) {
      return hits.stream()
          .filter(h -> ticket.equals(h.json().path("ticket").path("id").asText()))
          .filter(h -> type.equals(h.json().path("type").asText()))
          .toList();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @AfterEach
  void cleanUp() {
    for (String id : webhooks) {
      Api.as(Api.adminToken()).delete("/api/v1/webhooks/" + id);
    }
    receivers.forEach(Receiver::close);
  }

  // ------------------------------------------------------------------------------ helpers

  private Receiver receiver() {
    Receiver r = new Receiver();
    receivers.add(r);
    return r;
  }

  private Response register(String body) {
    Response created =
        Api.json(Api.adminToken()).body(body).post("/api/v1/webhooks").then().extract().response();
    if (created.statusCode() == 201) {
      webhooks.add(created.path("id"));
    }
    return created;
  }

  /** Registers {@code receiver} for {@code events} (a JSON array) and staff-only events or not. */
  private Response register(Receiver receiver, String events, boolean includeInternal) {
    Response created =
        register(
            "{\"url\":\""
                + receiver.url()
                + "\",\"events\":"
                + events
                + ",\"includeInternal\":"
                + includeInternal
                + "}");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return created;
  }

  /** Publishes what has been committed at once, instead of waiting for the relay's signal. */
  private void publish() throws Throwable {
    VertxContextSupport.subscribeAndAwait(() -> relay.drain());
  }

  private static List<Map<String, Object>> log(String webhook) {
    return Api.as(Api.adminToken())
        .get("/api/v1/webhooks/" + webhook + "/deliveries?limit=100")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  private static Optional<Map<String, Object>> delivery(String webhook, String eventType) {
    return log(webhook).stream().filter(d -> eventType.equals(d.get("eventType"))).findFirst();
  }

  /** Asks {@code probe} again until it has an answer; fails at the deadline. */
  private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> answer = probe.get();
      if (answer.isPresent()) {
        return answer.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("Timed out waiting for " + what);
  }

  private static Map<String, Object> awaitStatus(String webhook, String eventType, String status)
      throws InterruptedException {
    return await(
        eventType + " " + status + " in the log of " + webhook,
        () -> delivery(webhook, eventType).filter(d -> status.equals(d.get("status"))));
  }

  private static String hmac(String secret, String signed) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }

  private static double deliveriesCounted(String outcome) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m =
        Pattern.compile(
                "^triage_webhook_deliveries_total\\{[^}]*outcome=\""
                    + outcome
                    + "\"[^}]*}\\s+(\\S+)$",
                Pattern.MULTILINE)
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  // -------------------------------------------------------------------------------- tests

  @Test
  void a_stuck_receiver_gets_at_most_four_attempts_at_once_and_others_are_served_meanwhile()
      throws Throwable {
    AtomicInteger open = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    HttpServer stuck =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stuck.setExecutor(Executors.newCachedThreadPool());
    stuck.createContext(
        "/hook",
        exchange -> {
          mostAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            open.decrementAndGet();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    stuck.start();
    try {
      register(
          "{\"url\":\"http://127.0.0.1:"
              + stuck.getAddress().getPort()
              + "/hook\",\"events\":[\"TicketCreated\"]}");
      Receiver healthy = receiver();
      register(healthy, "[\"TicketCreated\"]", false);

      Api.User customer = Api.newUser("CUSTOMER");
      List<String> tickets = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        tickets.add(Api.newTicket(customer.token()));
      }
      publish();

      // The healthy receiver gets every event while the stuck one holds its requests.
      await(
          "every event at the healthy receiver",
          () ->
              Optional.of(true)
                  .filter(
                      ok ->
                          tickets.stream()
                              .allMatch(t -> !healthy.of(t, "TicketCreated").isEmpty())));
      assertThat(release.getCount()).as("the stuck receiver still holds on").isEqualTo(1);
      assertThat(mostAtOnce.get()).isBetween(1, 4);
    } finally {
      release.countDown();
      stuck.stop(0);
    }
  }

  @Test
  void a_delivery_is_signed_with_the_secret_from_the_registration_and_carries_the_event()
      throws Throwable {
    Receiver receiver = receiver();
    Response created = register(receiver, "[]", false);
    String secret = created.path("secret");
    Api.User customer = Api.newUser("CUSTOMER");

    String ticket = Api.newTicket(customer.token());
    publish();

    Hit hit =
        await(
            "the TicketCreated delivery",
            () -> receiver.of(ticket, "TicketCreated").stream().findFirst());
    String timestamp = hit.header("Triage-Timestamp");
    assertThat(hit.header("Triage-Signature"))
        .isEqualTo("v1=" + hmac(secret, timestamp + "." + hit.body()));
    assertThat(hit.header("Triage-Signature"))
        .isNotEqualTo("v1=" + hmac(secret, timestamp + "." + hit.body() + " "));
    assertThat(Long.parseLong(timestamp))
        .isBetween(Instant.now().getEpochSecond() - 300, Instant.now().getEpochSecond() + 5);
    assertThat(hit.header("Content-Type")).startsWith("application/json");

    JsonNode body = hit.json();
    assertThat(body.get("id").asText()).isEqualTo(hit.header("Triage-Event-Id"));
    assertThat(body.get("type").asText()).isEqualTo("TicketCreated");
    assertThat(Instant.parse(body.get("occurredAt").asText())).isBefore(Instant.now());
    JsonNode t = body.get("ticket");
    assertThat(t.get("id").asText()).isEqualTo(ticket);
    assertThat(t.get("number").asText()).startsWith("TCK-");
    assertThat(t.get("title").asText()).isEqualTo("Something broke");
    assertThat(t.get("status").asText()).isEqualTo("OPEN");
    assertThat(t.get("priority").asText()).isEqualTo("MEDIUM");
    assertThat(t.get("requesterId").asText()).isEqualTo(customer.id());
    assertThat(t.has("description")).isFalse();
    assertThat(body.get("data").isObject()).isTrue();

    Map<String, Object> logged = awaitStatus(created.path("id"), "TicketCreated", "DELIVERED");
    assertThat(logged.get("id")).isEqualTo(hit.header("Triage-Delivery-Id"));
    assertThat(logged.get("eventId")).isEqualTo(body.get("id").asText());
    assertThat(logged.get("attempts")).isEqualTo(1);
    assertThat(logged.get("lastResponseCode")).isEqualTo(204);
    assertThat(logged.get("nextAttemptAt")).isNull();
    assertThat(logged.get("deliveredAt")).isNotNull();
  }

  @Test
  void a_receiver_failing_twice_then_answering_gets_the_event_on_the_third_attempt()
      throws Throwable {
    Receiver receiver = receiver();
    AtomicInteger calls = new AtomicInteger();
    receiver.status = () -> calls.incrementAndGet() <= 2 ? 500 : 200;
    String webhook = register(receiver, "[\"TicketCreated\"]", false).path("id");

    String ticket = Api.newTicket(Api.newUser("CUSTOMER").token());
    publish();

    Map<String, Object> logged = awaitStatus(webhook, "TicketCreated", "DELIVERED");
    assertThat(logged.get("attempts")).isEqualTo(3);
    assertThat(logged.get("lastResponseCode")).isEqualTo(200);
    assertThat(logged.get("lastError")).isNull();
    List<Hit> hits = receiver.of(ticket, "TicketCreated");
    assertThat(hits).hasSize(3);
    // Every attempt is the same delivery of the same event, with the same body.
    assertThat(hits)
        .extracting(h -> h.header("Triage-Event-Id"))
        .containsOnly(hits.getFirst().header("Triage-Event-Id"));
    assertThat(hits)
        .extracting(h -> h.header("Triage-Delivery-Id"))
        .containsOnly((String) logged.get("id"));
    assertThat(hits).extracting(Hit::body).containsOnly(hits.getFirst().body());
  }

  @Test
  void
      a_receiver_that_always_fails_ends_dead_after_the_limit_and_a_redelivery_reaches_it_once_it_recovers()
          throws Throwable {
    Receiver receiver = receiver();
    receiver.status = () -> 503;
    String webhook = register(receiver, "[\"TicketCreated\"]", false).path("id");
    double deadBefore = deliveriesCounted("dead");
    double failedBefore = deliveriesCounted("failed");

    String ticket = Api.newTicket(Api.newUser("CUSTOMER").token());
    publish();

    Map<String, Object> dead = awaitStatus(webhook, "TicketCreated", "DEAD");
    assertThat(dead.get("attempts")).isEqualTo(3);
    assertThat(dead.get("lastResponseCode")).isEqualTo(503);
    assertThat((String) dead.get("lastError")).contains("503");
    assertThat(dead.get("nextAttemptAt")).isNull();
    assertThat(dead.get("deliveredAt")).isNull();
    assertThat(receiver.of(ticket, "TicketCreated")).hasSize(3);
    await(
        "the dead delivery counted",
        () -> Optional.of(deliveriesCounted("dead")).filter(v -> v >= deadBefore + 1));
    assertThat(deliveriesCounted("failed")).isGreaterThanOrEqualTo(failedBefore + 2);

    receiver.status = () -> 200;
    Api.as(Api.adminToken())
        .post("/api/v1/webhooks/" + webhook + "/deliveries/" + dead.get("id") + "/redeliver")
        .then()
        .statusCode(202)
        .body("status", equalTo("PENDING"))
        .body("attempts", equalTo(3));

    Map<String, Object> delivered = awaitStatus(webhook, "TicketCreated", "DELIVERED");
    assertThat(delivered.get("id")).isEqualTo(dead.get("id"));
    assertThat(delivered.get("attempts")).isEqualTo(4);
    assertThat(delivered.get("lastResponseCode")).isEqualTo(200);
    assertThat(receiver.of(ticket, "TicketCreated")).hasSize(4);
  }

  @Test
  void a_webhook_filtered_to_one_event_type_receives_only_that_type() throws Throwable {
    Receiver receiver = receiver();
    String webhook = register(receiver, "[\"TicketAssigned\"]", false).path("id");
    Api.User agent = Api.newUser("AGENT");

    String ticket = Api.newTicket(Api.newUser("CUSTOMER").token());
    Api.json(Api.adminToken())
        .body("{\"assigneeId\":\"" + agent.id() + "\"}")
        .put("/api/v1/tickets/" + ticket + "/assignee")
        .then()
        .statusCode(200);
    publish();

    // The ticket's events are published in order: once TicketAssigned is queued, TicketCreated
    // has been published too, and had it matched it would be in the log.
    awaitStatus(webhook, "TicketAssigned", "DELIVERED");
    assertThat(log(webhook)).extracting(d -> d.get("eventType")).containsOnly("TicketAssigned");
    assertThat(receiver.hits)
        .extracting(h -> h.json().get("type").asText())
        .containsOnly("TicketAssigned");
    Hit assigned = receiver.of(ticket, "TicketAssigned").getFirst();
    assertThat(assigned.json().get("ticket").get("assigneeId").asText()).isEqualTo(agent.id());
  }

  @Test
  void an_internal_note_reaches_only_the_webhook_that_asked_for_staff_only_events()
      throws Throwable {
    Receiver everyone = receiver();
    Receiver staff = receiver();
    String publicHook = register(everyone, "[]", false).path("id");
    String staffHook = register(staff, "[]", true).path("id");
    Api.User agent = Api.newUser("AGENT");

    String ticket = Api.newTicket(Api.newUser("CUSTOMER").token());
    Api.json(agent.token())
        .body("{\"body\":\"Customer seems to use an old client.\",\"internal\":true}")
        .post("/api/v1/tickets/" + ticket + "/comments")
        .then()
        .statusCode(201);
    publish();

    awaitStatus(staffHook, "InternalNoteAdded", "DELIVERED");
    awaitStatus(publicHook, "TicketCreated", "DELIVERED");
    // One relay transaction queued the note for both webhooks or for neither.
    assertThat(log(publicHook))
        .extracting(d -> d.get("eventType"))
        .doesNotContain("InternalNoteAdded");
    assertThat(everyone.of(ticket, "InternalNoteAdded")).isEmpty();
    assertThat(staff.of(ticket, "InternalNoteAdded")).hasSize(1);
    assertThat(staff.of(ticket, "InternalNoteAdded").getFirst().body())
        .doesNotContain("old client");
  }

  @Test
  void the_secret_is_in_the_registration_answer_only() throws Throwable {
    Receiver receiver = receiver();
    Response created = register(receiver, "[\"TicketCreated\",\"TicketClosed\"]", false);
    String id = created.path("id");
    String secret = created.path("secret");
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThanOrEqualTo(6 + 43);
    assertThat(created.header("Location")).endsWith("/api/v1/webhooks/" + id);
    created
        .then()
        .body("url", equalTo(receiver.url()))
        .body("active", equalTo(true))
        .body("includeInternal", equalTo(false))
        .body("events", equalTo(List.of("TicketCreated", "TicketClosed")));

    List<Response> reads =
        List.of(
            Api.as(Api.adminToken()).get("/api/v1/webhooks/" + id),
            Api.as(Api.adminToken()).get("/api/v1/webhooks"),
            Api.json(Api.adminToken()).body("{\"active\":false}").patch("/api/v1/webhooks/" + id),
            Api.as(Api.adminToken()).get("/api/v1/audit-log?entityType=Webhook&entityId=" + id));
    for (Response read : reads) {
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.asString()).doesNotContain(secret).doesNotContain("\"secret\"");
    }
    Api.as(Api.adminToken())
        .get("/api/v1/webhooks/" + id)
        .then()
        .body("$", not(hasKey("secret")))
        .body("active", equalTo(false));
    // Registration and change are admin changes in the audit trail, like any other.
    assertThat(reads.get(3).jsonPath().<String>getList("items.action"))
        .containsExactly("UpdateWebhook", "RegisterWebhook");
  }

  @Test
  void a_registration_repeated_with_its_idempotency_key_makes_one_webhook() {
    Receiver receiver = receiver();
    String key = "webhook-" + UUID.randomUUID();
    String body = "{\"url\":\"" + receiver.url() + "\"}";
    Response first =
        Api.json(Api.adminToken())
            .header("Idempotency-Key", key)
            .body(body)
            .post("/api/v1/webhooks");
    assertThat(first.statusCode()).isEqualTo(201);
    webhooks.add(first.path("id"));

    Response again =
        Api.json(Api.adminToken())
            .header("Idempotency-Key", key)
            .body(body)
            .post("/api/v1/webhooks");

    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
    assertThat(again.<String>path("secret")).isEqualTo(first.path("secret"));
    List<String> urls = Api.as(Api.adminToken()).get("/api/v1/webhooks").jsonPath().getList("url");
    assertThat(urls).containsOnlyOnce(receiver.url());
  }

  @Test
  void only_admins_manage_webhooks() {
    String id = register(receiver(), "[]", false).path("id");
    String body = "{\"url\":\"https://hooks.example.com/x\"}";
    for (String token : List.of(Api.newUser("AGENT").token(), Api.newUser("CUSTOMER").token())) {
      Api.json(token).body(body).post("/api/v1/webhooks").then().statusCode(403);
      Api.as(token).get("/api/v1/webhooks").then().statusCode(403);
      Api.as(token).get("/api/v1/webhooks/" + id).then().statusCode(403);
      Api.json(token)
          .body("{\"active\":false}")
          .patch("/api/v1/webhooks/" + id)
          .then()
          .statusCode(403);
      Api.as(token).delete("/api/v1/webhooks/" + id).then().statusCode(403);
      Api.as(token).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(403);
    }
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/webhooks")
        .then()
        .statusCode(401);
    Api.as(Api.adminToken())
        .get("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("active", equalTo(true));
  }

  @Test
  void bad_urls_and_unknown_event_types_are_refused_naming_the_field() {
    for (String url :
        List.of(
            "ftp://hooks.example.com/x",
            "/relative",
            "https://user:secret@hooks.example.com/x",
            "http://0.0.0.0:8080/x",
            "http://224.0.0.1/x",
            "http://[::]:8080/x",
            "http://240.0.0.1/x",
            "https://250.1.2.3:8443/x")) {
      register("{\"url\":\"" + url + "\"}")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors", hasKey("url"));
    }
    register(
            "{\"url\":\"https://hooks.example.com/x\",\"events\":[\"TicketCreated\",\"TicketExploded\"]}")
        .then()
        .statusCode(422)
        .body("errors", hasKey("events"));
    register("{\"url\":\"https://hooks.example.com/x\",\"colour\":\"blue\"}")
        .then()
        .statusCode(400);
    assertThat(webhooks).isEmpty();
  }

  @Test
  void a_deleted_webhook_is_gone_with_its_log() {
    String id = register(receiver(), "[]", false).path("id");
    Api.as(Api.adminToken()).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    Api.as(Api.adminToken()).get("/api/v1/webhooks/" + id).then().statusCode(404);
    Api.as(Api.adminToken()).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
    Api.as(Api.adminToken()).delete("/api/v1/webhooks/" + id).then().statusCode(404);
    Api.as(Api.adminToken()).get("/api/v1/webhooks/not-an-id").then().statusCode(404);
  }

  @Test
  void the_delivery_log_pages_newest_first() throws Throwable {
    Receiver receiver = receiver();
    String webhook = register(receiver, "[\"TicketCreated\"]", false).path("id");
    String token = Api.newUser("CUSTOMER").token();
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      tickets.add(Api.newTicket(token));
    }
    publish();
    await("three deliveries", () -> Optional.of(log(webhook)).filter(l -> l.size() == 3));

    Response first =
        Api.as(Api.adminToken()).get("/api/v1/webhooks/" + webhook + "/deliveries?limit=2");
    first.then().statusCode(200);
    String cursor = first.path("nextCursor");
    assertThat(first.header("Link")).contains("cursor=" + cursor);
    Response second =
        Api.as(Api.adminToken())
            .get("/api/v1/webhooks/" + webhook + "/deliveries?limit=2&cursor=" + cursor);
    List<String> createdAt = new ArrayList<>(first.jsonPath().getList("items.createdAt"));
    createdAt.addAll(second.jsonPath().getList("items.createdAt"));
    assertThat(createdAt).hasSize(3);
    assertThat(createdAt)
        .isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    assertThat(second.jsonPath().<String>get("nextCursor")).isNull();
    Api.as(Api.adminToken())
        .get("/api/v1/webhooks/" + webhook + "/deliveries?limit=abc")
        .then()
        .statusCode(400);
    Api.as(Api.adminToken())
        .get("/api/v1/webhooks/" + webhook + "/deliveries?limit=101")
        .then()
        .statusCode(422);
  }
}
