package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Outbox;
import dev.triage.domain.ticket.TicketEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Appends ticket events to the {@code outbox} table in the current transaction. */
@ApplicationScoped
public class SqlOutbox implements Outbox {

  private final ObjectMapper json;
  private final OutboxRelay relay;

  public SqlOutbox(ObjectMapper json, OutboxRelay relay) {
    this.json = json;
    this.relay = relay;
  }

  /** This replica's relay publishes what the transaction committed, right away. */
  @Override
  public void committed() {
    relay.kick();
  }

  @Override
  public Uni<Void> append(List<TicketEvent> events, RequestContext context) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    context.effects().markEventsAppended();
    return Panache.getSession()
        .flatMap(
            s -> {
              Uni<Integer> chain = Uni.createFrom().item(0);
              for (TicketEvent e : events) {
                chain =
                    chain.chain(
                        () ->
                            s.createNativeQuery(
                                    "insert into outbox (event_id, aggregate_type, aggregate_id,"
                                        + " type, internal, actor_id, payload, occurred_at,"
                                        + " request_id) values (:eventId, 'Ticket', :aggregateId,"
                                        + " :type, :internal, :actorId,"
                                        + " cast(cast(:payload as text) as jsonb), :occurredAt,"
                                        + " :requestId)")
                                .setParameter("eventId", UUID.randomUUID())
                                .setParameter("aggregateId", e.ticketId().value())
                                .setParameter("type", e.type())
                                .setParameter("internal", e.internal())
                                .setParameter("actorId", e.actor().id().value())
                                .setParameter("payload", payload(e))
                                .setParameter("occurredAt", e.occurredAt().atOffset(ZoneOffset.UTC))
                                .setParameter("requestId", context.requestId())
                                .executeUpdate());
              }
              return chain.replaceWithVoid();
            });
  }

  private String payload(TicketEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event not serializable: " + event.type(), e);
    }
  }
}
