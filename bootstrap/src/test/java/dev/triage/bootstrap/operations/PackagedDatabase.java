package dev.triage.bootstrap.operations;

import dev.triage.bootstrap.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A PostgreSQL for the packaged application, named the way a deployment names it: {@code
 * TRIAGE_DB_URL}, {@code TRIAGE_DB_USER}, {@code TRIAGE_DB_PASSWORD} (passed to the launched
 * process as system properties, which {@code TriageMain} reads like the environment). A fresh
 * embedded one, or the one {@code TRIAGE_TEST_DB_URL} names.
 */
public class PackagedDatabase implements QuarkusTestResourceLifecycleManager {

  private final EmbeddedPostgresResource database = new EmbeddedPostgresResource();

  @Override
  public Map<String, String> start() {
    return asDeployed(database.start());
  }

  /** The service's own settings for the database the test resource gives. */
  static Map<String, String> asDeployed(Map<String, String> quarkusConfig) {
    return Map.of(
        "TRIAGE_DB_URL", quarkusConfig.get("quarkus.datasource.reactive.url"),
        "TRIAGE_DB_USER", quarkusConfig.get("quarkus.datasource.username"),
        "TRIAGE_DB_PASSWORD", quarkusConfig.get("quarkus.datasource.password"));
  }

  @Override
  public void stop() {
    database.stop();
  }
}
