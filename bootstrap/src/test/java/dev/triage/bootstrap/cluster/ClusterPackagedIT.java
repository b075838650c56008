package dev.triage.bootstrap.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.triage.bootstrap.EmbeddedPostgresResource;
import dev.triage.bootstrap.support.PackagedService;
import dev.triage.bootstrap.support.SseClient;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three replicas of the packaged service on one database, each running its sweeps, relay, webhook
 * sender and live feed: every breach, escalation and auto-close happens once, every event reaches a
 * webhook once, and an event caused through one replica reaches an SSE client of another. It also
 * prints the delay from a command to the webhook delivery and to the SSE event.
 */
class ClusterPackagedIT {

  private static final String ADMIN_EMAIL = "admin@cluster.test";
  private static final String ADMIN_PASSWORD = "cluster-admin-password";
  private static final Duration SOON = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final EmbeddedPostgresResource DATABASE = new EmbeddedPostgresResource();
  private static final List<PackagedService> REPLICAS = new ArrayList<>();
  private static Map<String, String> db;
  private static String admin;
  private static String customer;

  @BeforeAll
  static void startReplicas() throws Exception {
    assertThat(PackagedService.JAR).as("the packaged application (run mvn package first)").exists();
    Map<String, String> quarkus = DATABASE.start();
    db =
        Map.of(
            "TRIAGE_DB_URL", quarkus.get("quarkus.datasource.reactive.url"),
            "TRIAGE_DB_USER", quarkus.get("quarkus.datasource.username"),
            "TRIAGE_DB_PASSWORD", quarkus.get("quarkus.datasource.password"));
    Path work = Path.of("target", "cluster", UUID.randomUUID().toString());
    Files.createDirectories(work);
    Map<String, String> environment = new HashMap<>(db);
    environment.put("TRIAGE_DATA_DIR", work.toString()); // one signing key for all
    environment.put("TRIAGE_ADMIN_EMAIL", ADMIN_EMAIL);
    environment.put("TRIAGE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    environment.put("TRIAGE_SWEEPS_PERIOD", "1s");
    environment.put("TRIAGE_RELAY_POLL", "1s");
    environment.put("TRIAGE_WEBHOOKS_ALLOW_PRIVATE", "true");
    environment.put("QUARKUS_SHUTDOWN_DELAY_ENABLED", "false");
    // One test client makes hundreds of calls in seconds; the login limit per account stays.
    environment.put("TRIAGE_RATE_LIMITS_CREATE_TICKET_PER_USER_LIMIT", "100000");
    environment.put("TRIAGE_RATE_LIMITS_API_PER_CALLER_LIMIT", "100000");
    environment.put("TRIAGE_RATE_LIMITS_LOGIN_PER_IP_LIMIT", "1000");
    // Accounts stay in memory far longer than the test runs: only the signal can drop them.
    environment.put("TRIAGE_AUTH_ACCOUNT_CACHE_TTL", "PT10M");
    // Likewise the runtime settings: only the signal can make a replica read them again.
    environment.put("TRIAGE_SETTINGS_CACHE_TTL", "PT10M");
    // The first one migrates the database and writes the signing key; then the others join.
    REPLICAS.add(PackagedService.start("a", work, environment).awaitReady(Duration.ofSeconds(120)));
    PackagedService b = PackagedService.start("b", work, environment);
    PackagedService c = PackagedService.start("c", work, environment);
    REPLICAS.add(b.awaitReady(Duration.ofSeconds(120)));
    REPLICAS.add(c.awaitReady(Duration.ofSeconds(120)));
    admin =
        given()
            .baseUri(REPLICAS.get(0).base)
            .contentType(ContentType.JSON)
            .body(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
            .post("/api/v1/auth/login")
            .then()
            .statusCode(200)
            .extract()
            .path("accessToken");
    customer = login(replica(1), newUser(replica(1), "CUSTOMER"));
  }

  @AfterAll
  static void stopReplicas() {
    REPLICAS.parallelStream().forEach(PackagedService::close);
    DATABASE.stop();
  }

  @Test
  void sweeps_on_three_replicas_breach_escalate_and_close_each_ticket_once() throws Exception {
    String agent = newUser(replica(1), "AGENT");
    List<String> open = new ArrayList<>();
    List<String> resolved = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      open.add(newTicket(replica(i), "HIGH"));
      String done = newTicket(replica(i + 1), "LOW");
      api(replica(i + 2), admin)
          .body(Map.of("assigneeId", agent))
          .put("/api/v1/tickets/" + done + "/assignee")
          .then()
          .statusCode(200);
      for (String status : List.of("IN_PROGRESS", "RESOLVED")) {
        api(replica(i), admin)
            .body(Map.of("status", status))
            .post("/api/v1/tickets/" + done + "/status")
            .then()
            .statusCode(200);
      }
      resolved.add(done);
    }
    try (Connection sql = jdbc()) {
      List<String> all = new ArrayList<>(open);
      all.addAll(resolved);
      backdate(sql, all, Duration.ofDays(8)); // as if nobody had looked at them for 8 days

      await(
          "every ticket breached, escalated or closed",
          () ->
              count(
                          sql,
                          "select count(*) from tickets where auto_escalated and id::text = any(?)",
                          open)
                      == open.size()
                  && count(
                          sql,
                          "select count(distinct aggregate_id) from outbox"
                              + " where type = 'SlaBreached' and aggregate_id::text = any(?)",
                          open)
                      == open.size()
                  && count(
                          sql,
                          "select count(*) from tickets where status = 'CLOSED' and id::text = any(?)",
                          resolved)
                      == resolved.size());
      // Three more sweep periods on three replicas: nothing happens twice.
      Instant until = Instant.now().plusSeconds(3);
      while (Instant.now().isBefore(until)) {
        assertOnce(sql, open, resolved);
        Thread.sleep(250);
      }
      assertOnce(sql, open, resolved);
    }
  }

  @Test
  void a_snoozed_ticket_wakes_once_with_three_replicas_sweeping() throws Exception {
    String agent = newUser(replica(0), "AGENT");
    List<String> snoozed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String ticket = newTicket(replica(i), "LOW");
      api(replica(i + 1), admin)
          .body(Map.of("assigneeId", agent))
          .put("/api/v1/tickets/" + ticket + "/assignee")
          .then()
          .statusCode(200);
      api(replica(i + 2), admin)
          .body(Map.of("until", Instant.now().plus(Duration.ofHours(1)).toString()))
          .post("/api/v1/tickets/" + ticket + "/snooze")
          .then()
          .statusCode(200);
      snoozed.add(ticket);
    }
    try (Connection sql = jdbc()) {
      // As if the hour had passed: every replica's next sweep finds them due.
      try (PreparedStatement s =
          sql.prepareStatement(
              "update tickets set snoozed_until = now() - interval '1 second'"
                  + " where id::text = any(?)")) {
        s.setArray(1, sql.createArrayOf("text", snoozed.toArray()));
        assertThat(s.executeUpdate()).isEqualTo(snoozed.size());
      }
      await(
          "every snoozed ticket awake",
          () ->
              count(
                      sql,
                      "select count(*) from tickets where snoozed_until is null"
                          + " and id::text = any(?)",
                      snoozed)
                  == snoozed.size());
      // Three more sweep periods on three replicas: none wakes twice.
      Instant until = Instant.now().plusSeconds(3);
      do {
        for (String t : snoozed) {
          assertThat(events(sql, t, "TicketWoke")).as("wake-ups of " + t).isEqualTo(1);
          assertThat(
                  count(
                      sql,
                      "select count(*) from audit_log where entity_id = ?"
                          + " and action = 'WakeSnoozedTicket'",
                      List.of(t)))
              .as("audit entries for the wake-up of " + t)
              .isEqualTo(1);
        }
        Thread.sleep(250);
      } while (Instant.now().isBefore(until));
    }
  }

  private static void assertOnce(Connection sql, List<String> open, List<String> resolved)
      throws Exception {
    for (String t : open) {
      assertThat(events(sql, t, "TicketEscalated")).as("escalations of " + t).isEqualTo(1);
      assertThat(
              count(
                  sql,
                  "select count(*) from audit_log where entity_id = ?"
                      + " and action = 'EscalateStaleTicket'",
                  List.of(t)))
          .as("audit entries for the escalation of " + t)
          .isEqualTo(1);
      assertThat(events(sql, t, "SlaBreached")).as("breaches of " + t).isBetween(1L, 2L);
      assertThat(distinctBreachedClocks(sql, t))
          .as("each clock breached once on " + t)
          .isEqualTo(events(sql, t, "SlaBreached"));
    }
    for (String t : resolved) {
      assertThat(events(sql, t, "TicketClosed")).as("closings of " + t).isEqualTo(1);
      assertThat(
              count(
                  sql,
                  "select count(*) from audit_log where entity_id = ? and action = 'AutoCloseTicket'",
                  List.of(t)))
          .as("audit entries for the closing of " + t)
          .isEqualTo(1);
    }
  }

  @Test
  void an_event_caused_through_one_replica_reaches_sse_and_webhooks_once_from_any_replica()
      throws Exception {
    Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    Map<String, Long> webhookDelayMs = new ConcurrentHashMap<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          Instant now = Instant.now();
          try (InputStream in = exchange.getRequestBody()) {
            JsonNode body = JSON.readTree(in.readAllBytes());
            String id = body.path("id").asText();
            hits.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            Instant occurred = Instant.parse(body.path("occurredAt").asText());
            webhookDelayMs.putIfAbsent(id, Duration.between(occurred, now).toMillis());
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      api(replica(0), admin)
          .body(
              Map.of(
                  "url",
                  "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                  "events",
                  List.of()))
          .post("/api/v1/webhooks")
          .then()
          .statusCode(201);
      String agent = newUser(replica(2), "AGENT");
      String agentToken = login(replica(2), agent);

      int tickets = Integer.getInteger("cluster.tickets", 100);
      List<Long> sseDelayMs = new ArrayList<>();
      List<String> eventIds = new ArrayList<>();
      try (SseClient stream =
          SseClient.open(replica(1).base + "/api/v1/events", agentToken, null)) {
        for (int i = 0; i < tickets; i++) {
          // Commands through replicas a and c; the stream is on b.
          String ticket = newTicket(replica(i % 2 == 0 ? 0 : 2), "MEDIUM");
          api(replica(2), admin)
              .body(Map.of("body", "Looking into it", "internal", false))
              .post("/api/v1/tickets/" + ticket + "/comments")
              .then()
              .statusCode(201);
          api(replica(0), admin)
              .body(Map.of("assigneeId", agent))
              .put("/api/v1/tickets/" + ticket + "/assignee")
              .then()
              .statusCode(200);
          for (String type : List.of("TicketCreated", "CommentAdded", "TicketAssigned")) {
            SseClient.Event e =
                stream.next(x -> type.equals(x.name()) && x.data().contains(ticket), SOON);
            JsonNode body = JSON.readTree(e.data());
            eventIds.add(body.path("id").asText());
            Instant occurred = Instant.parse(body.path("occurredAt").asText());
            sseDelayMs.add(Duration.between(occurred, e.receivedAt()).toMillis());
          }
        }
      }
      await("every event delivered to the webhook", () -> hits.keySet().containsAll(eventIds));
      // The delivery log settles: no second delivery of anything.
      try (Connection sql = jdbc()) {
        await(
            "no delivery pending",
            () ->
                count(
                        sql,
                        "select count(*) from webhook_deliveries where status <> 'DELIVERED'"
                            + " and event_id::text = any(?)",
                        eventIds)
                    == 0);
      }
      assertThat(eventIds).doesNotHaveDuplicates();
      for (String id : eventIds) {
        assertThat(hits.get(id).get()).as("deliveries of event " + id).isEqualTo(1);
      }
      List<Long> webhook = eventIds.stream().map(webhookDelayMs::get).toList();
      System.out.printf(
          "cluster of 3 replicas, %d events: command -> SSE on another replica p50 %d ms, p99"
              + " %d ms, max %d ms; command -> webhook delivery p50 %d ms, p99 %d ms, max %d ms%n",
          eventIds.size(),
          percentile(sseDelayMs, 50),
          percentile(sseDelayMs, 99),
          percentile(sseDelayMs, 100),
          percentile(webhook, 50),
          percentile(webhook, 99),
          percentile(webhook, 100));
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void one_idempotency_key_sent_to_two_replicas_at_once_has_one_effect() throws Exception {
    String title = "Once " + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    List<CompletableFuture<io.restassured.response.Response>> sent = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      PackagedService replica = replica(i);
      sent.add(
          CompletableFuture.supplyAsync(
              () ->
                  api(replica, customer)
                      .header("Idempotency-Key", key)
                      .body(Map.of("title", title, "description", "Sent twice."))
                      .post("/api/v1/tickets")));
    }
    List<String> created = new ArrayList<>();
    for (CompletableFuture<io.restassured.response.Response> answer : sent) {
      io.restassured.response.Response r = answer.get(30, TimeUnit.SECONDS);
      if (r.statusCode() == 201) {
        created.add(r.path("id"));
      } else {
        // The same key still in flight on another replica: the documented answer.
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
        assertThat(r.asString()).contains("IDEMPOTENCY_IN_FLIGHT");
      }
    }
    assertThat(created).isNotEmpty();
    assertThat(created.stream().distinct()).hasSize(1);
    try (Connection sql = jdbc()) {
      assertThat(count(sql, "select count(*) from tickets where title = ?", List.of(title)))
          .isEqualTo(1);
    }
  }

  @Test
  void the_login_limit_of_an_account_holds_across_replicas() {
    String email = EMAILS.get(newUser(replica(0), "AGENT"));
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(
          given()
              .baseUri(replica(i).base)
              .contentType(ContentType.JSON)
              .body(Map.of("email", email, "password", "not-the-password-" + i))
              .post("/api/v1/auth/login")
              .statusCode());
    }
    // Five tries per account, wherever they land; the sixth is refused on the replica it reaches.
    assertThat(answers.subList(0, 5)).containsOnly(401);
    assertThat(answers.get(5)).isEqualTo(429);
  }

  @Test
  void a_session_ended_through_one_replica_is_refused_by_every_replica() throws Exception {
    String agent = login(replica(0), newUser(replica(0), "AGENT"));
    for (PackagedService r : REPLICAS) {
      api(r, agent).get("/api/v1/me").then().statusCode(200); // each replica now holds the account
    }
    api(replica(1), agent).post("/api/v1/auth/logout").then().statusCode(204);
    api(replica(1), agent).get("/api/v1/me").then().statusCode(401); // at once where it ended
    Instant ended = Instant.now();
    for (PackagedService r : REPLICAS) {
      await(
          "the ended session to be refused by " + r.base,
          () -> api(r, agent).get("/api/v1/me").statusCode() == 401);
    }
    // The accounts live ten minutes in memory here: the database's signal dropped them.
    assertThat(Duration.between(ended, Instant.now())).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void a_settings_change_through_one_replica_holds_on_every_replica_within_five_seconds()
      throws Exception {
    List<String> allowed =
        api(replica(0), admin)
            .get("/api/v1/settings")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("customerPriorities");
    for (PackagedService r : REPLICAS) {
      newTicket(r, "CRITICAL"); // each replica now holds the settings that allow it
    }
    api(replica(2), admin)
        .body(Map.of("customerPriorities", List.of("LOW", "MEDIUM", "HIGH")))
        .patch("/api/v1/settings")
        .then()
        .statusCode(200);
    Instant changed = Instant.now();
    try {
      for (PackagedService r : REPLICAS) {
        await(
            "a customer's CRITICAL ticket to be refused by " + r.base,
            () ->
                api(r, customer)
                        .body(
                            Map.of(
                                "title", "Cluster ticket",
                                "description", "Refused?",
                                "priority", "CRITICAL"))
                        .post("/api/v1/tickets")
                        .statusCode()
                    == 422);
      }
      // The settings live ten minutes in memory here: the database's signal dropped them.
      assertThat(Duration.between(changed, Instant.now())).isLessThan(Duration.ofSeconds(5));
    } finally {
      api(replica(2), admin)
          .body(Map.of("customerPriorities", allowed))
          .patch("/api/v1/settings")
          .then()
          .statusCode(200);
    }
  }

  // ------------------------------------------------------------------------------ helpers

  private static PackagedService replica(int i) {
    return REPLICAS.get(Math.floorMod(i, REPLICAS.size()));
  }

  private static RequestSpecification api(PackagedService replica, String token) {
    return given()
        .baseUri(replica.base)
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON);
  }

  private static String newTicket(PackagedService replica, String priority) {
    return api(replica, customer)
        .body(Map.of("title", "Cluster ticket", "description", "Made here.", "priority", priority))
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static final Map<String, String> EMAILS = new ConcurrentHashMap<>();

  private static String newUser(PackagedService replica, String role) {
    String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@cluster.test";
    String id =
        api(replica, admin)
            .body(
                Map.of(
                    "email", email,
                    "displayName", "Cluster " + role,
                    "password", ADMIN_PASSWORD,
                    "role", role))
            .post("/api/v1/users")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    EMAILS.put(id, email);
    return id;
  }

  private static String login(PackagedService replica, String userId) {
    return given()
        .baseUri(replica.base)
        .contentType(ContentType.JSON)
        .body(Map.of("email", EMAILS.get(userId), "password", ADMIN_PASSWORD))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  private static Connection jdbc() throws Exception {
    return DriverManager.getConnection(
        "jdbc:" + db.get("TRIAGE_DB_URL"), db.get("TRIAGE_DB_USER"), db.get("TRIAGE_DB_PASSWORD"));
  }

  /** Moves every instant of the tickets {@code by} into the past, status history included. */
  private static void backdate(Connection sql, List<String> tickets, Duration by) throws Exception {
    String shift = by.getSeconds() + " seconds";
    try (PreparedStatement s =
        sql.prepareStatement(
            "update tickets set"
                + " created_at = created_at - ?::interval,"
                + " updated_at = updated_at - ?::interval,"
                + " first_responded_at = first_responded_at - ?::interval,"
                + " resolved_at = resolved_at - ?::interval,"
                + " first_response_due_at = first_response_due_at - ?::interval,"
                + " resolution_due_at = resolution_due_at - ?::interval,"
                + " sla_due_at = sla_due_at - ?::interval,"
                + " status_history = (select jsonb_agg(jsonb_build_object('status',"
                + " e ->> 'status', 'at', to_char(((e ->> 'at')::timestamptz - ?::interval)"
                + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')) order by ord)"
                + " from jsonb_array_elements(status_history::jsonb) with ordinality as x(e, ord)"
                + ")::text"
                + " where id::text = any(?)")) {
      for (int i = 1; i <= 8; i++) {
        s.setString(i, shift);
      }
      s.setArray(9, sql.createArrayOf("text", tickets.toArray()));
      assertThat(s.executeUpdate()).isEqualTo(tickets.size());
    }
  }

  private static long events(Connection sql, String ticket, String type) throws Exception {
    try (PreparedStatement s =
        sql.prepareStatement(
            "select count(*) from outbox where aggregate_id::text = ? and type = ?")) {
      s.setString(1, ticket);
      s.setString(2, type);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static long distinctBreachedClocks(Connection sql, String ticket) throws Exception {
    try (PreparedStatement s =
        sql.prepareStatement(
            "select count(distinct payload ->> 'clock') from outbox"
                + " where aggregate_id::text = ? and type = 'SlaBreached'")) {
      s.setString(1, ticket);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** A count whose query has one parameter: a text array of ids ({@code any(?)}) or one id. */
  private static long count(Connection sql, String query, List<String> ids) throws Exception {
    try (PreparedStatement s = sql.prepareStatement(query)) {
      if (query.contains("any(?)")) {
        s.setArray(1, sql.createArrayOf("text", ids.toArray()));
      } else {
        s.setString(1, ids.get(0));
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  /** A condition that may query. */
  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(String what, Check condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.holds()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
