package dev.triage.application.attachment;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Attachments;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records an upload for its caller; the audit entry names the file, never its bytes. */
public record UploadAttachmentHandler(Attachments attachments, Clock clock)
    implements Handler<UploadAttachment, AttachmentView> {

  @Override
  public Uni<Result<AttachmentView>> handle(UploadAttachment c, RequestContext context) {
    Instant now = clock.instant();
    StoredAttachment upload =
        StoredAttachment.upload(
            c.id(), context.actor().id(), c.fileName(), c.contentType(), c.size(), c.sha256(), now);
    return attachments
        .add(upload)
        .map(
            done -> {
              Map<String, Object> state = new LinkedHashMap<>();
              state.put("fileName", c.fileName());
              state.put("contentType", c.contentType());
              state.put("size", c.size());
              state.put("sha256", c.sha256());
              context.effects().changed("Attachment", c.id().toString(), null, state);
              return Result.ok(upload.view());
            });
  }
}
