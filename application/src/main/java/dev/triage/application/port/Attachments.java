package dev.triage.application.port;

import dev.triage.application.attachment.AttachmentView;
import dev.triage.application.attachment.StoredAttachment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows of uploads and attachments (what a file is, whose it is, where it is attached); their
 * bytes are the {@link AttachmentStore}'s. Writes run on the command's transaction.
 */
public interface Attachments {

  /** Records a new, unclaimed upload. */
  Uni<Void> add(StoredAttachment upload);

  /** The upload or attachment {@code id} names, if any. */
  Uni<Optional<StoredAttachment>> find(UUID id);

  /**
   * Attaches the unclaimed uploads {@code ids} of {@code uploader} to the ticket (and comment, if
   * any), with the comment's {@code internal}; answers those it claimed, in the order named. One
   * claimed already, or another's, is left out: the caller compares the counts.
   */
  Uni<List<AttachmentView>> claim(
      List<UUID> ids,
      UserId uploader,
      TicketId ticket,
      Optional<CommentId> comment,
      boolean internal,
      Instant at);

  /** The files of a ticket, oldest first; those of internal notes only when asked. */
  Uni<List<AttachmentView>> ofTicket(TicketId ticket, boolean withInternal);

  /** The files of one comment, oldest first. */
  Uni<List<AttachmentView>> ofComment(CommentId comment);

  /**
   * Marks the files of {@code comment} erased (by, at); answers the ids of the bytes that must now
   * go: those no other unerased file shares (a merge's copies share their original's bytes).
   * Erasures of files that share bytes are serialised, so the last one erases them.
   */
  Uni<List<UUID>> eraseOfComment(CommentId comment, UserId by, Instant at);

  /**
   * Deletes up to {@code batch} uploads unclaimed since before {@code before}, skipping rows
   * another replica is deleting; answers their ids, whose bytes must now go.
   */
  Uni<List<UUID>> purgeUnclaimed(Instant before, int batch);
}
