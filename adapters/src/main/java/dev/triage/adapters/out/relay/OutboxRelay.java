package dev.triage.adapters.out.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events, on every replica at once without doing anything twice (ADR
 * 0009). One round is one transaction: claim the oldest unpublished event of up to {@code batch}
 * tickets with {@code FOR UPDATE SKIP LOCKED} (another replica's claims are skipped, and a ticket
 * whose head is claimed is left whole to its claimer, so each ticket's events go out in order),
 * take the rest of those tickets' unpublished events, hand them all to the consumers, stamp them
 * with positions from the counter row (taken last, so positions follow commit order) and signal
 * {@code triage_events}. A failed round rolls back and is tried again: at least once, and the
 * consumers dedupe by event id.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /** How long a ticket whose events cannot be published is left alone before the next try. */
  static final Duration SET_ASIDE = Duration.ofMinutes(1);

  /** The most events one round publishes, whatever the backlog of its tickets. */
  static final int EVENTS_PER_ROUND = 1_000;

  static final String CLAIM_HEADS =
      "select o.aggregate_id from outbox o"
          + " where o.published_at is null and not exists (select 1 from outbox p"
          + " where p.aggregate_id = o.aggregate_id and p.published_at is null and p.id < o.id)"
          + " and o.aggregate_id <> all($2::uuid[])"
          + " order by o.id limit $1 for update of o skip locked";

  static final String EVENTS_OF_TICKETS =
      "select o.id, o.event_id, o.type, o.internal, o.actor_id, o.payload -> 'actor' ->> 'role',"
          + " o.occurred_at, o.payload::text, t.id, t.number, t.requester_id, t.assignee_id,"
          + " t.status, t.cc_ids, t.follower_ids"
          + " from outbox o join tickets t on t.id = o.aggregate_id"
          + " where o.aggregate_id = any($1) and o.published_at is null order by o.id limit $2";

  static final String NEXT_POSITIONS =
      "update outbox_position set last = last + $1 where singleton returning last";

  static final String MARK_PUBLISHED =
      "update outbox o set published_at = $1, position = v.position"
          + " from unnest($2::bigint[], $3::bigint[]) as v(id, position) where o.id = v.id";

  static final String SIGNAL = "select pg_notify('triage_events', $1)";

  static final String OLDEST_UNPUBLISHED =
      "select min(occurred_at) from outbox where published_at is null";

  private final Pool pool;
  private final Instance<RelayConsumer> consumers;
  private final Clock clock;
  private final int batch;

  /** Tickets whose events failed to publish alone, until when this replica leaves them. */
  private final Map<UUID, Instant> setAside = new ConcurrentHashMap<>();

  private final Rerunning rounds;
  private final Counter published;
  private volatile Optional<Instant> oldestUnpublished = Optional.empty();

  public OutboxRelay(
      Pool pool,
      Instance<RelayConsumer> consumers,
      Clock clock,
      MeterRegistry registry,
      Vertx vertx,
      @ConfigProperty(name = "triage.relay.batch", defaultValue = "100") int batch,
      @ConfigProperty(name = "triage.relay.pace", defaultValue = "20ms") Duration pace) {
    this.pool = pool;
    this.rounds =
        new Rerunning(
            this::drain,
            failure -> LOG.warnf("The outbox relay failed: %s", failure.toString()),
            pace,
            System::nanoTime,
            (millis, task) -> vertx.setTimer(millis, id -> task.run()));
    this.consumers = consumers;
    this.clock = clock;
    this.batch = batch;
    this.published =
        Counter.builder("triage.outbox.published")
            .description("Outbox events published by this replica")
            .register(registry);
    Gauge.builder("triage.outbox.set.aside.tickets", setAside, Map::size)
        .description("Tickets whose events this replica could not publish and leaves for a while")
        .register(registry);
    Gauge.builder("triage.outbox.lag.seconds", this, OutboxRelay::lagSeconds)
        .description("Age of the oldest unpublished outbox event, 0 when none waits (refreshed)")
        .register(registry);
  }

  /**
   * Runs rounds until nothing is left to claim; a call while rounds run makes them go on once more.
   * Rounds start at most once per {@code triage.relay.pace}: a commit after a quiet spell is
   * published at once, a stream of commits in rounds that each take what came meanwhile. Never
   * fails: a failure is logged and the next signal or poll tries again.
   */
  public void kick() {
    rounds.run();
  }

  /**
   * Runs rounds while the last one was full (it claimed a whole batch of tickets, or the most
   * events a round takes): a round that took less left nothing claimable behind, and whatever is
   * committed later wakes the relay again. Answers the number of events published. When a round
   * fails, its tickets are tried one by one, and a ticket that fails alone is set aside for {@link
   * #SET_ASIDE} on this replica (logged; the lag gauge shows it), so one bad ticket holds up only
   * its own events.
   */
  public Uni<Integer> drain() {
    return fullRound(batch, null)
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.warnf("An outbox round failed, trying its tickets one by one: %s", failure);
              return oneByOne().map(n -> new Round(n, false));
            })
        .flatMap(
            r ->
                r.full()
                    ? drain().map(more -> r.events() + more)
                    : Uni.createFrom().item(r.events()));
  }

  /** What one round did: the events it published, and whether it took all it could. */
  private record Round(int events, boolean full) {}

  private Uni<Integer> oneByOne() {
    UUID[] claimed = new UUID[1];
    return round(1, claimed)
        .onFailure(f -> claimed[0] != null)
        .recoverWithUni(
            failure -> {
              setAside.put(claimed[0], clock.instant().plus(SET_ASIDE));
              LOG.errorf(
                  "The events of ticket %s could not be published; set aside for %s: %s",
                  claimed[0], SET_ASIDE, failure);
              return Uni.createFrom().item(-1);
            })
        .flatMap(
            n -> n == 0 ? Uni.createFrom().item(0) : oneByOne().map(more -> Math.max(n, 0) + more));
  }

  /** One round in one transaction: the number of events published. */
  public Uni<Integer> round() {
    return round(batch, null);
  }

  private Uni<Integer> round(int tickets, UUID[] claimed) {
    return fullRound(tickets, claimed).map(Round::events);
  }

  private Uni<Round> fullRound(int tickets, UUID[] claimed) {
    Instant now = clock.instant();
    setAside.values().removeIf(until -> !until.isAfter(now));
    UUID[] skipped = setAside.keySet().toArray(UUID[]::new);
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(CLAIM_HEADS)
                .execute(Tuple.of(tickets, skipped))
                .flatMap(
                    heads -> {
                      if (heads.size() == 0) {
                        return Uni.createFrom().item(new Round(0, false));
                      }
                      List<UUID> ids = new ArrayList<>();
                      heads.forEach(r -> ids.add(r.getUUID(0)));
                      if (claimed != null) {
                        claimed[0] = ids.get(0);
                      }
                      return tx.preparedQuery(EVENTS_OF_TICKETS)
                          .execute(Tuple.of(ids.toArray(UUID[]::new), EVENTS_PER_ROUND))
                          .map(OutboxRelay::events)
                          .flatMap(events -> publish(tx, events))
                          .map(n -> new Round(n, heads.size() == tickets || n == EVENTS_PER_ROUND));
                    }));
  }

  private Uni<Integer> publish(SqlConnection tx, List<RelayedEvent> events) {
    Uni<Void> consumed = Uni.createFrom().voidItem();
    for (RelayConsumer consumer : consumers) {
      consumed = consumed.call(() -> consumer.consume(tx, events));
    }
    return consumed
        .chain(() -> tx.preparedQuery(NEXT_POSITIONS).execute(Tuple.of(events.size())))
        .chain(
            rows -> {
              long last = rows.iterator().next().getLong(0);
              Long[] ids = new Long[events.size()];
              Long[] positions = new Long[events.size()];
              long first = last - events.size() + 1;
              for (int i = 0; i < events.size(); i++) {
                ids[i] = events.get(i).outboxId();
                positions[i] = first + i;
              }
              OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
              return tx.preparedQuery(MARK_PUBLISHED)
                  .execute(Tuple.of(now, ids, positions))
                  .chain(() -> tx.preparedQuery(SIGNAL).execute(Tuple.of(Long.toString(last))));
            })
        .map(
            done -> {
              published.increment(events.size());
              return events.size();
            });
  }

  private static List<RelayedEvent> events(RowSet<Row> rows) {
    List<RelayedEvent> events = new ArrayList<>(rows.size());
    for (Row r : rows) {
      events.add(
          new RelayedEvent(
              r.getLong(0),
              r.getUUID(1),
              r.getString(2),
              r.getBoolean(3),
              r.getUUID(4),
              r.getString(5),
              r.getOffsetDateTime(6).toInstant(),
              r.getString(7),
              r.getUUID(8),
              r.getString(9),
              r.getUUID(10),
              Optional.ofNullable(r.getUUID(11)),
              r.getString(12),
              ids(r.getArrayOfUUIDs(13)),
              ids(r.getArrayOfUUIDs(14))));
    }
    return events;
  }

  /** Re-reads the age of the oldest unpublished event for the lag gauge; never fails. */
  public Uni<Void> refreshLag() {
    return pool.query(OLDEST_UNPUBLISHED)
        .execute()
        .invoke(
            rows -> {
              OffsetDateTime oldest = rows.iterator().next().getOffsetDateTime(0);
              oldestUnpublished = Optional.ofNullable(oldest).map(OffsetDateTime::toInstant);
            })
        .replaceWithVoid()
        .onFailure()
        .recoverWithNull();
  }

  /** Seconds since the oldest unpublished event happened, as last seen; 0 when none waits. */
  double lagSeconds() {
    return oldestUnpublished
        .map(oldest -> Math.max(0, clock.millis() - oldest.toEpochMilli()) / 1000.0)
        .orElse(0.0);
  }

  private static java.util.Set<UUID> ids(UUID[] ids) {
    return ids == null ? java.util.Set.of() : java.util.Set.of(ids);
  }
}
