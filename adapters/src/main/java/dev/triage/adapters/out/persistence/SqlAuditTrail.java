package dev.triage.adapters.out.persistence;

import dev.triage.application.audit.AuditEntry;
import dev.triage.application.port.AuditTrail;
import dev.triage.domain.user.Actor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/**
 * Appends audit entries to the {@code audit_log} table in the current transaction, the states as
 * JSON cleaned of secrets by {@link AuditJson}. The table's triggers refuse any later change.
 */
@ApplicationScoped
public class SqlAuditTrail implements AuditTrail {

  private final AuditJson json;

  public SqlAuditTrail(AuditJson json) {
    this.json = json;
  }

  @Override
  public Uni<Void> append(AuditEntry entry) {
    String before = json.write(entry.before()).orElse(null);
    String after = json.write(entry.after()).orElse(null);
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "insert into audit_log (occurred_at, actor_id, actor_role, action,"
                            + " entity_type, entity_id, before, after, client_ip, request_id)"
                            + " values (:occurredAt, cast(cast(:actorId as text) as uuid),"
                            + " cast(:actorRole as text), :action, :entityType, :entityId,"
                            + " cast(cast(:before as text) as jsonb),"
                            + " cast(cast(:after as text) as jsonb),"
                            + " cast(:clientIp as text), cast(:requestId as text))")
                    .setParameter("occurredAt", entry.occurredAt().atOffset(ZoneOffset.UTC))
                    .setParameter(
                        "actorId", entry.actor().map(a -> a.id().value().toString()).orElse(null))
                    .setParameter(
                        "actorRole", entry.actor().map(Actor::role).map(Enum::name).orElse(null))
                    .setParameter("action", entry.action())
                    .setParameter("entityType", entry.entityType())
                    .setParameter("entityId", entry.entityId())
                    .setParameter("before", before)
                    .setParameter("after", after)
                    .setParameter("clientIp", entry.clientIp().isEmpty() ? null : entry.clientIp())
                    .setParameter("requestId", entry.requestId())
                    .executeUpdate())
        .replaceWithVoid();
  }
}
