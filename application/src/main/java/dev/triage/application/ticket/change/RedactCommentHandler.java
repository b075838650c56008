package dev.triage.application.ticket.change;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.CommentView;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketRules;
import io.smallrye.mutiny.Uni;

/** Redacts a comment and answers it as it now reads. */
public final class RedactCommentHandler implements Handler<RedactComment, CommentView> {

  private final TicketUpdates updates;
  private final TicketRules rules;

  public RedactCommentHandler(TicketUpdates updates, TicketRules rules) {
    this.updates = updates;
    this.rules = rules;
  }

  @Override
  public Uni<Result<CommentView>> handle(RedactComment c, RequestContext context) {
    if (!(CommentId.parse(c.commentId()) instanceof Result.Ok<CommentId> id)) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, "No such comment."));
    }
    return updates
        .load(c.ticket(), c.ifMatch(), context)
        .flatMap(
            loaded ->
                switch (loaded) {
                  case Result.Err<Ticket> err -> Uni.createFrom().item(err.<CommentView>cast());
                  case Result.Ok<Ticket> ok -> {
                    Ticket ticket = ok.value();
                    Result<TicketChange> change =
                        ticket.redactComment(context.actor(), id.value(), rules, updates.now());
                    yield switch (change) {
                      case Result.Err<TicketChange> err ->
                          Uni.createFrom().item(err.<CommentView>cast());
                      case Result.Ok<TicketChange> done ->
                          updates
                              .save(ticket, done.value(), context)
                              .map(
                                  r ->
                                      r.map(
                                          t ->
                                              CommentView.of(
                                                  t.id(), t.comment(id.value()).orElseThrow())));
                    };
                  }
                });
  }
}
