package dev.triage.application.attachment;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.change.AddComment;
import dev.triage.application.ticket.change.CommentResult;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.TicketId;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Adds a comment with the files it names: the comment as {@code comments} adds it, then its tokens
 * claimed in the same transaction, with the comment's visibility (a note's files are internal). A
 * reply to a CLOSED ticket opens a follow-up ticket, which then holds the files.
 */
public record AttachingComments(
    Handler<AddComment, CommentResult> comments, AttachmentClaims claims)
    implements Handler<AddComment, CommentResult> {

  @Override
  public Uni<Result<CommentResult>> handle(AddComment c, RequestContext context) {
    Result<List<UUID>> ids = claims.read(c.attachments());
    if (!(ids instanceof Result.Ok<List<UUID>> read)) {
      return Uni.createFrom().item(((Result.Err<List<UUID>>) ids).cast());
    }
    if (read.value().isEmpty()) {
      return comments.handle(c, context);
    }
    return comments
        .handle(c, context)
        .flatMap(
            result ->
                result instanceof Result.Ok<CommentResult> ok
                    ? attach(read.value(), ok.value(), context)
                    : Uni.createFrom().item(result));
  }

  private Uni<Result<CommentResult>> attach(
      List<UUID> ids, CommentResult done, RequestContext context) {
    if (done.comment().isPresent()) {
      CommentView comment = done.comment().get();
      return claims
          .claim(
              ids,
              context,
              TicketId.of(comment.ticketId()),
              Optional.of(CommentId.of(comment.id())),
              comment.internal(),
              comment.createdAt())
          .map(
              files ->
                  files.map(
                      f ->
                          new CommentResult(
                              Optional.of(comment.withAttachments(f)), Optional.empty())));
    }
    var ticket = done.followUpTicket().orElseThrow();
    return claims
        .claim(ids, context, ticket.id(), Optional.empty(), false, ticket.createdAt())
        .map(files -> files.map(f -> done));
  }
}
