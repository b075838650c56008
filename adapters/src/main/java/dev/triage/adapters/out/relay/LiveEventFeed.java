package dev.triage.adapters.out.relay;

import dev.triage.application.live.LiveAudience;
import dev.triage.application.live.LiveEvent;
import dev.triage.application.port.LiveEvents;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This replica's live feed of published events (ADR 0009). When any relay signals a new position,
 * the feed reads what was published after the last position it passed on, in position order, and
 * broadcasts it to this replica's subscribers. Positions are gap-free and become visible in order,
 * so reading "after the last one" never skips an event. A resumed stream first reads its missed
 * events from the outbox while already collecting live ones, then drops the overlap. No stream
 * holds more than its bounds for a client that reads slowly or not at all ({@link
 * BoundedLiveStream}).
 */
@ApplicationScoped
public class LiveEventFeed implements LiveEvents {

  private static final Logger LOG = Logger.getLogger(LiveEventFeed.class);
  private static final int PAGE = 500;
  private static final int REPLAY_PAGE = 100;
  private static final int REPLAY_LIMIT = 10_000;

  static final String PUBLISHED_AFTER =
      "select o.position, o.event_id, o.type, o.internal, o.actor_id, o.occurred_at,"
          + " o.payload::text, t.id, t.number, t.requester_id, t.group_id, t.cc_ids"
          + " from outbox o join tickets t on t.id = o.aggregate_id"
          + " where o.position > $1 order by o.position limit $2";

  static final String REPLAY_AFTER =
      "select o.position, o.event_id, o.type, o.internal, o.actor_id, o.occurred_at,"
          + " o.payload::text, t.id, t.number, t.requester_id, t.group_id, t.cc_ids"
          + " from outbox o join tickets t on t.id = o.aggregate_id"
          + " where o.position > $1 and ($3::uuid is null or o.aggregate_id = $3)"
          + " and ($4::uuid is null or t.requester_id = $4 or $4 = any(t.cc_ids))"
          + " and ($5 or not o.internal)"
          + " and ($6::text is null"
          + " or t.group_id = any(cast(string_to_array($6::text, ',') as uuid[])))"
          + " order by o.position limit $2";

  static final String LAST_POSITION = "select last from outbox_position";

  private final Pool pool;
  private final BroadcastProcessor<LiveEvent> hot = BroadcastProcessor.create();
  private final Rerunning reads =
      new Rerunning(
          this::readOn, failure -> LOG.debugf("The live feed missed a read: %s", failure));
  private volatile long passedOn = -1;
  private final int bufferEvents;
  private final long bufferBytes;

  /**
   * @param bufferEvents the most live events one stream holds for a client that reads slowly
   * @param bufferBytes the most (estimated) bytes of live events one stream holds
   */
  public LiveEventFeed(
      Pool pool,
      @ConfigProperty(name = "triage.live.buffer-events") int bufferEvents,
      @ConfigProperty(name = "triage.live.buffer-bytes") long bufferBytes) {
    if (bufferEvents < 1 || bufferBytes < 1) {
      throw new IllegalArgumentException("triage.live.buffer-events and -bytes must be positive");
    }
    this.pool = pool;
    this.bufferEvents = bufferEvents;
    this.bufferBytes = bufferBytes;
  }

  void start(@Observes StartupEvent start) {
    pool.query(LAST_POSITION)
        .execute()
        .subscribe()
        .with(
            rows -> {
              if (passedOn < 0) {
                passedOn = rows.iterator().next().getLong(0);
              }
              catchUp();
            },
            failure -> LOG.warnf("The live feed could not start: %s", failure.toString()));
  }

  void onPublished(@ObservesAsync EventsPublished published) {
    if (published.lastPosition() > passedOn) {
      catchUp();
    }
  }

  /** Reads and broadcasts whatever was published since the last event passed on. */
  public void catchUp() {
    if (passedOn >= 0) {
      reads.run();
    }
  }

  private Uni<Integer> readOn() {
    return page(passedOn)
        .flatMap(
            events -> {
              for (LiveEvent e : events) {
                passedOn = e.position();
                hot.onNext(e);
              }
              return events.size() < PAGE
                  ? Uni.createFrom().item(events.size())
                  : readOn().map(more -> events.size() + more);
            });
  }

  private Uni<List<LiveEvent>> page(long after) {
    return pool.preparedQuery(PUBLISHED_AFTER)
        .execute(Tuple.of(after, PAGE))
        .map(LiveEventFeed::events);
  }

  @Override
  public Multi<LiveEvent> stream(OptionalLong after, LiveAudience audience) {
    long now = passedOn;
    // A new stream starts from the position passed on when it was asked for, not from when its
    // subscription reaches the feed: an event published in between (a command's replica publishes
    // within milliseconds of its commit) is replayed, not missed. Before the feed has started there
    // is no position yet, and the stream has live events only.
    OptionalLong from = after.isEmpty() && now >= 0 ? OptionalLong.of(now) : after;
    // Missed events are read a page at a time as the client takes them, live ones wait in a buffer
    // bounded in events and bytes: a client too far behind is ended and resumes from its last id.
    return BoundedLiveStream.of(
        hot,
        from,
        audience,
        position -> replay(position, audience),
        REPLAY_PAGE,
        REPLAY_LIMIT,
        bufferEvents,
        bufferBytes);
  }

  /** One page of the audience's published events after {@code after}, chosen by the database. */
  private Multi<LiveEvent> replay(long after, LiveAudience audience) {
    Tuple parameters =
        Tuple.of(after, REPLAY_PAGE)
            .addUUID(audience.ticketId().orElse(null))
            .addUUID(audience.requesterId().orElse(null))
            .addBoolean(audience.internal())
            .addString(
                audience
                    .onlyGroups()
                    .map(
                        g ->
                            g.stream()
                                .map(UUID::toString)
                                .collect(java.util.stream.Collectors.joining(",")))
                    .orElse(null));
    return pool.preparedQuery(REPLAY_AFTER)
        .execute(parameters)
        .map(LiveEventFeed::events)
        .onItem()
        .transformToMulti(events -> Multi.createFrom().iterable(events));
  }

  private static java.util.Set<UUID> uuids(UUID[] ids) {
    return ids == null ? java.util.Set.of() : java.util.Set.of(ids);
  }

  private static List<LiveEvent> events(RowSet<Row> rows) {
    List<LiveEvent> events = new ArrayList<>(rows.size());
    for (Row r : rows) {
      events.add(
          new LiveEvent(
              r.getLong(0),
              r.getUUID(1),
              r.getString(2),
              r.getBoolean(3),
              r.getUUID(4),
              r.getOffsetDateTime(5).toInstant(),
              r.getUUID(7),
              r.getString(8),
              r.getUUID(9),
              r.getString(6),
              Optional.ofNullable(r.getUUID(10)),
              uuids(r.getArrayOfUUIDs(11))));
    }
    return events;
  }
}
