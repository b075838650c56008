package dev.triage.application.ticket.change;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.LockableField;
import io.smallrye.mutiny.Uni;
import java.util.EnumSet;
import java.util.Set;

/** Locks fields ({@code FieldsLocked}); each name is checked (422 naming {@code fields[i]}). */
public final class LockFieldsHandler implements Handler<LockFields, TicketView> {

  private final TicketUpdates updates;

  public LockFieldsHandler(TicketUpdates updates) {
    this.updates = updates;
  }

  @Override
  public Uni<Result<TicketView>> handle(LockFields c, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    Set<LockableField> fields = EnumSet.noneOf(LockableField.class);
    if (c.fields() == null || c.fields().isEmpty()) {
      errors.add("fields", "name at least one field");
    } else {
      for (int i = 0; i < c.fields().size(); i++) {
        switch (LockableField.parse(c.fields().get(i), "fields[" + i + "]")) {
          case Result.Ok<LockableField> ok -> fields.add(ok.value());
          case Result.Err<LockableField> err ->
              err.fieldErrors().forEach((f, messages) -> messages.forEach(m -> errors.add(f, m)));
        }
      }
    }
    if (!errors.isEmpty()) {
      return Uni.createFrom().item(errors.toResult(() -> null));
    }
    return updates.apply(
        c.ticket(), c.ifMatch(), context, (t, now) -> t.lock(context.actor(), fields, now));
  }
}
