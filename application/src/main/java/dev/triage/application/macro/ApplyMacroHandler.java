package dev.triage.application.macro;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Macros;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Finds the macro, loads and locks the ticket at the expected version, plans the macro's actions
 * for it and lets the ticket run them as one change; saving that change writes the ticket (and the
 * comment, if any) once, appends every event and notes one audit entry.
 */
public record ApplyMacroHandler(Macros macros, MacroPlans plans, TicketUpdates updates)
    implements Handler<ApplyMacro, TicketView> {

  @Override
  public Uni<Result<TicketView>> handle(ApplyMacro c, RequestContext context) {
    Actor actor = context.actor();
    Instant now = updates.now();
    return Results.then(
        MacroChecks.find(c.macroId(), actor, macros::find),
        macro ->
            Results.then(
                updates.load(c.ticket(), c.ifMatch(), context),
                ticket ->
                    Results.then(
                        plans.plan(macro, ticket, actor, now),
                        plan ->
                            Results.then(
                                plan.actions().applyTo(ticket, actor, plan.rules(), now),
                                change -> updates.save(ticket, change, context, now)))));
  }
}
