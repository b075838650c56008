package dev.triage.adapters.out.persistence;

import dev.triage.application.audit.AuditRecord;
import dev.triage.application.port.AuditLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
      "select id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),"
          + " cast(actor_id as text), actor_role, action, entity_type, entity_id,"
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
    filter.from().ifPresent(v -> st.and("occurred_at >= ", utc(v)));
    filter.to().ifPresent(v -> st.and("occurred_at < ", utc(v)));
    after.ifPresent(
        p ->
            st.and(
                "(occurred_at, id) < ("
                    + st.bind(utc(p.occurredAt()))
                    + ", "
                    + st.bind(p.id())
                    + ")"));
    String sql =
        COLUMNS + st.where() + " order by occurred_at desc, id desc limit " + st.bind((long) limit);
    return st.execute(pool, sql)
        .map(
            rows -> {
              List<AuditRecord> records = new ArrayList<>(rows.size());
              rows.forEach(r -> records.add(record(r)));
              return records;
            });
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
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
