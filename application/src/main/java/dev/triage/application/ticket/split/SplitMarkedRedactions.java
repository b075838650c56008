package dev.triage.application.ticket.split;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketSplits;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.change.RedactComment;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.TicketId;
import io.smallrye.mutiny.Uni;

/**
 * A redaction answers the comment as every read shows it, with the ticket it was split into (ADR
 * 30): the mark lives on the comment's row, not in the domain's comment.
 */
public record SplitMarkedRedactions(
    Handler<RedactComment, CommentView> redactions, TicketSplits splits)
    implements Handler<RedactComment, CommentView> {

  @Override
  public Uni<Result<CommentView>> handle(RedactComment c, RequestContext context) {
    return redactions
        .handle(c, context)
        .flatMap(
            result ->
                result instanceof Result.Ok<CommentView> ok
                    ? splits
                        .splitInto(CommentId.of(ok.value().id()))
                        .map(into -> Result.ok(ok.value().withSplitInto(into.map(TicketId::value))))
                    : Uni.createFrom().item(result));
  }
}
