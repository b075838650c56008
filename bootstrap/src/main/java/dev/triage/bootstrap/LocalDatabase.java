package dev.triage.bootstrap;

import java.nio.file.Path;

/**
 * A PostgreSQL the service starts for itself when no database is configured. Only the default build
 * carries an implementation; a production build has none, so nothing embedded can start.
 */
public interface LocalDatabase {

  /** Starts (or resumes) the database whose files live under {@code dataDirectory}. */
  Running start(Path dataDirectory) throws Exception;

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
