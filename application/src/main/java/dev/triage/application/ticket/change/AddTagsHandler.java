package dev.triage.application.ticket.change;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Tags;
import io.smallrye.mutiny.Uni;

/**
 * Adds tags (each a {@code TagAdded} event); the tags are checked as at creation (422 naming {@code
 * tags}), and a category or tag a policy condition reads selects the policy again.
 */
public final class AddTagsHandler implements Handler<AddTags, TicketView> {

  private final TicketUpdates updates;

  public AddTagsHandler(TicketUpdates updates) {
    this.updates = updates;
  }

  @Override
  public Uni<Result<TicketView>> handle(AddTags c, RequestContext context) {
    if (c.tags() == null || c.tags().isEmpty()) {
      return Uni.createFrom().item(Result.invalid("tags", "name at least one tag"));
    }
    return Results.then(
        Tags.of(c.tags()),
        tags ->
            updates.apply(
                c.ticket(),
                c.ifMatch(),
                context,
                (t, now) -> t.addTags(context.actor(), tags, now)));
  }
}
