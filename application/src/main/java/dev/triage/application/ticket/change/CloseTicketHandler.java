package dev.triage.application.ticket.change;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.TicketRules;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Closes a ticket if the lifecycle lets the caller; whether a requester may accept a resolution
 * (close a RESOLVED ticket) is the runtime settings' call.
 */
public final class CloseTicketHandler implements Handler<CloseTicket, TicketView> {

  private final TicketUpdates updates;
  private final TicketRules rules;
  private final CurrentSettings settings;

  public CloseTicketHandler(TicketUpdates updates, TicketRules rules, CurrentSettings settings) {
    this.updates = updates;
    this.rules = rules;
    this.settings = settings;
  }

  @Override
  public Uni<Result<TicketView>> handle(CloseTicket c, RequestContext context) {
    return settings
        .get()
        .flatMap(
            current ->
                updates.apply(
                    c.ticket(),
                    c.ifMatch(),
                    context,
                    (t, now) ->
                        t.close(
                            context.actor(),
                            Optional.ofNullable(c.reason()),
                            current.ticketRules(rules),
                            now)));
  }
}
