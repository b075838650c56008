package dev.triage.application.ticket.find;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaExplanation;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/**
 * The SLA explanation of a ticket: policy and calendar used, every counted working interval, pause
 * and skipped holiday behind each due date and elapsed figure.
 */
public final class ExplainSlaHandler implements Handler<ExplainSla, SlaExplanation> {

  private final TicketLookup tickets;
  private final SlaSettings sla;
  private final Clock clock;

  public ExplainSlaHandler(TicketLookup tickets, SlaSettings sla, Clock clock) {
    this.tickets = tickets;
    this.sla = sla;
    this.clock = clock;
  }

  @Override
  public Uni<Result<SlaExplanation>> handle(ExplainSla query, RequestContext context) {
    return tickets
        .visible(query.idOrNumber(), context)
        .map(
            found ->
                found
                    .map(
                        t ->
                            Result.ok(
                                Sla.explain(t, sla.policy(), sla.calendar(), clock.instant())))
                    .orElseGet(
                        () ->
                            Result.err(
                                ErrorCode.NOT_FOUND, "No ticket " + query.idOrNumber() + ".")));
  }
}
