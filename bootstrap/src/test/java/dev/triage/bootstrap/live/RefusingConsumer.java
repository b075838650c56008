package dev.triage.bootstrap.live;

import dev.triage.adapters.out.relay.RelayConsumer;
import dev.triage.adapters.out.relay.RelayedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer for tests that fails on the events whose data contain a marker a test names (e.g. in a
 * ticket's title), as a consumer with a bug or a receiver table it cannot write would; it does
 * nothing otherwise.
 */
@ApplicationScoped
public class RefusingConsumer implements RelayConsumer {

  static final Set<String> REFUSED = ConcurrentHashMap.newKeySet();

  @Override
  public String name() {
    return "refusing";
  }

  @Override
  public Uni<Void> consume(SqlConnection tx, List<RelayedEvent> events) {
    for (RelayedEvent e : events) {
      if (REFUSED.stream().anyMatch(e.data()::contains)) {
        return Uni.createFrom()
            .failure(new IllegalStateException("refused the events of " + e.ticketId()));
      }
    }
    return Uni.createFrom().voidItem();
  }
}
