package dev.triage.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bootstrap.EmbeddedPostgresResource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on the packaged application while requests are in flight: readiness turns DOWN at once,
 * the server keeps answering through the shutdown delay, and every request in flight completes with
 * its real answer before the process ends. No endpoint is slowed down for the test: the test holds
 * a lock on the tickets table, so ticket creations wait inside the database until it lets go, after
 * the drain has begun.
 *
 * <p>This starts {@code target/quarkus-app/quarkus-run.jar} itself, as a deployment would, to be
 * able to signal it; it needs {@code package} to have run (failsafe runs it in {@code verify}).
 */
class GracefulShutdownPackagedIT {

  private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final Path WORK = Path.of("target", "graceful-shutdown");
  private static final int IN_FLIGHT = 6;
  private static final String ADMIN_EMAIL = "admin@shutdown.test";
  private static final String ADMIN_PASSWORD = "shutdown-admin-password";

  private final EmbeddedPostgresResource database = new EmbeddedPostgresResource();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private Process app;
  private Path appLog;

  @AfterEach
  void stop() {
    if (app != null && app.isAlive()) {
      app.destroyForcibly();
    }
    database.stop();
  }

  @Test
  void sigterm_drops_readiness_first_and_cuts_no_request_in_flight() throws Exception {
    assertThat(JAR).as("the packaged application (run mvn package first)").exists();
    Map<String, String> db = PackagedDatabase.asDeployed(database.start());
    int port = freePort();
    String base = "http://localhost:" + port;
    Files.createDirectories(WORK);
    appLog = WORK.resolve("app-" + UUID.randomUUID() + ".log");

    ProcessBuilder launch =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(appLog.toFile());
    launch.environment().putAll(db);
    launch.environment().put("TRIAGE_HTTP_PORT", Integer.toString(port));
    launch.environment().put("TRIAGE_DATA_DIR", WORK.toString());
    launch.environment().put("TRIAGE_ADMIN_EMAIL", ADMIN_EMAIL);
    launch.environment().put("TRIAGE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    // As deploy/base/configmap.yaml sets it; the delay is the shipped default (5 s).
    launch.environment().put("QUARKUS_SHUTDOWN_TIMEOUT", "25s");
    app = launch.start();

    await(
        "the application to be ready",
        Duration.ofSeconds(90),
        () -> status(base, "/q/health/ready") == 200);
    String token = login(base);

    try (Connection sql = jdbc(db);
        Connection monitor = jdbc(db)) {
      // Ticket inserts now wait on this lock inside PostgreSQL: the requests stay in flight.
      sql.setAutoCommit(false);
      try (Statement lock = sql.createStatement()) {
        lock.execute("lock table tickets in share mode");
      }
      String marker = "shutdown-" + UUID.randomUUID();
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        inFlight.add(
            http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                    .timeout(Duration.ofSeconds(90))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", marker + "-" + i)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"" + marker + "\",\"description\":\"In flight.\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      await(
          IN_FLIGHT + " inserts waiting on the lock",
          Duration.ofSeconds(30),
          () -> waitingOnLocks(monitor) >= IN_FLIGHT);

      Instant sigterm = Instant.now();
      app.destroy(); // SIGTERM

      // Within the shutdown delay (5 s), while the server still accepts.
      await(
          "readiness to turn DOWN",
          Duration.ofSeconds(5),
          () -> status(base, "/q/health/ready") == 503);
      HttpResponse<String> ready = get(base, "/q/health/ready");
      assertThat(ready.body()).contains("Graceful Shutdown").contains("DOWN");
      // Still accepting during the delay: liveness answers, and so does the API.
      assertThat(status(base, "/q/health/live")).isEqualTo(200);
      assertThat(
              http.send(
                      HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                          .header("Authorization", "Bearer " + token)
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);

      // After the delay the server drains: the creations are still waiting, none has been cut.
      await(
          "the drain to begin",
          Duration.ofSeconds(30),
          () -> appLogContains("Waiting for HTTP requests to complete"));
      Duration delay = Duration.between(sigterm, Instant.now());
      assertThat(inFlight).noneMatch(CompletableFuture::isDone);
      assertThat(app.isAlive()).isTrue();

      sql.commit(); // let the inserts through

      for (CompletableFuture<HttpResponse<String>> request : inFlight) {
        HttpResponse<String> answer = request.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      }
      assertThat(app.waitFor(40, TimeUnit.SECONDS)).as("the process ends").isTrue();
      assertThat(appLogContains("All HTTP requests complete")).isTrue();
      assertThat(ticketsTitled(sql, marker)).isEqualTo(IN_FLIGHT);
      System.out.printf(
          "graceful shutdown: readiness 503 within 5 s of SIGTERM, drain began after %d ms,"
              + " %d requests in flight all answered 201, exit code %d%n",
          delay.toMillis(), IN_FLIGHT, app.exitValue());
    }
  }

  private String login(String base) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\""
                            + ADMIN_EMAIL
                            + "\",\"password\":\""
                            + ADMIN_PASSWORD
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return new ObjectMapper().readTree(answer.body()).path("accessToken").asText();
  }

  private HttpResponse<String> get(String base, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status of a GET, or -1 when nothing answers (not started yet, or gone). */
  private int status(String base, String path) {
    try {
      return get(base, path).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private boolean appLogContains(String text) {
    try {
      return Files.readString(appLog, StandardCharsets.UTF_8).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private static Connection jdbc(Map<String, String> db) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:" + db.get("TRIAGE_DB_URL"), db.get("TRIAGE_DB_USER"), db.get("TRIAGE_DB_PASSWORD"));
  }

  /** Sessions blocked on a lock now (autocommit: each query sees a fresh activity snapshot). */
  private static int waitingOnLocks(Connection sql) {
    try (Statement s = sql.createStatement();
        ResultSet r =
            s.executeQuery(
                "select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and datname = current_database()")) {
      r.next();
      return r.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int ticketsTitled(Connection sql, String title) throws SQLException {
    try (PreparedStatement s =
        sql.prepareStatement("select count(*) from tickets where title = ?")) {
      s.setString(1, title);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Polls {@code condition} until it holds; fails after {@code limit}. */
  private void await(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (app != null && !app.isAlive()) {
        throw new AssertionError(
            "the application exited while waiting for " + what + "; see " + appLog);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timed out after " + limit + " waiting for " + what + "; see " + appLog);
      }
      Thread.sleep(50);
    }
  }
}
