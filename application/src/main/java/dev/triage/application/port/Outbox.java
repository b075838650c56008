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

  /**
   * Appends {@code events} in the current transaction and notes on the request's effects that
   * events wait for publication ({@link dev.triage.application.bus.Effects#eventsAppended()}).
   */
  Uni<Void> append(List<TicketEvent> events, RequestContext context);

  /**
   * Called once after a transaction that appended events has committed: the publisher on this
   * replica starts at once (wake-ups coalesce; its poll covers anything missed). Never fails. By
   * default nothing is woken: the publisher finds the events on its poll.
   */
  default void committed() {}
}
