package dev.triage.application.audit.list;

import dev.triage.application.Page;
import dev.triage.application.audit.AuditRecord;
import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who did what to which entity, and when? Audit entries newest first, every given filter applied:
 * the acting user (or API token), the action (a command name), the entity type and id, and a time
 * range ({@code from} inclusive, {@code to} exclusive).
 *
 * @param after the position after which the page starts, from the previous page's {@code next}
 */
public record ListAuditEntries(
    Optional<UUID> actor,
    Optional<@Size(max = 100, message = "must be at most 100 characters") String> action,
    Optional<@Size(max = 100, message = "must be at most 100 characters") String> entityType,
    Optional<@Size(max = 200, message = "must be at most 200 characters") String> entityId,
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> after,
    @Min(value = 1, message = "must be 1 to 100") @Max(value = 100, message = "must be 1 to 100")
        int limit)
    implements Query<Page<AuditRecord>> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
