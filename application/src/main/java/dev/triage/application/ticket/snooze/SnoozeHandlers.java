package dev.triage.application.ticket.snooze;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The handlers of snoozing (ADR 30). */
public final class SnoozeHandlers {

  private SnoozeHandlers() {}

  /** Snoozes a ticket: {@code until} must be an instant after now, at most a year ahead. */
  public static final class Snooze implements Handler<SnoozeTicket, TicketView> {

    private final TicketUpdates updates;

    public Snooze(TicketUpdates updates) {
      this.updates = updates;
    }

    @Override
    public Uni<Result<TicketView>> handle(SnoozeTicket c, RequestContext context) {
      if (c.until() == null || c.until().isBlank()) {
        return Uni.createFrom().item(Result.invalid("until", "is required"));
      }
      Instant until;
      try {
        until = Instant.parse(c.until().strip());
      } catch (DateTimeParseException e) {
        return Uni.createFrom()
            .item(
                Result.invalid("until", "must be an ISO-8601 instant, e.g. 2030-01-31T09:00:00Z"));
      }
      return updates.apply(
          c.ticket(), c.ifMatch(), context, (t, now) -> t.snooze(context.actor(), until, now));
    }
  }

  /** Wakes a snoozed ticket now; one that is not snoozed is answered as it is. */
  public static final class Unsnooze implements Handler<UnsnoozeTicket, TicketView> {

    private final TicketUpdates updates;

    public Unsnooze(TicketUpdates updates) {
      this.updates = updates;
    }

    @Override
    public Uni<Result<TicketView>> handle(UnsnoozeTicket c, RequestContext context) {
      return updates.apply(
          c.ticket(), c.ifMatch(), context, (t, now) -> t.unsnooze(context.actor(), now));
    }
  }
}
