package dev.triage.bootstrap.replica;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;

/**
 * Runs the service on a {@link ReplicatedPostgres}: the primary as its database and the standby as
 * {@code TRIAGE_DB_READ_URL}, the setting a deployment gives. Hands the cluster to the test's
 * {@code ReplicatedPostgres} field, to pause, stop and restart the standby.
 */
public class ReplicatedPostgresResource implements QuarkusTestResourceLifecycleManager {

  private ReplicatedPostgres cluster;

  @Override
  public Map<String, String> start() {
    try {
      cluster = ReplicatedPostgres.start();
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not start a PostgreSQL primary and standby", e);
    }
    return Map.of(
        "quarkus.datasource.reactive.url",
        cluster.primaryUrl(),
        "quarkus.datasource.jdbc.url",
        "jdbc:" + cluster.primaryUrl(),
        "quarkus.datasource.username",
        "postgres",
        "quarkus.datasource.password",
        "postgres",
        "TRIAGE_DB_READ_URL",
        cluster.standbyUrl());
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(cluster, new TestInjector.MatchesType(ReplicatedPostgres.class));
  }

  @Override
  public void stop() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }
}
