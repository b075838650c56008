package dev.triage.bootstrap;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Starts Triage. With {@code TRIAGE_DB_URL} set it uses that PostgreSQL; without it, a default
 * build starts an embedded PostgreSQL whose files live in {@code TRIAGE_DATA_DIR} (default {@code
 * ./data}), so a restart keeps every ticket. Only one running service may use a data directory; a
 * second one is refused at once, and a start after a crash first stops the database the dead
 * service left running.
 */
@QuarkusMain
public final class TriageMain {

  private static final Logger LOG = Logger.getLogger(TriageMain.class);

  private TriageMain() {}

  public static void main(String... args) {
    if (configured("TRIAGE_DB_URL")) {
      Quarkus.run(args);
      return;
    }
    LocalDatabase local = ServiceLoader.load(LocalDatabase.class).findFirst().orElse(null);
    if (local == null) {
      System.err.println(
          "TRIAGE_DB_URL is not set and this build carries no embedded database."
              + " Set TRIAGE_DB_URL (postgresql://host:5432/db), TRIAGE_DB_USER and TRIAGE_DB_PASSWORD.");
      System.exit(2);
      return;
    }
    Path dataDir = Path.of(value("TRIAGE_DATA_DIR", "./data")).toAbsolutePath().normalize();
    LocalDatabase.Running db;
    try {
      db = local.start(dataDir.resolve("postgres"));
    } catch (LocalDatabase.InUseException e) {
      System.err.println(
          "Could not start: the data directory "
              + dataDir
              + " is in use by another running Triage service ("
              + e.getMessage()
              + "). Stop that service first, or give this one its own TRIAGE_DATA_DIR.");
      System.exit(2);
      return;
    } catch (Exception e) {
      System.err.println("Could not start the embedded PostgreSQL in " + dataDir + ": " + e);
      System.exit(2);
      return;
    }
    LOG.infof("Embedded PostgreSQL started, data in %s", dataDir.resolve("postgres"));
    System.setProperty("TRIAGE_DB_URL", db.url());
    System.setProperty("TRIAGE_DB_USER", db.user());
    System.setProperty("TRIAGE_DB_PASSWORD", db.password());
    // On SIGTERM the service first drains its in-flight requests; only then may the database go.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    stopped.await(2, TimeUnit.MINUTES);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  db.close();
                },
                "embedded-postgres-stop"));
    AtomicInteger exitCode = new AtomicInteger();
    // Quarkus calls this once the application has stopped (requests drained), instead of exiting.
    Quarkus.run(
        null,
        (code, failure) -> {
          exitCode.set(code);
          stopped.countDown();
        },
        args);
    System.exit(exitCode.get());
  }

  private static boolean configured(String name) {
    String v = value(name, "");
    return !v.isBlank();
  }

  private static String value(String name, String fallback) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      v = System.getenv(name);
    }
    return v == null || v.isBlank() ? fallback : v;
  }
}
