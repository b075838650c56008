package dev.triage.contract;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code bootstrap/target/quarkus-app/quarkus-run.jar}) run as its own
 * process on a free port, with its own embedded database under {@code target/} (or the one {@code
 * TRIAGE_TEST_DB_URL} names), configured by environment variables only, as the README runs it.
 */
final class Service implements AutoCloseable {

  static final Path JAR = GeneratedClientTourIT.fromBuild("triage.jar");
  static final Path OPENAPI = GeneratedClientTourIT.fromBuild("triage.openapi");

  private final String base;
  private final Path log;
  private final Process process;

  private Service(String base, Path log, Process process) {
    this.base = base;
    this.log = log;
    this.process = process;
  }

  static Service start(String adminEmail, String adminPassword) throws Exception {
    if (!Files.exists(JAR)) {
      throw new AssertionError("No packaged service at " + JAR + ": build the bootstrap module");
    }
    Path work = Path.of("target", "contract-run", UUID.randomUUID().toString());
    Files.createDirectories(work);
    int port = freePort();
    Path log = work.resolve("service.log");
    ProcessBuilder launch =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    launch.environment().put("TRIAGE_HTTP_PORT", Integer.toString(port));
    launch.environment().put("TRIAGE_DATA_DIR", work.resolve("data").toString());
    launch.environment().put("TRIAGE_ADMIN_EMAIL", adminEmail);
    launch.environment().put("TRIAGE_ADMIN_PASSWORD", adminPassword);
    launch.environment().put("QUARKUS_SHUTDOWN_DELAY_ENABLED", "false");
    String external = System.getenv("TRIAGE_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      // A production build has no embedded database: it runs on the one the tests are given.
      launch.environment().put("TRIAGE_DB_URL", external);
      launch
          .environment()
          .put("TRIAGE_DB_USER", System.getenv().getOrDefault("TRIAGE_TEST_DB_USER", "postgres"));
      launch
          .environment()
          .put("TRIAGE_DB_PASSWORD", System.getenv().getOrDefault("TRIAGE_TEST_DB_PASSWORD", ""));
    }
    Service service = new Service("http://localhost:" + port, log, launch.start());
    try {
      service.awaitReady(Duration.ofSeconds(120));
    } catch (Exception | AssertionError e) {
      service.close();
      throw e;
    }
    return service;
  }

  String base() {
    return base;
  }

  private void awaitReady(Duration limit) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError("The service exited while starting; see " + log);
      }
      try {
        HttpResponse<Void> ready =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("The service was not ready within " + limit + "; see " + log);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
