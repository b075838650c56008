package dev.triage.adapters.out.persistence;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.pgclient.PgPool;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.TransactionPropagation;
import io.vertx.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * Creates the PostgreSQL pool Quarkus hands to Hibernate Reactive, the adapters and the readiness
 * check, with the settings Quarkus worked out, but runs the pool's one-shot queries ({@code
 * pool.query(..)}, {@code pool.preparedQuery(..)}) on a connection leased for them.
 *
 * <p>Why: the Vert.x SQL client (4.5.27, eclipse-vertx/vertx-sql-client#1706) arms a timer of the
 * pool's connection timeout (30 s) for each one-shot query and leaves it armed when no connection
 * can be had (database down, restarting, refusing connections). The query fails at once, as it
 * should; 30 s later the timer fails it a second time, which throws {@code IllegalStateException:
 * Result is already complete} on the event loop, uncaught. Leasing the connection first ({@link
 * Pool#withConnection}) takes the pool's acquire path, which cancels its timer either way. Drop
 * this class once the client no longer has the bug.
 *
 * <p>It also lets longer statements into each connection's prepared-statement cache ({@link
 * #STATEMENT_CACHE_SQL_LIMIT}): the client's default leaves out statements of 2,048 characters or
 * more, and a create's one statement (the ticket, its events and its audit entry) is about that
 * long, so PostgreSQL parsed and planned it anew for every create.
 */
@Singleton
@SuppressWarnings("deprecation") // Quarkus still takes the pool as a PgPool
public class LeasingPoolCreator implements PgPoolCreator {

  /**
   * The longest statement text a connection keeps prepared: the create's is about 2,100 characters;
   * lists and searches stay far below. The cache still holds at most the client's 256 statements
   * per connection.
   */
  static final int STATEMENT_CACHE_SQL_LIMIT = 16_384;

  @Override
  public Pool create(Input input) {
    input
        .pgConnectOptionsList()
        .forEach(o -> o.setPreparedStatementCacheSqlLimit(STATEMENT_CACHE_SQL_LIMIT));
    return leasing(
        PgDriver.INSTANCE.createPool(
            input.vertx(), input.pgConnectOptionsList(), input.poolOptions()));
  }

  /**
   * {@code pool}, with its one-shot queries run on a leased connection: for any other pool of ours
   * too (the read replica's), which has the same bug.
   */
  static PgPool leasing(Pool pool) {
    return pool instanceof LeasingPool leasing ? leasing : new LeasingPool(pool);
  }

  /** A pool that leases a connection for each one-shot query; everything else is the pool's. */
  private static final class LeasingPool implements PgPool {

    private final Pool pool;

    LeasingPool(Pool pool) {
      this.pool = pool;
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
      return new LeasedQuery<>(pool, c -> c.query(sql));
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
      return new LeasedPreparedQuery<>(pool, c -> c.preparedQuery(sql));
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
      return new LeasedPreparedQuery<>(pool, c -> c.preparedQuery(sql, options));
    }

    @Override
    public void getConnection(Handler<AsyncResult<SqlConnection>> handler) {
      pool.getConnection(handler);
    }

    @Override
    public Future<SqlConnection> getConnection() {
      return pool.getConnection();
    }

    @Override
    public <T> Future<T> withTransaction(Function<SqlConnection, Future<T>> function) {
      return pool.withTransaction(function);
    }

    @Override
    public <T> void withTransaction(
        Function<SqlConnection, Future<T>> function, Handler<AsyncResult<T>> handler) {
      pool.withTransaction(function, handler);
    }

    @Override
    public <T> Future<T> withTransaction(
        TransactionPropagation propagation, Function<SqlConnection, Future<T>> function) {
      return pool.withTransaction(propagation, function);
    }

    @Override
    public <T> void withTransaction(
        TransactionPropagation propagation,
        Function<SqlConnection, Future<T>> function,
        Handler<AsyncResult<T>> handler) {
      pool.withTransaction(propagation, function, handler);
    }

    @Override
    public <T> Future<T> withConnection(Function<SqlConnection, Future<T>> function) {
      return pool.withConnection(function);
    }

    @Override
    public <T> void withConnection(
        Function<SqlConnection, Future<T>> function, Handler<AsyncResult<T>> handler) {
      pool.withConnection(function, handler);
    }

    @Override
    public PgPool connectHandler(Handler<SqlConnection> handler) {
      pool.connectHandler(handler);
      return this;
    }

    @Override
    public PgPool connectionProvider(Function<Context, Future<SqlConnection>> provider) {
      pool.connectionProvider(provider);
      return this;
    }

    @Override
    public int size() {
      return pool.size();
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
      pool.close(handler);
    }

    @Override
    public Future<Void> close() {
      return pool.close();
    }
  }

  /** A one-shot query, run on a connection leased from {@code pool} for it. */
  private record LeasedQuery<T>(Pool pool, Function<SqlConnection, Query<T>> query)
      implements Query<T> {

    @Override
    public Future<T> execute() {
      return pool.withConnection(c -> query.apply(c).execute());
    }

    @Override
    public void execute(Handler<AsyncResult<T>> handler) {
      tell(execute(), handler);
    }

    @Override
    public <R> Query<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
      return new LeasedQuery<>(pool, c -> query.apply(c).collecting(collector));
    }

    @Override
    public <U> Query<RowSet<U>> mapping(Function<Row, U> mapper) {
      return new LeasedQuery<>(pool, c -> query.apply(c).mapping(mapper));
    }
  }

  /** A one-shot prepared query, run on a connection leased from {@code pool} for it. */
  private record LeasedPreparedQuery<T>(Pool pool, Function<SqlConnection, PreparedQuery<T>> query)
      implements PreparedQuery<T> {

    @Override
    public Future<T> execute() {
      return pool.withConnection(c -> query.apply(c).execute());
    }

    @Override
    public void execute(Handler<AsyncResult<T>> handler) {
      tell(execute(), handler);
    }

    @Override
    public Future<T> execute(Tuple tuple) {
      return pool.withConnection(c -> query.apply(c).execute(tuple));
    }

    @Override
    public void execute(Tuple tuple, Handler<AsyncResult<T>> handler) {
      tell(execute(tuple), handler);
    }

    @Override
    public Future<T> executeBatch(List<Tuple> batch) {
      return pool.withConnection(c -> query.apply(c).executeBatch(batch));
    }

    @Override
    public void executeBatch(List<Tuple> batch, Handler<AsyncResult<T>> handler) {
      tell(executeBatch(batch), handler);
    }

    @Override
    public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
      return new LeasedPreparedQuery<>(pool, c -> query.apply(c).collecting(collector));
    }

    @Override
    public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
      return new LeasedPreparedQuery<>(pool, c -> query.apply(c).mapping(mapper));
    }
  }

  private static <T> void tell(Future<T> result, Handler<AsyncResult<T>> handler) {
    if (handler != null) {
      result.onComplete(handler);
    }
  }
}
