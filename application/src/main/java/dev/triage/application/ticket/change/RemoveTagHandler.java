package dev.triage.application.ticket.change;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Removes a tag ({@code TagRemoved}). */
public final class RemoveTagHandler implements Handler<RemoveTag, TicketView> {

  private final TicketUpdates updates;

  public RemoveTagHandler(TicketUpdates updates) {
    this.updates = updates;
  }

  @Override
  public Uni<Result<TicketView>> handle(RemoveTag c, RequestContext context) {
    if (c.tag() == null || c.tag().isBlank()) {
      return Uni.createFrom().item(Result.invalid("tag", "must not be blank"));
    }
    return updates.apply(
        c.ticket(), c.ifMatch(), context, (t, now) -> t.removeTag(context.actor(), c.tag(), now));
  }
}
