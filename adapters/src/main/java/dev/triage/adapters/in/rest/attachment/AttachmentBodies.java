package dev.triage.adapters.in.rest.attachment;

import dev.triage.application.attachment.AttachmentView;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of attachments as comments and tickets list them. */
public final class AttachmentBodies {

  private AttachmentBodies() {}

  @Schema(
      name = "Attachment",
      description =
          "A file attached to a comment or a ticket; download it at /api/v1/attachments/{id}")
  public record AttachmentItem(
      @Schema(required = true) UUID id,
      @Schema(required = true, examples = "screenshot.png") String fileName,
      @Schema(required = true, description = "Bytes") long size,
      @Schema(required = true, examples = "image/png") String contentType,
      @Schema(
              required = true,
              description =
                  "Its comment was redacted: the bytes are erased (its download answers 410),"
                      + " the name and size remain")
          boolean erased,
      @Schema(
              nullable = true,
              description = "The comment it is attached to; null for a file of the ticket itself")
          UUID commentId) {

    public static AttachmentItem of(AttachmentView v) {
      return new AttachmentItem(
          v.id(), v.fileName(), v.size(), v.contentType(), v.erased(), v.commentId());
    }

    public static List<AttachmentItem> all(List<AttachmentView> views) {
      return views.stream().map(AttachmentItem::of).toList();
    }
  }

  @Schema(name = "AttachmentList", description = "A ticket's files, oldest first")
  public record AttachmentList(@Schema(required = true) List<AttachmentItem> items) {}
}
