package dev.triage.bootstrap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Gives the test run a fresh embedded PostgreSQL, or the one {@code TRIAGE_TEST_DB_URL} names (with
 * {@code TRIAGE_TEST_DB_USER} / {@code TRIAGE_TEST_DB_PASSWORD}).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

  private EmbeddedPostgres postgres;

  @Override
  public Map<String, String> start() {
    String external = System.getenv("TRIAGE_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      return config(
          external,
          System.getenv().getOrDefault("TRIAGE_TEST_DB_USER", "postgres"),
          System.getenv().getOrDefault("TRIAGE_TEST_DB_PASSWORD", ""));
    }
    try {
      postgres = EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
    }
    return config(
        "postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "postgres");
  }

  private static Map<String, String> config(String url, String user, String password) {
    return Map.of(
        "quarkus.datasource.reactive.url", url,
        "quarkus.datasource.jdbc.url", "jdbc:" + url,
        "quarkus.datasource.username", user,
        "quarkus.datasource.password", password);
  }

  @Override
  public void stop() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
