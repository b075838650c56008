package dev.triage.application.attachment;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Attachments;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.comments.TicketVisibility;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds a file for its download. One the caller may not see answers NOT_FOUND exactly like a
 * missing one: a file of an internal note for a customer, of a ticket out of their sight, or
 * another's unclaimed upload.
 */
public record FindAttachmentHandler(
    Attachments attachments, TicketQueries queries, AccessPolicy policy, Clock clock)
    implements Handler<FindAttachment, StoredAttachment> {

  @Override
  public Uni<Result<StoredAttachment>> handle(FindAttachment query, RequestContext context) {
    Optional<java.util.UUID> id = Uuids.parse(query.id());
    if (id.isEmpty()) {
      return Uni.createFrom().item(missing());
    }
    return attachments.find(id.get()).flatMap(found -> judge(found, context));
  }

  private Uni<Result<StoredAttachment>> judge(
      Optional<StoredAttachment> found, RequestContext context) {
    if (found.isEmpty()) {
      return Uni.createFrom().item(missing());
    }
    StoredAttachment file = found.get();
    if (!file.claimed()) {
      return Uni.createFrom()
          .item(file.uploaderId().equals(context.actor().id()) ? Result.ok(file) : missing());
    }
    return TicketVisibility.of(
            queries, policy, file.ticketId().orElseThrow().toString(), context, clock.instant())
        .map(
            seen ->
                seen.ticket().isPresent() && (!file.internal() || seen.internal())
                    ? Result.ok(file)
                    : missing());
  }

  private static Result<StoredAttachment> missing() {
    return Result.err(ErrorCode.NOT_FOUND, "No such attachment.");
  }
}
