package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.application.audit.AuditEntry;
import dev.triage.application.port.AuditTrail;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Appends audit entries to the {@code audit_log} table in the current transaction, the states as
 * JSON cleaned of secrets by {@link AuditJson}. The table's triggers refuse any later change.
 */
@ApplicationScoped
public class SqlAuditTrail implements AuditTrail {

  private final AuditJson json;
  private final ObjectMapper mapper;

  public SqlAuditTrail(AuditJson json, ObjectMapper mapper) {
    this.json = json;
    this.mapper = mapper;
  }

  /**
   * Gathered and written with the command's events at the end of its transaction ({@link
   * PendingAppends}); outside a unit of work, at once.
   */
  @Override
  public Uni<Void> append(AuditEntry entry) {
    PendingAppends.AuditRow row =
        new PendingAppends.AuditRow(
            entry.occurredAt().atOffset(ZoneOffset.UTC),
            entry.actor().map(a -> a.id().value().toString()).orElse(null),
            entry.actor().map(Actor::role).map(Enum::name).orElse(null),
            entry.action(),
            entry.entityType(),
            entry.entityId(),
            json.write(entry.before()).orElse(null),
            json.write(entry.after()).orElse(null),
            entry.clientIp().isEmpty() ? null : entry.clientIp(),
            entry.requestId());
    return PendingAppends.append(mapper, List.of(), List.of(row));
  }
}
