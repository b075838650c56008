package dev.triage.adapters.out.telemetry;

import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * {@code triage_tickets_open} by status and priority: every ticket that is not CLOSED. A scrape
 * never touches the database; it reads the counts of the last {@link #refresh()}, one grouped count
 * that a timer runs (every 30 s by default, {@code triage.metrics.open-tickets.refresh}), so the
 * figures may be that much behind. Until the first refresh succeeds the series do not exist; when a
 * refresh fails (database down) the last figures stay.
 *
 * <p>Every replica reports the same database-wide figures: aggregate them with {@code max}, not
 * {@code sum}.
 */
@ApplicationScoped
public class OpenTicketsGauge {

  private static final Logger LOG = Logger.getLogger(OpenTicketsGauge.class);

  /**
   * The statuses named, not "not CLOSED": the indexes that lead with the status then read the open
   * tickets only (2.7 ms at a million tickets, 1,178 of them open), where {@code status <>
   * 'CLOSED'} scans every ticket (2.2 s there, every 30 s on every replica).
   */
  static final String COUNT_OPEN =
      "select status, priority, count(*) from tickets where status in ("
          + Arrays.stream(Status.values())
              .filter(s -> s != Status.CLOSED)
              .map(s -> "'" + s.name() + "'")
              .collect(Collectors.joining(", "))
          + ") group by status, priority";

  private final Pool pool;
  private final MeterRegistry registry;
  private volatile Map<Status, Map<Priority, Long>> counts;
  private boolean registered;
  private volatile boolean failing;

  public OpenTicketsGauge(Pool pool, MeterRegistry registry) {
    this.pool = pool;
    this.registry = registry;
  }

  /**
   * Runs the grouped count and publishes it. Answers whether it succeeded; a failure is logged
   * (once per outage) and never propagates, so a timer can call this blindly.
   */
  public Uni<Boolean> refresh() {
    return pool.query(COUNT_OPEN)
        .execute()
        .map(
            rows -> {
              Map<Status, Map<Priority, Long>> fresh = empty();
              for (Row row : rows) {
                Status status = enumOrNull(Status.class, row.getString(0));
                Priority priority = enumOrNull(Priority.class, row.getString(1));
                if (status != null && priority != null && fresh.containsKey(status)) {
                  fresh.get(status).put(priority, row.getLong(2));
                }
              }
              publish(fresh);
              if (failing) {
                failing = false;
                LOG.info("Open-ticket counts refreshed again");
              }
              return true;
            })
        .onFailure()
        .recoverWithItem(
            failure -> {
              if (!failing) {
                failing = true;
                LOG.warnf(
                    "Could not refresh the open-ticket counts, keeping the last ones: %s",
                    failure.toString());
              }
              return false;
            });
  }

  /** The published figure, or empty before the first successful refresh. */
  public OptionalLong value(Status status, Priority priority) {
    Map<Status, Map<Priority, Long>> now = counts;
    return now == null || !now.containsKey(status)
        ? OptionalLong.empty()
        : OptionalLong.of(now.get(status).get(priority));
  }

  private synchronized void publish(Map<Status, Map<Priority, Long>> fresh) {
    counts = fresh;
    if (registered) {
      return;
    }
    for (Status status : fresh.keySet()) {
      for (Priority priority : Priority.values()) {
        Gauge.builder("triage.tickets.open", this, gauge -> gauge.value(status, priority).orElse(0))
            .description("Tickets not closed, by status and priority (refreshed periodically)")
            .tag("status", status.name())
            .tag("priority", priority.name())
            .register(registry);
      }
    }
    registered = true;
  }

  private static Map<Status, Map<Priority, Long>> empty() {
    Map<Status, Map<Priority, Long>> all = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      if (status.isFinal()) {
        continue;
      }
      Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
      for (Priority priority : Priority.values()) {
        byPriority.put(priority, 0L);
      }
      all.put(status, byPriority);
    }
    return all;
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
    try {
      return name == null ? null : Enum.valueOf(type, name);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
