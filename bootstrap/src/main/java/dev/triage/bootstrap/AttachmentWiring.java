package dev.triage.bootstrap;

import dev.triage.adapters.out.attachment.PostgresAttachmentStore;
import dev.triage.adapters.out.attachment.S3AttachmentStore;
import dev.triage.application.attachment.AttachmentClaims;
import dev.triage.application.attachment.AttachmentLimits;
import dev.triage.application.attachment.FindAttachment;
import dev.triage.application.attachment.FindAttachmentHandler;
import dev.triage.application.attachment.ListTicketAttachments;
import dev.triage.application.attachment.ListTicketAttachmentsHandler;
import dev.triage.application.attachment.UploadAttachment;
import dev.triage.application.attachment.UploadAttachmentHandler;
import dev.triage.application.port.AttachmentStore;
import dev.triage.application.port.Attachments;
import dev.triage.application.port.TicketQueries;
import dev.triage.domain.access.AccessPolicy;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Attachments (ADR 29): their limits and store from configuration, and their use cases registered
 * with the bus. The claims of comments and new tickets, and the erasure on redaction, are wired
 * with those commands ({@link TicketWiring}).
 */
@ApplicationScoped
public class AttachmentWiring {

  @Produces
  @Singleton
  AttachmentLimits attachmentLimits(
      @ConfigProperty(name = "triage.attachments.max-size") MemorySize maxSize,
      @ConfigProperty(name = "triage.attachments.max-per-comment") int maxPerComment,
      @ConfigProperty(name = "triage.attachments.allowed-types") List<String> allowedTypes) {
    return new AttachmentLimits(maxSize.asLongValue(), maxPerComment, Set.copyOf(allowedTypes));
  }

  @Produces
  @Singleton
  AttachmentStore attachmentStore(
      @ConfigProperty(name = "triage.attachments.store") String store,
      Pool primary,
      @ConfigProperty(name = "triage.attachments.s3.endpoint") Optional<URI> endpoint,
      @ConfigProperty(name = "triage.attachments.s3.region") String region,
      @ConfigProperty(name = "triage.attachments.s3.bucket") Optional<String> bucket,
      @ConfigProperty(name = "triage.attachments.s3.access-key") Optional<String> accessKey,
      @ConfigProperty(name = "triage.attachments.s3.secret-key") Optional<String> secretKey,
      @ConfigProperty(name = "triage.attachments.s3.path-style") boolean pathStyle,
      @ConfigProperty(name = "triage.attachments.s3.prefix") Optional<String> prefix) {
    return switch (store.strip().toLowerCase(Locale.ROOT)) {
      case "postgres" -> new PostgresAttachmentStore(primary);
      case "s3" ->
          new S3AttachmentStore(
              new S3AttachmentStore.Settings(
                  endpoint.orElseThrow(() -> missing("TRIAGE_ATTACHMENTS_S3_ENDPOINT")),
                  region,
                  bucket.orElseThrow(() -> missing("TRIAGE_ATTACHMENTS_S3_BUCKET")),
                  accessKey.orElseThrow(() -> missing("TRIAGE_ATTACHMENTS_S3_ACCESS_KEY")),
                  secretKey.orElseThrow(() -> missing("TRIAGE_ATTACHMENTS_S3_SECRET_KEY")),
                  pathStyle,
                  prefix.orElse("")));
      default ->
          throw new IllegalArgumentException(
              "TRIAGE_ATTACHMENTS_STORE must be postgres or s3, not " + store);
    };
  }

  private static IllegalArgumentException missing(String variable) {
    return new IllegalArgumentException("TRIAGE_ATTACHMENTS_STORE=s3 needs " + variable);
  }

  @Produces
  @Singleton
  AttachmentClaims attachmentClaims(Attachments attachments, AttachmentLimits limits) {
    return new AttachmentClaims(attachments, limits);
  }

  @Produces
  @Singleton
  HandlerModule attachments(Attachments attachments, TicketQueries queries, Clock clock) {
    AccessPolicy policy = AccessPolicy.defaults();
    return registry ->
        registry
            .register(UploadAttachment.class, new UploadAttachmentHandler(attachments, clock))
            .register(
                FindAttachment.class,
                new FindAttachmentHandler(attachments, queries, policy, clock))
            .register(
                ListTicketAttachments.class,
                new ListTicketAttachmentsHandler(attachments, queries, policy, clock));
  }
}
