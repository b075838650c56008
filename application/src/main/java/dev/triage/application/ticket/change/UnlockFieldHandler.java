package dev.triage.application.ticket.change;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.LockableField;
import io.smallrye.mutiny.Uni;

/** Unlocks a field ({@code FieldUnlocked}); a name that is no lockable field is NOT_FOUND. */
public final class UnlockFieldHandler implements Handler<UnlockField, TicketView> {

  private final TicketUpdates updates;

  public UnlockFieldHandler(TicketUpdates updates) {
    this.updates = updates;
  }

  @Override
  public Uni<Result<TicketView>> handle(UnlockField c, RequestContext context) {
    Result<LockableField> field =
        LockableField.parse(c.field(), "field") instanceof Result.Ok<LockableField> ok
            ? ok
            : Result.err(ErrorCode.NOT_FOUND, "No lockable field " + c.field() + ".");
    return Results.then(
        field,
        f ->
            updates.apply(
                c.ticket(), c.ifMatch(), context, (t, now) -> t.unlock(context.actor(), f, now)));
  }
}
