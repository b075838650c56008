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

  /** Tickets whose next SLA alarm is due ($1), earliest first: one partial index (V13). */
  static final String SLA_ALARMS =
      "select id from tickets where next_sla_alarm_at <= $1"
          + " order by next_sla_alarm_at limit $2";

  /** Snoozed tickets whose snooze is over ($1), earliest first: one partial index (V38). */
  static final String SNOOZE_OVER =
      "select id from tickets where snoozed_until <= $1 order by snoozed_until limit $2";

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
  public Uni<List<TicketId>> slaAlarms(Instant now, int limit) {
    return ids(SLA_ALARMS, Tuple.of(at(now), limit));
  }

  @Override
  public Uni<List<TicketId>> snoozeOver(Instant now, int limit) {
    return ids(SNOOZE_OVER, Tuple.of(at(now), limit));
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
