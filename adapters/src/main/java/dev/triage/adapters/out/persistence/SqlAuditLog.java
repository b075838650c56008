package dev.triage.adapters.out.persistence;

import dev.triage.application.audit.AuditRecord;
import dev.triage.application.port.AuditLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the {@code audit_log} table newest first, over the reactive pool with no Hibernate session
 * (ADR 0011). Only the filters given enter the SQL, and pages continue from the last (occurred_at,
 * id) seen, so each page is one index range scan (V6's indexes lead with the filtered column, then
 * the order) whatever its depth.
 *
 * <p>It reads from the {@link ReadReplica} pool: on a standby, the newest entries may appear a
 * moment after their command committed (ADR 0012).
 */
@ApplicationScoped
public class SqlAuditLog implements AuditLog {

  private static final String COLUMNS =
      "select id, "
          + SqlStatement.isoText("occurred_at")
          + ", cast(actor_id as text), actor_role, action, entity_type, entity_id,"
          + " cast(before as text), cast(after as text), client_ip, request_id from audit_log";

  private final Pool pool;

  public SqlAuditLog(@ReadReplica Pool pool) {
    this.pool = pool;
  }

  @Override
  public Uni<List<AuditRecord>> find(Filter filter, Optional<Position> after, int limit) {
    SqlStatement st = new SqlStatement();
    filter.actor().ifPresent(v -> st.and("actor_id = ", v));
    filter.action().ifPresent(v -> st.and("action = ", v));
    filter.entityType().ifPresent(v -> st.and("entity_type = ", v));
    filter.entityId().ifPresent(v -> st.and("entity_id = ", v));
    filter.from().ifPresent(v -> st.and("occurred_at >= ", SqlStatement.utc(v)));
    filter.to().ifPresent(v -> st.and("occurred_at < ", SqlStatement.utc(v)));
    after.ifPresent(p -> st.andBefore("occurred_at", p.occurredAt(), p.id()));
    String sql = st.page(COLUMNS, "occurred_at desc, id desc", limit);
    return st.list(pool, sql, SqlAuditLog::record);
  }

  private static AuditRecord record(Row r) {
    return new AuditRecord(
        r.getLong(0),
        Instant.parse(r.getString(1)),
        text(r, 2).map(UUID::fromString),
        text(r, 3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        text(r, 7),
        text(r, 8),
        text(r, 9),
        text(r, 10));
  }

  private static Optional<String> text(Row r, int column) {
    return Optional.ofNullable(r.getString(column));
  }
}
