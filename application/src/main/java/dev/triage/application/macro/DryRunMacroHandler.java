package dev.triage.application.macro;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Macros;
import dev.triage.application.port.TicketFieldCatalogue;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.StoredTicket;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;

/**
 * Runs the macro on the ticket as last committed, exactly as {@link ApplyMacroHandler} would, and
 * answers the ticket the change would leave, its clocks evaluated for it; writes nothing.
 */
public record DryRunMacroHandler(
    Macros macros,
    MacroPlans plans,
    TicketLookup lookup,
    SlaClocks sla,
    TicketFieldCatalogue fields,
    Clock clock)
    implements Handler<DryRunMacro, TicketView> {

  @Override
  public Uni<Result<TicketView>> handle(DryRunMacro q, RequestContext context) {
    Actor actor = context.actor();
    Instant now = clock.instant();
    String key = q.ticket() == null ? "" : q.ticket().strip();
    return Results.then(
        MacroChecks.find(q.macroId(), actor, macros::find),
        macro ->
            lookup
                .visible(key, context)
                .flatMap(
                    found -> {
                      if (found.isEmpty()) {
                        return Uni.createFrom()
                            .item(
                                Result.<TicketView>err(
                                    ErrorCode.NOT_FOUND, "No ticket " + key + "."));
                      }
                      StoredTicket stored = found.get();
                      Ticket ticket = stored.ticket();
                      if (q.ifMatch().isPresent() && q.ifMatch().get() != ticket.version()) {
                        return Uni.createFrom()
                            .item(
                                Result.<TicketView>err(
                                    ErrorCode.VERSION_MISMATCH,
                                    "Ticket "
                                        + ticket.number()
                                        + " is at version "
                                        + ticket.version()
                                        + ", not "
                                        + q.ifMatch().get()
                                        + "; reload it and try again."));
                      }
                      return Results.then(
                          plans.plan(macro, ticket, actor, now),
                          plan ->
                              Results.then(
                                  plan.actions().applyTo(ticket, actor, plan.rules(), now),
                                  change -> answer(stored, change, actor, now)));
                    }));
  }

  private Uni<Result<TicketView>> answer(
      StoredTicket before, TicketChange change, Actor actor, Instant now) {
    return sla.change(before.ticket(), change, before.sla(), now)
        .flatMap(
            changed ->
                fields
                    .definitions()
                    .map(
                        catalogue ->
                            Result.ok(
                                TicketView.of(changed.change().ticket(), changed.measured())
                                    .seenBy(actor, catalogue))));
  }
}
