package dev.triage.application.attachment;

import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An upload's row: who uploaded it, what it is, and (once claimed) the ticket and comment it
 * belongs to. {@code internal} is the comment's: a file of an internal note is staff-only. {@code
 * bytesId} is the id its bytes are stored under: its own, or for a merge's copy of a file the
 * original's (the copy shares them).
 */
public record StoredAttachment(
    UUID id,
    UserId uploaderId,
    String fileName,
    String contentType,
    long size,
    String sha256,
    Instant createdAt,
    Optional<UUID> ticketId,
    Optional<UUID> commentId,
    boolean internal,
    Optional<Instant> erasedAt,
    UUID bytesId) {

  public StoredAttachment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(uploaderId, "uploaderId");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(erasedAt, "erasedAt");
    Objects.requireNonNull(bytesId, "bytesId");
  }

  /** A new upload, claimed by nothing yet. */
  public static StoredAttachment upload(
      UUID id,
      UserId uploader,
      String fileName,
      String contentType,
      long size,
      String sha256,
      Instant at) {
    return new StoredAttachment(
        id,
        uploader,
        fileName,
        contentType,
        size,
        sha256,
        at,
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        id);
  }

  public boolean claimed() {
    return ticketId.isPresent();
  }

  public AttachmentView view() {
    return new AttachmentView(
        id, fileName, contentType, size, erasedAt.isPresent(), commentId.orElse(null));
  }
}
