package dev.triage.application.ticket.find;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.domain.shared.Result;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaExplanation;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/**
 * The SLA explanation of a ticket: policy and calendar used, every counted working interval, pause
 * and skipped holiday behind each due date and elapsed figure.
 */
public record ExplainSlaHandler(TicketLookup lookup, SlaSettings sla, Clock clock)
    implements Handler<ExplainSla, SlaExplanation> {

  @Override
  public Uni<Result<SlaExplanation>> handle(ExplainSla query, RequestContext context) {
    return lookup.find(
        query.idOrNumber(),
        context,
        t -> Sla.explain(t, sla.policy(), sla.calendar(), clock.instant()));
  }
}
