package dev.triage.application.ticket.find;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SlaCatalog;
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
public record ExplainSlaHandler(TicketLookup lookup, SlaCatalog catalog, Clock clock)
    implements Handler<ExplainSla, SlaExplanation> {

  @Override
  public Uni<Result<SlaExplanation>> handle(ExplainSla query, RequestContext context) {
    return lookup.findStored(
        query.idOrNumber(),
        context,
        t ->
            catalog
                .pinned(t.sla().pin().policyVersionId(), t.sla().pin().calendarVersionId())
                .map(
                    applied ->
                        Sla.explain(
                            t.ticket(),
                            t.sla().nextReply(),
                            applied.policy(),
                            applied.calendar(),
                            clock.instant())));
  }
}
