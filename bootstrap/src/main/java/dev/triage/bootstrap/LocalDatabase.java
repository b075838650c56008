package dev.triage.bootstrap;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A PostgreSQL the service starts for itself when no database is configured. Only the default build
 * carries an implementation; a production build has none, so nothing embedded can start.
 */
public interface LocalDatabase {

  /**
   * Starts (or resumes) the database whose files live under {@code dataDirectory}. A PostgreSQL
   * that a service which died without stopping it left running there is stopped first.
   *
   * @throws InUseException when another running service uses {@code dataDirectory}
   */
  Running start(Path dataDirectory) throws Exception;

  /**
   * Another running service uses the data directory; nothing there was touched. The message says
   * which process holds it.
   */
  final class InUseException extends IOException {
    public InUseException(String message) {
      super(message);
    }
  }

  /** A started database: where to reach it, and how to stop it. */
  interface Running extends AutoCloseable {
    /** A libpq-style URI, {@code postgresql://host:port/database}. */
    String url();

    String user();

    String password();

    @Override
    void close();
  }
}
