package dev.triage.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bootstrap.support.PackagedService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hardening, point 1: "A PostgreSQL restart under load gives 500s". While {@link #CLIENTS} clients
 * create tickets, each request with its own {@code Idempotency-Key}, PostgreSQL crashes ({@code
 * pg_ctl -m immediate stop}) and is started again on the same port and data directory a few seconds
 * later, so the service meets refused connections, connections cut mid-query and a server that is
 * still starting up. Throughout, no answer is a 500: every refusal is a 503 problem+json with
 * {@code Retry-After}. Readiness is DOWN during the outage and UP within {@link
 * #READY_AGAIN_WITHIN} of the restart; every acknowledged ticket exists afterwards; every request
 * answered 503 or not at all, sent again with its key until it answers 201, made exactly one
 * ticket; and the service's log, read once the database client's 30 s timers armed during the
 * outage have fired, shows no uncaught exception.
 *
 * <p>This starts {@code target/quarkus-app/quarkus-run.jar} itself, as a deployment would; it needs
 * {@code package} to have run (failsafe runs it in {@code verify}).
 */
class DatabaseRestartPackagedIT {

  private static final String ADMIN_EMAIL = "admin@database-restart.test";
  private static final String PASSWORD = "database-restart-password";
  private static final int CLIENTS = 4;
  private static final Duration UP_BEFORE_CRASH = Duration.ofSeconds(6);
  private static final Duration DOWN_FOR = Duration.ofSeconds(8);
  private static final Duration READY_AGAIN_WITHIN = Duration.ofSeconds(10);

  /** How long the load goes on once readiness is back. */
  private static final Duration LOAD_AFTER_READY = Duration.ofSeconds(5);

  /**
   * How long after the crash the service's log is read. The database client arms a timer of its
   * pool's connection timeout (30 s) for queries it cannot start at once; what such a timer does
   * wrong shows in the log only once it fired.
   */
  private static final Duration LOG_READ_AFTER_CRASH = Duration.ofSeconds(40);

  /** Acknowledged creations wanted before the crash and again after readiness is back. */
  private static final int ACKNOWLEDGED_EACH_SIDE = 20;

  /** How long a creator waits after a refusal before its next request; the reader, always. */
  private static final Duration PAUSE_AFTER_REFUSAL = Duration.ofMillis(100);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private CrashablePostgres database;
  private PackagedService service;
  private String base;

  @AfterEach
  void stop() throws IOException {
    if (service != null) {
      service.close();
    }
    if (database != null) {
      database.close();
    }
  }

  /** One ticket creation as the client sent it, and what became of it. */
  private static final class Creation {
    final String key = UUID.randomUUID().toString();
    final String title;
    final String body;

    /** The ticket id of the first 201, on the first attempt or a retry. */
    volatile String ticketId;

    /** The first attempt answered 201: the client was told the ticket exists. */
    volatile boolean acknowledged;

    /** What the first attempt got instead of a 201: a status and body, or the I/O failure. */
    volatile String firstFailure;

    /** A retry answered as a replay: the first attempt had committed without the client knowing. */
    volatile boolean replayed;

    Creation(String marker, int n) {
      this.title = marker + " #" + n;
      this.body =
          "{\"title\":\"" + title + "\",\"description\":\"Sent while the database may be down.\"}";
    }
  }

  /** One answer (status 0: none came), as the client saw it. */
  private record Answer(
      String request,
      Instant at,
      int status,
      String contentType,
      Optional<String> retryAfter,
      String body) {

    String code() {
      try {
        return JSON.readTree(body).path("code").asText();
      } catch (IOException notJson) {
        return "";
      }
    }
  }

  /** One readiness probe. */
  private record Probe(Instant at, int status) {}

  @Test
  void a_database_crash_under_load_is_answered_503_until_it_is_back_and_loses_nothing()
      throws Exception {
    assertThat(PackagedService.JAR).as("the packaged application (run mvn package first)").exists();
    Path work = Path.of("target", "database-restart", UUID.randomUUID().toString());
    Files.createDirectories(work);
    database = CrashablePostgres.start(work.resolve("postgres"));
    Map<String, String> environment = new HashMap<>(database.asDeployed());
    environment.put("TRIAGE_DATA_DIR", work.toString());
    environment.put("TRIAGE_ADMIN_EMAIL", ADMIN_EMAIL);
    environment.put("TRIAGE_ADMIN_PASSWORD", PASSWORD);
    environment.put("TRIAGE_JWT_ACCESS_TOKEN_LIFETIME", "PT1H");
    environment.put("TRIAGE_RATE_LIMITS_CREATE_TICKET_PER_USER_LIMIT", "100000");
    environment.put("TRIAGE_RATE_LIMITS_API_PER_CALLER_LIMIT", "100000");
    environment.put("TRIAGE_RATE_LIMITS_LOGIN_PER_IP_LIMIT", "100000");
    environment.put("TRIAGE_RATE_LIMITS_LOGIN_PER_ACCOUNT_LIMIT", "100000");
    environment.put("QUARKUS_SHUTDOWN_DELAY", "0s"); // whether there is a delay is fixed at build
    service = PackagedService.start("app", work, environment).awaitReady(Duration.ofSeconds(120));
    base = service.base;

    String admin = login(ADMIN_EMAIL);
    String customerEmail = "customer-" + UUID.randomUUID() + "@database-restart.test";
    HttpResponse<String> created =
        post(
            "/api/v1/users",
            admin,
            Optional.empty(),
            JSON.writeValueAsString(
                Map.of(
                    "email",
                    customerEmail,
                    "displayName",
                    "Database Restart Customer",
                    "password",
                    PASSWORD,
                    "role",
                    "CUSTOMER")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String customerId = JSON.readTree(created.body()).path("id").asText();
    String customer = login(customerEmail);

    String marker = "database-restart " + UUID.randomUUID();
    List<Creation> sent = new ArrayList<>();
    ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Probe> probes = new ConcurrentLinkedQueue<>();
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicInteger numbers = new AtomicInteger();
    AtomicBoolean creating = new AtomicBoolean(true);
    AtomicBoolean probing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Answer> reads = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 2);
    List<Future<?>> creators = new ArrayList<>();
    Future<?> prober;
    Instant start = Instant.now();
    Instant crashedAt;
    Instant restartedAt;
    Instant readyAgainAt;
    try {
      for (int i = 0; i < CLIENTS; i++) {
        creators.add(
            clients.submit(
                () -> {
                  while (creating.get()) {
                    Creation c = new Creation(marker, numbers.incrementAndGet());
                    synchronized (sent) {
                      sent.add(c);
                    }
                    Answer answer = create(c, customer);
                    answers.add(answer);
                    if (answer.status() == 201) {
                      c.ticketId = JSON.readTree(answer.body()).path("id").asText();
                      c.acknowledged = true;
                      acknowledged.incrementAndGet();
                    } else {
                      c.firstFailure =
                          answer.status() == 0
                              ? answer.body()
                              : answer.status() + " " + answer.body();
                      Thread.sleep(PAUSE_AFTER_REFUSAL.toMillis());
                    }
                  }
                  return null;
                }));
      }
      creators.add(
          clients.submit(
              () -> {
                for (int n = 0; creating.get(); n++) {
                  Optional<String> one =
                      creations(sent).stream()
                          .filter(c -> c.acknowledged)
                          .map(c -> c.ticketId)
                          .findFirst();
                  Answer answer;
                  if (n % 3 == 0) {
                    answer = read("GET /api/v1/tickets", () -> get("/api/v1/tickets", customer));
                  } else if (n % 3 == 1 && one.isPresent()) {
                    answer =
                        read(
                            "GET /api/v1/tickets/{id}",
                            () -> get("/api/v1/tickets/" + one.get(), customer));
                  } else {
                    answer =
                        read(
                            "POST /api/v1/auth/login",
                            () ->
                                post(
                                    "/api/v1/auth/login",
                                    null,
                                    Optional.empty(),
                                    JSON.writeValueAsString(
                                        Map.of("email", customerEmail, "password", PASSWORD))));
                  }
                  reads.add(answer);
                  Thread.sleep(PAUSE_AFTER_REFUSAL.toMillis());
                }
                return null;
              }));
      prober =
          clients.submit(
              () -> {
                while (probing.get()) {
                  probes.add(new Probe(Instant.now(), readiness()));
                  Thread.sleep(100);
                }
                return null;
              });

      await(
          ACKNOWLEDGED_EACH_SIDE + " acknowledged creations and " + UP_BEFORE_CRASH + " of load",
          Duration.ofSeconds(60),
          () ->
              acknowledged.get() >= ACKNOWLEDGED_EACH_SIDE
                  && Instant.now().isAfter(start.plus(UP_BEFORE_CRASH)));
      crashedAt = Instant.now();
      database.crash();
      await(
          "readiness DOWN after the crash",
          DOWN_FOR,
          () -> probes.stream().anyMatch(p -> p.at().isAfter(crashedAt) && p.status() == 503));
      Instant restartAt = crashedAt.plus(DOWN_FOR);
      await("the end of the outage", DOWN_FOR, () -> Instant.now().isAfter(restartAt));
      database.startAgain();
      restartedAt = Instant.now();
      await(
          "readiness UP after the restart",
          READY_AGAIN_WITHIN,
          () -> probes.stream().anyMatch(p -> p.at().isAfter(restartedAt) && p.status() == 200));
      readyAgainAt =
          probes.stream()
              .filter(p -> p.at().isAfter(restartedAt) && p.status() == 200)
              .map(Probe::at)
              .min(Instant::compareTo)
              .orElseThrow();
      int before = acknowledged.get();
      Instant loadEnd = readyAgainAt.plus(LOAD_AFTER_READY);
      await(
          ACKNOWLEDGED_EACH_SIDE
              + " acknowledged creations and "
              + LOAD_AFTER_READY
              + " of load"
              + " after the restart",
          Duration.ofSeconds(60),
          () ->
              acknowledged.get() >= before + ACKNOWLEDGED_EACH_SIDE
                  && Instant.now().isAfter(loadEnd));
      creating.set(false);
      for (Future<?> c : creators) {
        c.get(60, TimeUnit.SECONDS);
      }
      Instant logRead = crashedAt.plus(LOG_READ_AFTER_CRASH);
      await(
          "the database client's timers armed during the outage to fire",
          LOG_READ_AFTER_CRASH,
          () -> Instant.now().isAfter(logRead));
      probing.set(false);
      prober.get(60, TimeUnit.SECONDS);
    } finally {
      creating.set(false);
      probing.set(false);
      clients.shutdownNow();
    }

    // Readiness: DOWN from the first DOWN after the crash until the restart, UP soon after it.
    Instant firstDown =
        probes.stream()
            .filter(p -> p.at().isAfter(crashedAt) && p.status() != 200)
            .map(Probe::at)
            .min(Instant::compareTo)
            .orElseThrow();
    assertThat(
            probes.stream()
                .filter(p -> p.at().isAfter(firstDown) && p.at().isBefore(restartedAt))
                .map(Probe::status))
        .as("readiness while the database is down")
        .isNotEmpty()
        .allMatch(s -> s == 503);
    assertThat(Duration.between(restartedAt, readyAgainAt))
        .as("readiness back after the restart")
        .isLessThanOrEqualTo(READY_AGAIN_WITHIN);
    assertThat(probes.stream().filter(p -> p.at().isAfter(readyAgainAt)).map(Probe::status))
        .as("readiness once back")
        .allMatch(s -> s == 200);

    // No 500 at any time: every answer is a 201, or a 503 problem that says when to retry.
    List<Answer> all = List.copyOf(answers);
    for (Answer a : all) {
      if (a.status() == 201 || a.status() == 0) {
        continue;
      }
      assertThat(a.status()).as("an answer other than 201: " + a.body()).isEqualTo(503);
      assertThat(a.contentType()).as(a.body()).startsWith("application/problem+json");
      assertThat(a.retryAfter()).as("Retry-After of " + a.body()).isPresent();
      assertThat(a.code()).isEqualTo("SERVICE_UNAVAILABLE");
    }
    assertThat(all.stream().filter(a -> a.status() == 503 && a.at().isAfter(crashedAt)))
        .as("503 answers during the outage")
        .isNotEmpty();
    // The same for reads and sign-ins (the pool's one-shot queries, JDBC for the rate limit).
    for (Answer a : reads) {
      if (a.status() == 200 || a.status() == 0) {
        continue;
      }
      assertThat(a.status()).as(a.request() + ": " + a.body()).isEqualTo(503);
      assertThat(a.contentType()).as(a.body()).startsWith("application/problem+json");
      assertThat(a.retryAfter()).as("Retry-After of " + a.body()).isPresent();
      assertThat(a.code()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    // Every request not acknowledged is sent again with its key until it answers 201.
    List<Creation> creations = creations(sent);
    List<Creation> retried = creations.stream().filter(c -> !c.acknowledged).toList();
    for (Creation c : retried) {
      retryUntilCreated(c, customer);
    }
    // Every key answers with its one ticket, as a replay, and every ticket is there.
    for (Creation c : creations) {
      HttpResponse<String> again = post("/api/v1/tickets", customer, Optional.of(c.key), c.body);
      assertThat(again.statusCode()).as(c.title + ": " + again.body()).isEqualTo(201);
      assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
      assertThat(JSON.readTree(again.body()).path("id").asText())
          .as("the ticket the key " + c.key + " made")
          .isEqualTo(c.ticketId);
      HttpResponse<String> ticket = get("/api/v1/tickets/" + c.ticketId, customer);
      assertThat(ticket.statusCode()).as(c.title + ": " + ticket.body()).isEqualTo(200);
      assertThat(JSON.readTree(ticket.body()).path("title").asText()).isEqualTo(c.title);
    }
    // Exactly one ticket per key, and none that no request accounts for.
    try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres")) {
      Map<String, String> idByTitle = new HashMap<>();
      try (PreparedStatement s =
          sql.prepareStatement(
              "select id::text, title from tickets where requester_id = ?::uuid")) {
        s.setString(1, customerId);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            assertThat(idByTitle.put(r.getString(2), r.getString(1)))
                .as("a second ticket titled " + r.getString(2))
                .isNull();
          }
        }
      }
      for (Creation c : creations) {
        assertThat(idByTitle.get(c.title))
            .as("the one ticket titled " + c.title)
            .isEqualTo(c.ticketId);
      }
      assertThat(idByTitle).as("tickets no request accounts for").hasSameSizeAs(creations);
    }

    assertThat(
            Files.readAllLines(service.log).stream()
                .filter(DatabaseRestartPackagedIT::uncaught)
                .toList())
        .as("uncaught exceptions in the service log " + service.log)
        .isEmpty();

    Map<String, Map<Integer, Long>> creates = new TreeMap<>();
    for (Answer a : all) {
      String phase =
          a.at().isBefore(crashedAt)
              ? "1 before the crash"
              : a.at().isBefore(readyAgainAt) ? "2 crash to readiness back" : "3 after readiness";
      creates.computeIfAbsent(phase, k -> new TreeMap<>()).merge(a.status(), 1L, Long::sum);
    }
    Map<String, Map<Integer, Long>> others = new TreeMap<>();
    for (Answer a : reads) {
      others.computeIfAbsent(a.request(), k -> new TreeMap<>()).merge(a.status(), 1L, Long::sum);
    }
    System.out.printf(
        "database crash under %d concurrent creators: %d creations, first answers by phase and"
            + " status (0 = no answer) %s; other requests by status %s; down %d ms, ready %d ms"
            + " after the restart; %d acknowledged, %d retried with their key (%d had committed"
            + " and were replayed), every key one ticket, no 500%n",
        CLIENTS,
        creations.size(),
        creates,
        others,
        Duration.between(crashedAt, restartedAt).toMillis(),
        Duration.between(restartedAt, readyAgainAt).toMillis(),
        creations.stream().filter(c -> c.acknowledged).count(),
        retried.size(),
        retried.stream().filter(c -> c.replayed).count());
  }

  /**
   * A log line that reports an exception nobody handled: Vert.x's and the JVM's words for it, or
   * the service's own last resort (a 500).
   */
  private static boolean uncaught(String line) {
    return line.contains("Result is already complete")
        || line.contains("Uncaught exception")
        || line.contains("Unhandled exception")
        || line.contains("Exception in thread")
        || line.contains("Unexpected fault while serving");
  }

  private Answer create(Creation c, String token) throws InterruptedException {
    return read(
        "POST /api/v1/tickets", () -> post("/api/v1/tickets", token, Optional.of(c.key), c.body));
  }

  /** A request as the client sent it. */
  private interface Exchange {
    HttpResponse<String> send() throws IOException, InterruptedException;
  }

  /** Sends {@code exchange} and notes its answer, or that none came. */
  private static Answer read(String request, Exchange exchange) throws InterruptedException {
    try {
      HttpResponse<String> answer = exchange.send();
      return new Answer(
          request,
          Instant.now(),
          answer.statusCode(),
          answer.headers().firstValue("Content-Type").orElse(""),
          answer.headers().firstValue("Retry-After"),
          answer.body());
    } catch (IOException noAnswer) {
      return new Answer(request, Instant.now(), 0, "", Optional.empty(), noAnswer.toString());
    }
  }

  private static List<Creation> creations(List<Creation> sent) {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  /**
   * Sends {@code c} again with its key and body until it answers 201. 503 (the database is still
   * coming back) and 409 (its first attempt is still running) are asked again after a moment; any
   * other answer is a failure.
   */
  private void retryUntilCreated(Creation c, String token) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    String last = "nothing yet";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> answer;
      try {
        answer = post("/api/v1/tickets", token, Optional.of(c.key), c.body);
      } catch (IOException e) {
        last = e.toString();
        Thread.sleep(100);
        continue;
      }
      if (answer.statusCode() == 201) {
        c.ticketId = JSON.readTree(answer.body()).path("id").asText();
        c.replayed =
            answer.headers().firstValue("Idempotent-Replayed").filter("true"::equals).isPresent();
        return;
      }
      assertThat(answer.statusCode())
          .as("retry of " + c.title + " (first: " + c.firstFailure + "): " + answer.body())
          .isIn(409, 503);
      last = answer.body();
      Thread.sleep(100);
    }
    throw new AssertionError("no 201 for the retry of " + c.title + " within 60 s; last: " + last);
  }

  private int readiness() throws InterruptedException {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException noAnswer) {
      return 0;
    }
  }

  private String login(String email) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        post(
            "/api/v1/auth/login",
            null,
            Optional.empty(),
            JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode session = JSON.readTree(answer.body());
    return session.path("accessToken").asText();
  }

  private HttpResponse<String> post(
      String path, String token, Optional<String> idempotencyKey, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    idempotencyKey.ifPresent(key -> request.header("Idempotency-Key", key));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A condition polled by {@link #await}. */
  private interface Check {
    boolean holds() throws Exception;
  }

  /** Polls {@code condition} until it holds; fails after {@code limit} or if the service ends. */
  private void await(String what, Duration limit, Check condition) throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.holds()) {
      if (!service.process().isAlive()) {
        throw new AssertionError(
            "the service exited while waiting for " + what + "; see " + service.log);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timed out after " + limit + " waiting for " + what + "; see " + service.log);
      }
      Thread.sleep(50);
    }
  }
}
