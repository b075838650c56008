package dev.triage.application.attachment;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Attachments;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.TicketId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Upload tokens named by a comment or a new ticket, read and claimed. A token is the caller's own
 * unclaimed upload; one claimed already (by this or an earlier request), another's, or purged is
 * refused naming {@code attachments}, and the whole command rolls back with it.
 */
public final class AttachmentClaims {

  public static final String FIELD = "attachments";

  private final Attachments attachments;
  private final AttachmentLimits limits;

  public AttachmentClaims(Attachments attachments, AttachmentLimits limits) {
    this.attachments = attachments;
    this.limits = limits;
  }

  /** The tokens as ids; 422 naming {@code attachments} for too many, repeated or unreadable. */
  public Result<List<UUID>> read(List<String> tokens) {
    if (tokens == null || tokens.isEmpty()) {
      return Result.ok(List.of());
    }
    if (tokens.size() > limits.maxPerComment()) {
      return Result.invalid(FIELD, "at most " + limits.maxPerComment() + " files are allowed");
    }
    List<UUID> ids = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (String token : tokens) {
      Optional<UUID> id = token == null ? Optional.empty() : Uuids.parse(token);
      if (id.isEmpty()) {
        return Result.invalid(FIELD, "each must be an upload token");
      }
      if (!seen.add(id.get())) {
        return Result.invalid(FIELD, "names the same upload twice");
      }
      ids.add(id.get());
    }
    return Result.ok(ids);
  }

  /** Attaches {@code ids} (from {@link #read}) to the ticket and comment; all of them or none. */
  public Uni<Result<List<AttachmentView>>> claim(
      List<UUID> ids,
      RequestContext context,
      TicketId ticket,
      Optional<CommentId> comment,
      boolean internal,
      Instant at) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(Result.ok(List.of()));
    }
    return attachments
        .claim(ids, context.actor().id(), ticket, comment, internal, at)
        .map(
            claimed ->
                claimed.size() == ids.size()
                    ? Result.ok(claimed)
                    : Result.invalid(
                        FIELD,
                        "names an upload that is not yours, was attached already or has"
                            + " expired"));
  }
}
