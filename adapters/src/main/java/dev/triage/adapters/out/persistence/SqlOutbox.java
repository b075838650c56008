package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Outbox;
import dev.triage.domain.ticket.TicketEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

  /**
   * Gathered with the command's audit entry and written with it at the end of the transaction
   * ({@link PendingAppends}); outside a unit of work, at once.
   */
  @Override
  public Uni<Void> append(List<TicketEvent> events, RequestContext context) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    context.effects().markEventsAppended();
    List<PendingAppends.EventRow> rows = new ArrayList<>(events.size());
    for (TicketEvent e : events) {
      rows.add(
          new PendingAppends.EventRow(
              UUID.randomUUID(),
              e.ticketId().value(),
              e.type(),
              e.internal(),
              e.actor().id().value(),
              payload(e),
              e.occurredAt().truncatedTo(ChronoUnit.MICROS).toString(),
              context.requestId()));
    }
    return PendingAppends.append(json, rows, List.of());
  }

  private String payload(TicketEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event not serializable: " + event.type(), e);
    }
  }
}
