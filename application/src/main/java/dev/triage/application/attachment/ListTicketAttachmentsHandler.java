package dev.triage.application.attachment;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Attachments;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.comments.TicketVisibility;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.List;

/** Lists a ticket's files; a ticket the caller may not see answers NOT_FOUND. */
public record ListTicketAttachmentsHandler(
    Attachments attachments, TicketQueries queries, AccessPolicy policy, Clock clock)
    implements Handler<ListTicketAttachments, List<AttachmentView>> {

  @Override
  public Uni<Result<List<AttachmentView>>> handle(
      ListTicketAttachments query, RequestContext context) {
    return TicketVisibility.read(
        queries,
        policy,
        query.idOrNumber(),
        context,
        clock.instant(),
        (ticket, internal) -> attachments.ofTicket(ticket.id(), internal));
  }
}
