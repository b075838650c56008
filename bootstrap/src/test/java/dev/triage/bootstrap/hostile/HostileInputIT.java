package dev.triage.bootstrap.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.hostile.HostileRequests.Breaker;
import dev.triage.bootstrap.hostile.HostileRequests.Endpoint;
import dev.triage.bootstrap.hostile.HostileRequests.Probe;
import dev.triage.bootstrap.hostile.HostileRequests.Role;
import dev.triage.bootstrap.hostile.HostileRequests.Targets;
import dev.triage.bootstrap.hostile.RawHttp.Answer;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.PublishedOperations;
import dev.triage.bootstrap.support.Relay;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Hostile input end to end (QUALITY.md, Reliability 4): at least 10,000 malformed requests, made by
 * {@link HostileRequests} from one seeded random source ({@code -Dhostile.seed=} replays a run,
 * {@code -Dhostile.count=} sizes it, {@code -Dhostile.only=} sends one request of the run), over
 * every endpoint and as every kind of caller, a few at a time. Every answer must be below 500;
 * every 4xx must be problem+json whose {@code status} is the HTTP status and which has a {@code
 * code}; no answer may show a class name, a stack trace or SQL; no request meant to fail may
 * succeed; and afterwards the data is as it was. The smallest request behind each defect the run
 * found is kept below as its own test.
 *
 * <p>Two kinds of request stay out of the run, because the HTTP layer answers them before any
 * application code and without a body: a target that is not a URI ({@code %zz}, raw bytes over
 * 0x7F: 400, connection closed; likewise headers over the size limit, 431, and request lines over
 * it, 414), and a body over the size limit sent in chunks, without a {@code Content-Length} (413).
 * A body over the limit that declares its length is in the run and must be a 413 problem.
 */
@QuarkusTest
class HostileInputIT {

  private static final String PROBLEM = "application/problem+json";
  private static final int IN_FLIGHT = 16;

  /** Text that only an internal failure would put in an answer. */
  private static final List<String> LEAKS =
      List.of(
          "Exception",
          "Caused by",
          "at dev.",
          "at io.",
          "at java.",
          "at org.",
          "dev.triage.",
          "java.lang",
          "com.fasterxml",
          "org.hibernate",
          "org.jboss",
          "io.vertx",
          "io.quarkus",
          "SQLState",
          "SQLSTATE",
          "select ",
          "insert into",
          "update tickets",
          "ERROR:",
          "PgException",
          "Hibernate");

  /** The tables whose rows a refused request must leave alone. */
  private static final List<String> COUNTED =
      List.of(
          "tickets",
          "ticket_comments",
          "users",
          "audit_log",
          "outbox",
          "webhooks",
          "webhook_deliveries",
          "notifications",
          "api_tokens",
          "refresh_tokens",
          "idempotency_records",
          "sla_calendars",
          "categories",
          "saved_views",
          "sla_calendar_versions",
          "sla_policies",
          "sla_policy_versions",
          "canned_responses",
          "attachments",
          "attachment_chunks");

  /** Tables only commands write: their whole content must be unchanged, not just their size. */
  private static final List<String> FINGERPRINTED =
      List.of(
          "tickets",
          "ticket_comments",
          "users",
          "api_tokens",
          "webhooks",
          "notifications",
          "sla_calendars",
          "sla_policies",
          "categories",
          "saved_views",
          "settings");

  @Inject DataSource dataSource;
  @Inject OutboxRelay relay;
  @Inject Pool pool;

  /**
   * Operations the OpenAPI document publishes that the run leaves out on purpose, as {@code "METHOD
   * /api/v1/path"} with the reason. None so far: the two live streams are in the run too (an opened
   * stream fails its probe, not the run).
   */
  private static final Map<String, String> NOT_IN_THE_RUN = Map.of();

  @TestHTTPResource("/")
  URL base;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void ten_thousand_malformed_requests_get_problems_never_a_5xx_and_change_nothing()
      throws Throwable {
    long seed = Long.getLong("hostile.seed", System.nanoTime() ^ System.currentTimeMillis());
    int count = Integer.getInteger("hostile.count", 12_000);
    int only = Integer.getInteger("hostile.only", -1);
    System.out.printf(
        "hostile input: seed %d, %d requests (replay: -Dhostile.seed=%d)%n", seed, count, seed);

    HostileRequests requests = new HostileRequests(targets());
    relayed();
    Map<String, String> before = snapshot();
    long auditMark = lastAuditId();

    Map<String, Map<Integer, AtomicInteger>> byEndpoint = new ConcurrentHashMap<>();
    Map<Breaker, AtomicInteger> byBreaker = new EnumMap<>(Breaker.class);
    for (Breaker b : Breaker.values()) {
      byBreaker.put(b, new AtomicInteger());
    }
    Failures failures = new Failures();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger raw = new AtomicInteger();
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    long started = System.nanoTime();
    try (HttpClient client =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        ExecutorService sockets = Executors.newVirtualThreadPerTaskExecutor()) {
      Random master = new Random(seed);
      for (int i = 0; i < count; i++) {
        long probeSeed = master.nextLong();
        if (only >= 0 && i != only) {
          continue;
        }
        Probe probe = requests.probe(i, new Random(probeSeed));
        for (String d : probe.defects()) {
          for (Breaker b : Breaker.values()) {
            if (b.name().equals(d)) {
              byBreaker.get(b).incrementAndGet();
            }
          }
        }
        slots.acquire();
        sent.incrementAndGet();
        HttpRequest request = probe.raw() ? null : request(probe);
        CompletableFuture<Answer> answer;
        if (request == null) {
          raw.incrementAndGet();
          answer =
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return RawHttp.send(base.getHost(), base.getPort(), probe);
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  },
                  sockets);
        } else {
          answer =
              client
                  .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                  .thenApply(HostileInputIT::answer)
                  // A body that never ends (a stream that opened) fails the probe, not the run.
                  .orTimeout(40, TimeUnit.SECONDS);
        }
        all.add(
            answer.handle(
                (a, error) -> {
                  try {
                    int status = a == null ? -1 : a.status();
                    byEndpoint
                        .computeIfAbsent(probe.endpoint(), k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(status, k -> new AtomicInteger())
                        .incrementAndGet();
                    List<String> wrong =
                        a == null ? List.of("no answer: " + rootCause(error)) : check(probe, a);
                    if (!wrong.isEmpty()) {
                      failures.add(
                          probe.endpoint() + ": " + String.join(", ", wrong),
                          describe(probe, probeSeed, a, wrong));
                    }
                  } finally {
                    slots.release();
                  }
                  return null;
                }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    relayed();
    Map<String, String> after = snapshot();
    report(seed, sent.get(), raw.get(), millis, byEndpoint, byBreaker);
    failures.print(seed);
    if (!after.equals(before)) {
      System.out.println("hostile input: audit entries written during the run:");
      auditSince(auditMark).forEach(entry -> System.out.println("    " + entry));
    }

    assertThat(failures.all()).as("answers that break the contract (seed %d)", seed).isEmpty();
    assertThat(sent.get()).isGreaterThanOrEqualTo(only >= 0 ? 1 : 10_000);
    assertThat(after).as("the data after the run (seed %d)", seed).isEqualTo(before);
  }

  @Test
  void every_published_endpoint_is_in_the_run_and_every_endpoint_of_the_run_is_published() {
    // Only the catalogue is read here, so the targets need not exist.
    Map<Role, String> ids = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      ids.put(role, UUID.randomUUID().toString());
    }
    HostileRequests requests =
        new HostileRequests(
            new Targets(
                Map.of(),
                ids,
                UUID.randomUUID().toString(),
                "T-1",
                "c",
                "r",
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString()));
    List<String> wrong = new ArrayList<>();
    for (Endpoint e : requests.endpoints) {
      String sent = PublishedOperations.key(e.method() + " " + e.path());
      String label = e.label().split(" \\(", 2)[0];
      String named =
          PublishedOperations.key(label.replaceFirst(" ", " " + PublishedOperations.API));
      if (!named.equals(sent)) {
        wrong.add(e.label() + " is the label of " + e.method() + " " + e.path());
      }
    }
    wrong.addAll(
        PublishedOperations.gaps(
            "the hostile-input catalogue (HostileRequests)",
            PublishedOperations.fetch(),
            requests.endpoints.stream().map(e -> e.method() + " " + e.path()).toList(),
            NOT_IN_THE_RUN));
    assertThat(wrong).as("the hostile-input catalogue against GET /q/openapi").isEmpty();
  }

  // ------------------------------------------------------------------------------ reproducers
  // The smallest requests that showed each defect the generated run found (each was a 500 or an
  // answer that was not problem+json).

  @Test
  void a_field_named_twice_is_a_400_problem() throws Exception {
    Api.User agent = Api.newUser("AGENT");
    Response answer =
        Api.json(agent.token())
            .body("{\"body\":\"x\",\"internal\":false,\"internal\":true}")
            .post("/api/v1/tickets/" + UUID.randomUUID() + "/comments");
    assertProblem(answer, 400, "MALFORMED_REQUEST");
  }

  @Test
  void a_declared_body_over_the_limit_is_a_413_problem() throws Exception {
    Api.User customer = Api.newUser("CUSTOMER");
    byte[] body =
        ("{\"title\":\"" + "A".repeat(HostileRequests.BODY_LIMIT) + "\",\"description\":\"x\"}")
            .getBytes(StandardCharsets.UTF_8);
    Probe post =
        new Probe(
            0,
            "POST /tickets",
            "POST",
            "/api/v1/tickets",
            List.of(
                new String[] {"Authorization", "Bearer " + customer.token()},
                new String[] {"Content-Type", "application/json"}),
            body,
            true,
            false,
            List.of());
    Answer answer = RawHttp.send(base.getHost(), base.getPort(), post);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("content-type")).startsWith(PROBLEM);
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(413);
    assertThat(problem.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void a_nul_character_in_a_filter_is_a_400_problem() throws Exception {
    Response answer =
        Api.as(Api.adminToken()).urlEncodingEnabled(false).get("/api/v1/audit-log?entityType=%00");
    assertProblem(answer, 400, "MALFORMED_REQUEST");
  }

  @Test
  void a_date_after_what_the_database_holds_is_a_400_problem() throws Exception {
    Response answer =
        Api.as(Api.newUser("AGENT").token())
            .urlEncodingEnabled(false)
            .get("/api/v1/tickets?createdBefore=%2B294277-01-01T00:00:00Z");
    assertProblem(answer, 400, "MALFORMED_REQUEST");
  }

  @Test
  void a_cursor_at_year_minus_one_billion_is_a_400_problem() throws Exception {
    String cursor =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("n|-1000000000-01-01T00:00:00Z|" + UUID.randomUUID())
                    .getBytes(StandardCharsets.UTF_8));
    Response answer =
        Api.as(Api.newUser("CUSTOMER").token())
            .queryParam("cursor", cursor)
            .get("/api/v1/notifications");
    assertProblem(answer, 400, "MALFORMED_REQUEST");
  }

  @Test
  void a_nul_character_in_a_new_ticket_is_a_400_problem_and_opens_nothing() throws Exception {
    Api.User customer = Api.newUser("CUSTOMER");
    Response answer =
        Api.json(customer.token())
            .body("{\"title\":\"Nul \\u0000 inside\",\"description\":\"Details.\"}")
            .post("/api/v1/tickets");
    assertProblem(answer, 400, "MALFORMED_REQUEST");
    assertThat(customer.request().get("/api/v1/tickets").jsonPath().getList("items")).isEmpty();
  }

  @Test
  void an_unknown_field_named_by_a_lone_surrogate_gets_a_readable_problem() throws Exception {
    Response answer =
        Api.json(Api.newUser("CUSTOMER").token())
            .body("{\"\\ud800\":1}")
            .post("/api/v1/tickets/" + UUID.randomUUID() + "/reopen");
    assertProblem(answer, 400, "MALFORMED_REQUEST");
  }

  @Test
  void an_escaped_percent_beside_a_matrix_parameter_is_a_problem_not_a_500() throws Exception {
    Response answer =
        Api.as(Api.newUser("CUSTOMER").token())
            .urlEncodingEnabled(false)
            .delete("/api/v1/tickets/%25/assignee;x=1");
    assertThat(answer.statusCode()).as(answer.asString()).isLessThan(500);
    assertProblem(answer, answer.statusCode(), answer.jsonPath().getString("code"));
  }

  /** A problem+json answer with this status and code, readable by a strict UTF-8 JSON parser. */
  private void assertProblem(Response answer, int status, String code) throws Exception {
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith(PROBLEM);
    JsonNode problem = json.readTree(answer.asByteArray());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    for (String leak : LEAKS) {
      assertThat(answer.asString()).doesNotContain(leak);
    }
  }

  // ------------------------------------------------------------------------------ the checks

  /** What is wrong with {@code a} as the answer to {@code p}; empty when nothing. */
  private List<String> check(Probe p, Answer a) {
    List<String> wrong = new ArrayList<>();
    int status = a.status();
    if (status >= 500) {
      wrong.add("status " + status);
    }
    if (status >= 200 && status < 300 && !p.method().equals("GET")) {
      wrong.add("a request meant to be refused succeeded");
    }
    if (status >= 400 && status < 500) {
      String type = a.header("content-type");
      if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(PROBLEM)) {
        wrong.add("content type " + type + ", not " + PROBLEM);
      }
      try {
        JsonNode body = json.readTree(a.body());
        if (body == null || !body.isObject()) {
          wrong.add("body is not a JSON object");
        } else {
          if (!body.path("status").isInt() || body.path("status").asInt() != status) {
            wrong.add("body status " + body.path("status") + " is not " + status);
          }
          if (!body.path("code").isTextual() || body.path("code").asText().isBlank()) {
            wrong.add("body has no code");
          }
        }
      } catch (Exception e) {
        wrong.add("body is not JSON (" + e.getMessage() + ")");
      }
      if (status == 401 && (a.header("www-authenticate") == null)) {
        wrong.add("401 without WWW-Authenticate");
      }
    }
    String text = a.text();
    String sentText = p.sentText().toLowerCase(Locale.ROOT);
    for (String leak : LEAKS) {
      if (text.contains(leak) && !sentText.contains(leak.toLowerCase(Locale.ROOT))) {
        wrong.add("answer shows '" + leak + "'");
      }
    }
    return wrong;
  }

  private static String describe(Probe p, long seed, Answer a, List<String> wrong) {
    String body = a == null ? "" : a.text();
    return String.format(
        "#%d (probe seed %d) %s %s [%s] as sent: %s %s%n    headers: %s%n    body: %s%n    -> %s%n"
            + "    answer: %s%n",
        p.index(),
        seed,
        p.endpoint(),
        String.join(", ", wrong),
        String.join(", ", p.defects()),
        p.method(),
        abbreviate(p.target(), 300),
        abbreviate(headers(p), 400),
        p.body() == null ? "(none)" : abbreviate(new String(p.body()), 300),
        a == null ? "no answer" : a.status() + " " + a.headers(),
        abbreviate(body, 600));
  }

  // ------------------------------------------------------------------------------ sending

  /** The request for the JDK client, or null when it refuses what the probe holds. */
  private HttpRequest request(Probe p) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + p.target()))
              .timeout(Duration.ofSeconds(30));
      for (String[] h : p.headers()) {
        b.header(h[0], h[1]);
      }
      byte[] body = p.body();
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : p.chunked()
                  ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                  : HttpRequest.BodyPublishers.ofByteArray(body);
      return b.method(p.method(), publisher).build();
    } catch (IllegalArgumentException refusedByTheClient) {
      return null;
    }
  }

  private static Answer answer(HttpResponse<byte[]> response) {
    Map<String, List<String>> headers = new TreeMap<>();
    response
        .headers()
        .map()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    return new Answer(response.statusCode(), headers, response.body());
  }

  // ------------------------------------------------------------------------------ the data

  /** Each role's token and the customer's ticket with a comment, made through the API. */
  private Targets targets() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String admin = Api.adminToken();
    String adminId = Api.as(admin).get("/api/v1/me").then().statusCode(200).extract().path("id");
    // The categories the catalogue's valid values name, so such values travel as far as they may.
    Api.category("hardware");
    Api.category("network");
    String ticket = Api.newTicket(customer.token());
    String number =
        Api.as(customer.token())
            .get("/api/v1/tickets/" + ticket)
            .then()
            .statusCode(200)
            .extract()
            .path("number");
    String comment =
        Api.json(customer.token())
            .body("{\"body\":\"A first reply.\"}")
            .post("/api/v1/tickets/" + ticket + "/comments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String refresh =
        given()
            .contentType(ContentType.JSON)
            .body("{\"email\":\"" + customer.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}")
            .post("/api/v1/auth/login")
            .then()
            .statusCode(200)
            .extract()
            .path("refreshToken");
    Map<Role, String> tokens = new EnumMap<>(Role.class);
    tokens.put(Role.CUSTOMER, customer.token());
    tokens.put(Role.AGENT, agent.token());
    tokens.put(Role.ADMIN, admin);
    Map<Role, String> ids = new EnumMap<>(Role.class);
    ids.put(Role.CUSTOMER, customer.id());
    ids.put(Role.AGENT, agent.id());
    ids.put(Role.ADMIN, adminId);
    String category =
        Api.json(admin)
            .body("{\"name\":\"hostile-" + UUID.randomUUID() + "\"}")
            .post("/api/v1/categories")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String view =
        Api.json(admin)
            .body("{\"name\":\"hostile-" + UUID.randomUUID() + "\",\"shared\":true}")
            .post("/api/v1/views")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String ticketField =
        Api.json(admin)
            .body(
                "{\"key\":\"hostile_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 20)
                    + "\",\"label\":\"Hostile\",\"type\":\"TEXT\"}")
            .post("/api/v1/ticket-fields")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String group =
        Api.json(admin)
            .body("{\"name\":\"hostile-" + UUID.randomUUID() + "\"}")
            .post("/api/v1/groups")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String canned =
        Api.json(admin)
            .body("{\"title\":\"hostile\",\"body\":\"Hi {{ticket.number}}\",\"shared\":true}")
            .post("/api/v1/canned-responses")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String macro =
        Api.json(admin)
            .body(
                "{\"title\":\"hostile\",\"shared\":true,"
                    + "\"actions\":[{\"type\":\"addTags\",\"value\":[\"hostile\"]}]}")
            .post("/api/v1/macros")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Targets(
        tokens,
        ids,
        ticket,
        number,
        comment,
        refresh,
        category,
        view,
        ticketField,
        group,
        canned,
        macro);
  }

  /** Row counts of every table, and a digest of the tables only commands write. */
  private Map<String, String> snapshot() throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : COUNTED) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          out.put(table + " rows", Long.toString(rs.getLong(1)));
        }
      }
      for (String table : FINGERPRINTED) {
        try (ResultSet rs =
            s.executeQuery(
                "select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from "
                    + table
                    + " t")) {
          rs.next();
          out.put(table + " digest", rs.getString(1));
        }
      }
    }
    return out;
  }

  private long lastAuditId() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from audit_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** What the audit entries after {@code id} record, to tell which request changed data. */
  private List<String> auditSince(long id) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select action, entity_type, entity_id, actor_role, request_id from audit_log"
                    + " where id > "
                    + id
                    + " order by id")) {
      while (rs.next()) {
        out.add(
            String.format(
                "%s %s %s by %s, request %s",
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)));
      }
    }
    return out;
  }

  /** Publishes every event committed so far, so the relay adds no notification during the run. */
  private void relayed() throws Throwable {
    Relay.publishAll(pool, relay);
  }

  // ------------------------------------------------------------------------------ the report

  private static void report(
      long seed,
      int sent,
      int raw,
      long millis,
      Map<String, Map<Integer, AtomicInteger>> byEndpoint,
      Map<Breaker, AtomicInteger> byBreaker) {
    Map<Integer, Integer> byStatus = new TreeMap<>();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "hostile input: seed %d, %d requests (%d written byte for byte) in %d ms, %.0f/s%n",
            seed, sent, raw, millis, sent * 1000.0 / Math.max(1, millis)));
    out.append("  per endpoint (total: status=count ...):\n");
    new TreeMap<>(byEndpoint)
        .forEach(
            (endpoint, statuses) -> {
              Map<Integer, Integer> sorted = new TreeMap<>();
              statuses.forEach((s, n) -> sorted.put(s, n.get()));
              sorted.forEach((s, n) -> byStatus.merge(s, n, Integer::sum));
              int total = sorted.values().stream().mapToInt(Integer::intValue).sum();
              StringBuilder line = new StringBuilder();
              sorted.forEach((s, n) -> line.append(' ').append(s).append('=').append(n));
              out.append(String.format("    %-52s %5d:%s%n", endpoint, total, line));
            });
    out.append("  per status:");
    byStatus.forEach((s, n) -> out.append(' ').append(s).append('=').append(n));
    out.append("\n  requests per breaker:");
    byBreaker.forEach((b, n) -> out.append(' ').append(b).append('=').append(n.get()));
    System.out.println(out);
  }

  // ------------------------------------------------------------------------------ helpers

  /** The failures of a run, grouped by endpoint and what was wrong. */
  private static final class Failures {
    private final Map<String, ConcurrentLinkedQueue<String>> groups = new ConcurrentHashMap<>();

    void add(String group, String failure) {
      groups.computeIfAbsent(group, k -> new ConcurrentLinkedQueue<>()).add(failure);
    }

    List<String> all() {
      List<String> out = new ArrayList<>();
      groups.values().forEach(out::addAll);
      return Collections.unmodifiableList(out);
    }

    void print(long seed) {
      if (groups.isEmpty()) {
        return;
      }
      System.out.printf(
          "hostile input: %d answers break the contract (seed %d), %d kinds:%n",
          all().size(), seed, groups.size());
      new TreeMap<>(groups)
          .forEach(
              (group, items) -> {
                System.out.printf("  %5d x %s%n", items.size(), group);
                items.stream().limit(3).forEach(item -> System.out.print("      " + item));
              });
    }
  }

  private static String headers(Probe p) {
    StringBuilder out = new StringBuilder();
    for (String[] h : p.headers()) {
      out.append(h[0])
          .append(": ")
          .append(h[0].equals("Authorization") ? abbreviate(h[1], 30) : h[1])
          .append("; ");
    }
    return out.toString();
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...(" + s.length() + " chars)";
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.toString();
  }
}
