package dev.triage.application.view;

import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.list.TicketCriteria;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many tickets match a list's criteria, counted by the read side no further than a cap and kept
 * on this replica for a time to live. The key is the criteria themselves, with the caller's scope
 * already in them and the order, position and time left out: every caller whose view comes to the
 * same criteria (a shared view read by any agent) shares one count, while {@code assignee=me} or a
 * customer's scope make counts of their own. A count is at most {@code ttl} old when answered (plus
 * the time the count took); with a zero {@code ttl} every answer is counted afresh.
 */
public final class ViewCounts {

  /** The components of the criteria that change the order or the page, not the count. */
  private static final Set<String> NOT_COUNTED = Set.of("sort", "after", "now");

  /** Entries kept before the expired ones are swept out. */
  static final int SWEEP_ABOVE = 10_000;

  /**
   * One count.
   *
   * @param count the number of tickets matching, or {@code cap} when {@code capped}
   * @param capped more than {@code count} tickets match: counting stopped there
   * @param countedAt when it was counted
   */
  public record Counted(long count, boolean capped, Instant countedAt) {}

  /** The read side's count ({@link TicketQueries#count}). */
  @FunctionalInterface
  public interface Counter {
    Uni<Long> count(TicketCriteria criteria, long atMost);
  }

  private final Counter queries;
  private final Clock clock;
  private final Duration ttl;
  private final long cap;
  private final Map<List<Object>, Counted> cache = new ConcurrentHashMap<>();

  public ViewCounts(Counter queries, Clock clock, Duration ttl, long cap) {
    if (ttl.isNegative() || cap < 1) {
      throw new IllegalArgumentException("the time to live must not be negative, the cap >= 1");
    }
    this.queries = queries;
    this.clock = clock;
    this.ttl = ttl;
    this.cap = cap;
  }

  /** The count of {@code criteria}: the cached one while fresh, else counted now. */
  public Uni<Counted> count(TicketCriteria criteria) {
    List<Object> key = key(criteria);
    Instant now = clock.instant();
    Counted cached = cache.get(key);
    if (cached != null && fresh(cached, now)) {
      return Uni.createFrom().item(cached);
    }
    return queries
        .count(criteria, cap + 1)
        .map(
            n -> {
              Counted counted = new Counted(Math.min(n, cap), n > cap, now);
              if (!ttl.isZero()) {
                if (cache.size() >= SWEEP_ABOVE) {
                  Instant at = clock.instant();
                  cache.values().removeIf(c -> !fresh(c, at));
                }
                cache.put(key, counted);
              }
              return counted;
            });
  }

  /** How many counts are kept (for tests and metrics). */
  int size() {
    return cache.size();
  }

  private boolean fresh(Counted counted, Instant now) {
    return now.isBefore(counted.countedAt().plus(ttl));
  }

  /**
   * The criteria as far as they decide the count: every component but the order, the position and
   * the time of asking (so criteria the list gains later key the count with no change here).
   */
  static List<Object> key(TicketCriteria c) {
    List<Object> key = new ArrayList<>();
    for (RecordComponent component : TicketCriteria.class.getRecordComponents()) {
      if (!NOT_COUNTED.contains(component.getName())) {
        try {
          key.add(component.getAccessor().invoke(c));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("TicketCriteria." + component.getName(), e);
        }
      }
    }
    return key;
  }
}
