package dev.triage.bootstrap.embedded;

import dev.triage.bootstrap.LocalDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL of the default build, from the PostgreSQL binaries published on Maven
 * Central. Its data directory is kept between runs; only the port is chosen anew. One running
 * service at a time owns the directory (see {@link DataDirectoryLock}); a server that a dead
 * service left running there is stopped before a new one starts.
 */
public final class ZonkyLocalDatabase implements LocalDatabase {

  @Override
  public Running start(Path dataDirectory) throws IOException {
    Files.createDirectories(dataDirectory.getParent());
    DataDirectoryLock lock = DataDirectoryLock.take(dataDirectory);
    EmbeddedPostgres pg;
    try {
      LeftoverPostmaster.stopIfAny(dataDirectory);
      pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              // The service stops the database itself, after it has drained its requests.
              .setRegisterShutdownHook(false)
              .setServerConfig("max_connections", "100")
              // Durable like any PostgreSQL: an acknowledged write survives a crash.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .start();
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    String url = "postgresql://localhost:" + pg.getPort() + "/postgres";
    return new Running() {
      @Override
      public String url() {
        return url;
      }

      @Override
      public String user() {
        return "postgres";
      }

      @Override
      public String password() {
        return "postgres";
      }

      @Override
      public void close() {
        try {
          pg.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          lock.close();
        }
      }
    };
  }
}
