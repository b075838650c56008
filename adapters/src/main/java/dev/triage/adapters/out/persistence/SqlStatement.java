package dev.triage.adapters.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

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
   * The where clause of the conditions added so far, then of {@code more}, all joined with {@code
   * and}, with a leading space; empty when there is no condition at all.
   */
  public String where(String... more) {
    List<String> all = new ArrayList<>(conditions);
    all.addAll(List.of(more));
    return all.isEmpty() ? "" : " where " + String.join(" and ", all);
  }

  /** The values bound so far, in placeholder order. */
  public Tuple tuple() {
    return Tuple.from(values);
  }

  /** Runs {@code sql}, which names this statement's placeholders, as a prepared query. */
  public Uni<RowSet<Row>> execute(Pool pool, String sql) {
    return pool.preparedQuery(sql).execute(tuple());
  }
}
