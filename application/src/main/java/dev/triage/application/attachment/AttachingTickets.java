package dev.triage.application.attachment;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.create.CreateTicket;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens a ticket with the files it names: the ticket as {@code tickets} opens it, then its tokens
 * claimed in the same transaction as files of the ticket itself (seen by whoever sees the ticket).
 */
public record AttachingTickets(Handler<CreateTicket, TicketView> tickets, AttachmentClaims claims)
    implements Handler<CreateTicket, TicketView> {

  @Override
  public Uni<Result<TicketView>> handle(CreateTicket c, RequestContext context) {
    Result<List<UUID>> ids = claims.read(c.attachments());
    if (!(ids instanceof Result.Ok<List<UUID>> read)) {
      return Uni.createFrom().item(((Result.Err<List<UUID>>) ids).cast());
    }
    if (read.value().isEmpty()) {
      return tickets.handle(c, context);
    }
    return tickets
        .handle(c, context)
        .flatMap(
            result ->
                result instanceof Result.Ok<TicketView> ok
                    ? claims
                        .claim(
                            read.value(),
                            context,
                            ok.value().id(),
                            Optional.empty(),
                            false,
                            ok.value().createdAt())
                        .map(files -> files.map(f -> ok.value()))
                    : Uni.createFrom().item(result));
  }
}
