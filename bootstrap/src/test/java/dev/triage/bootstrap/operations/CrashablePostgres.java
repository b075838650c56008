package dev.triage.bootstrap.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL, from the embedded binaries on the test class path, that a test can crash and
 * start again on the same port and data directory, as an operator's {@code pg_ctl -m immediate
 * stop} (every server process quits at once, no checkpoint: the next start runs crash recovery) and
 * {@code pg_ctl start} would. Needs nothing but a JDK: the binaries are the ones the embedded
 * database extracted.
 */
final class CrashablePostgres implements AutoCloseable {

  /**
   * Commits are durable once acknowledged, so a crash may not lose what the service reported as
   * done (the embedded default, {@code synchronous_commit=off}, would lose the last few).
   */
  private static final Map<String, String> SETTINGS =
      Map.of("synchronous_commit", "on", "max_connections", "300", "timezone", "UTC");

  private static final Duration PG_CTL_LIMIT = Duration.ofSeconds(60);

  private final EmbeddedPostgres first;
  private final Path data;
  private final Path pgCtl;
  private final Path log;
  private final int port;

  private CrashablePostgres(EmbeddedPostgres first, Path data, Path pgCtl, Path log) {
    this.first = first;
    this.data = data;
    this.pgCtl = pgCtl;
    this.log = log;
    this.port = first.getPort();
  }

  /**
   * Creates a cluster in {@code directory} and starts it on a free port; the restarted server logs
   * to {@code postgres.log} there.
   */
  static CrashablePostgres start(Path directory) throws IOException {
    Path data = directory.resolve("data").toAbsolutePath();
    Files.createDirectories(directory);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true);
    SETTINGS.forEach(builder::setServerConfig);
    EmbeddedPostgres postgres = builder.start();
    Path pgCtl = binaries(data).resolve("pg_ctl");
    return new CrashablePostgres(
        postgres, data, pgCtl, directory.toAbsolutePath().resolve("postgres.log"));
  }

  /**
   * The directory of the running server's binaries, from the command line it recorded in {@code
   * postmaster.opts} (its first word is the {@code postgres} executable).
   */
  private static Path binaries(Path data) throws IOException {
    Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(read(data, "postmaster.opts"));
    if (!word.find()) {
      throw new IOException("postmaster.opts names no executable in " + data);
    }
    String executable = word.group(1) != null ? word.group(1) : word.group(2);
    return Path.of(executable).getParent();
  }

  private static String read(Path data, String file) throws IOException {
    return Files.readString(data.resolve(file)).strip();
  }

  /** The service's settings for this database, as a deployment names them. */
  Map<String, String> asDeployed() {
    return Map.of(
        "TRIAGE_DB_URL", "postgresql://localhost:" + port + "/postgres",
        "TRIAGE_DB_USER", "postgres",
        "TRIAGE_DB_PASSWORD", "postgres");
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  /** {@code pg_ctl -m immediate stop}: the server and every connection go at once. */
  void crash() throws IOException, InterruptedException {
    pgCtl("-D", data.toString(), "-m", "immediate", "-w", "stop");
  }

  /**
   * {@code pg_ctl start} on the same data directory and port; answers once the server accepts
   * connections again (crash recovery done).
   */
  void startAgain() throws IOException, InterruptedException {
    List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-F"));
    SETTINGS.forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
    pgCtl(
        "-D",
        data.toString(),
        "-l",
        log.toString(),
        "-o",
        String.join(" ", options),
        "-w",
        "-t",
        Long.toString(PG_CTL_LIMIT.toSeconds()),
        "start");
  }

  private void pgCtl(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U")); // as the embedded database does: never as root
    }
    command.add(pgCtl.toString());
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile(log.getParent(), "pg_ctl", ".out");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!p.waitFor(PG_CTL_LIMIT.toSeconds() + 10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("pg_ctl did not finish: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "pg_ctl failed (" + p.exitValue() + "): " + command + "\n" + Files.readString(output));
    }
  }

  /**
   * Stops the server (the embedded database's own stop works on a restarted server too) and deletes
   * its data directory.
   */
  @Override
  public void close() throws IOException {
    first.close();
  }
}
