package dev.triage.adapters.out.persistence;

import dev.triage.application.port.SweepCandidates;
import dev.triage.domain.ticket.TicketId;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweeps' candidate queries over the indexed ticket columns (V1, V4, V7): plain reads outside
 * any transaction, no locks; the sweep locks each candidate on its own.
 */
@ApplicationScoped
public class SqlSweepCandidates implements SweepCandidates {

  static final String STALE_OPEN =
      "select id from tickets where status = 'OPEN' and not auto_escalated and created_at <= $1"
          + " and (assignee_id is null or first_responded_at is null)"
          + " order by created_at, id limit $2";

  static final String RESOLVED_IDLE =
      "select id from tickets where status = 'RESOLVED' and updated_at <= $1"
          + " order by updated_at, id limit $2";

  /**
   * A running clock due by $2 still missing its breach, and its warning unless already past due
   * ($1); or a clock that stopped after its due date since $3 without a recorded breach.
   */
  static final String SLA_ALARMS =
      "select id from ("
          + " select id from tickets where sla_due_at <= $2 and ("
          + "  (first_response_due_at <= $2 and not ('FIRST_RESPONSE' = any (sla_breaches))"
          + "   and (first_response_due_at <= $1 or not ('FIRST_RESPONSE' = any (sla_warnings))))"
          + "  or (resolution_due_at <= $2 and not ('RESOLUTION' = any (sla_breaches))"
          + "   and (resolution_due_at <= $1 or not ('RESOLUTION' = any (sla_warnings)))))"
          + " union"
          + " select id from tickets where first_response_stopped_at >= $3"
          + "  and first_response_breached and not ('FIRST_RESPONSE' = any (sla_breaches))"
          + " union"
          + " select id from tickets where resolution_stopped_at >= $3"
          + "  and resolution_breached and not ('RESOLUTION' = any (sla_breaches))"
          + ") due limit $4";

  private final Pool pool;

  public SqlSweepCandidates(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Uni<List<TicketId>> staleOpen(Instant createdAtOrBefore, int limit) {
    return ids(STALE_OPEN, Tuple.of(at(createdAtOrBefore), limit));
  }

  @Override
  public Uni<List<TicketId>> resolvedIdle(Instant idleSinceAtOrBefore, int limit) {
    return ids(RESOLVED_IDLE, Tuple.of(at(idleSinceAtOrBefore), limit));
  }

  @Override
  public Uni<List<TicketId>> slaAlarms(
      Instant now, Instant dueBy, Instant stoppedSince, int limit) {
    return ids(SLA_ALARMS, Tuple.of(at(now), at(dueBy), at(stoppedSince), limit));
  }

  private Uni<List<TicketId>> ids(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args).map(SqlSweepCandidates::toIds);
  }

  private static List<TicketId> toIds(RowSet<Row> rows) {
    List<TicketId> ids = new ArrayList<>();
    for (Row row : rows) {
      ids.add(TicketId.of(row.getUUID(0)));
    }
    return ids;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
