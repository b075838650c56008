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
 * Runs the lifecycle move; a refused one names the current status and the allowed next ones.
 * Whether a requester may accept a resolution (RESOLVED to CLOSED) is the runtime settings' call.
 */
public final class ChangeStatusHandler implements Handler<ChangeStatus, TicketView> {

  private final TicketUpdates updates;
  private final TicketRules rules;
  private final CurrentSettings settings;

  public ChangeStatusHandler(TicketUpdates updates, TicketRules rules, CurrentSettings settings) {
    this.updates = updates;
    this.rules = rules;
    this.settings = settings;
  }

  @Override
  public Uni<Result<TicketView>> handle(ChangeStatus c, RequestContext context) {
    return settings
        .get()
        .flatMap(
            current ->
                updates.apply(
                    c.ticket(),
                    c.ifMatch(),
                    context,
                    (t, now) ->
                        t.changeStatus(
                            context.actor(),
                            c.status(),
                            Optional.ofNullable(c.reason()),
                            current.ticketRules(rules),
                            now)));
  }
}
