package dev.triage.adapters.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One statement of dynamic SQL for the reactive pool (ADR 0011): each value bound becomes the next
 * numbered placeholder ({@code $1}, {@code $2}, ...), and the conditions of the optional filters
 * are collected into one where clause. The caller writes the rest of the text around what this
 * hands back, then runs it with the values in the order they were bound.
 *
 * <pre>{@code
 * SqlStatement st = new SqlStatement();
 * actor.ifPresent(a -> st.and("actor_id = ", a));
 * String sql = "select ... from audit_log" + st.where() + " limit " + st.bind(50L);
 * st.execute(pool, sql);
 * }</pre>
 *
 * <p>Only values become parameters; column names, orders and constants are the caller's own text,
 * never input. A placeholder may be written more than once, so a value used in several places is
 * bound once.
 */
public final class SqlStatement {

  private final List<Object> values = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();

  /** Binds a value and answers its placeholder, {@code $n} for the n-th value bound. */
  public String bind(Object value) {
    values.add(value);
    return "$" + values.size();
  }

  /** Adds a condition of the where clause, SQL text that already names its placeholders. */
  public SqlStatement and(String condition) {
    conditions.add(condition);
    return this;
  }

  /** Adds the condition {@code left} followed by the placeholder of {@code value}. */
  public SqlStatement and(String left, Object value) {
    return and(left + bind(value));
  }

  /**
   * Adds the condition of a newest-first keyset page: rows before ({@code time}, {@code id}) in the
   * order of ({@code timeColumn}, id).
   */
  public SqlStatement andBefore(String timeColumn, Instant time, Object id) {
    return and("(" + timeColumn + ", id) < (" + bind(utc(time)) + ", " + bind(id) + ")");
  }

  /**
   * The where clause of the conditions added so far, then of {@code more}, all joined with {@code
   * and}, with a leading space; empty when there is no condition at all.
   */
  public String where(String... more) {
    List<String> all = new ArrayList<>(conditions);
    all.addAll(List.of(more));
    return all.isEmpty() ? "" : " where " + String.join(" and ", all);
  }

  /**
   * The query {@code select} (up to and with its from clause) with the where clause, ordered by
   * {@code order}, of {@code limit} rows at most; the limit is bound last.
   */
  public String page(String select, String order, int limit) {
    return select + where() + " order by " + order + " limit " + bind((long) limit);
  }

  /**
   * The value of the {@code timestamptz} {@code column} as ISO-8601 text in UTC, to the
   * microsecond.
   */
  public static String isoText(String column) {
    return "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
  }

  /** The values bound so far, in placeholder order. */
  public Tuple tuple() {
    return Tuple.from(values);
  }

  /** Runs {@code sql}, which names this statement's placeholders, as a prepared query. */
  public Uni<RowSet<Row>> execute(Pool pool, String sql) {
    return pool.preparedQuery(sql).execute(tuple());
  }

  /** Runs {@code sql} like {@link #execute} and answers its rows, each read by {@code row}. */
  public <T> Uni<List<T>> list(Pool pool, String sql, Function<Row, T> row) {
    return execute(pool, sql)
        .map(
            rows -> {
              List<T> out = new ArrayList<>(rows.size());
              rows.forEach(r -> out.add(row.apply(r)));
              return out;
            });
  }

  /** {@code instant} as the UTC time the pool binds to a {@code timestamptz}. */
  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
