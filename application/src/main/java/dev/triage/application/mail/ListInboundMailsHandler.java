package dev.triage.application.mail;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.InboundMails;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.comments.TicketVisibility;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.List;

/**
 * Lists the originals of a ticket's inbound mails for staff who may see the ticket; for anyone else
 * the ticket is not there (404), so its mails, headers and all, never reach a customer.
 */
public final class ListInboundMailsHandler
    implements Handler<ListInboundMails, List<InboundMailView>> {

  private final TicketQueries queries;
  private final InboundMails mails;
  private final AccessPolicy policy;
  private final Clock clock;

  public ListInboundMailsHandler(
      TicketQueries queries, InboundMails mails, AccessPolicy policy, Clock clock) {
    this.queries = queries;
    this.mails = mails;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Uni<Result<List<InboundMailView>>> handle(ListInboundMails query, RequestContext context) {
    if (!context.actor().isStaff()) {
      return Uni.createFrom()
          .item(Result.err(ErrorCode.NOT_FOUND, "No ticket " + query.ticket() + "."));
    }
    return TicketVisibility.read(
        queries,
        policy,
        query.ticket(),
        context,
        clock.instant(),
        (ref, internal) ->
            mails
                .ofTicket(ref.id().value())
                .map(all -> all.stream().map(InboundMailView::of).toList()));
  }
}
