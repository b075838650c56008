package dev.triage.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bootstrap.support.PackagedService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hardening: the embedded database does not outlive a killed service. The packaged service runs on
 * its own embedded PostgreSQL (no {@code TRIAGE_DB_URL}) and is killed with SIGKILL; its
 * PostgreSQL, which runs detached, is still there. The next start on the same data directory stops
 * that leftover server, starts its own, and finds every acknowledged ticket. A second service on a
 * directory that a live service uses is refused at once, naming the directory, and the live one
 * keeps working. Nothing is left running at the end.
 *
 * <p>This starts {@code target/quarkus-app/quarkus-run.jar} itself, as a deployment would, to be
 * able to kill it; it needs {@code package} to have run (failsafe runs it in {@code verify}).
 */
class OrphanDatabasePackagedIT {

  private static final String ADMIN_EMAIL = "admin@orphan-database.test";
  private static final String PASSWORD = "orphan-database-admin-password";
  private static final int TICKETS = 12;
  private static final int SIGKILL_EXIT = 128 + 9;
  private static final Duration START = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<PackagedService> started = new ArrayList<>();
  private Path dataDir;

  @AfterEach
  void stopEverything() throws InterruptedException {
    for (PackagedService service : started) {
      service.close();
    }
    // Whatever a failed run left on this test's directory goes too; nothing else is touched.
    if (dataDir != null) {
      for (ProcessHandle postgres : postgresOn(dataDir)) {
        postgres.destroy();
      }
      Instant deadline = Instant.now().plusSeconds(20);
      while (!postgresOn(dataDir).isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      postgresOn(dataDir).forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void a_start_after_kill_minus_nine_stops_the_leftover_database_and_a_second_service_is_refused()
      throws Exception {
    assertThat(PackagedService.JAR).as("the packaged application (run mvn package first)").exists();
    Path work = Path.of("target", "orphan-database", UUID.randomUUID().toString()).toAbsolutePath();
    dataDir = work.resolve("data");
    Files.createDirectories(work);
    Map<String, String> environment = new HashMap<>();
    environment.put("TRIAGE_DB_URL", ""); // blank counts as unset: the embedded database
    environment.put("TRIAGE_DATA_DIR", dataDir.toString());
    environment.put("TRIAGE_ADMIN_EMAIL", ADMIN_EMAIL);
    environment.put("TRIAGE_ADMIN_PASSWORD", PASSWORD);
    environment.put("QUARKUS_SHUTDOWN_DELAY_ENABLED", "false");

    // A service on a fresh directory acknowledges some tickets, then dies by SIGKILL.
    PackagedService first = launch("first", work, environment).awaitReady(START);
    String token = login(first);
    Map<String, String> acknowledged = new LinkedHashMap<>();
    for (int i = 0; i < TICKETS; i++) {
      String title = "orphan-database " + UUID.randomUUID();
      HttpResponse<String> created = createTicket(first, token, title);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      acknowledged.put(JSON.readTree(created.body()).path("id").asText(), title);
    }
    long leftover = postmasterPid();
    first.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS))
        .as("the killed service ends")
        .isTrue();
    assertThat(first.process().exitValue()).as("ended by SIGKILL").isEqualTo(SIGKILL_EXIT);
    assertThat(ProcessHandle.of(leftover).filter(ProcessHandle::isAlive))
        .as("the killed service's PostgreSQL outlives it (the situation under test)")
        .isPresent();

    // The next start stops the leftover server, says so once, and has every acknowledged ticket.
    PackagedService second = launch("second", work, environment).awaitReady(START);
    assertThat(ProcessHandle.of(leftover).filter(ProcessHandle::isAlive))
        .as("the leftover PostgreSQL (PID " + leftover + ")")
        .isEmpty();
    List<String> stopped =
        logLines(second).stream().filter(line -> line.contains("Stopped the embedded")).toList();
    assertThat(stopped).as("the line about the stopped server in " + second.log).hasSize(1);
    assertThat(stopped.get(0))
        .contains("PID " + leftover)
        .contains(dataDir.resolve("postgres").toString());
    long serving = postmasterPid();
    assertThat(serving).isNotEqualTo(leftover);
    token = login(second);
    for (Map.Entry<String, String> ticket : acknowledged.entrySet()) {
      HttpResponse<String> read = get(second, token, "/api/v1/tickets/" + ticket.getKey());
      assertThat(read.statusCode()).as(ticket.getValue() + ": " + read.body()).isEqualTo(200);
      assertThat(JSON.readTree(read.body()).path("title").asText()).isEqualTo(ticket.getValue());
    }

    // A third service on the directory the second one uses is refused at once, naming it.
    PackagedService third = launch("third", work, environment);
    assertThat(third.process().waitFor(60, TimeUnit.SECONDS))
        .as("the refused service ends")
        .isTrue();
    assertThat(third.process().exitValue()).as("refused; see " + third.log).isEqualTo(2);
    assertThat(Files.readString(third.log, StandardCharsets.UTF_8))
        .contains("the data directory " + dataDir + " is in use by another running Triage service")
        .contains("process " + second.process().pid());
    // ... and the second one, and its PostgreSQL, are untouched.
    assertThat(second.process().isAlive()).isTrue();
    assertThat(postmasterPid()).isEqualTo(serving);
    assertThat(ProcessHandle.of(serving).filter(ProcessHandle::isAlive)).isPresent();
    HttpResponse<String> stillWorking = createTicket(second, token, "after the refusal");
    assertThat(stillWorking.statusCode()).as(stillWorking.body()).isEqualTo(201);
    String id = JSON.readTree(stillWorking.body()).path("id").asText();
    assertThat(get(second, token, "/api/v1/tickets/" + id).statusCode()).isEqualTo(200);

    // A regular stop takes its PostgreSQL with it.
    second.close();
    assertThat(second.process().isAlive()).isFalse();
    Instant deadline = Instant.now().plusSeconds(20);
    while (!postgresOn(dataDir).isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(postgresOn(dataDir))
        .as("postgres processes on " + dataDir + " after the last service stopped")
        .isEmpty();
    System.out.printf(
        "orphan database: killed service's PostgreSQL %d stopped by the next start, %d of %d"
            + " acknowledged tickets found, a second service on the live directory refused%n",
        leftover, acknowledged.size(), TICKETS);
  }

  private PackagedService launch(String name, Path work, Map<String, String> environment)
      throws IOException {
    PackagedService service = PackagedService.start(name, work, environment);
    started.add(service);
    return service;
  }

  /** The PID in the embedded server's {@code postmaster.pid}. */
  private long postmasterPid() throws IOException {
    List<String> lines = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
    return Long.parseLong(lines.get(0).trim());
  }

  /**
   * Live processes whose command line names {@code directory}: its PostgreSQL and their workers.
   */
  private static List<ProcessHandle> postgresOn(Path directory) {
    String named = directory.toString();
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().filter(c -> c.contains(named)).isPresent())
        .filter(p -> p.info().command().filter(c -> c.contains("postgres")).isPresent())
        .toList();
  }

  private static List<String> logLines(PackagedService service) throws IOException {
    return Files.readAllLines(service.log, StandardCharsets.UTF_8);
  }

  private String login(PackagedService service) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        send(
            service,
            null,
            "/api/v1/auth/login",
            JSON.writeValueAsString(Map.of("email", ADMIN_EMAIL, "password", PASSWORD)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).path("accessToken").asText();
  }

  private HttpResponse<String> createTicket(PackagedService service, String token, String title)
      throws IOException, InterruptedException {
    return send(
        service,
        token,
        "/api/v1/tickets",
        JSON.writeValueAsString(
            Map.of("title", title, "description", "Written before the service is killed.")));
  }

  private HttpResponse<String> send(PackagedService service, String token, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(service.base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(PackagedService service, String token, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(service.base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
