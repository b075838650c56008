package dev.triage.bootstrap.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as its own process, as
 * a deployment runs it, on a free port, configured by environment variables only.
 */
public final class PackagedService implements AutoCloseable {

  public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public final String name;
  public final String base;
  public final Path log;
  private final Process process;

  private PackagedService(String name, String base, Path log, Process process) {
    this.name = name;
    this.base = base;
    this.log = log;
    this.process = process;
  }

  public static PackagedService start(String name, Path work, Map<String, String> environment)
      throws IOException {
    int port = freePort();
    Path log = work.resolve(name + ".log");
    ProcessBuilder launch =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    launch.environment().putAll(environment);
    launch.environment().put("TRIAGE_HTTP_PORT", Integer.toString(port));
    return new PackagedService(name, "http://localhost:" + port, log, launch.start());
  }

  /** Waits until readiness answers UP; fails if the process ends or {@code limit} passes. */
  public PackagedService awaitReady(Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited while starting; see " + log);
      }
      try {
        HttpResponse<Void> ready =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(name + " not ready within " + limit + "; see " + log);
      }
      Thread.sleep(100);
    }
  }

  /** The process, for tests that signal it themselves. */
  public Process process() {
    return process;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
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
