package dev.triage.application.attachment;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.AttachmentStore;
import dev.triage.application.port.Attachments;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.change.RedactComment;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.CommentId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/**
 * Redacts a comment and erases its files' bytes, as its text is erased: the rows stay (name, type,
 * size: the fact), marked erased, and their download answers 410 Gone.
 */
public record ErasingRedactions(
    Handler<RedactComment, CommentView> redactions,
    Attachments attachments,
    AttachmentStore store,
    Clock clock)
    implements Handler<RedactComment, CommentView> {

  @Override
  public Uni<Result<CommentView>> handle(RedactComment c, RequestContext context) {
    return redactions
        .handle(c, context)
        .flatMap(
            result -> {
              if (!(result instanceof Result.Ok<CommentView> ok)) {
                return Uni.createFrom().item(result);
              }
              CommentId comment = CommentId.of(ok.value().id());
              return attachments
                  .eraseOfComment(comment, context.actor().id(), clock.instant())
                  .flatMap(store::erase)
                  .chain(() -> attachments.ofComment(comment))
                  .map(files -> Result.ok(ok.value().withAttachments(files)));
            });
  }
}
