package dev.triage.adapters.out.persistence;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The state of the read standby, on {@code /q/health/well} (and the whole {@code /q/health}), never
 * on readiness: Kubernetes keeps sending commands to a replica whose standby is down (ADR 0012). UP
 * when the standby answers, with whether it is in recovery (a streaming standby is); DOWN when it
 * does not answer within two seconds. Without a standby configured, UP with {@code standby=false}.
 */
@Wellness
@ApplicationScoped
public class ReadReplicaHealth implements AsyncHealthCheck {

  static final String NAME = "Read standby";

  private final ReadReplicaPool config;
  private final Pool reads;

  public ReadReplicaHealth(ReadReplicaPool config, @ReadReplica Pool reads) {
    this.config = config;
    this.reads = reads;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    if (!config.configured()) {
      return Uni.createFrom()
          .item(HealthCheckResponse.named(NAME).up().withData("standby", false).build());
    }
    return reads
        .query("select pg_is_in_recovery()")
        .execute()
        .map(rows -> rows.iterator().next().getBoolean(0))
        .ifNoItem()
        .after(Duration.ofSeconds(2))
        .fail()
        .map(
            recovering ->
                HealthCheckResponse.named(NAME)
                    .up()
                    .withData("standby", true)
                    .withData("inRecovery", recovering)
                    .build())
        .onFailure()
        .recoverWithItem(
            e ->
                HealthCheckResponse.named(NAME)
                    .down()
                    .withData("standby", true)
                    .withData("error", e.getClass().getSimpleName())
                    .build());
  }
}
