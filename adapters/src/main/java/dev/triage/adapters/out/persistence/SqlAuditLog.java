package dev.triage.adapters.out.persistence;

import dev.triage.application.audit.AuditRecord;
import dev.triage.application.port.AuditLog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the {@code audit_log} table newest first. Only the filters given enter the SQL, and pages
 * continue from the last (occurred_at, id) seen, so each page is one index range scan (V6's indexes
 * lead with the filtered column, then the order) whatever its depth.
 */
@ApplicationScoped
public class SqlAuditLog implements AuditLog {

  private static final String COLUMNS =
      "select id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),"
          + " cast(actor_id as text), actor_role, action, entity_type, entity_id,"
          + " cast(before as text), cast(after as text), client_ip, request_id from audit_log";

  @Override
  public Uni<List<AuditRecord>> find(Filter filter, Optional<Position> after, int limit) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    filter.actor().ifPresent(v -> condition(where, parameters, "actor_id = :actor", "actor", v));
    filter.action().ifPresent(v -> condition(where, parameters, "action = :action", "action", v));
    filter
        .entityType()
        .ifPresent(v -> condition(where, parameters, "entity_type = :entityType", "entityType", v));
    filter
        .entityId()
        .ifPresent(v -> condition(where, parameters, "entity_id = :entityId", "entityId", v));
    filter
        .from()
        .ifPresent(v -> condition(where, parameters, "occurred_at >= :from", "from", utc(v)));
    filter.to().ifPresent(v -> condition(where, parameters, "occurred_at < :to", "to", utc(v)));
    after.ifPresent(
        p -> {
          where.add("(occurred_at, id) < (:afterAt, :afterId)");
          parameters.put("afterAt", utc(p.occurredAt()));
          parameters.put("afterId", p.id());
        });
    String sql =
        COLUMNS
            + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
            + " order by occurred_at desc, id desc limit :limit";
    parameters.put("limit", limit);
    return Panache.getSession()
        .flatMap(
            s -> {
              var query = s.createNativeQuery(sql, Object[].class);
              parameters.forEach(query::setParameter);
              return query.getResultList();
            })
        .map(rows -> rows.stream().map(SqlAuditLog::record).toList());
  }

  private static void condition(
      List<String> where, Map<String, Object> parameters, String sql, String name, Object value) {
    where.add(sql);
    parameters.put(name, value);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static AuditRecord record(Object[] row) {
    return new AuditRecord(
        ((Number) row[0]).longValue(),
        Instant.parse((String) row[1]),
        text(row[2]).map(UUID::fromString),
        text(row[3]),
        (String) row[4],
        (String) row[5],
        (String) row[6],
        text(row[7]),
        text(row[8]),
        text(row[9]),
        text(row[10]));
  }

  private static Optional<String> text(Object value) {
    return Optional.ofNullable(value).map(Object::toString);
  }
}
