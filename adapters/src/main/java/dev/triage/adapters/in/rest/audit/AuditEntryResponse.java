package dev.triage.adapters.in.rest.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.triage.application.audit.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry as the API shows it; {@code before} and {@code after} are the stored JSON. */
@Schema(name = "AuditEntry", description = "One successful command: who, what, which entity, when")
public record AuditEntryResponse(
    @Schema(description = "Position of the entry in the log", example = "1042") long id,
    @Schema(description = "When the command ran (UTC)", example = "2026-11-22T10:15:30.123456Z")
        Instant occurredAt,
    @Schema(
            description =
                "The acting user or API token; the nil UUID is the system; null for an anonymous"
                    + " request that named no account",
            example = "0191c0de-7c5e-7a3b-9d4e-2f1a6b8c9d0e",
            nullable = true)
        UUID actorId,
    @Schema(description = "The actor's role", example = "ADMIN", nullable = true) String actorRole,
    @Schema(description = "The command's name", example = "UpdateUser") String action,
    @Schema(
            description = "What kind of thing changed: Ticket, User, Session, ApiToken",
            example = "User")
        String entityType,
    @Schema(description = "Its id", example = "0191c0de-1111-7a3b-9d4e-2f1a6b8c9d0e")
        String entityId,
    @Schema(
            description = "Its state before, as JSON (no secrets); null for a creation",
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
            nullable = true)
        @JsonRawValue
        String before,
    @Schema(
            description = "Its state after, as JSON (no secrets)",
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
            nullable = true)
        @JsonRawValue
        String after,
    @Schema(description = "The client's address", example = "203.0.113.7", nullable = true)
        String clientIp,
    @Schema(description = "The request's X-Request-Id", example = "req-7f3a", nullable = true)
        String requestId) {

  static AuditEntryResponse of(AuditRecord r) {
    return new AuditEntryResponse(
        r.id(),
        r.occurredAt(),
        r.actorId().orElse(null),
        r.actorRole().orElse(null),
        r.action(),
        r.entityType(),
        r.entityId(),
        r.beforeJson().orElse(null),
        r.afterJson().orElse(null),
        r.clientIp().orElse(null),
        r.requestId().orElse(null));
  }

  /** A page of entries and the cursor of the next one (null on the last page). */
  @Schema(name = "AuditPage")
  public record Page(
      List<AuditEntryResponse> items,
      @Schema(description = "Opaque; pass as `cursor` for the next page", nullable = true)
          String nextCursor) {}
}
