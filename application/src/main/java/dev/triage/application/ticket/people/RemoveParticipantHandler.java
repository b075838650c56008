package dev.triage.application.ticket.people;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;

/** Removes a CC or follower (a {@code ParticipantRemoved} event). */
public final class RemoveParticipantHandler implements Handler<RemoveParticipant, TicketView> {

  private final TicketUpdates updates;

  public RemoveParticipantHandler(TicketUpdates updates) {
    this.updates = updates;
  }

  @Override
  public Uni<Result<TicketView>> handle(RemoveParticipant c, RequestContext context) {
    Result<UserId> user = UserId.parse(c.userId() == null ? "" : c.userId());
    if (user instanceof Result.Err<UserId>) {
      return Uni.createFrom().item(Result.invalid("userId", "must be a user id"));
    }
    UserId id = user.orElseThrow();
    return updates.apply(
        c.ticket(),
        c.ifMatch(),
        context,
        (t, now) -> t.removeParticipant(context.actor(), c.kind(), id, now));
  }
}
