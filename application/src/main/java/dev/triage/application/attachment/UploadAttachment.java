package dev.triage.application.attachment;

import dev.triage.application.bus.Command;
import java.util.UUID;

/**
 * Record an upload whose bytes the HTTP edge has just stored under {@code id} (checked against the
 * limits and the allow-list while they streamed); answers what the caller later names to attach it.
 * The uploader is the caller.
 */
public record UploadAttachment(
    UUID id, String fileName, String contentType, long size, String sha256)
    implements Command<AttachmentView> {

  /** The command as the edge checks access for it, before any byte is read. */
  public static UploadAttachment probe() {
    return new UploadAttachment(new UUID(0L, 0L), "", "", 0, "");
  }
}
