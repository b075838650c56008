package dev.triage.adapters.out.persistence;

import dev.triage.adapters.out.relay.RelayConsumer;
import dev.triage.adapters.out.relay.RelayedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Keeps the dashboard's counts by status after the fact (ADR 0010): the relay hands it the events
 * it publishes, and it adds their status moves (a creation enters OPEN, a status change leaves one
 * status for another) to {@code ticket_status_counts} in the relay's transaction, so the counts
 * move together with the publication or not at all. Readers add the moves of the events not yet
 * published ({@link SqlTicketQueries}), so the figure is exact in one snapshot while no command's
 * transaction touches a shared row. Rows are taken in status order, so relays on several replicas
 * never wait on each other in a cycle.
 */
@ApplicationScoped
public class TicketStatusCounts implements RelayConsumer {

  static final String ADD_MOVES =
      "insert into ticket_status_counts as c (status, shard, n)"
          + " select status, 0, n from ticket_status_moves($1::bigint[]) order by status"
          + " on conflict (status, shard) do update set n = c.n + excluded.n";

  @Override
  public String name() {
    return "status counts";
  }

  @Override
  public Uni<Void> consume(SqlConnection tx, List<RelayedEvent> events) {
    Long[] moves =
        events.stream()
            .filter(e -> e.type().equals("TicketCreated") || e.type().equals("StatusChanged"))
            .map(RelayedEvent::outboxId)
            .toArray(Long[]::new);
    if (moves.length == 0) {
      return Uni.createFrom().voidItem();
    }
    return tx.preparedQuery(ADD_MOVES).execute(Tuple.of(moves)).replaceWithVoid();
  }
}
