package dev.triage.adapters.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures mean "the database is unavailable, retry shortly" (503) rather than a fault of
 * ours (500), however the driver's error arrives wrapped.
 */
class ExceptionProblemsTest {

  private static PgException pg(String sqlState, String message) {
    return new PgException(message, "FATAL", sqlState, null);
  }

  @Test
  void a_server_that_is_starting_recovering_or_stopping_is_unavailable() {
    assertThat(
            ExceptionProblems.databaseUnavailable(
                pg("57P03", "the database system is starting up")))
        .isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                pg("57P03", "the database system is not yet accepting connections")))
        .isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                pg("57P01", "terminating connection due to administrator command")))
        .isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                pg("57P02", "terminating connection because of crash of another server process")))
        .isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(pg("53300", "sorry, too many clients already")))
        .isTrue();
    assertThat(ExceptionProblems.databaseUnavailable(pg("08006", "connection failure"))).isTrue();
  }

  @Test
  void the_sqlstate_decides_not_the_wording() {
    assertThat(ExceptionProblems.databaseUnavailable(pg("57P03", "anything at all"))).isTrue();
    assertThat(ExceptionProblems.databaseUnavailable(pg("23505", "duplicate key"))).isFalse();
    assertThat(ExceptionProblems.databaseUnavailable(pg("40001", "could not serialize"))).isFalse();
    assertThat(ExceptionProblems.databaseUnavailable(pg("22P02", "invalid input syntax")))
        .isFalse();
  }

  @Test
  void refused_reset_and_dropped_connections_are_unavailable() {
    assertThat(ExceptionProblems.databaseUnavailable(new ConnectException("Connection refused")))
        .isTrue();
    assertThat(ExceptionProblems.databaseUnavailable(new SocketException("Connection reset")))
        .isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new IOException("recvAddress(..) failed: Connection reset by peer")))
        .isTrue();
    assertThat(ExceptionProblems.databaseUnavailable(ClosedConnectionException.INSTANCE)).isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")))
        .isTrue();
    assertThat(ExceptionProblems.databaseUnavailable(new NoStackTraceThrowable("Timeout")))
        .isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new VertxException("Timeout waiting for connection", true)))
        .isTrue();
  }

  @Test
  void the_jdbc_path_is_read_by_sqlstate_too() {
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new SQLException("Connection to localhost:5432 refused.", "08001")))
        .isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new SQLException("FATAL: the database system is starting up", "57P03")))
        .isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new JDBCConnectionException("could not connect", new SQLException("x"))))
        .isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new SQLException("Acquisition timeout while waiting for new connection")))
        .isTrue();
  }

  @Test
  void wrapped_composite_and_suppressed_causes_are_all_looked_at() {
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new CompletionException(
                    new IllegalStateException(
                        "wrapped", pg("57P03", "the database system is starting up")))))
        .isTrue();
    // Hibernate Reactive: the lost connection, then the rollback that could not run on it.
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new CompositeException(
                    ClosedConnectionException.INSTANCE,
                    new IllegalStateException("HR000090: Live transaction detected"))))
        .isTrue();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new CompositeException(
                    new IllegalStateException("first"),
                    pg("57P01", "terminating connection due to immediate shutdown command"))))
        .isTrue();
    RuntimeException withSuppressed = new RuntimeException("outer");
    withSuppressed.addSuppressed(new ConnectException("Connection refused"));
    assertThat(ExceptionProblems.databaseUnavailable(withSuppressed)).isTrue();
  }

  @Test
  void faults_of_ours_are_not_unavailability() {
    assertThat(ExceptionProblems.databaseUnavailable(new IllegalStateException("boom"))).isFalse();
    assertThat(ExceptionProblems.databaseUnavailable(new NullPointerException())).isFalse();
    assertThat(ExceptionProblems.databaseUnavailable(new IOException("Unexpected end of input")))
        .isFalse();
    assertThat(ExceptionProblems.databaseUnavailable(new VertxException("Timeout!", true)))
        .isFalse();
    assertThat(
            ExceptionProblems.databaseUnavailable(
                new RuntimeException("x", pg("42P01", "relation does not exist"))))
        .isFalse();
  }

  @Test
  void a_cycle_of_causes_ends() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.addSuppressed(b);
    assertThat(ExceptionProblems.databaseUnavailable(a)).isFalse();
  }

  @Test
  void data_exceptions_are_the_requests_fault() {
    assertThat(ExceptionProblems.unusableValue(pg("22P05", "unsupported Unicode escape"))).isTrue();
    assertThat(ExceptionProblems.unusableValue(pg("57P03", "starting up"))).isFalse();
  }
}
