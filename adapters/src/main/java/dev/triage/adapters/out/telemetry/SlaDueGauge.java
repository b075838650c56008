package dev.triage.adapters.out.telemetry;

import dev.triage.domain.ticket.Priority;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code triage_sla_seconds_to_breach} by priority: seconds from now until the nearest due date of
 * a running SLA clock (negative when already overdue, NaN when no clock of that priority runs). A
 * timer refreshes the nearest due dates with one grouped query; a scrape only subtracts the clock.
 */
@ApplicationScoped
public class SlaDueGauge {

  private static final Logger LOG = Logger.getLogger(SlaDueGauge.class);

  static final String NEAREST_DUE =
      "select priority, min(sla_due_at) from tickets where sla_due_at is not null"
          + " group by priority";

  private final Pool pool;
  private final Clock clock;
  private volatile Map<Priority, Instant> nearest = new EnumMap<>(Priority.class);

  public SlaDueGauge(Pool pool, MeterRegistry registry, Clock clock) {
    this.pool = pool;
    this.clock = clock;
    for (Priority priority : Priority.values()) {
      Gauge.builder("triage.sla.seconds.to.breach", this, g -> g.secondsToBreach(priority))
          .description("Seconds until the nearest running SLA due date, by priority (refreshed)")
          .tag("priority", priority.name())
          .register(registry);
    }
  }

  /** Seconds from now to the nearest due date of {@code priority}, NaN if none runs. */
  public double secondsToBreach(Priority priority) {
    Instant due = nearest.get(priority);
    return due == null ? Double.NaN : (due.toEpochMilli() - clock.millis()) / 1000.0;
  }

  /** Reloads the nearest due dates; a failure keeps the last figures and is only logged. */
  public Uni<Boolean> refresh() {
    return pool.query(NEAREST_DUE)
        .execute()
        .map(
            rows -> {
              Map<Priority, Instant> fresh = new EnumMap<>(Priority.class);
              for (Row row : rows) {
                try {
                  fresh.put(
                      Priority.valueOf(row.getString(0)), row.getOffsetDateTime(1).toInstant());
                } catch (IllegalArgumentException unknown) {
                  // a priority this version does not know: not reported
                }
              }
              nearest = fresh;
              return true;
            })
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.debugf("Could not refresh the SLA due dates: %s", failure.toString());
              return false;
            });
  }
}
