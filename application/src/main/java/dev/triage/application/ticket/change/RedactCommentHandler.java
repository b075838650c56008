package dev.triage.application.ticket.change;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.CommentView;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketRules;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** Redacts a comment and answers it as it now reads. Only the named comment is loaded. */
public final class RedactCommentHandler implements Handler<RedactComment, CommentView> {

  private final TicketUpdates updates;
  private final Tickets tickets;
  private final TicketRules rules;

  public RedactCommentHandler(TicketUpdates updates, Tickets tickets, TicketRules rules) {
    this.updates = updates;
    this.tickets = tickets;
    this.rules = rules;
  }

  @Override
  public Uni<Result<CommentView>> handle(RedactComment c, RequestContext context) {
    if (!(CommentId.parse(c.commentId()) instanceof Result.Ok<CommentId> id)) {
      return Uni.createFrom().item(noSuchComment());
    }
    return Results.then(
        updates.load(c.ticket(), c.ifMatch(), context),
        ticket ->
            tickets
                .comment(ticket.id(), id.value())
                .flatMap(comment -> redact(ticket, comment, context)));
  }

  private Uni<Result<CommentView>> redact(
      Ticket ticket, Optional<Comment> comment, RequestContext context) {
    if (comment.isEmpty()) {
      return Uni.createFrom().item(noSuchComment());
    }
    Result<TicketChange> change =
        ticket.redactComment(context.actor(), comment.get(), rules, updates.now());
    return Results.then(
        change,
        done ->
            Results.map(
                updates.save(ticket, done, context),
                saved -> CommentView.of(ticket.id(), done.comment().orElseThrow())));
  }

  private static <T> Result<T> noSuchComment() {
    return Result.err(ErrorCode.NOT_FOUND, "No such comment.");
  }
}
