package dev.triage.application.port;

import dev.triage.application.bus.RequestContext;
import dev.triage.domain.ticket.TicketEvent;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Where domain events go, in the command's own transaction: a relay publishes committed rows later,
 * so a rolled-back command never tells anyone and a committed one always does.
 */
public interface Outbox {
  Uni<Void> append(List<TicketEvent> events, RequestContext context);
}
