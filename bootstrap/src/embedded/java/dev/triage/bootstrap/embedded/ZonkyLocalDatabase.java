package dev.triage.bootstrap.embedded;

import dev.triage.bootstrap.LocalDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.triage.adapters.out.security.OwnerOnlyFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The embedded PostgreSQL of the default build, from the PostgreSQL binaries published on Maven
 * Central. Its data directory is kept between runs; only the port is chosen anew. One running
 * service at a time owns the directory (see {@link DataDirectoryLock}); a server that a dead
 * service left running there is stopped before a new one starts.
 *
 * <p>Every connection needs the password (SCRAM): a random one, generated once and kept owner-only
 * in {@code postgres-password} next to the database's directory, so no other local user or process
 * can connect. A database an earlier version created with every local connection trusted gets the
 * password at its next start.
 */
public final class ZonkyLocalDatabase implements LocalDatabase {

  /** The authentication rules written at every start: the password, from this machine only. */
  static final String HBA =
      """
      # Written by Triage at every start: password (SCRAM) authentication only.
      local all all scram-sha-256
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  @Override
  public Running start(Path dataDirectory) throws IOException {
    Files.createDirectories(dataDirectory.getParent());
    DataDirectoryLock lock = DataDirectoryLock.take(dataDirectory);
    EmbeddedPostgres pg;
    String password;
    try {
      LeftoverPostmaster.stopIfAny(dataDirectory);
      Path passwordFile = dataDirectory.resolveSibling("postgres-password");
      password = password(passwordFile);
      boolean created = Files.exists(dataDirectory.resolve("PG_VERSION"));
      // A database created before passwords were used: trusted until its password is set below.
      boolean trusting = created && !Files.readString(dataDirectory.resolve("pg_hba.conf")).equals(HBA);
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
              .setServerConfig("password_encryption", "scram-sha-256")
              // A new database gets its superuser's password from initdb (--pwfile).
              .setLocaleConfig("pwfile", passwordFile.toString())
              .setConnectConfig("password", password)
              .setDataDirectoryCustomizer(
                  dir -> {
                    if (!trusting) {
                      writeHba(dir.toPath());
                    }
                  })
              .start();
      if (trusting) {
        requirePassword(pg, dataDirectory, password);
      }
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    String secret = password;
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
        return secret;
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

  /** The kept password, or a new random one kept owner-only. */
  private static String password(Path file) throws IOException {
    try {
      return OwnerOnlyFiles.readOrCreate(
              file,
              () -> {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n";
              })
          .strip();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("The embedded database's password cannot be kept", e);
    }
  }

  private static void writeHba(Path dataDirectory) {
    try {
      Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the superuser's password while still trusted, then requires it from now on. */
  private static void requirePassword(EmbeddedPostgres pg, Path dataDirectory, String password)
      throws IOException {
    // The password is URL-safe Base64: nothing in it needs quoting.
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("alter role postgres password '" + password + "'");
      writeHba(dataDirectory);
      s.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IOException("Could not set the embedded database's password", e);
    }
  }
}
